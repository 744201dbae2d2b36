"""Bargaining solutions over the ZOPA's part of the frontier, decided exactly.

All four look only at frontier points every actor strictly prefers to its BATNA ``d`` (the
ZOPA); where the ZOPA is empty there is no solution. Gains ``g_i = u_i - d_i``.

* Nash (1950): maximise ``prod g_i`` (asymmetric, with capability weights ``w_i``:
  ``prod g_i ** w_i``, Kalai 1977 / Roth 1979).
* Kalai–Smorodinsky (1975): with the ideal ``a_i`` = the best ZOPA utility of actor ``i``, the
  point that reaches furthest along the segment from ``d`` to ``a``: maximise the smallest
  normalised gain ``g_i / (a_i - d_i)``, further ties by the next smallest (leximin).
* Utilitarian: maximise ``sum u_i``.
* Egalitarian (Kalai 1977): maximise the smallest gain ``g_i``, further ties leximin.

Scores are compared exactly (integers and fractions) among the candidates a floating-point
pass finds within ``1e-9`` of the best; remaining ties go to the first package in package
order. The weighted Nash product is compared in floating point (relative tolerance ``1e-12``).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np

__all__ = ["SOLUTIONS", "solve"]

SOLUTIONS = ("nash", "kalai_smorodinsky", "utilitarian", "egalitarian")


def solve(
    utility: np.ndarray,
    order: np.ndarray,
    batna: np.ndarray,
    total: np.ndarray,
    weights: np.ndarray | None = None,
) -> dict[str, int | None]:
    """Index (into ``utility``) of each solution, or ``None`` when the ZOPA is empty.

    Parameters
    ----------
    utility
        ``(P, A)`` integer utilities of the frontier points.
    order
        ``(P,)`` each point's rank in package order (smaller wins ties).
    batna, total
        ``(A,)`` integer BATNA utilities and utility ranges (``u = U / total``).
    weights
        Capability weights for an asymmetric Nash product; ``None`` for the symmetric one.
    """
    inside = np.flatnonzero(np.all(utility > batna, axis=1))
    if inside.size == 0:
        return dict.fromkeys(SOLUTIONS)
    gains = utility[inside] - batna
    scale = np.where(total > 0, total, 1).astype(object)
    ideal = gains.max(axis=0)
    rows = {
        "nash": _nash(gains, weights),
        "kalai_smorodinsky": _leximin(gains, ideal),
        "utilitarian": _best(
            (utility[inside] / scale.astype(float)).sum(axis=1),
            lambda r: sum(
                Fraction(int(x), int(t)) for x, t in zip(utility[inside][r], scale, strict=True)
            ),
        ),
        "egalitarian": _leximin(gains, np.asarray(scale)),
    }
    return {name: _tiebreak(inside, cands, order) for name, cands in rows.items()}


def _tiebreak(inside: np.ndarray, cands: np.ndarray, order: np.ndarray) -> int:
    idx = inside[cands]
    return int(idx[np.argmin(order[idx])])


def _best(score: np.ndarray, exact: Callable[[int], Any]) -> np.ndarray:
    """Rows with the highest exact score among those within 1e-9 of the float maximum."""
    score = np.where(np.isnan(score), -np.inf, score)  # a NaN score never wins
    top = score.max()
    if np.isfinite(top):
        near = np.flatnonzero(score >= top - 1e-9 * max(1.0, abs(top)))
    else:
        near = np.flatnonzero(score == top)
    keys = [exact(int(r)) for r in near]
    best = max(keys)
    return near[[k == best for k in keys]]


def _nash(gains: np.ndarray, weights: np.ndarray | None) -> np.ndarray:
    logs = np.log(gains.astype(float))
    if weights is not None:
        score = logs @ (weights / weights.sum())
        return np.flatnonzero(score >= score.max() - 1e-12 * max(1.0, abs(score.max())))
    return _best(logs.sum(axis=1), lambda r: _product(gains[r]))


def _product(row: np.ndarray) -> int:
    out = 1
    for g in row:
        out *= int(g)
    return out


def _leximin(gains: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Rows maximising the sorted vector of ``gains / scale`` lexicographically."""
    ratio = gains / np.where(scale > 0, scale, 1).astype(float)
    low = ratio.min(axis=1)
    near = np.flatnonzero(low >= low.max() - 1e-9)

    def exact(r: int) -> tuple[Fraction, ...]:
        return tuple(
            sorted(Fraction(int(g), max(int(s), 1)) for g, s in zip(gains[r], scale, strict=True))
        )

    keys = [exact(int(r)) for r in near]
    best = max(keys)
    return near[[k == best for k in keys]]
