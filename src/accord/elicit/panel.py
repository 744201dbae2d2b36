"""A panel on disk: its manifest, the scenario it started from, and its rounds.

A panel folder holds ``panel.yaml`` (the experts, the items, the calibration questions),
``scenario.yaml`` (the scenario as it stood when the panel began), optionally
``calibration.yaml`` (the calibration questions *with* their answers — the analyst's copy,
never sent to the experts), and one folder per round, ``round1/``, ``round2/``, ... with one
file per expert (``NAME.yaml`` or ``NAME.csv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.elicit.items import Item, scenario_items
from accord.errors import AccordError, Problem
from accord.scenario import Scenario, load
from accord.scenario.locate import Located, parse_text

__all__ = [
    "MANIFEST",
    "NAME",
    "RESERVED",
    "Estimate",
    "ExpertAnswers",
    "Panel",
    "Seed",
    "check_names",
    "latest_round",
    "read_panel",
    "round_dir",
]

MANIFEST = "panel.yaml"
#: An expert's name: like an id (it names the expert's file).
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}$")
#: Names of the files a round holds besides the experts' (the report and its key).
RESERVED = frozenset({"feedback", "key"})


@dataclass(frozen=True)
class Estimate:
    """One expert's 5 %, 50 % and 95 % quantiles for one item, and why."""

    p05: float
    p50: float
    p95: float
    rationale: str = ""

    @property
    def triple(self) -> tuple[float, float, float]:
        """``(p05, p50, p95)``."""
        return (self.p05, self.p50, self.p95)


@dataclass(frozen=True)
class ExpertAnswers:
    """What one expert answered in one round (items and calibration questions, by id)."""

    expert: str
    file: str
    items: dict[str, Estimate]
    calibration: dict[str, Estimate]


@dataclass(frozen=True)
class Seed:
    """A calibration question: its text, its bounds and (for the analyst) its answer."""

    id: str
    question: str
    lo: float
    hi: float
    answer: float | None = None


@dataclass(frozen=True)
class Panel:
    """A panel folder, read and checked."""

    folder: Path
    scenario: Scenario
    experts: tuple[str, ...]
    items: dict[str, Item]
    seeds: dict[str, Seed]


def round_dir(folder: Path, number: int) -> Path:
    """Return the folder of round ``number``."""
    return folder / f"round{number}"


def latest_round(folder: Path) -> int:
    """Return the highest round number with a folder (0 if none)."""
    found = [
        int(m.group(1)) for p in folder.glob("round*") if (m := re.fullmatch(r"round(\d+)", p.name))
    ]
    return max(found, default=0)


def check_names(names: list[str], where: str, file: str | None = None) -> list[Problem]:
    """Problems with a list of expert names: bad characters, duplicates (case-insensitive)."""
    problems = [
        Problem(
            "an expert's name names the expert's file",
            path=f"{where}[{i}]",
            file=file,
            expected="letters, digits, '_', '-', '.', starting with a letter or digit (not "
            "'feedback' or 'key')",
            found=repr(n),
        )
        for i, n in enumerate(names)
        if not NAME.match(n) or n.lower() in RESERVED
    ]
    seen: dict[str, int] = {}
    for i, n in enumerate(names):
        key = n.lower()
        if key in seen:
            problems.append(
                Problem(
                    "two experts have the same name",
                    path=f"{where}[{i}]",
                    file=file,
                    expected="a different name for each expert (case does not count)",
                    found=f"{n!r}, as {where}[{seen[key]}]",
                )
            )
        seen.setdefault(key, i)
    return problems


def read_panel(folder: str | Path) -> Panel:
    """Read a panel folder's manifest, scenario and calibration answers."""
    folder = Path(folder)
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise AccordError(
            Problem(
                "not a panel folder: no panel.yaml",
                file=str(manifest),
                expected="a folder written by `accord elicit template`",
            )
        )
    located = parse_text(manifest.read_bytes(), str(manifest))
    data = located.data if isinstance(located.data, dict) else {}
    experts = [str(e) for e in data.get("experts") or []]
    problems = check_names(experts, "experts", str(manifest))
    if not experts:
        problems.append(located.problem(("experts",), "no experts listed", expected="1 or more"))
    if problems:
        raise AccordError(problems)
    scenario = load(folder / "scenario.yaml")
    every = {i.id: i for i in scenario_items(scenario)}
    chosen = [str(i) for i in data.get("items") or []]
    _check_items(chosen, every, located)
    seeds = _read_seeds(folder, data.get("calibration") or [])
    return Panel(
        folder,
        scenario,
        tuple(sorted(experts)),
        {i: every[i] for i in sorted(chosen)},
        seeds,
    )


def _check_items(chosen: list[str], every: dict[str, Item], located: Located) -> None:
    bad = [
        located.problem(("items", n), "unknown item", expected="an item of scenario.yaml", found=i)
        for n, i in enumerate(chosen)
        if i not in every
    ]
    if bad:
        raise AccordError(bad)


def _read_seeds(folder: Path, listed: list[Any]) -> dict[str, Seed]:
    """Return the calibration questions, with answers when ``calibration.yaml`` is there."""
    seeds = {}
    for entry in listed:
        if isinstance(entry, dict) and "id" in entry:
            seeds[str(entry["id"])] = _seed(entry)
    answers = folder / "calibration.yaml"
    if answers.is_file():
        from accord.elicit.calibration import read_answers

        seeds = read_answers(answers, seeds)
    return dict(sorted(seeds.items()))


def _seed(entry: dict[str, Any]) -> Seed:
    lo, hi = (entry.get("bounds") or [None, None])[:2]
    return Seed(
        str(entry["id"]),
        str(entry.get("question", "")),
        float("-inf") if lo is None else float(lo),
        float("inf") if hi is None else float(hi),
    )
