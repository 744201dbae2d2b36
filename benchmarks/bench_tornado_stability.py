"""Is the brief's tornado ranking signal or noise? Top drivers for seeds 0-4 on korea-2018.

Run:  .venv/bin/python benchmarks/bench_tornado_stability.py [--seeds 5]

For each seed, the brief's own pipeline (deal check once, 2000 draws; sensitivity with the
brief's design, handed the check): the five widest tornado bars of P(armed conflict) under
Modest agenda, and the bars wider than twice their Monte Carlo error (what the brief ranks).
"""

from __future__ import annotations

import argparse
import math

import accord
from accord.brief.gather import SENSITIVITY
from accord.feasibility import check_all


def main() -> None:
    """Print the top drivers per seed."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=5)
    seeds = ap.parse_args().seeds
    s = accord.load("korea-2018")
    n = int(SENSITIVITY["sweep_reps"])
    for seed in range(seeds):
        checks = check_all(s, runs=2000, seed=seed)
        deals = [d.id for d in s.deals]
        r = accord.sensitivity(s, deals, seed=seed, checks=checks, **SENSITIVITY)
        rows = sorted(r.tornado["modest-agenda"]["p_conflict"], key=lambda x: -x.width)

        def se(x: object) -> float:
            lo, hi = x.at_low, x.at_high  # type: ignore[attr-defined]
            return math.sqrt((lo * (1 - lo) + hi * (1 - hi)) / n)

        ranked = [x.factor for x in rows if x.width > 2 * se(x)]
        print(seed, "top 5:", [x.factor for x in rows[:5]], "| ranked:", ranked)


if __name__ == "__main__":
    main()
