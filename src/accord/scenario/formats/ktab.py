"""KTAB's SMP CSV: a name line, a header line, then one actor per line.

Line 1: scenario name, description, number of actors, number of dimensions. Line 2: header
``Actor,Description,Power|Influence,<dim> Position,<dim> Salience,...``. Then, per actor:
name, description, power, and a position (0..100) and salience (percent) per dimension
(Wise, Lester, Efird et al., KAPSARC Toolkit for Behavioral Analysis).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accord.errors import AccordError, Problem
from accord.scenario.formats import cell_numbers, csv_rows, refuse_too_many, safe_id
from accord.scenario.load import validate_data
from accord.scenario.model import Scenario

__all__ = ["parse", "read"]


def read(path: str | Path) -> Scenario:
    """Read a KTAB SMP CSV file."""
    return parse(Path(path).read_text(encoding="utf-8-sig"), str(path))


def _cells(row: list[str]) -> list[str]:
    cells = [c.strip() for c in row]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def parse(text: str, file: str = "<input>") -> Scenario:
    """Parse KTAB SMP CSV text into a multi-issue scenario."""
    rows = [_cells(r) for r in csv_rows(text, file)]
    rows = [r for r in rows if r]
    if len(rows) < 3:
        raise AccordError(
            Problem(
                "too short for a KTAB SMP file",
                file=file,
                expected="a name line, a header line and actor lines",
            )
        )
    head = rows[0]
    try:
        n_actors, n_dims = int(head[2]), int(head[3])
    except (IndexError, ValueError):
        raise AccordError(
            Problem(
                "line 1 must give the number of actors and dimensions",
                file=file,
                line=1,
                expected="name,description,actors,dims",
                found=",".join(head),
            )
        ) from None
    _check_counts(head, n_actors, n_dims, file)
    refuse_too_many(max(n_actors, len(rows) - 2), file)
    dims = _dimensions(rows[1], n_dims, file)
    problems: list[Problem] = []
    actors = [_actor(r, n_dims, line, file, problems) for line, r in enumerate(rows[2:], start=3)]
    if len(actors) != n_actors:
        problems.append(
            Problem(
                "number of actors differs from line 1",
                file=file,
                expected=str(n_actors),
                found=str(len(actors)),
            )
        )
    if problems:
        raise AccordError(problems)
    return _scenario(head, dims, [a for a in actors if a is not None], file)


MAX_DIMENSIONS = 1_000


def _check_counts(head: list[str], n_actors: int, n_dims: int, file: str) -> None:
    problems = [
        Problem(
            f"line 1 gives {what} outside the range this format allows",
            file=file,
            line=1,
            column=column,
            expected=expected,
            found=str(n),
        )
        for what, n, column, expected, ok in (
            ("a number of actors", n_actors, 3, "at least 1", n_actors >= 1),
            (
                "a number of dimensions",
                n_dims,
                4,
                f"1 to {MAX_DIMENSIONS:,}",
                1 <= n_dims <= MAX_DIMENSIONS,
            ),
        )
        if not ok
    ]
    if problems:
        raise AccordError(problems)


def _dimensions(header: list[str], n_dims: int, file: str) -> list[str]:
    cols = header[3:]
    if len(cols) < 2 * n_dims:
        raise AccordError(
            Problem(
                "header has too few position/salience columns",
                file=file,
                line=2,
                expected=f"{2 * n_dims}",
                found=str(len(cols)),
            )
        )
    names = []
    for k in range(n_dims):
        name = cols[2 * k].replace("Position", "").replace("Pstn", "").strip()
        names.append(name if name and not name.isdigit() else f"dim{k + 1}")
    return names


def _actor(
    row: list[str], n_dims: int, line: int, file: str, problems: list[Problem]
) -> tuple[str, str, float, list[float]] | None:
    if len(row) < 3 + 2 * n_dims:
        problems.append(
            Problem(
                "too few columns",
                file=file,
                line=line,
                expected=str(3 + 2 * n_dims),
                found=str(len(row)),
            )
        )
        return None
    numbers = cell_numbers(row, range(2, 3 + 2 * n_dims), (file, line), problems)
    return None if numbers is None else (row[0], row[1], numbers[0], numbers[1:])


def _scenario(
    head: list[str], dims: list[str], actors: list[tuple[str, str, float, list[float]]], file: str
) -> Scenario:
    issue_ids = [safe_id(d.lower(), f"dim{k + 1}") for k, d in enumerate(dims)]
    ids = [safe_id(a[0], f"actor{i}") for i, a in enumerate(actors)]
    data: dict[str, Any] = {
        "id": safe_id(head[0], "ktab"),
        "title": head[0],
        "description": head[1] if len(head) > 1 else None,
        "sources": [{"id": "file", "title": f"Imported from {Path(file).name} (KTAB SMP CSV)"}],
        "actors": [
            {"id": i, "name": a[0], "description": a[1] or None, "capability": a[2]}
            for i, a in zip(ids, actors, strict=True)
        ],
        "issues": [
            {"id": iid, "name": d, "scale": {"lo": 0.0, "hi": 100.0}}
            for iid, d in zip(issue_ids, dims, strict=True)
        ],
        "stances": {
            i: {
                iid: {"position": a[3][2 * k], "salience": a[3][2 * k + 1] / 100.0}
                for k, iid in enumerate(issue_ids)
            }
            for i, a in zip(ids, actors, strict=True)
        },
    }
    if data["description"] is None:
        del data["description"]
    for actor in data["actors"]:
        if actor["description"] is None:
            del actor["description"]
    return validate_data(data, file)
