"""Agreement-space benchmark: Pareto frontier + Nash point, Accord vs NegMAS 0.16.

Run:  .venv/bin/python benchmarks/bench_space.py [--quick] [--no-negmas]

Instances: continuous issues 0..100 on a 10-point grid (10 options each), every actor with a
random position and salience on every issue (seeded), linear-additive utilities. For 10^4,
10^5 and 10^6 packages (4, 5, 6 issues) and 2 and 3 parties, both tools compute the Pareto
frontier and the Nash point in the same process; times are the best of ``REPEAT`` runs, peak
memory is tracemalloc's peak over one separate run. The frontiers are checked equal (same
utility vectors, exactly). Then the 10^12-package instances (12 issues), which only the merge
can do.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
import tracemalloc
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from accord.scenario import Scenario, validate_data
from accord.space import space
from accord.space.analysis import analyse
from accord.space.negmas_io import SCALE, to_negmas

REPEAT = 3


def instance(n_issues: int, n_actors: int, seed: int = 0) -> Scenario:
    rng = np.random.default_rng(seed)
    actors = [f"a{i}" for i in range(n_actors)]
    return validate_data(
        {
            "id": f"bench-{n_issues}x{n_actors}",
            "title": "benchmark",
            "actors": [{"id": a, "name": a, "capability": 1.0} for a in actors],
            "issues": [
                {"id": f"i{k}", "name": f"i{k}", "scale": {"lo": 0, "hi": 100}, "reference": 50.0}
                for k in range(n_issues)
            ],
            "stances": {
                a: {
                    f"i{k}": {
                        "position": float(rng.uniform(0, 100)),
                        "salience": float(rng.uniform(0.1, 1.0)),
                    }
                    for k in range(n_issues)
                }
                for a in actors
            },
        }
    )


def accord_run(s: Scenario) -> Any:
    return space(s, grid=10, zopa=False, trades=False)


def negmas_run(ns: Any) -> tuple[Any, Any]:
    from negmas.preferences.ops import nash_points, pareto_frontier

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pts, _ = pareto_frontier(ns.ufuns, issues=ns.outcome_space.issues)
        return pts, nash_points(ns.ufuns, pts, outcome_space=ns.outcome_space)


def best_time(fn: Callable[[], Any]) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(REPEAT):
        gc.collect()
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def peak_mb(fn: Callable[[], Any]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def same_frontier(s: Scenario, negmas_points: Any) -> bool:
    a = analyse(s, grid=10, zopa=False, trades=False)
    d = a.problem.batna
    ours = {
        tuple(float(x) * SCALE for x in row) for row in a.frontier.utility if np.all(row >= d)
    }  # NegMAS keeps the rational part (u >= reserved value)
    return ours == set(map(tuple, negmas_points))


def compare(sizes: list[int], parties: list[int], with_negmas: bool) -> None:
    print(
        f"{'packages':>10} {'parties':>7} {'accord s':>9} {'negmas s':>9} {'speed-up':>9} "
        f"{'accord MB':>9} {'negmas MB':>9} {'mem ratio':>9} {'frontier':>8} same"
    )
    for n_issues in sizes:
        for a in parties:
            s = instance(n_issues, a)
            t_ours, res = best_time(lambda s=s: accord_run(s))
            m_ours = peak_mb(lambda s=s: accord_run(s))
            row = f"{10**n_issues:>10.0e} {a:>7} {t_ours:>9.4f}"
            if with_negmas:
                ns = to_negmas(s, grid=10)
                t_neg, (pts, _) = best_time(lambda ns=ns: negmas_run(ns))
                m_neg = peak_mb(lambda ns=ns: negmas_run(ns))
                row += (
                    f" {t_neg:>9.3f} {t_neg / t_ours:>8.0f}x {m_ours:>9.2f} {m_neg:>9.1f}"
                    f" {m_neg / max(m_ours, 1e-9):>8.0f}x {len(res.frontier):>8}"
                    f" {same_frontier(s, pts)}"
                )
            else:
                row += f" {'-':>9} {'-':>9} {m_ours:>9.2f} {'-':>9} {'-':>9} {len(res.frontier):>8}"
            print(row, flush=True)


def huge(parties: list[int]) -> None:
    print(f"\n{'packages':>10} {'parties':>7} {'merge s':>9} {'peak MB':>9} {'frontier':>8}")
    for a in parties:
        s = instance(12, a)
        t, res = best_time(lambda s=s: accord_run(s))
        m = peak_mb(lambda s=s: accord_run(s))
        print(
            f"{res.n_packages:>10.0e} {a:>7} {t:>9.3f} {m:>9.1f} {len(res.frontier):>8}", flush=True
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10^4 and 10^5 only")
    parser.add_argument("--no-negmas", action="store_true", help="skip the peer")
    args = parser.parse_args()
    print(f"nproc={os.cpu_count()}  numpy={np.__version__}")
    sizes = [4, 5] if args.quick else [4, 5, 6]
    compare(sizes, [2, 3], not args.no_negmas)
    huge([2, 3])


if __name__ == "__main__":
    main()
