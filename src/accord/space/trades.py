"""Logrolls: two actors each concede on the issue the other cares about more.

Starting from the reference package, for every pair of actors ``(i, j)`` and pair of issues
``(k, l)`` we look at every move of those two issues to grid options (other issues stay at the
reference point) in which one actor gains on ``k`` and loses on ``l`` while the other loses on
``k`` and gains on ``l``, and both end better off: a logroll in the sense of Coleman (1966) and
Tollison & Willett (1973); it exists where the two weigh the issues in opposite proportions.
Of the moves that qualify we report the one with the largest product of the two gains (ties:
first in package order), and rank all trades by that product. Moves use the options left after
hard red lines; exclusions between issues are not applied to trades.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.space.problem import Instance

__all__ = ["RawTrade", "find_trades"]


@dataclass(frozen=True)
class RawTrade:
    """One logroll as indices: actors ``(i, j)``, issues ``(k, l)``, options, integer gains."""

    actors: tuple[int, int]
    issues: tuple[int, int]
    options: tuple[int, int]
    gains: tuple[int, int]
    score: float


def _deltas(p: Instance, hard: bool) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per issue: allowed grid indices and ``(A, m)`` integer change from the reference."""
    out = []
    for k, t in enumerate(p.tables):
        ok = ~t.crossed(t.values).any(axis=0) if hard else np.ones(len(t.values), bool)
        allowed = np.flatnonzero(ok)
        x = np.concatenate([t.values[allowed], p.reference[k : k + 1]])
        val = t.quantise(x) - np.where(t.crossed(x), p.penalty[:, None], 0)
        out.append((allowed, val[:, :-1] - val[:, -1:]))
    return out


def find_trades(p: Instance, hard: bool = True) -> list[RawTrade]:
    """Every pairwise logroll from the reference package, best first."""
    a = len(p.actors)
    if a < 2 or len(p.tables) < 2:
        return []
    first, second = np.triu_indices(a, 1)
    scale = np.where(p.total > 0, p.total, 1).astype(float)
    deltas = _deltas(p, hard)
    found: list[RawTrade] = []
    for k in range(len(p.tables)):
        for m in range(k + 1, len(p.tables)):
            found += _pair(deltas[k], deltas[m], (k, m), first, second, scale)
    return sorted(found, key=lambda t: -t.score)


def _pair(
    dk: tuple[np.ndarray, np.ndarray],
    dl: tuple[np.ndarray, np.ndarray],
    issues: tuple[int, int],
    first: np.ndarray,
    second: np.ndarray,
    scale: np.ndarray,
) -> list[RawTrade]:
    (ok_k, vk), (ok_l, vl) = dk, dl
    if vk.shape[1] == 0 or vl.shape[1] == 0:
        return []
    ki, kj, li, lj = vk[first], vk[second], vl[first], vl[second]
    gi = ki[:, :, None] + li[:, None, :]
    gj = kj[:, :, None] + lj[:, None, :]
    swap_a = (
        (ki > 0)[:, :, None] & (kj < 0)[:, :, None] & (li < 0)[:, None, :] & (lj > 0)[:, None, :]
    )
    swap_b = (
        (ki < 0)[:, :, None] & (kj > 0)[:, :, None] & (li > 0)[:, None, :] & (lj < 0)[:, None, :]
    )
    valid = (swap_a | swap_b) & (gi > 0) & (gj > 0)
    score = np.where(
        valid, (gi / scale[first, None, None]) * (gj / scale[second, None, None]), -np.inf
    ).reshape(len(first), -1)
    best = np.argmax(score, axis=1)
    rows = np.flatnonzero(np.isfinite(score[np.arange(len(first)), best]))
    out = []
    for r in rows:
        x, y = divmod(int(best[r]), vl.shape[1])
        out.append(
            RawTrade(
                (int(first[r]), int(second[r])),
                issues,
                (int(ok_k[x]), int(ok_l[y])),
                (int(gi[r, x, y]), int(gj[r, x, y])),
                float(score[r, best[r]]),
            )
        )
    return out
