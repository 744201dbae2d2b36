"""Timings of the deal check: the default case, a large synthetic deal, the backtest.

Run: .venv/bin/python benchmarks/bench_feasibility.py
"""

from __future__ import annotations

import time

import accord
from accord.backtest.agreements import backtest_agreements
from accord.feasibility import check
from accord.scenario.model import Deal


def timed(label: str, fn, repeat: int = 3) -> None:
    best = min(_once(fn) for _ in range(repeat))
    print(f"| {label} | {best:.3f} |")


def _once(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def big_deal(n: int) -> accord.Scenario:
    s = accord.load("korea-2018")
    base = [c for d in s.deals for c in d.clauses]
    clauses = [
        base[k % len(base)].model_copy(update={"id": f"c{k}", "depends_on": []}) for k in range(n)
    ]
    deal = Deal(id="big", name="synthetic", clauses=clauses)
    return s.model_copy(update={"deals": [deal]})


def main() -> None:
    s = accord.load("korea-2018")
    print("| what | seconds (best of 3) |")
    print("|---|---|")
    timed("check korea-2018, all 3 deals, 2000 runs", lambda: accord.feasibility.check_all(s))
    timed("check grand-bargain, 20000 runs", lambda: check(s, "grand-bargain", runs=20000))
    big = big_deal(50)
    timed("check 50-clause deal, 2000 runs", lambda: check(big, "big", runs=2000))
    timed("check 50-clause deal, 20000 runs", lambda: check(big, "big", runs=20000), repeat=1)
    timed("backtest agreements (87 clauses), 1000 runs", lambda: backtest_agreements(), 1)


if __name__ == "__main__":
    main()
