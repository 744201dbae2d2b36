"""Read case files: a scenario plus the recorded outcome of each clause."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from accord.errors import AccordError, Problem
from accord.scenario.load import validate_data
from accord.scenario.locate import Located, parse_text
from accord.scenario.model import Scenario

__all__ = ["Case", "Outcome", "case_files", "load_case", "load_cases"]

_PLACEHOLDER_ISSUE = {
    "id": "implementation",
    "name": "Implementation (placeholder: case files need no issues)",
    "scale": {"lo": 0, "hi": 3},
}


@dataclass(frozen=True)
class Outcome:
    """What became of a clause, on the Peace Accords Matrix scale (0..3)."""

    outcome_0to3: int
    cause_codes: tuple[str, ...] = ()
    basis: str | None = None
    note: str | None = None

    @property
    def implemented(self) -> bool:
        """Implemented = intermediate or full (outcome >= 2)."""
        return self.outcome_0to3 >= 2


@dataclass(frozen=True)
class Case:
    """One agreement: its scenario, the outcomes, and what the loader filled in."""

    scenario: Scenario
    outcomes: dict[str, Outcome]
    file: str
    notes: tuple[str, ...] = ()
    category: str = "arms_control"
    """Kind of agreement for per-domain scores: arms_control, peace, economic or other."""

    @property
    def deal(self) -> str:
        """The id of the deal that holds the agreement's clauses (the first)."""
        return self.scenario.deals[0].id


def case_files(folder: str | Path | None = None) -> list[Path]:
    """Return the sorted ``.yaml``/``.yml`` files of a folder (default: the library)."""
    if folder is None:
        root = Path(str(resources.files("accord.cases")))
    else:
        root = Path(folder)
        if not root.is_dir():
            raise AccordError(
                Problem(
                    "no such folder of case files",
                    file=str(folder),
                    expected="a folder of case .yaml files",
                )
            )
    files = sorted(p for p in root.iterdir() if p.suffix.lower() in {".yaml", ".yml"})
    if not files:
        raise AccordError(
            Problem(
                "no case files in the folder",
                file=str(root),
                expected="at least one .yaml case file",
            )
        )
    return files


def load_cases(folder: str | Path | None = None) -> list[Case]:
    """Load every case file of a folder (default: the shipped library); all problems at once."""
    cases: list[Case] = []
    problems: list[Problem] = []
    for path in case_files(folder):
        try:
            cases.append(load_case(path))
        except AccordError as err:
            problems += err.problems
    if problems:
        raise AccordError(problems)
    return cases


def load_case(path: str | Path) -> Case:
    """Load one case file (see the package docstring for what may be left out)."""
    path = Path(path)
    located = parse_text(path.read_bytes(), str(path))
    if not isinstance(located.data, dict):
        raise AccordError(
            Problem(
                "a case file is a mapping",
                file=str(path),
                line=1,
                expected="a scenario mapping with outcomes",
            )
        )
    data = dict(located.data)
    raw_outcomes = data.pop("outcomes", None) or {}
    data.pop("survival", None)  # read only by accord.backtest.survival
    category = _category(data.pop("library", None), located)
    notes = _normalise(data, raw_outcomes)
    scenario = validate_data(Located(data, str(path), located.positions))
    outcomes = _outcomes(raw_outcomes, scenario, located)
    return Case(scenario, outcomes, str(path), tuple(notes), category)


CATEGORIES = ("arms_control", "peace", "economic", "other")


def _category(block: Any, located: Located) -> str:
    """Return the ``library: {category: ...}`` tag of a case (default arms_control)."""
    if block is None:
        return "arms_control"
    got = block.get("category", "arms_control") if isinstance(block, dict) else None
    if got not in CATEGORIES:
        raise AccordError(
            located.problem(
                ("library", "category"),
                "bad category",
                expected=" | ".join(CATEGORIES),
                found=repr(got)[:40],
            )
        )
    return str(got)


def _normalise(data: dict[str, Any], outcomes: dict[str, Any]) -> list[str]:
    """Fill in what a coder may leave out; return notes on what was filled."""
    notes: list[str] = []
    data.setdefault("format", 1)
    data.setdefault("title", str(data.get("id", "case")))
    if "clauses" in data and "deals" not in data:
        data["deals"] = [{"id": "agreement", "name": data["title"], "clauses": data.pop("clauses")}]
    data.setdefault("issues", [dict(_PLACEHOLDER_ISSUE)])
    clauses = [
        c
        for d in data.get("deals") or []
        if isinstance(d, dict)
        for c in d.get("clauses") or []
        if isinstance(c, dict)
    ]
    for c in clauses:
        notes += _spreadsheet_columns(c, outcomes)
    notes += _fill_actors(data, clauses)
    notes += _drop_outside_dependencies(clauses)
    notes += _fill_sources(data)
    return notes


_OUTCOME_KEYS = ("outcome_0to3", "cause_codes", "basis")
_DROPPED_KEYS = ("agreement", "year", "clause_id")


def _spreadsheet_columns(c: dict[str, Any], outcomes: dict[str, Any]) -> list[str]:
    """Accept a clause written with the development CSV's columns and cell forms."""
    cid = str(c.get("id", c.get("clause_id", "?")))
    c.setdefault("id", cid)
    notes = []
    if "outcome" in c:
        outcomes.setdefault(cid, c.pop("outcome"))
    if any(k in c for k in _OUTCOME_KEYS):
        got = {k: c.pop(k) for k in _OUTCOME_KEYS if k in c}
        if "outcome_0to3" in got:
            outcomes.setdefault(cid, {**got, "note": c.get("note")})
    if "clause" in c:
        c.setdefault("text", c.pop("clause"))
    if "source_keys" in c:
        keys = _split(c.pop("source_keys"))
        if keys:
            c.setdefault("source", keys[0])
    for key in _DROPPED_KEYS:
        if key in c and key != "id":
            c.pop(key)
            notes.append(f"{cid}: column {key!r} ignored")
    for key in ("obligated", "beneficiaries", "depends_on"):
        if isinstance(c.get(key), str):
            c[key] = [_ident(x) for x in _split(c[key])]
    return notes


def _split(text: Any) -> list[str]:
    if not isinstance(text, str):
        return list(text) if isinstance(text, list) else []
    return [x.strip() for x in text.replace(";", ",").split(",") if x.strip() not in ("", "-")]


def _ident(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.\-]+", "_", text).strip("_") or "party"


def _fill_actors(data: dict[str, Any], clauses: list[dict[str, Any]]) -> list[str]:
    actors = data.setdefault("actors", [])
    known = {a.get("id") for a in actors if isinstance(a, dict)}
    named = [
        a
        for c in clauses
        for key in ("obligated", "beneficiaries")
        for a in c.get(key) or []
        if isinstance(a, str)
    ]
    added = [a for a in dict.fromkeys(named) if a not in known]
    actors += [{"id": a, "name": a, "capability": 1.0} for a in added]
    return [f"actor {a!r} added with capability 1" for a in added]


def _drop_outside_dependencies(clauses: list[dict[str, Any]]) -> list[str]:
    ids = {c.get("id") for c in clauses}
    notes = []
    for c in clauses:
        deps = c.get("depends_on") or []
        if isinstance(deps, list) and any(d not in ids for d in deps):
            notes += [
                f"{c.get('id')}: dependency on {d!r} (not in this file) left out"
                for d in deps
                if d not in ids
            ]
            c["depends_on"] = [d for d in deps if d in ids]
    return notes


def _fill_sources(data: dict[str, Any]) -> list[str]:
    sources = data.setdefault("sources", [])
    known = {s.get("id") for s in sources if isinstance(s, dict)}
    cited = sorted(_cited(data) - known)
    sources += [{"id": s, "title": s} for s in cited]
    return [f"source {s!r} cited but not listed; added as a stub" for s in cited]


def _cited(data: Any) -> set[str]:
    if isinstance(data, dict):
        out = {v for k, v in data.items() if k == "source" and isinstance(v, str)}
        for k, v in data.items():
            if k != "sources":
                out |= _cited(v)
        return out
    if isinstance(data, list):
        return set().union(*(_cited(v) for v in data)) if data else set()
    return set()


def _outcomes(raw: Any, s: Scenario, located: Located) -> dict[str, Outcome]:
    ids = {c.id for d in s.deals for c in d.clauses}
    if not isinstance(raw, dict):
        raise AccordError(
            located.problem(
                ("outcomes",),
                "outcomes must be a mapping",
                expected="clause id -> {outcome_0to3: 0..3}",
            )
        )
    out, problems = {}, []
    for cid, value in raw.items():
        value = {"outcome_0to3": value} if isinstance(value, int) else value
        level = value.get("outcome_0to3") if isinstance(value, dict) else None
        if cid not in ids:
            problems.append(
                located.problem(
                    ("outcomes", cid),
                    "outcome of an unknown clause",
                    expected="one of the clause ids: " + ", ".join(sorted(ids)),
                    found=repr(cid),
                )
            )
            continue
        if type(level) is not int or not 0 <= level <= 3:
            problems.append(
                located.problem(
                    ("outcomes", cid, "outcome_0to3"),
                    "bad outcome level",
                    expected="0, 1, 2 or 3 (PAM outcome)",
                    found=repr(level)[:40],
                )
            )
            continue
        codes = _split(value.get("cause_codes") or [])
        out[cid] = Outcome(
            level,
            tuple(str(c) for c in codes if str(c) != "-"),
            value.get("basis"),
            value.get("note"),
        )
    if problems:
        raise AccordError(problems)
    return out
