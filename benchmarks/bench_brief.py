"""Benchmark: `accord brief` on the default scenario, cold (a fresh process each time).

Run:  .venv/bin/python benchmarks/bench_brief.py [--repeat 3] [--formats html,md,json,pdf]

Prints, per cold run, the wall time and the CPU time (user + system, children included),
then one in-process run split by phase (each analysis, the charts, each output format), and
the size of every file written. Target (BENCHMARKS.md): < 10 s cold with default settings.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cold_run(formats: str | None) -> tuple[float, float, dict[str, int]]:
    """One `accord brief` in a new interpreter: wall s, CPU s, sizes of the files written."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "accord", "brief", "-o", out]
        if formats:
            cmd += ["--format", formats]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        sizes = {p.name: p.stat().st_size for p in Path(out).iterdir()}
    return wall, cpu, sizes


def phases() -> list[tuple[str, float]]:
    """One in-process brief, timed by phase (CPU seconds of this process)."""
    rows: list[tuple[str, float]] = []
    t = time.process_time()
    import accord
    from accord.brief import charts, gather

    rows.append(("import accord", time.process_time() - t))
    attempt = gather.attempt

    def timed(name: str, call):  # type: ignore[no-untyped-def]
        t0 = time.process_time()
        result = attempt(name, call)
        rows.append((f"analysis: {name}", time.process_time() - t0))
        return result

    gather.attempt = timed  # type: ignore[assignment]
    for fn in ("issue_ranges", "frontier", "curves", "tornado"):
        original = getattr(charts, fn)

        def wrapped(*a, _f=original, _n=fn, **k):  # type: ignore[no-untyped-def]
            t0 = time.process_time()
            svg = _f(*a, **k)
            rows.append((f"chart: {_n}", time.process_time() - t0))
            return svg

        setattr(charts, fn, wrapped)
    t = time.process_time()
    b = accord.brief("korea-2018")
    rows.append(("brief() total", time.process_time() - t))
    for fmt in ("html", "md", "json", "pdf"):
        t = time.process_time()
        try:
            b.render(fmt)
        except accord.AccordError:
            continue
        rows.append((f"render: {fmt}", time.process_time() - t))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", default=None, help="as `accord brief --format`")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(f"accord brief, default scenario, cold; nproc={os.cpu_count()}, load={load:.2f}")
    print(f"{'run':>4} {'wall s':>8} {'cpu s':>8}")
    sizes: dict[str, int] = {}
    for k in range(args.repeat):
        wall, cpu, sizes = cold_run(args.formats)
        print(f"{k + 1:>4} {wall:>8.2f} {cpu:>8.2f}")
    for name, size in sorted(sizes.items()):
        print(f"  {name:<24} {size / 1024:>8.0f} KiB")
    print(f"\n{'phase (one in-process run)':<32} {'cpu s':>8}")
    for name, sec in phases():
        print(f"{name:<32} {sec:>8.2f}")


if __name__ == "__main__":
    main()
