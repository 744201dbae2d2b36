"""Structured expert elicitation: several experts, one scenario, disagreement kept as uncertainty.

A panel runs in rounds (the IDEA protocol, Hanea et al. 2017): :func:`template` writes a panel
folder with one blank file per expert; the experts answer privately; :func:`feedback` reports
everyone's answers anonymously and :func:`next_round` hands each expert their own answers to
revise; :func:`merge` pools the last round into a scenario whose ranges carry the panel's
spread; :func:`leave_one_out` shows which conclusions depend on who was asked; and
:func:`study` checks the pooling on synthetic panels with a known truth.

>>> from accord.elicit import expert_names
>>> expert_names(3)
['expert-1', 'expert-2', 'expert-3']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from accord.elicit.feedback import Feedback
from accord.elicit.feedback import feedback as _feedback
from accord.elicit.items import Item, scenario_items
from accord.elicit.loeo import Loeo
from accord.elicit.loeo import leave_one_out as _loeo
from accord.elicit.merge import Merged, Weights, merge_round
from accord.elicit.panel import ExpertAnswers, Panel, latest_round, read_panel, round_dir
from accord.elicit.read import read_round
from accord.elicit.study import StudyResult, study
from accord.elicit.template import expert_csv, expert_yaml, write_template
from accord.errors import AccordError, Problem
from accord.scenario import Scenario

__all__ = [
    "ExpertAnswers",
    "Feedback",
    "Item",
    "Loeo",
    "Merged",
    "Panel",
    "StudyResult",
    "answers",
    "expert_names",
    "feedback",
    "leave_one_out",
    "merge",
    "next_round",
    "read_panel",
    "scenario_items",
    "study",
    "template",
]


def expert_names(experts: int | Sequence[str]) -> list[str]:
    """Names for ``experts`` experts (``expert-1``, ...), or the names given."""
    if isinstance(experts, int):
        if experts < 1:
            raise AccordError(
                Problem(
                    "a panel needs experts", path="--experts", expected=">= 1", found=str(experts)
                )
            )
        return [f"expert-{k + 1}" for k in range(experts)]
    return list(experts)


def template(
    scenario: Scenario,
    folder: str | Path,
    experts: int | Sequence[str],
    *,
    items: Sequence[str] = (),
    prior: bool = False,
    calibration: str | Path | None = None,
) -> Path:
    """Write a new panel folder: manifest, scenario copy, one file per expert for round 1."""
    return write_template(
        scenario, folder, expert_names(experts), items=items, prior=prior, calibration=calibration
    )


def answers(panel: Panel, number: int | None = None) -> tuple[int, list[ExpertAnswers]]:
    """Read a round (default: the latest); return its number and the answers."""
    number = latest_round(panel.folder) if number is None else number
    return number, read_round(panel, number)


def feedback(folder: str | Path, *, round: int | None = None) -> Feedback:
    """Return the anonymised feedback report of a round (default: the latest)."""
    panel = read_panel(folder)
    number, given = answers(panel, round)
    return _feedback(panel, given, number)


def next_round(folder: str | Path, *, round: int | None = None) -> Path:
    """Start the round after ``round``: each expert's file pre-filled with their answers."""
    panel = read_panel(folder)
    number, given = answers(panel, round)
    target = round_dir(panel.folder, number + 1)
    if target.exists() and any(target.iterdir()):
        raise AccordError(
            Problem(
                "the next round has already started",
                file=str(target),
                expected="a round folder that does not exist yet",
            )
        )
    items = list(panel.items.values())
    seeds = list(panel.seeds.values())
    files = {}
    for a in given:
        if a.file.endswith(".csv"):
            files[f"{a.expert}.csv"] = expert_csv(items, seeds, answers=a)
        else:
            files[f"{a.expert}.yaml"] = expert_yaml(a.expert, number + 1, items, seeds, answers=a)
    target.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(files.items()):
        (target / name).write_text(text, encoding="utf-8")
    return target


def merge(
    folder: str | Path,
    *,
    round: int | None = None,
    weights: Weights = "equal",
    alpha: float = 0.0,
) -> Merged:
    """Pool a round (default: the latest) into a scenario (see :mod:`accord.elicit.merge`)."""
    panel = read_panel(folder)
    number, given = answers(panel, round)
    return merge_round(panel, given, number, weights=weights, alpha=alpha)


def leave_one_out(
    folder: str | Path,
    *,
    round: int | None = None,
    side: str | None = None,
    weights: Weights = "equal",
    runs: int = 2000,
    seed: int = 0,
    tolerance: float = 0.1,
    alpha: float = 0.0,
) -> Loeo:
    """Rerun forecast, deal check and recommendation without each expert in turn."""
    panel = read_panel(folder)
    number, given = answers(panel, round)
    return _loeo(
        panel,
        given,
        number,
        side=side,
        weights=weights,
        runs=runs,
        seed=seed,
        tolerance=tolerance,
        alpha=alpha,
    )
