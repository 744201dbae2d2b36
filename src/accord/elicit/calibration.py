"""Calibration questions: quantities whose true value the analyst knows and the experts do not.

The analyst writes them in a YAML file::

    questions:
      - id: dprk-tests-2017
        question: How many nuclear tests did North Korea conduct from 2006 to 2017?
        bounds: [0, 20]        # optional; null for an open side
        answer: 6

``accord elicit template --calibration FILE`` copies the file into the panel folder as
``calibration.yaml`` and puts the questions, without answers, in every expert's file. Their
answers give the performance weights of Cooke's classical model (:mod:`accord.elicit.cooke`).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from accord.elicit.panel import NAME, Seed
from accord.errors import AccordError, Problem
from accord.scenario.locate import Located, parse_text

__all__ = ["read_answers", "read_questions"]


def read_questions(path: str | Path) -> list[Seed]:
    """Read and check a calibration file; return its questions with answers, sorted by id."""
    path = Path(path)
    if not path.is_file():
        raise AccordError(Problem("no such calibration file", file=str(path)))
    located = parse_text(path.read_bytes(), str(path))
    entries = located.data.get("questions") if isinstance(located.data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise AccordError(
            located.problem(
                ("questions",), "no calibration questions", expected="a list under 'questions'"
            )
        )
    problems: list[Problem] = []
    seeds: dict[str, Seed] = {}
    for n, entry in enumerate(entries):
        seed = _question(located, n, entry, problems)
        if seed is not None and seed.id in seeds:
            problems.append(
                located.problem(("questions", n, "id"), "two questions share an id", found=seed.id)
            )
        elif seed is not None:
            seeds[seed.id] = seed
    if problems:
        raise AccordError(problems)
    return [seeds[k] for k in sorted(seeds)]


def _question(located: Located, n: int, entry: Any, problems: list[Problem]) -> Seed | None:
    at = ("questions", n)
    if not isinstance(entry, dict) or not NAME.match(str(entry.get("id", ""))):
        problems.append(
            located.problem(at, "a question needs an id", expected="{id, question, answer}")
        )
        return None
    lo, hi = _bounds(entry.get("bounds"))
    answer = _number(entry.get("answer"))
    if answer is None or not lo <= answer <= hi:
        problems.append(
            located.problem(
                (*at, "answer"),
                "a calibration question needs its true answer, inside its bounds",
                expected=f"a number in [{lo:g}, {hi:g}]",
                found=repr(entry.get("answer")),
            )
        )
        return None
    return Seed(str(entry["id"]), str(entry.get("question", "")), lo, hi, answer)


def _bounds(value: Any) -> tuple[float, float]:
    lo, hi = [*list(value), None, None][:2] if isinstance(value, list) else (None, None)
    low, high = _number(lo), _number(hi)
    return (-math.inf if low is None else low, math.inf if high is None else high)


def _number(x: Any) -> float | None:
    ok = isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)
    return float(x) if ok else None


def read_answers(path: Path, seeds: dict[str, Seed]) -> dict[str, Seed]:
    """Add the answers of ``calibration.yaml`` to the questions the panel lists."""
    known = {s.id: s for s in read_questions(path)}
    return {k: known.get(k, s) for k, s in seeds.items()}
