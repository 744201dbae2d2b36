"""The expected-utility CSV: ``Actor,Capability,Position,Salience``, one issue.

This is the layout used by Bueno de Mesquita & Stokman (1994) style data sets and by public
re-implementations of the expected-utility model. The scale runs from the lowest to the
highest position; saliences above 1 are read as percentages.
"""

from __future__ import annotations

from pathlib import Path

from accord.errors import AccordError, Problem
from accord.scenario.formats import cell_numbers, csv_rows, refuse_too_many, safe_id
from accord.scenario.load import validate_data
from accord.scenario.model import Scenario

__all__ = ["parse", "read"]

COLUMNS = ("Actor", "Capability", "Position", "Salience")


def read(path: str | Path) -> Scenario:
    """Read an expected-utility CSV file."""
    return parse(Path(path).read_text(encoding="utf-8-sig"), str(path))


def parse(text: str, file: str = "<input>") -> Scenario:
    """Parse expected-utility CSV text into a one-issue scenario."""
    rows = [r for r in csv_rows(text, file) if any(c.strip() for c in r)]
    header = tuple(c.strip() for c in rows[0]) if rows else ()
    if header[:4] != COLUMNS:
        raise AccordError(
            Problem(
                "unexpected header",
                file=file,
                line=1,
                expected=",".join(COLUMNS),
                found=",".join(header),
            )
        )
    refuse_too_many(len(rows) - 1, file)
    problems: list[Problem] = []
    actors = []
    for line, row in enumerate(rows[1:], start=2):
        values = _numbers(row, line, file, problems)
        if values is not None:
            actors.append((row[0].strip(), *values))
    if not actors and not problems:
        problems.append(Problem("no actors", file=file, expected="one actor per line"))
    if problems:
        raise AccordError(problems)
    return _scenario(actors, file)


def _numbers(
    row: list[str], line: int, file: str, problems: list[Problem]
) -> tuple[float, float, float] | None:
    if len(row) < 4 or not row[0].strip():
        problems.append(
            Problem(
                "expected 4 columns with an actor name", file=file, line=line, found=",".join(row)
            )
        )
        return None
    out = cell_numbers(row, range(1, 4), (file, line), problems, list(COLUMNS[1:]))
    return None if out is None else (out[0], out[1], out[2])


def _scenario(actors: list[tuple[str, float, float, float]], file: str) -> Scenario:
    positions = [a[2] for a in actors]
    lo, hi = min(positions), max(positions)
    if lo == hi:
        hi = lo + 1.0
    percent = max(a[3] for a in actors) > 1.0
    ids = [safe_id(a[0], f"actor{i}") for i, a in enumerate(actors)]
    stem = safe_id(Path(file).stem, "imported")
    data = {
        "id": stem,
        "title": f"{Path(file).stem} (expected-utility CSV)",
        "sources": [{"id": "file", "title": f"Imported from {Path(file).name}"}],
        "actors": [
            {"id": i, "name": a[0], "capability": a[1]} for i, a in zip(ids, actors, strict=True)
        ],
        "issues": [{"id": "issue", "name": Path(file).stem, "scale": {"lo": lo, "hi": hi}}],
        "stances": {
            i: {"issue": {"position": a[2], "salience": a[3] / 100.0 if percent else a[3]}}
            for i, a in zip(ids, actors, strict=True)
        },
    }
    return validate_data(data, file)
