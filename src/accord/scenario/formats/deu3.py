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

import csv
import io
from pathlib import Path
from typing import Literal

from accord.errors import AccordError, Problem
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
    rows = list(csv.reader(io.StringIO(Path(path).read_text(encoding="utf-8")), delimiter="\t"))
    if len(rows) < 3 or "out" not in rows[0]:
        raise AccordError(
            Problem(
                "not a DEU III file",
                file=file,
                line=1,
                expected="a header with prnr, isnr, p.., s.., rp, out",
            )
        )
    header = rows[0]
    gdp = dict(zip(header, rows[1], strict=False))
    out = []
    for line, row in enumerate(rows[2:], start=3):
        rec = dict(zip(header, row, strict=False))
        if with_outcome and not rec.get("out"):
            continue
        out.append(_scenario(rec, gdp, capability, file, line))
    return out


def _weights(rec: dict[str, str], gdp: dict[str, str], capability: Capability) -> dict[str, float]:
    present = [a for a in ACTOR_NAMES if rec.get("p" + a) and rec.get("s" + a)]
    if capability == "equal":
        return dict.fromkeys(present, 1.0)
    if capability == "gdp":
        return {a: float(gdp["p" + a]) for a in present}
    states = [NICE_WEIGHTS[a] for a in present if a in NICE_WEIGHTS]
    mean = sum(states) / len(states) if states else 1.0
    return {a: float(NICE_WEIGHTS.get(a, mean)) for a in present}


def _scenario(
    rec: dict[str, str], gdp: dict[str, str], capability: Capability, file: str, line: int
) -> Scenario:
    weights = _weights(rec, gdp, capability)
    issue_id = rec["isnr"] or f"line{line}"
    issue: dict[str, object] = {
        "id": "issue",
        "name": f"{rec['prname']} ({issue_id})",
        "scale": {"lo": 0.0, "hi": 100.0},
    }
    if rec.get("rp"):
        issue["reference"] = float(rec["rp"])
    if rec.get("out"):
        issue["outcome"] = float(rec["out"])
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
                    "position": float(rec["p" + a]),
                    "salience": float(rec["s" + a]) / 100.0,
                    "source": "deu3",
                }
            }
            for a in weights
        },
    }
    return validate_data(data, f"{file}:{line}")
