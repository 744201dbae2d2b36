"""The full multi-dimensional result of a Spatial Model of Politics run on a scenario.

:func:`smp_run` runs every issue of a scenario jointly (the issues are the model's dimensions)
and returns an :class:`SmpResult`: every turn's positions on the issues' own scales, each
actor's winning probability and risk attitude per turn, the stopping ratios and the targets.

>>> import accord
>>> from accord.models.smp import smp_run
>>> r = smp_run(accord.load("korea-2018"))
>>> r.positions.shape == (r.turns + 1, len(r.actors), len(r.issues))
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from accord.errors import AccordError, Problem
from accord.models.smp.core import distances, pce, quad_utility
from accord.models.smp.inputs import UnitProblem, to_unit
from accord.models.smp.run import POS_TOL, SmpRun, run_smp
from accord.scenario.model import Scenario

__all__ = ["SmpResult", "expected_outcome", "outcome_distribution", "smp_run"]

Array = NDArray[np.float64]


def outcome_distribution(
    positions: Array, salience: Array, capability: Array, risk: Array
) -> tuple[Array, Array]:
    """Find the distinct positions of a state and the probability that each one prevails.

    Positions closer than ``1e-3`` (unit scale) are merged, by connected components, at their
    mean; each actor values a merged position at its true utility ``u(d, R_a)`` and the
    probabilities come from the same Condorcet election as KTAB's "prob" history (SMP.md §4).
    Unlike KTAB's first-occurrence representatives, this does not depend on actor order.

    Returns
    -------
    points, prob : numpy.ndarray
        ``(K, D)`` distinct positions and ``(K,)`` their probabilities.
    """
    gap = np.linalg.norm(positions[:, None, :] - positions[None, :, :], axis=2)
    k, label = connected_components(csr_matrix(gap < POS_TOL), directed=False)
    count = np.bincount(label, minlength=k).astype(float)
    points = (
        np.stack([np.bincount(label, weights=col, minlength=k) for col in positions.T], axis=1)
        / count[:, None]
    )
    util = quad_utility(distances(positions, points, salience), risk[:, None])
    return points, pce(capability, util)


def expected_outcome(positions: Array, salience: Array, capability: Array, risk: Array) -> Array:
    """Return the probability-weighted mean of a state's distinct positions (unit scale)."""
    points, prob = outcome_distribution(positions, salience, capability, risk)
    out: Array = prob @ points
    return out


@dataclass(frozen=True, eq=False)
class SmpResult:
    """A Spatial Model of Politics run on a scenario (KTAB ``smpc``'s history, as data).

    Attributes
    ----------
    scenario
        Scenario id.
    actors, issues
        Ids of the actors that took part (``N``) and of the issues (``D``).
    positions
        ``(T + 1, N, D)`` positions of every state on each issue's scale, initial state first.
    prob
        ``(T + 1, N)`` each actor's winning probability per state ("prob :" in KTAB's log).
    risk
        ``(T + 1, N)`` inferred risk attitudes per state, in ``[-1/2, 1]``.
    change
        ``(T,)`` each turn's total movement as a fraction of the first turn's.
    targets
        ``(T, N)`` index of the actor each actor challenged per turn, ``-1`` for none.
    forecast
        ``(D,)`` the expected outcome of the final state: the probability-weighted mean of
        its distinct positions (:func:`outcome_distribution`).
    """

    scenario: str
    actors: tuple[str, ...]
    issues: tuple[str, ...]
    positions: Array
    prob: Array
    risk: Array
    change: Array
    targets: NDArray[np.int64]
    forecast: Array

    @property
    def turns(self) -> int:
        """Number of turns until the model stopped."""
        return int(self.change.size)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data: one entry per state (turn 0 = the initial positions)."""
        states = [
            {
                "turn": t,
                "change": None if t == 0 else float(self.change[t - 1]),
                "positions": {
                    a: dict(zip(self.issues, map(float, self.positions[t, i]), strict=True))
                    for i, a in enumerate(self.actors)
                },
                "prob": dict(zip(self.actors, map(float, self.prob[t]), strict=True)),
            }
            for t in range(self.turns + 1)
        ]
        return {
            "scenario": self.scenario,
            "turns": self.turns,
            "forecast": dict(zip(self.issues, map(float, self.forecast), strict=True)),
            "states": states,
        }

    def to_frame(self) -> Any:
        """Return a pandas DataFrame, one row per turn, actor and issue."""
        from accord._frame import pandas

        pd = pandas()
        t, a, k = np.indices(self.positions.shape).reshape(3, -1)
        return pd.DataFrame(
            {
                "turn": t,
                "actor": np.asarray(self.actors)[a],
                "issue": np.asarray(self.issues)[k],
                "position": self.positions.reshape(-1),
                "prob": self.prob[t, a],
                "risk": self.risk[t, a],
            }
        )


def _stances(scenario: Scenario, issues: Sequence[str]) -> UnitProblem:
    arrays = [scenario.arrays(i) for i in issues]
    ids = [a.id for a in scenario.actors]
    n, d = len(ids), len(issues)
    pos, sal = np.full((n, d), np.nan), np.zeros((n, d))
    present = np.zeros((n, d), dtype=bool)
    row = {a: j for j, a in enumerate(ids)}
    for k, arr in enumerate(arrays):
        j = [row[a] for a in arr.actors]
        pos[j, k], sal[j, k], present[j, k] = arr.position, arr.salience, True
    cap = np.array([a.capability.point for a in scenario.actors], dtype=float)
    ref = np.array([np.nan if a.reference is None else a.reference for a in arrays])
    lo, hi = np.array([a.lo for a in arrays]), np.array([a.hi for a in arrays])
    return to_unit(pos, sal, cap, present, lo, hi, ref)


def smp_run(
    scenario: Scenario,
    issues: Sequence[str] | None = None,
    *,
    max_turns: int = 100,
    min_change: float = 0.02,
) -> SmpResult:
    """Run the Spatial Model of Politics over the issues of ``scenario`` jointly.

    Parameters
    ----------
    scenario
        The negotiation; a KTAB SMP CSV loads into one (``accord.load("file.csv")``).
    issues
        Issue ids to use as dimensions (default: every issue, in the scenario's order).
    max_turns, min_change
        The stopping rule (KTAB: 100 turns; stop when a turn's change is under 2 % of the
        first turn's).

    Returns
    -------
    SmpResult
        Positions, winning probabilities and risk attitudes of every state.
    """
    ids = [i.id for i in scenario.issues] if issues is None else list(issues)
    for i in ids:
        scenario.issue(i)  # unknown issue -> AccordError
    unit = _stances(scenario, ids)
    if unit.capability.size == 0:
        raise AccordError(
            Problem(
                "no actor has a positive salience on these issues",
                path="stances",
                expected="at least one salient stance",
            )
        )
    run: SmpRun = run_smp(unit.position, unit.salience, unit.capability, max_turns, min_change)
    return SmpResult(
        scenario=scenario.id,
        actors=tuple(a.id for a, k in zip(scenario.actors, unit.keep, strict=True) if k),
        issues=tuple(ids),
        positions=unit.to_scale(run.positions),
        prob=run.prob,
        risk=run.risk,
        change=run.change,
        targets=run.targets,
        forecast=unit.to_scale(
            expected_outcome(run.positions[-1], unit.salience, unit.capability, run.risk[-1])
        ),
    )
