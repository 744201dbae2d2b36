"""Synthetic experts for the tests: fill a panel's files as three experts would."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from accord.elicit.panel import read_panel

#: Each expert's lean, in widths of the scenario's range; round 2 halves it.
LEAN = {"alice": -0.4, "bob": 0.0, "carol": 0.5}


def triple(lo: float, hi: float, low: float, mode: float, high: float, lean: float) -> list[float]:
    width = (high - low) or 0.1 * (abs(mode) or 1.0)
    mid = mode + lean * width
    out = [mid - width, mid, mid + width]
    return [min(max(x, lo), hi) for x in out]


def seed_answer(truth: float | None, seed_id: str, lean: float) -> tuple[float, float, float]:
    """An answer to a calibration question: off by 40 x lean, plus a small miss of its own."""
    assert truth is not None
    centre = truth + 40 * lean + (-4.0, 4.0, -1.0)[sum(map(ord, seed_id)) % 3]
    return (centre - 8, centre, centre + 8)


def fill_yaml(folder: Path, number: int, expert: str, lean: float) -> None:
    panel = read_panel(folder)
    path = folder / f"round{number}" / f"{expert}.yaml"
    data = yaml.safe_load(path.read_text())
    for item_id, entry in data["items"].items():
        item = panel.items[item_id]
        low, high = item.current.bounds
        p05, p50, p95 = triple(item.lo, item.hi, low, item.current.point, high, lean)
        entry.update(p05=p05, p50=p50, p95=p95, rationale=f"lean {lean:+.2f}, round {number}")
    for seed_id, entry in (data.get("calibration") or {}).items():
        p05, p50, p95 = seed_answer(panel.seeds[seed_id].answer, seed_id, lean)
        entry.update(p05=p05, p50=p50, p95=p95)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def fill_csv(folder: Path, number: int, expert: str, lean: float) -> None:
    panel = read_panel(folder)
    path = folder / f"round{number}" / f"{expert}.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    for row in rows:
        if row["item"].startswith("calibration/"):
            seed_id = row["item"].removeprefix("calibration/")
            p05, p50, p95 = seed_answer(panel.seeds[seed_id].answer, seed_id, lean)
            row.update(p05=repr(p05), p50=repr(p50), p95=repr(p95))
            continue
        item = panel.items[row["item"]]
        low, high = item.current.bounds
        p05, p50, p95 = triple(item.lo, item.hi, low, item.current.point, high, lean)
        row.update(p05=repr(p05), p50=repr(p50), p95=repr(p95), rationale="from a spreadsheet")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue())


def fill_round(folder: Path, number: int, shrink: float = 1.0) -> None:
    """Fill every expert's YAML file of round ``number`` (bob's in CSV in round 1)."""
    for expert, lean in LEAN.items():
        only_csv = not (folder / f"round{number}" / f"{expert}.yaml").exists()
        if (number == 1 and expert == "bob") or only_csv:
            fill_csv(folder, number, expert, lean * shrink)
        else:
            fill_yaml(folder, number, expert, lean * shrink)
