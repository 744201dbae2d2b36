"""Read one round of a panel: every expert's file, checked, with every problem located.

An expert's file is ``roundN/NAME.yaml`` or ``roundN/NAME.csv`` (the one holding estimates;
both holding estimates is an error). Problems found anywhere in the round — a 95 % below a
5 %, a value off the item's bounds, half a triple, an unknown item, a missing file, an expert
named twice — are collected and raised together, each with its file, line and field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accord.elicit.estimates import bounds_of, check_triple, read_csv
from accord.elicit.panel import (
    RESERVED,
    Estimate,
    ExpertAnswers,
    Panel,
    round_dir,
)
from accord.errors import AccordError, Problem
from accord.scenario.locate import Located, parse_text

__all__ = ["read_round"]

_KEYS = {"question", "bounds", "prior", "p05", "p50", "p95", "rationale"}
_TOP = {"expert", "round", "items", "calibration"}


def read_round(panel: Panel, number: int) -> list[ExpertAnswers]:
    """Read round ``number`` of ``panel``; answers sorted by expert name."""
    folder = round_dir(panel.folder, number)
    if not folder.is_dir():
        raise AccordError(
            Problem("no such round", file=str(folder), expected=f"a folder round{number}/")
        )
    problems: list[Problem] = []
    answers = []
    for expert in panel.experts:
        got = _read_expert(panel, folder, expert, problems)
        if got is not None:
            answers.append(got)
    problems += _strangers(panel, folder)
    problems += _same_name(answers)
    if problems:
        raise AccordError(problems)
    return sorted(answers, key=lambda a: a.expert)


def _same_name(answers: list[ExpertAnswers]) -> list[Problem]:
    """Two files naming one expert (case does not count)."""
    seen: dict[str, str] = {}
    problems = []
    for a in answers:
        key = a.expert.lower()
        if key in seen:
            problems.append(
                Problem(
                    "two experts have the same name",
                    path="expert",
                    file=a.file,
                    expected="a different name in each expert's file",
                    found=f"{a.expert!r}, as in {seen[key]}",
                )
            )
        seen.setdefault(key, a.file)
    return problems


def _strangers(panel: Panel, folder: Path) -> list[Problem]:
    known = {e.lower() for e in panel.experts}
    return [
        Problem(
            "a file for an expert the panel does not list",
            file=str(p),
            expected="one of: " + ", ".join(panel.experts) + " (panel.yaml)",
            found=p.stem,
        )
        for p in sorted(folder.iterdir())
        if p.suffix in {".yaml", ".csv"} and p.stem.lower() not in known | RESERVED
    ]


def _read_expert(
    panel: Panel, folder: Path, expert: str, problems: list[Problem]
) -> ExpertAnswers | None:
    found = []
    for suffix, reader in ((".yaml", _read_yaml), (".csv", read_csv)):
        path = folder / f"{expert}{suffix}"
        if path.is_file():
            got = _guarded(reader, panel, path, expert, problems)
            if got is not None and (got.items or got.calibration):
                found.append(got)
    if not any((folder / f"{expert}{s}").is_file() for s in (".yaml", ".csv")):
        problems.append(
            Problem(
                "missing expert file",
                file=str(folder / f"{expert}.yaml"),
                expected=f"{expert}.yaml or {expert}.csv for every expert in panel.yaml",
                found="no file",
            )
        )
    if len(found) > 1:
        problems.append(
            Problem(
                "both of this expert's files hold estimates; keep one",
                file=str(folder / f"{expert}.csv"),
                expected=f"estimates in {expert}.yaml or in {expert}.csv",
                found="both",
            )
        )
        return None
    return found[0] if found else ExpertAnswers(expert, str(folder / f"{expert}.yaml"), {}, {})


def _guarded(reader: Any, panel: Panel, path: Path, expert: str, problems: list[Problem]) -> Any:
    try:
        return reader(panel, path, expert, problems)
    except AccordError as err:  # unreadable file: report it with the others
        problems.extend(err.problems)
        return None


def _read_yaml(panel: Panel, path: Path, expert: str, problems: list[Problem]) -> ExpertAnswers:
    located = parse_text(path.read_bytes(), str(path))
    data = located.data if isinstance(located.data, dict) else {}
    named = str(data.get("expert", expert))
    if named != expert:
        problems.append(
            located.problem(
                ("expert",), "the file names another expert", expected=expert, found=named
            )
        )
    problems += _layout(located, path)
    items = _entries(located, "items", set(panel.items), panel, problems)
    calibration = _entries(located, "calibration", set(panel.seeds), panel, problems)
    return ExpertAnswers(named, str(path), items, calibration)


def _layout(located: Located, path: Path) -> list[Problem]:
    """Problems with the file's outline: not a mapping, unknown keys, another round's file."""
    if not isinstance(located.data, dict):
        return [
            located.problem(
                (),
                "an expert's file is a mapping",
                expected="expert, round, items, calibration",
                found=type(located.data).__name__,
            )
        ]
    problems = [
        located.problem((key,), "unknown field", expected=", ".join(sorted(_TOP)), found=str(key))
        for key in located.data
        if key not in _TOP
    ]
    for key in ("items", "calibration"):
        value = located.data.get(key)
        if value is not None and not isinstance(value, dict):
            problems.append(
                located.problem(
                    (key,), "a mapping of id -> estimate is expected", found=type(value).__name__
                )
            )
    given = located.data.get("round")
    number = path.parent.name.removeprefix("round")
    if given is not None and str(given) != number:
        problems.append(
            located.problem(
                ("round",), "the file is for another round", expected=number, found=str(given)
            )
        )
    return problems


def _entries(
    located: Located, section: str, known: set[str], panel: Panel, problems: list[Problem]
) -> dict[str, Estimate]:
    raw = located.data.get(section) if isinstance(located.data, dict) else None
    out: dict[str, Estimate] = {}
    for key, entry in (raw or {}).items() if isinstance(raw, dict) else ():
        path = (section, key)
        if key not in known:
            what = "item" if section == "items" else "calibration question"
            problems.append(
                located.problem(
                    path, f"unknown {what}", expected=f"an {what} of panel.yaml", found=str(key)
                )
            )
            continue
        extra = sorted(set(entry) - _KEYS) if isinstance(entry, dict) else []
        problems += [
            located.problem((*path, k), "unknown field", expected=", ".join(sorted(_KEYS)))
            for k in extra
        ]
        values = entry if isinstance(entry, dict) else {}
        est = check_triple(values, bounds_of(panel, section, key), problems, located.problem, path)
        if est is not None:
            out[str(key)] = est
    return out
