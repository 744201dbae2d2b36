"""DEU III: EU legislative bargaining with recorded outcomes (Arregui & Perarnaud 2021).

Each controversial issue becomes one scenario on a 0..100 scale: the Commission, the European
Parliament and every member state that took a position, with its salience (0..100, read as
0..1), the reference point where one is recorded, and the outcome kept in ``Issue.outcome``
for backtests. An actor with a position but no recorded salience is left out (4 cases), as in
the dataset's published baselines. Capabilities are selectable:

- ``equal`` — every actor 1;
- ``nice`` — Council voting weights under the Treaty of Nice for the member states; the
  Commission and the Parliament each get the mean weight of the states taking part;
- ``gdp`` — the GDP row of the file (the Commission and Parliament carry the EU total).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Literal

from accord.errors import AccordError, Problem
from accord.scenario.formats import csv_rows
from accord.scenario.load import validate_data
from accord.scenario.model import Scenario

__all__ = ["ACTOR_NAMES", "NICE_WEIGHTS", "Capability", "read"]

Capability = Literal["equal", "nice", "gdp"]

ACTOR_NAMES = {
    "com": "European Commission",
    "ep": "European Parliament",
    "at": "Austria",
    "be": "Belgium",
    "bu": "Bulgaria",
    "cr": "Croatia",
    "cy": "Cyprus",
    "cz": "Czechia",
    "dk": "Denmark",
    "ee": "Estonia",
    "fi": "Finland",
    "fr": "France",
    "de": "Germany",
    "el": "Greece",
    "hu": "Hungary",
    "ie": "Ireland",
    "it": "Italy",
    "lv": "Latvia",
    "lt": "Lithuania",
    "lu": "Luxembourg",
    "mt": "Malta",
    "nl": "Netherlands",
    "pl": "Poland",
    "pt": "Portugal",
    "ro": "Romania",
    "si": "Slovenia",
    "sk": "Slovakia",
    "es": "Spain",
    "se": "Sweden",
    "uk": "United Kingdom",
}

NICE_WEIGHTS = {
    "de": 29,
    "fr": 29,
    "it": 29,
    "uk": 29,
    "es": 27,
    "pl": 27,
    "ro": 14,
    "nl": 13,
    "be": 12,
    "cz": 12,
    "el": 12,
    "hu": 12,
    "pt": 12,
    "at": 10,
    "bu": 10,
    "se": 10,
    "dk": 7,
    "ie": 7,
    "lt": 7,
    "sk": 7,
    "fi": 7,
    "cr": 7,
    "cy": 4,
    "ee": 4,
    "lv": 4,
    "lu": 4,
    "si": 4,
    "mt": 3,
}

SOURCE = {
    "id": "deu3",
    "title": "DEU III dataset",
    "citation": "Arregui, J. & Perarnaud, C. (2021). A new dataset on legislative decision-making "
    "in the European Union: the DEU III dataset. Journal of European Public Policy.",
    "url": "https://doi.org/10.34810/data53",
}


def read(
    path: str | Path, capability: Capability = "equal", *, with_outcome: bool = False
) -> list[Scenario]:
    """Read every issue of the DEU III file as a scenario.

    Parameters
    ----------
    path
        The ``deu3.tsv`` file.
    capability
        How to weigh actors: ``equal``, ``nice`` or ``gdp``.
    with_outcome
        Keep only the issues with a recorded outcome (353 of 364).
    """
    if capability not in ("equal", "nice", "gdp"):
        raise AccordError(
            Problem(
                "unknown capability choice",
                path="capability",
                expected="equal, nice or gdp",
                found=repr(capability),
            )
        )
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise AccordError(Problem(f"cannot read the file: {err}", file=file)) from None
    rows = csv_rows(text, file, delimiter="\t")
    if len(rows) < 3 or not set(rows[0]) >= _REQUIRED:
        raise AccordError(
            Problem(
                "not a DEU III file",
                file=file,
                line=1,
                expected="a header with " + ", ".join(sorted(_REQUIRED)) + ", p.., s..",
            )
        )
    header = rows[0]
    gdp = dict(zip(header, rows[1], strict=False))
    out, problems = [], []
    for line, row in enumerate(rows[2:], start=3):
        rec = dict(zip(header, row, strict=False))
        if with_outcome and not rec.get("out"):
            continue
        cells = _Cells(rec, gdp, file, line)
        scenario = _scenario(cells, capability)
        problems.extend(cells.problems)
        if scenario is not None:
            out.append(scenario)
    if problems:
        raise AccordError(problems)
    return out


_REQUIRED = frozenset({"prnr", "prname", "isnr", "rp", "out"})


class _Cells:
    """One row of the file, read cell by cell; a cell that is not a number is a problem."""

    def __init__(self, rec: dict[str, str], gdp: dict[str, str], file: str, line: int) -> None:
        self.rec, self.gdp, self.file, self.line = rec, gdp, file, line
        self.problems: list[Problem] = []

    def number(self, key: str, *, gdp_row: bool = False) -> float:
        text = (self.gdp if gdp_row else self.rec).get(key, "")
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.problems.append(
                Problem(
                    f"column {key!r} is not a number",
                    path=key,
                    file=self.file,
                    line=2 if gdp_row else self.line,
                    expected="a finite number",
                    found=repr(text),
                )
            )
        return value


def _weights(cells: _Cells, capability: Capability) -> dict[str, float]:
    rec = cells.rec
    present = [a for a in ACTOR_NAMES if rec.get("p" + a) and rec.get("s" + a)]
    if capability == "equal":
        return dict.fromkeys(present, 1.0)
    if capability == "gdp":
        return {a: cells.number("p" + a, gdp_row=True) for a in present}
    states = [NICE_WEIGHTS[a] for a in present if a in NICE_WEIGHTS]
    mean = sum(states) / len(states) if states else 1.0
    return {a: float(NICE_WEIGHTS.get(a, mean)) for a in present}


def _scenario(cells: _Cells, capability: Capability) -> Scenario | None:
    rec, file, line = cells.rec, cells.file, cells.line
    weights = _weights(cells, capability)
    issue_id = rec["isnr"] or f"line{line}"
    issue: dict[str, object] = {
        "id": "issue",
        "name": f"{rec['prname']} ({issue_id})",
        "scale": {"lo": 0.0, "hi": 100.0},
    }
    if rec.get("rp"):
        issue["reference"] = cells.number("rp")
    if rec.get("out"):
        issue["outcome"] = cells.number("out")
    data = {
        "id": f"deu3-{issue_id}",
        "title": f"DEU III {rec['prnr']} {rec['prname']}, issue {issue_id}",
        "context": {
            "proposal": rec["prnr"],
            "procedure": rec.get("proc", ""),
            "council_vote": rec.get("counvte", ""),
            "capability": capability,
            "line": line,
        },
        "sources": [SOURCE],
        "actors": [
            {"id": a, "name": ACTOR_NAMES[a], "capability": {"value": w, "source": "deu3"}}
            for a, w in weights.items()
        ],
        "issues": [issue],
        "stances": {
            a: {
                "issue": {
                    "position": cells.number("p" + a),
                    "salience": cells.number("s" + a) / 100.0,
                    "source": "deu3",
                }
            }
            for a in weights
        },
    }
    if cells.problems:
        return None
    return validate_data(data, f"{file}:{line}")
