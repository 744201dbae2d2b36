"""Post-deal Monte Carlo: medians of interleaved runs, each in a fresh process, with the load.

    .venv/bin/python benchmarks/bench_dynamics_medians.py               # 5 rounds
    .venv/bin/python benchmarks/bench_dynamics_medians.py --rounds 7 --runs 1000000

Each round runs, in this order and each in a fresh process: one process, a pool of 2, a Dask
LocalCluster of 1 worker, one of 2 (the cluster started and warmed up before the clock
starts). Same workload as ``bench_dynamics.py`` (10 clauses, 5 actors, 60 months, deal + no
deal). Prints every measurement with the 1-minute load average before and after it, then the
median, min-max and the ratios of medians (BENCHMARKS.md: never the best run).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIGS = (("local", 1), ("local", 2), ("dask", 1), ("dask", 2))


def measure(kind: str, workers: int, runs: int) -> float:
    """Run once in this process; return the wall time of the simulation alone."""
    sys.path.insert(0, HERE)
    from bench_dynamics import inputs

    from accord.dynamics import simulate_inputs
    from accord.dynamics.inputs import no_deal

    x = inputs()
    both = [x, no_deal(x.actors, x.principals, x.hedgers)]
    if kind == "local":
        t0 = time.perf_counter()
        simulate_inputs(both, runs=runs, horizon=60, seed=1, workers=workers)
        return time.perf_counter() - t0
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        kw = {"executor": "dask", "scheduler": cluster.scheduler_address}
        simulate_inputs(both, runs=20_000, horizon=60, seed=2, **kw)  # warm-up
        t0 = time.perf_counter()
        simulate_inputs(both, runs=runs, horizon=60, seed=1, **kw)
        return time.perf_counter() - t0


def child(kind: str, workers: int, runs: int) -> dict[str, float]:
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--one", kind, str(workers), str(runs)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1"},
    )
    total = time.perf_counter() - t0
    wall = float(out.stdout.strip().splitlines()[-1])
    return {"wall": wall, "process": total, "load0": load0, "load1": os.getloadavg()[0]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--runs", type=int, default=1_000_000)
    ap.add_argument("--one", nargs=3)
    a = ap.parse_args()
    if a.one:
        print(measure(a.one[0], int(a.one[1]), int(a.one[2])))
        return
    print(f"nproc={os.cpu_count()}, {time.strftime('%Y-%m-%d %H:%M')}, {a.runs:,} runs x 60")
    got: dict[tuple[str, int], list[float]] = {c: [] for c in CONFIGS}
    for r in range(a.rounds):
        for kind, workers in CONFIGS:
            m = child(kind, workers, a.runs)
            got[(kind, workers)].append(m["wall"])
            print(
                json.dumps({"round": r + 1, "kind": kind, "workers": workers, **m}), flush=True
            )
    med = {c: statistics.median(v) for c, v in got.items()}
    for c, v in got.items():
        print(f"{c[0]:5} x{c[1]}: median {med[c]:6.2f} s  (min {min(v):.2f}, max {max(v):.2f})")
    print(f"pool 2 vs 1: {med[('local', 1)] / med[('local', 2)]:.2f}x (ratio of medians)")
    print(f"dask 2 vs 1: {med[('dask', 1)] / med[('dask', 2)]:.2f}x (ratio of medians)")


if __name__ == "__main__":
    main()
