"""Exact nondominated filtering of integer utility vectors, with duplicates grouped.

A point is kept when no other point is at least as good for every actor and better for one.
Equal points are one point: it keeps the smallest ``key`` (the first package in package order)
and the sum of their ``count``. Points are sorted lexicographically, best first; a dominating
point then always comes before the point it dominates, so one forward sweep decides:

* 2 actors: a point survives iff its second utility beats every earlier one (Kung, Luccio &
  Preparata 1975, the maxima of a set of vectors);
* 3 actors: the earlier points' projections on actors 2-3 form a staircase; a point is
  dominated iff the staircase reaches it, found by binary search (same paper, d = 3);
* more actors: blocks of points are compared against the points kept so far.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Points", "nondominated"]

_BLOCK = 1024
_BLOCK3 = 128
_BROADCAST = 1 << 22


@dataclass(frozen=True)
class Points:
    """Distinct utility vectors with their first package key and package count.

    ``source`` gives, for each point, the input row it came from.
    """

    utility: np.ndarray
    key: np.ndarray
    count: np.ndarray
    source: np.ndarray


def nondominated(utility: np.ndarray, key: np.ndarray, count: np.ndarray) -> Points:
    """Return the nondominated distinct points of ``utility`` (``(N, A)`` integers)."""
    order, start = _sorted_groups(utility, key)
    total = np.add.reduceat(count[order], start) if len(order) else count[:0]
    first = order[start]
    pts = utility[first]
    keep = _sweep(pts)
    src = first[keep]
    return Points(utility[src], key[src], total[keep], src)


def _sorted_groups(utility: np.ndarray, key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Order best-first (ties by key) and the start of each run of equal points."""
    cols = [key] + [-utility[:, a] for a in range(utility.shape[1] - 1, -1, -1)]
    order = np.lexsort(cols)
    if len(order) == 0:
        return order, np.zeros(0, dtype=np.int64)
    u = utility[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = np.any(u[1:] != u[:-1], axis=1)
    return order, np.flatnonzero(new)


def _sweep(pts: np.ndarray) -> np.ndarray:
    """Boolean mask of nondominated rows of distinct, best-first sorted ``pts``."""
    n, a = pts.shape
    if n == 0:
        return np.zeros(0, dtype=bool)
    if a == 1:
        return np.asarray(np.arange(n) == 0)
    if a == 2:
        return _sweep2(pts[:, 1])
    if a == 3:
        return _sweep3(pts[:, 1], pts[:, 2])
    return _sweep_many(pts[:, 1:])


def _sweep2(y: np.ndarray) -> np.ndarray:
    best = np.maximum.accumulate(y)
    keep = np.ones(len(y), dtype=bool)
    keep[1:] = y[1:] > best[:-1]
    return keep


def _sweep3(y: np.ndarray, z: np.ndarray) -> np.ndarray:
    keep = np.zeros(len(y), dtype=bool)
    todo = np.arange(len(y))  # rows not yet decided, in order
    sy = np.zeros(0, dtype=y.dtype)  # staircase: y strictly falling, z strictly rising
    sz = np.zeros(0, dtype=z.dtype)
    pruned_at = 0
    while len(todo):
        if len(sy) > 2 * pruned_at + 16:  # the staircase has grown: prune all that is left
            todo = todo[~_reached(sy, sz, y[todo], z[todo])]
            pruned_at = len(sy)
        rows, todo = todo[:_BLOCK3], todo[_BLOCK3:]
        by, bz = y[rows], z[rows]
        hit = _reached(sy, sz, by, bz)
        inner = (by[:, None] >= by[None, :]) & (bz[:, None] >= bz[None, :])
        inner &= np.tri(len(by), k=-1, dtype=bool).T
        ok = ~hit & ~inner.any(axis=0)
        keep[rows[ok]] = True
        sy, sz = _staircase(np.concatenate([sy, by[ok]]), np.concatenate([sz, bz[ok]]))
    return keep


def _reached(sy: np.ndarray, sz: np.ndarray, y: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Whether some staircase point is >= (y, z) in both coordinates."""
    if len(sy) == 0:
        return np.zeros(len(y), dtype=bool)
    reach = np.searchsorted(-sy, -y, side="right")
    return (reach > 0) & (sz[np.maximum(reach - 1, 0)] >= z)


def _staircase(y: np.ndarray, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.lexsort((-z, -y))
    y, z = y[order], z[order]
    keep = _sweep2(z)
    return y[keep], z[keep]


def _sweep_many(rest: np.ndarray) -> np.ndarray:
    n, d = rest.shape
    keep = np.zeros(n, dtype=bool)
    kept = rest[:0]
    step = min(_BLOCK, int((_BROADCAST / d) ** 0.5))
    for s in range(0, n, step):
        rows = np.arange(s, min(n, s + step))
        rows = rows[~_dominated_by(kept, rest[rows])]  # most fall here, cheaply
        block = rest[rows]
        inner = np.tri(len(block), k=-1, dtype=bool).T
        for j in range(d):
            inner &= block[:, None, j] >= block[None, :, j]
        ok = ~inner.any(axis=0)
        keep[rows[ok]] = True
        kept = np.concatenate([kept, block[ok]])
    return keep


def _dominated_by(kept: np.ndarray, block: np.ndarray) -> np.ndarray:
    """Whether some row of ``kept`` is >= each row of ``block`` everywhere."""
    hit = np.zeros(len(block), dtype=bool)
    size = max(1, _BROADCAST // max(1, len(block)))
    for c in range(0, len(kept), size):
        part = kept[c : c + size]
        ge = part[None, :, 0] >= block[:, None, 0]
        for j in range(1, block.shape[1]):
            ge &= part[None, :, j] >= block[:, None, j]
        hit |= ge.any(axis=1)
    return hit
