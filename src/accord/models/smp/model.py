"""The ``smp`` plug-in: KTAB's Spatial Model of Politics behind the forecasting protocol.

A :class:`~accord.models.base.Batch` holds one-dimensional rows; the SMP is multi-dimensional,
so the rows of one scenario (or of one uncertainty draw of it) are run together, each issue a
dimension. Rows belong to the same problem while they share the scenario's context and no
issue id repeats (a repeated issue starts the next draw). Each row's forecast is the expected
outcome of the final state on that issue; its trajectory holds every turn's positions and
winning probabilities.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from accord.errors import AccordError, Problem
from accord.models.base import Batch, FloatArray, Model, Solution
from accord.models.registry import register
from accord.models.smp.inputs import UnitProblem, to_unit
from accord.models.smp.result import outcome_distribution
from accord.models.smp.run import SmpRun, run_smp

__all__ = ["SpatialModelOfPolitics", "problem_groups"]

Outcome = Literal["expected", "most-probable"]


def problem_groups(batch: Batch) -> list[list[int]]:
    """Rows of ``batch`` grouped into multi-dimensional problems (consecutive rows)."""
    groups: list[list[int]] = []
    seen: set[str] = set()
    context: object = None
    for b, issue in enumerate(batch.issues):
        ctx = batch.contexts[b] if batch.contexts else None
        if not groups or issue in seen or ctx is not context:
            groups.append([])
            seen = set()
        groups[-1].append(b)
        seen.add(issue)
        context = ctx
    return groups


def _final(run: SmpRun, unit: UnitProblem, outcome: str) -> FloatArray:
    points, prob = outcome_distribution(
        run.positions[-1], unit.salience, unit.capability, run.risk[-1]
    )
    if outcome == "most-probable":
        out: FloatArray = points[int(np.argmax(prob))]
        return out
    out = prob @ points
    return out


def _trajectory(
    run: SmpRun, actors: list[str], to_scale: Any, k: int
) -> tuple[dict[str, Any], ...]:
    x = to_scale(run.positions)[:, :, k]
    return tuple(
        {
            "turn": t,
            "positions": dict(zip(actors, map(float, x[t]), strict=True)),
            "prob": dict(zip(actors, map(float, run.prob[t]), strict=True)),
        }
        for t in range(run.turns + 1)
    )


@register
class SpatialModelOfPolitics(Model):
    """KTAB's Spatial Model of Politics (Wise, Lester, Efird et al., KAPSARC; SMP.md).

    Risk attitudes come from a probabilistic Condorcet election over current positions; each
    actor challenges the actor it expects to gain most from, third parties join either side,
    bargains are interpolated by salience and win probability, and each actor's queue of
    bargains is settled by a further election. All issues of a scenario are dimensions of one
    run; the run stops when a turn's change is under ``min_change`` of the first turn's.

    Parameters
    ----------
    max_turns
        Most turns to run (KTAB: 100).
    min_change
        Stop after a turn (from the second on) whose total movement is under this fraction of
        the first turn's (KTAB: 0.02).
    outcome
        The forecast on each issue: ``expected`` (default), the final state's distinct
        positions weighted by the probability that each prevails, or ``most-probable``, the
        distinct final position most likely to prevail (see
        :func:`~accord.models.smp.result.outcome_distribution`).
    """

    name = "smp"
    title = "Spatial Model of Politics (KTAB; Wise, Lester, Efird et al., KAPSARC)"

    def __init__(
        self, max_turns: int = 100, min_change: float = 0.02, outcome: Outcome = "expected"
    ) -> None:
        problems = []
        if isinstance(max_turns, bool) or not isinstance(max_turns, int) or max_turns < 2:
            problems.append(
                Problem(
                    "max_turns must be an integer >= 2", path="max_turns", found=repr(max_turns)
                )
            )
        if (
            isinstance(min_change, bool)
            or not isinstance(min_change, int | float)
            or not (0 <= min_change < 1)
        ):
            problems.append(
                Problem("min_change must lie in [0, 1)", path="min_change", found=repr(min_change))
            )
        if outcome not in ("expected", "most-probable"):
            problems.append(
                Problem(
                    "unknown outcome",
                    path="outcome",
                    expected="expected, most-probable",
                    found=repr(outcome),
                )
            )
        if problems:
            raise AccordError(problems)
        self.max_turns, self.min_change, self.outcome = max_turns, min_change, outcome

    def solve(self, batch: Batch, *, want_trajectory: bool = False) -> Solution:
        """Run one SMP per problem of ``batch`` (its rows grouped by :func:`problem_groups`)."""
        forecast = np.empty(batch.size)
        traj: list[tuple[dict[str, Any], ...]] = [()] * batch.size
        for rows in problem_groups(batch):
            sub = batch.take(rows)
            cols = np.flatnonzero(sub.present.any(axis=0))
            unit = to_unit(
                sub.position[:, cols].T,
                sub.salience[:, cols].T,
                sub.capability[:, cols].max(axis=0),
                sub.present[:, cols].T,
                sub.lo,
                sub.hi,
                sub.reference,
            )
            if unit.capability.size == 0:
                forecast[rows] = np.where(
                    np.isnan(sub.reference), (sub.lo + sub.hi) / 2, sub.reference
                )
                continue
            run = run_smp(
                unit.position, unit.salience, unit.capability, self.max_turns, self.min_change
            )
            forecast[rows] = unit.to_scale(_final(run, unit, self.outcome))
            if want_trajectory:
                actors = [batch.actors[c] for c, k in zip(cols, unit.keep, strict=True) if k]
                for k, b in enumerate(rows):
                    traj[b] = _trajectory(run, actors, unit.to_scale, k)
        return Solution(forecast, tuple(traj) if want_trajectory else None)
