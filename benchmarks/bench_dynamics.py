"""Post-deal Monte Carlo benchmarks: speed, memory and Dask scaling.

    .venv/bin/python benchmarks/bench_dynamics.py            # full: 10^6 runs x 60 x 10
    .venv/bin/python benchmarks/bench_dynamics.py --quick    # 10^5 runs, for a smoke test

Each measurement runs in a fresh process (so peak RSS is that measurement's own) and prints
one JSON line; the parent prints a table. Targets (benchmarks/README.md): 10^6 runs x 60 months
x 10 clauses < 20 s on 2 cores; memory bounded by chunking; Dask 2 workers vs 1 >= 1.7x.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np

K, A, HORIZON = 10, 5, 60


def inputs():
    from accord.dynamics.inputs import EngineInputs

    rng = np.random.default_rng(0)
    p = rng.uniform(0.3, 0.95, K)
    obligors = np.zeros((K, A), bool)
    obligors[np.arange(K), np.arange(K) % 2] = True
    beneficiaries = np.zeros((K, A), bool)
    beneficiaries[np.arange(K), 1 - np.arange(K) % 2] = True
    beneficiaries[:, 2:4] = rng.uniform(size=(K, 2)) < 0.5
    depends = np.zeros((K, K), bool)
    depends[5, 0] = depends[7, 2] = True
    hedge = np.zeros((K, A))
    hedge[3, 2] = 0.8
    return EngineInputs(
        deal="bench",
        actors=tuple(f"a{i}" for i in range(A)),
        clauses=tuple(f"c{k}" for k in range(K)),
        p_implemented=p,
        p_low=p * 0.8,
        p_high=np.minimum(p * 1.1, 1.0),
        life_months=np.where(np.arange(K) < 3, 24.0, 0.0),
        reversible=np.arange(K) >= 3,
        detection=rng.uniform(0.2, 0.95, K),
        false_alarm=rng.uniform(0.01, 0.05, K),
        credibility=rng.uniform(0.5, 0.95, K),
        obligors=obligors,
        beneficiaries=beneficiaries,
        benefit=beneficiaries * rng.uniform(0.1, 0.6, (K, A)),
        core=np.arange(K) < 8,
        depends=depends,
        hedge=hedge,
        principals=np.arange(A) < 2,
        hedgers=np.arange(A) >= 2,
    )


def one(
    kind: str, runs: int, workers: int, scheduler: str | None = None, horizon: int = HORIZON
) -> dict[str, object]:
    """Run one measurement in this process and return its figures."""
    from accord.dynamics import simulate_inputs
    from accord.dynamics.inputs import no_deal

    x = inputs()
    empty = no_deal(x.actors, x.principals, x.hedgers)  # baseline costs little: K = 0
    kw = {"executor": "dask", "scheduler": scheduler} if kind == "dask" else {}
    t0, c0 = time.perf_counter(), time.process_time()
    r = simulate_inputs([x, empty], runs=runs, horizon=horizon, seed=1, workers=workers, **kw)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "kind": kind,
        "runs": runs,
        "workers": workers,
        "horizon": horizon,
        "wall_s": round(wall, 2),
        "cpu_s_parent": round(cpu, 2),
        "peak_rss_mb": round(own, 1),
        "peak_rss_child_mb": round(kids, 1),
        "p_conflict": r.deals["bench"].at_end("p_conflict"),
    }


def dask_curve(runs: int, counts: list[int]) -> list[dict[str, object]]:
    """Time the same run on LocalClusters of 1, 2, ... single-threaded worker processes."""
    from distributed import Client, LocalCluster

    rows = []
    for n in counts:
        with (
            LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            one("dask", 20_000, n, cluster.scheduler_address)  # warm the workers up
            before = client.run(time.process_time)
            row = one("dask", runs, n, cluster.scheduler_address)
            after = client.run(time.process_time)
            row["worker_cpu_s"] = round(sum(after[w] - before[w] for w in after), 2)
            rows.append(row)
    return rows


def child(args: list[str]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--one", *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--one", nargs="*")
    ap.add_argument("--dask-runs", type=int, default=400_000)
    a = ap.parse_args()
    if a.one is not None:
        kind, runs, workers = a.one[0], int(a.one[1]), int(a.one[2])
        horizon = int(a.one[3]) if len(a.one) > 3 else HORIZON
        if kind == "dask-curve":
            print(json.dumps(dask_curve(runs, [1, 2, 3])))
        else:
            print(json.dumps(one(kind, runs, workers, horizon=horizon)))
        return
    big = 100_000 if a.quick else 1_000_000
    load0 = os.getloadavg()[0]
    rows = [
        child(["local", str(big // 10), "1"]),
        child(["local", str(big), "1"]),
        child(["local", str(big), "2"]),
        child(["local", str(big * 10), "2", "1"]),  # 10x the runs, one month: memory only
    ]
    curve = child(["dask-curve", str(a.dask_runs // (10 if a.quick else 1)), "0"])
    print(
        f"post-deal Monte Carlo: {K} clauses, {A} actors, deal + no deal; "
        f"nproc={os.cpu_count()}, {time.strftime('%Y-%m-%d %H:%M')}, "
        f"load average {load0:.1f} -> {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'executor':8} {'runs':>9} {'months':>6} {'workers':>7} {'wall s':>7} "
        f"{'runs/s':>8} {'worker CPU s':>12} {'peak RSS MB parent / child':>27}"
    )
    for r in [*rows, *curve]:  # type: ignore[list-item]
        print(
            f"{r['kind']:8} {r['runs']:>9} {r['horizon']:>6} {r['workers']:>7} "
            f"{r['wall_s']:>7} {r['runs'] / r['wall_s']:>8.0f} "
            f"{r.get('worker_cpu_s', '-'):>12} {r['peak_rss_mb']:>13} / "
            f"{r['peak_rss_child_mb']}"
        )
    base = curve[0]["wall_s"]
    print(
        "dask wall-clock speed-up vs 1 worker: "
        + ", ".join(f"{c['workers']} workers {base / c['wall_s']:.2f}x" for c in curve)
    )


if __name__ == "__main__":
    main()
