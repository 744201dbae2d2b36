"""One expert's triple checked (numbers, order, bounds), and an expert's CSV file read.

Both formats of an expert's file come through :func:`check_triple`, so a YAML file and a CSV
file with the same mistake get the same problem, located at the file's own line.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Any

from accord.elicit.panel import Estimate, ExpertAnswers, Panel
from accord.errors import Problem

__all__ = ["bounds_of", "check_triple", "read_csv"]


def bounds_of(panel: Panel, section: str, key: str) -> tuple[float, float]:
    """Return the hard bounds of an item or calibration question."""
    if section == "items":
        item = panel.items[key]
        return (item.lo, item.hi)
    seed = panel.seeds[key]
    return (seed.lo, seed.hi)


def check_triple(
    values: dict[str, Any],
    bounds: tuple[float, float],
    problems: list[Problem],
    make: Any,
    path: tuple[Any, ...],
) -> Estimate | None:
    """Check one triple; ``make(path, message, **kw)`` builds a located problem."""
    raw = {k: values.get(k) for k in ("p05", "p50", "p95")}
    if all(v is None or v == "" for v in raw.values()):
        return None
    bad = False
    nums: dict[str, float] = {}
    for k, v in raw.items():
        x = _number(v)
        if x is None:
            problems.append(
                make(
                    (*path, k),
                    "a number is needed here (give all three of p05, p50, p95, or none)",
                    expected="a number",
                    found=repr(v),
                )
            )
            bad = True
        else:
            nums[k] = x
    if bad:
        return None
    lo, hi = bounds
    p05, p50, p95 = nums["p05"], nums["p50"], nums["p95"]
    if not p05 <= p50 <= p95:
        problems.append(
            make(
                (*path, "p95" if p95 < p05 else "p50"),
                "the quantiles are out of order",
                expected="p05 <= p50 <= p95",
                found=f"p05={p05:g}, p50={p50:g}, p95={p95:g}",
            )
        )
        return None
    if p05 < lo or p95 > hi:
        problems.append(
            make(
                (*path, "p05" if p05 < lo else "p95"),
                "outside the item's bounds",
                expected=f"values in [{lo:g}, {hi:g}]",
                found=f"p05={p05:g}, p95={p95:g}",
            )
        )
        return None
    return Estimate(p05, p50, p95, str(values.get("rationale") or ""))


def _number(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v) if math.isfinite(v) and abs(v) <= 1e15 else None
    if isinstance(v, str):
        try:
            x = float(v.strip())
        except ValueError:
            return None
        return x if math.isfinite(x) and abs(x) <= 1e15 else None
    return None


def read_csv(panel: Panel, path: Path, expert: str, problems: list[Problem]) -> ExpertAnswers:
    """Read an expert's CSV file (one row per item, ``calibration/ID`` rows)."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("item", "p05", "p50", "p95") if c not in (reader.fieldnames or [])]
    if missing:
        problems.append(
            Problem(
                "a column is missing",
                file=str(path),
                line=1,
                expected=", ".join(missing),
                found=", ".join(reader.fieldnames or []),
            )
        )
        return ExpertAnswers(expert, str(path), {}, {})
    items: dict[str, Estimate] = {}
    calibration: dict[str, Estimate] = {}
    for row in reader:
        line = reader.line_num
        key = (row.get("item") or "").strip()
        section, name = (
            ("calibration", key[12:]) if key.startswith("calibration/") else ("items", key)
        )
        known = panel.seeds if section == "calibration" else panel.items
        make = _csv_problem(str(path), line)
        if name not in known:
            problems.append(
                make(("item",), "unknown item", expected="an item of panel.yaml", found=key)
            )
            continue
        est = check_triple(row, bounds_of(panel, section, name), problems, make, (key,))
        if est is not None:
            (calibration if section == "calibration" else items)[name] = est
    return ExpertAnswers(expert, str(path), items, calibration)


def _csv_problem(file: str, line: int) -> Any:
    def make(path: tuple[Any, ...], message: str, **kw: str | None) -> Problem:
        return Problem(message, ".".join(str(p) for p in path), file, line, None, **kw)

    return make
