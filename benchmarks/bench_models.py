"""Forecasting benchmarks (benchmarks/models.md).

1. eum, 100 actors x 50 rounds: the vectorised model against the plain pure-Python loop
   oracle of tests/models/eum_oracle.py, same process; results must agree to 1e-9.
2. Every registered model over the 353 DEU III issues (capability: equal), one batch each.

Run: .venv/bin/python benchmarks/bench_models.py [--actors 100] [--rounds 50] [--deu3 PATH]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.models import eum_oracle as oracle  # noqa: E402
from tests.strategies_models import scenario_data  # noqa: E402

from accord.models import registry  # noqa: E402
from accord.models.eum import run_eum  # noqa: E402
from accord.models.run import batch_from_scenarios  # noqa: E402
from accord.scenario import validate_data  # noqa: E402


def bench_eum(actors: int, rounds: int, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 100, actors).round(2).tolist()
    c, s = rng.uniform(0.05, 1, actors).tolist(), rng.uniform(0.05, 1, actors).tolist()
    batch = batch_from_scenarios([(validate_data(scenario_data(x, c, s)), "issue")])
    run_eum(batch, rounds=1)  # warm up
    t0 = time.perf_counter()
    fast = run_eum(batch, rounds=rounds)
    t_fast = time.perf_counter() - t0
    t0 = time.perf_counter()
    medians, means, positions = oracle.run(x, c, s, 100.0, oracle.Settings(rounds=rounds))
    t_loop = time.perf_counter() - t0
    diff = max(
        float(np.max(np.abs(fast.positions[:, 0, :] - np.array(positions)))),
        float(np.max(np.abs(fast.medians[:, 0] - medians))),
        float(np.max(np.abs(fast.means[:, 0] - means))),
    )
    print(f"eum, {actors} actors x {rounds} rounds (defaults)")
    print("| implementation | seconds |\n|---|---|")
    print(f"| pure-Python loop oracle | {t_loop:.2f} |\n| vectorised (NumPy) | {t_fast:.3f} |")
    print(
        f"speed-up {t_loop / t_fast:.0f}x; max |difference| {diff:.1e} "
        f"({'identical to 1e-9' if diff <= 1e-9 else 'DIFFERENT'})\n"
    )


def bench_deu3(path: Path) -> None:
    from accord.scenario.formats import deu3

    t0 = time.perf_counter()
    scenarios = deu3.read(path, "equal", with_outcome=True)
    batch = batch_from_scenarios([(s, "issue") for s in scenarios])
    t_read = time.perf_counter() - t0
    print(f"every model over the {batch.size} DEU III issues (read + batch {t_read:.2f} s)")
    print("| model | seconds |\n|---|---|")
    total = 0.0
    for name in registry.names():
        t0 = time.perf_counter()
        registry.create(name).solve(batch)
        dt = time.perf_counter() - t0
        total += dt
        print(f"| {name} | {dt:.2f} |")
    print(f"| **all models** | **{total:.2f}** |\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=50)
    default = Path(os.environ.get("ACCORD_SHARED", ROOT.parent / "shared")) / "data/deu3/deu3.tsv"
    parser.add_argument("--deu3", type=Path, default=default)
    args = parser.parse_args()
    print(f"nproc {os.cpu_count()}, {time.strftime('%Y-%m-%d')}\n")
    bench_eum(args.actors, args.rounds)
    if args.deu3.is_file():
        bench_deu3(args.deu3)


if __name__ == "__main__":
    main()
