"""Importers: other tools' files read into the same :class:`~accord.scenario.Scenario`.

- :mod:`.bdm` — the expected-utility CSV ``Actor,Capability,Position,Salience`` (one issue);
- :mod:`.ktab` — KTAB's SMP CSV (a name line, a header line, one actor per line);
- :mod:`.deu3` — the DEU III dataset (one scenario per issue).
"""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

from accord.errors import AccordError, Problem
from accord.scenario.model import Scenario

__all__ = ["cell_numbers", "csv_rows", "read_table", "refuse_too_many", "safe_id"]


def safe_id(text: str, fallback: str = "x") -> str:
    """Turn free text into an id the scenario format accepts."""
    cleaned = re.sub(r"[^A-Za-z0-9_.\-]+", "_", text.strip()).strip("_.-")
    return cleaned[:80] or fallback


def csv_rows(text: str, file: str, delimiter: str = ",") -> list[list[str]]:
    """Split CSV text into rows; a row the csv module refuses is a located problem.

    The csv module's field size limit is process-wide state, so it is left as it is: a field
    longer than the limit (131,072 characters) is refused rather than read.
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        rows.extend(reader)
    except csv.Error as err:
        raise AccordError(
            Problem(
                f"not readable as CSV: {err}",
                file=file,
                line=reader.line_num,
                expected=f"fields of at most {csv.field_size_limit():,} characters, quotes closed",
            )
        ) from None
    return rows


def refuse_too_many(n_rows: int, file: str) -> None:
    """Refuse a table with more actor rows than a scenario may hold, before reading them."""
    from accord.scenario.model import MAX_ACTORS

    if n_rows > MAX_ACTORS:
        raise AccordError(
            Problem(
                "too many actors for a scenario",
                file=file,
                expected=f"at most {MAX_ACTORS:,} actor rows",
                found=f"{n_rows:,} rows",
            )
        )


def cell_numbers(
    row: list[str],
    columns: range,
    where: tuple[str, int],
    problems: list[Problem],
    names: list[str] | None = None,
) -> list[float] | None:
    """Read ``row[c]`` for ``c`` in ``columns`` as finite numbers.

    The first cell that is not one adds a problem at ``where`` = (file, line), naming the
    column (1-based) and, if ``names`` are given, the field; then None is returned.
    """
    out = []
    for j, col in enumerate(columns):
        try:
            value = float(row[col])
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            name = names[j] if names else ""
            problems.append(
                Problem(
                    f"{name} is not a number" if name else "not a number",
                    path=name,
                    file=where[0],
                    line=where[1],
                    column=col + 1,
                    expected="a finite number",
                    found=repr(row[col].strip()),
                )
            )
            return None
        out.append(value)
    return out


def read_table(path: Path) -> Scenario:
    """Read a CSV in whichever supported layout it is (expected-utility or KTAB)."""
    from accord.scenario.formats import bdm, ktab
    from accord.scenario.locate import MAX_BYTES

    if path.stat().st_size > MAX_BYTES:
        raise AccordError(
            Problem("file too large", file=str(path), expected=f"at most {MAX_BYTES // 2**20} MB")
        )
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise AccordError(Problem("binary file", file=str(path), expected="CSV text"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AccordError(Problem("not UTF-8 text", file=str(path), expected="CSV text")) from None
    first = text.lstrip().split("\n", 1)[0].replace(" ", "").lower()
    if first.startswith("actor,capability,position,salience"):
        return bdm.parse(text, str(path))
    if path.suffix.lower() == ".tsv" or "\tprnr" in first or first.startswith('"prnrnmc"'):
        raise AccordError(
            Problem(
                "DEU III holds one scenario per issue",
                file=str(path),
                expected="`accord convert deu3.tsv OUTDIR` or accord.scenario.formats.deu3.read()",
            )
        )
    return ktab.parse(text, str(path))
