"""Spatial Model of Politics: Accord's NumPy SMP on KTAB's inputs, against KTAB's ``smpc``.

Run from the repository root::

    .venv/bin/python benchmarks/bench_smp.py [--repeat 3] [--ktab ../shared/data/ktab]

For each input it times ``smp_run`` (best of ``--repeat``; the CSV import is timed apart),
checks the output line for line against KTAB's log (every "Fractional change", position and
"prob :" value, and the number of turns) and prints a table beside KTAB's own elapsed times.
KTAB's C++ cannot be built here (its source cannot be fetched), so its figures are the ones
measured on this machine for shared/design/SMP.md and recorded in the ``kref-*.txt`` logs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.smp.ktab_log, the reference-log reader

from tests.smp.ktab_log import CASES, mismatches, parse_log, render  # noqa: E402

import accord  # noqa: E402
from accord.models.smp import smp_run  # noqa: E402

# KTAB smpc elapsed seconds on this 2-core machine (SMP.md; kref-*.txt): unoptimised, -O2
KTAB = {
    "dummyData_3Dim": ("0.05-0.09", None),
    "SOE-Pol-Comp": ("0.5-0.7", None),
    "dummyData_6Dim": ("9.0", 2.3),
    "dummyData-a040": ("25", None),
    "dummyData-a080": ("360", 72.0),
}


def _best(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def bench(ktab: Path, name: str, repeat: int) -> dict[str, object]:
    """Time one input and check it against KTAB's log."""
    csv = ktab / f"{name}.csv"
    t_load = _best(lambda: accord.load(csv), repeat)
    scenario = accord.load(csv)
    t_run = _best(lambda: smp_run(scenario), repeat)
    result = smp_run(scenario)
    logged = parse_log(ktab / CASES[name])
    ours = render(result.positions, result.prob, result.change)
    bad = (
        mismatches([logged.fractions], [ours.fractions], "fractional")
        + mismatches(logged.positions, ours.positions, "positions")
        + mismatches(logged.probs, ours.probs, "prob")
    )
    unopt, o2 = KTAB[name]
    return {
        "input": name,
        "actors x dims": f"{len(result.actors)} x {len(result.issues)}",
        "turns": f"{result.turns} ({logged.turns})",
        "identical": "yes" if not bad and result.turns == logged.turns else "NO",
        "accord s": f"{t_run:.3f}",
        "load s": f"{t_load:.3f}",
        "KTAB s": unopt,
        "KTAB -O2 s": "-" if o2 is None else f"{o2:.1f}",
        "vs -O2": "-" if o2 is None else f"{o2 / t_run:.0f}x",
        "vs unopt": f"{float(unopt.split('-')[-1]) / t_run:.0f}x",
    }


def main() -> None:
    """Run every KTAB input and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ktab", type=Path, default=ROOT.parent / "shared" / "data" / "ktab")
    args = parser.parse_args()
    rows = [bench(args.ktab, name, args.repeat) for name in CASES]
    cols = list(rows[0])
    print(f"# smp benchmark, {time.strftime('%Y-%m-%d')}, nproc={os.cpu_count()}")
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in cols) + " |")


if __name__ == "__main__":
    main()
