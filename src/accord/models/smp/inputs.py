"""From actors' stances to the unit-scale arrays the Spatial Model of Politics runs on.

KTAB reads positions on 0..100 and saliences in percent and divides both by 100 (SMP.md §1).
Here a position ``v`` on an issue scale ``[lo, hi]`` becomes ``(v - lo) / (hi - lo)``, which for
KTAB's 0..100 scale is the same division; saliences are already fractions. Three things KTAB
rejects are given a documented meaning instead:

- an actor whose saliences sum above 1 has them scaled to sum to 1 (KTAB requires a sum of at
  most 1: the sum is the probability that a challenged actor resists);
- an actor without a stance on some issue has salience 0 there and sits at the issue's
  reference point, or at the capability-weighted mean position where none is given;
- an actor with no salience on any issue (or no stance at all) cannot take part and is left
  out of the run (KTAB's distance would divide 0 by 0).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["UnitProblem", "to_unit"]

Array = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class UnitProblem:
    """One multi-dimensional problem on the unit scale, with the actors that take part.

    Attributes
    ----------
    keep
        ``(n,)`` which of the input actors take part (``N`` of them).
    position, salience
        ``(N, D)`` arrays on the unit scale.
    capability
        ``(N,)`` capabilities.
    lo, span
        ``(D,)`` each issue's lower end and width, to map results back.
    """

    keep: BoolArray
    position: Array
    salience: Array
    capability: Array
    lo: Array
    span: Array

    def to_scale(self, unit: Array) -> Array:
        """Map unit-scale positions (last axis = issues) back onto the issues' scales."""
        out: Array = self.lo + unit * self.span
        return out


def _fill_absent(position: Array, present: BoolArray, capability: Array, reference: Array) -> Array:
    """Absent actors sit at the reference point, else at the capability-weighted mean."""
    w = np.where(present, capability[:, None], 0.0)
    x = np.where(present, position, 0.0)
    total = w.sum(axis=0)
    mean = np.divide((w * x).sum(axis=0), total, out=np.full_like(total, 0.5), where=total > 0)
    fill = np.where(np.isnan(reference), mean, reference)
    return np.where(present, position, fill[None, :])


def to_unit(
    position: Array,
    salience: Array,
    capability: Array,
    present: BoolArray,
    lo: Array,
    hi: Array,
    reference: Array,
) -> UnitProblem:
    """Normalise ``(n, D)`` stances (actors x issues) into a :class:`UnitProblem`.

    Parameters
    ----------
    position, salience, present
        ``(n, D)`` positions on each issue's scale (NaN where absent), saliences in
        ``[0, 1]`` and whether the actor holds a stance.
    capability
        ``(n,)`` capabilities (> 0).
    lo, hi, reference
        ``(D,)`` each issue's scale and reference point (NaN where none).
    """
    span = np.where(hi > lo, hi - lo, 1.0)
    ref_unit = (reference - lo) / span
    unit = np.clip((position - lo) / span, 0.0, 1.0)
    unit = _fill_absent(unit, present, capability, ref_unit)
    sal = np.where(present, salience, 0.0)
    total = sal.sum(axis=1)
    sal = np.where(total[:, None] > 1.0, sal / np.maximum(total, 1.0)[:, None], sal)
    keep = (sal * sal).sum(axis=1) > 0
    return UnitProblem(
        keep=keep,
        position=unit[keep],
        salience=sal[keep],
        capability=capability[keep],
        lo=lo,
        span=span,
    )
