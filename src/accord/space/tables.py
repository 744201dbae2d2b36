"""Packages and utilities as exact integer tables.

Each actor's utility of a package is a salience-weighted sum over issues of a per-issue value
function (Keeney & Raiffa 1976, additive multi-attribute value),

    u_i(x) = sum_k s_ik * v_ik(x_k) / W_i,   v_ik(x) = 1 - (|x - p_ik| / D_ik) ** shape,

with ``p_ik`` the actor's position, ``D_ik`` the distance from it to the far end of the scale
(so ``v`` spans [0, 1] over the scale) and ``W_i`` chosen so that the best package of the grid
scores 1 and the worst 0 (MODELS.md section 2). ``shape`` 1 is linear loss; above 1 small
concessions are cheap and large ones dear (a concave value), below 1 the reverse.

Every per-issue term is rounded to an integer number of units of ``2**-40`` of the actor's
utility range. Sums of integers are exact and independent of the order of addition, so the
enumerating and the merging paths (and NegMAS, fed the same tables) see bit-identical
utilities, and ties are real ties. The rounding moves a utility by less than ``1e-11``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from accord.errors import AccordError, Problem
from accord.scenario.model import Issue, Scenario, Stance

__all__ = ["MAX_GRID", "UNIT", "IssueTable", "issue_tables", "parse_value", "reference_values"]

UNIT = float(2**40)
"""Integer units per unit of normalised utility, before the final normalisation."""
MAX_GRID = 1001
"""Most grid points per continuous issue (a step of 0.1% of the scale; finer is spurious)."""
TINY = 1e-12
"""Total salience-weighted swing below which an actor counts as caring about nothing."""


@dataclass(frozen=True)
class IssueTable:
    """One issue's grid and each actor's integer value of every grid option.

    Attributes
    ----------
    issue
        The issue.
    values
        Grid values on the numeric scale, shape ``(m,)`` (option indices when discrete).
    position, salience, red_line, spread
        Per actor, shape ``(A,)``; ``red_line`` is NaN where an actor has none, and
        ``spread`` is ``D_ik`` (0 where the actor holds no stance).
    scale
        Integer units per unit of ``s * v``, per actor: ``UNIT / W_i``.
    shape
        Exponent of the loss.
    """

    issue: Issue
    values: np.ndarray
    position: np.ndarray
    salience: np.ndarray
    red_line: np.ndarray
    spread: np.ndarray
    scale: np.ndarray
    shape: float

    def quantise(self, x: np.ndarray) -> np.ndarray:
        """Integer value of each scale value in ``x`` for each actor, shape ``(A, len(x))``."""
        x = np.asarray(x, dtype=float)
        gap = np.abs(x[None, :] - self.position[:, None])
        spread = np.where(self.spread > 0, self.spread, 1.0)[:, None]
        value = 1.0 - (np.minimum(gap / spread, 1.0)) ** self.shape
        raw = self.salience[:, None] * value * self.scale[:, None]
        return np.asarray(np.rint(raw).astype(np.int64))

    def crossed(self, x: np.ndarray) -> np.ndarray:
        """Whether each value in ``x`` lies beyond each actor's red line, ``(A, len(x))``.

        A red line bounds concessions: a value beyond it, on the side away from the actor's
        position, is unacceptable; a red line at the position itself admits only that value.
        """
        x = np.asarray(x, dtype=float)[None, :]
        red, pos = self.red_line[:, None], self.position[:, None]
        tol = 1e-9 * max(1.0, float(np.ptp(self.values)) if self.values.size else 1.0)
        side = np.sign(red - pos)
        beyond = np.where(side == 0, np.abs(x - red) > tol, (x - red) * side > tol)
        return np.asarray(beyond & ~np.isnan(red))

    @property
    def grid(self) -> np.ndarray:
        """Integer values of the grid options, ``(A, m)``, before the offsets."""
        return self.quantise(self.values)


def _stance_number(issue: Issue, value: object) -> float:
    return issue.to_number(value)  # type: ignore[arg-type]


def _grid(issue: Issue, points: int) -> np.ndarray:
    if issue.discrete:
        return np.arange(len(issue.options or []), dtype=float)
    if not 2 <= points <= MAX_GRID:
        raise AccordError(
            Problem(
                "grid points per issue out of range",
                path=f"grid.{issue.id}",
                expected=f"2..{MAX_GRID}",
                found=str(points),
            )
        )
    lo, hi = issue.bounds
    return np.linspace(lo, hi, points)


def _stances(s: Scenario, actors: Sequence[str], issue: Issue) -> list[Stance | None]:
    return [s.stances.get(a, {}).get(issue.id) for a in actors]


def _columns(issue: Issue, stances: list[Stance | None]) -> tuple[np.ndarray, ...]:
    lo, hi = issue.bounds
    pos = np.array([_stance_number(issue, st.position) if st else lo for st in stances])
    sal = np.array([st.salience.point if st else 0.0 for st in stances])
    red = np.array(
        [
            _stance_number(issue, st.red_line) if st and st.red_line is not None else np.nan
            for st in stances
        ]
    )
    spread = np.maximum(pos - lo, hi - pos)
    sal = np.where(spread > 0, sal, 0.0)
    return pos, sal, red, spread


def issue_tables(
    s: Scenario,
    actors: Sequence[str],
    grid: int | Mapping[str, int] = 11,
    shape: float = 1.0,
) -> tuple[IssueTable, ...]:
    """Build every issue's table for the chosen actors.

    Parameters
    ----------
    s
        The scenario.
    actors
        Actor ids, in the order of the utility columns.
    grid
        Grid points per continuous issue: one number for all, or a mapping issue id -> points
        (issues not named get 11).
    shape
        Exponent of the loss (1 = linear).
    """
    if not shape > 0:
        raise AccordError(Problem("shape must be positive", path="shape", found=str(shape)))
    unknown = set(grid) - {i.id for i in s.issues} if isinstance(grid, Mapping) else set()
    if unknown:
        raise AccordError([Problem(f"unknown issue {u!r} in grid", path="grid") for u in unknown])
    cols, grids = [], []
    for issue in s.issues:
        points = grid.get(issue.id, 11) if isinstance(grid, Mapping) else grid
        grids.append(_grid(issue, points))
        cols.append(_columns(issue, _stances(s, actors, issue)))
    swing = [_swing(g, c, shape) for g, c in zip(grids, cols, strict=True)]
    total = np.sum(swing, axis=0) if swing else np.zeros(len(actors))
    cares = total > TINY  # below this an actor counts as indifferent (no overflow)
    scale = np.where(cares, UNIT / np.where(cares, total, 1.0), 0.0)
    return tuple(
        IssueTable(issue, g, c[0], c[1], c[2], c[3], scale, shape)
        for issue, g, c in zip(s.issues, grids, cols, strict=True)
    )


def _swing(values: np.ndarray, cols: tuple[np.ndarray, ...], shape: float) -> np.ndarray:
    """``s_ik * (max v - min v)`` over the grid, per actor (the issue's weight in W_i)."""
    pos, sal, _, spread = cols
    gap = np.abs(values[None, :] - pos[:, None]) / np.where(spread > 0, spread, 1.0)[:, None]
    v = 1.0 - np.minimum(gap, 1.0) ** shape
    return np.asarray(sal * (v.max(axis=1) - v.min(axis=1)))


def reference_values(s: Scenario) -> np.ndarray:
    """Return the reference package on the numeric scales.

    Each issue sits at its reference point, or at the middle of its scale where it has none.
    """
    out = []
    for issue in s.issues:
        ref = issue.reference_value
        out.append(ref if ref is not None else sum(issue.bounds) / 2.0)
    return np.array(out, dtype=float)


def parse_value(issue: Issue, value: object, path: str) -> float:
    """Turn a user's value for ``issue`` (number, numeric text, or option id) into a number."""
    if issue.discrete:
        ids = [o.id for o in issue.options or []]
        if isinstance(value, str) and value in ids:
            return float(ids.index(value))
        raise AccordError(
            Problem(
                "not an option of the issue",
                path=path,
                expected=f"one of {', '.join(ids)}",
                found=repr(value),
            )
        )
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise AccordError(
            Problem("not a number", path=path, expected="a number", found=repr(value))
        ) from None
    lo, hi = issue.bounds
    if not lo <= x <= hi:
        raise AccordError(
            Problem(
                "value off the scale",
                path=path,
                expected=f"within [{lo:g}, {hi:g}]",
                found=f"{x:g}",
            )
        )
    return x
