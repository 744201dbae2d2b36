"""Escalation base rates derived from published figures, by exact Markov-chain algebra.

With no pressure (nothing promised, nothing delivered, no alarms), the escalation rung is a
birth-death chain: one rung up with ``base_up`` a month (times ``firebreak`` on the last step),
one rung down with ``base_down``, the top rung absorbing. Two published figures pin two of its
three rates for the security ladder (the third, ``base_down``, stays judgement):

* **how often rivals reach a militarised dispute** (the ladder's crisis rung): an enduring
  rivalry is a dyad with at least six militarised disputes within twenty years (Diehl & Goertz
  2000), i.e. at least 0.3 disputes a year;
* **how often a dispute becomes a war**: the Correlates of War project lists 95 interstate
  wars in 1816-2007 (Sarkees & Wayman 2010), against more than 2,000 militarised disputes in
  1816-1992 alone (Jones, Bremer & Singer 1996): at most about 1 dispute in 21 (0.047) ends in
  war.

:func:`derive` finds ``base_up`` so that a chain started at the domain's start rung enters the
crisis rung at the given yearly rate (averaged over five years), and ``firebreak`` so that a
chain entering the crisis rung reaches the top before falling back below it with the given
probability. ``tests/dynamics/test_calibrate.py`` checks that the defaults in
:mod:`accord.dynamics.basis` are what this derivation gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

__all__ = ["Derived", "crisis_rate", "derive", "p_top_given_crisis", "transition_matrix"]

#: Months over which the crisis-entry rate is averaged (the default horizon).
WINDOW = 60


@dataclass(frozen=True)
class Derived:
    """Rates derived from two targets: a yearly crisis rate and P(top | crisis)."""

    base_up: float
    firebreak: float
    crises_per_year: float
    p_top_given_crisis: float


def transition_matrix(up: float, down: float, firebreak: float, rungs: int = 6) -> np.ndarray:
    """Monthly transition matrix of the zero-pressure chain (the engine's rule)."""
    m = np.zeros((rungs, rungs))
    for r in range(rungs - 1):
        u = up * (firebreak if r == rungs - 2 else 1.0)
        d = min(down, 1 - u) if r > 0 else 0.0
        m[r, r + 1] = u
        if r > 0:
            m[r, r - 1] = d
        m[r, r] = 1 - u - d
    m[-1, -1] = 1.0
    return m


def crisis_rate(
    up: float, down: float, firebreak: float, *, start: int, crisis: int, rungs: int = 6
) -> float:
    """Return the expected entries into the crisis rung per year, over :data:`WINDOW`."""
    m = transition_matrix(up, down, firebreak, rungs)
    dist = np.zeros(rungs)
    dist[start] = 1.0
    entries = 0.0
    for _ in range(WINDOW):
        entries += dist[crisis - 1] * m[crisis - 1, crisis]
        dist = dist @ m
    return 12.0 * entries / WINDOW


def p_top_given_crisis(
    up: float, down: float, firebreak: float, *, crisis: int, rungs: int = 6
) -> float:
    """P(the chain reaches the top rung before falling below ``crisis``), started at it."""
    states = list(range(crisis, rungs - 1))  # transient states above the floor
    m = transition_matrix(up, down, firebreak, rungs)
    q = m[np.ix_(states, states)]
    to_top = m[states, rungs - 1]
    absorb = np.linalg.solve(np.eye(len(states)) - q, to_top)
    return float(absorb[0])


def derive(
    crises_per_year: float,
    p_war: float,
    *,
    down: float,
    start: int = 2,
    crisis: int = 3,
    rungs: int = 6,
) -> Derived:
    """Solve for ``base_up`` and ``firebreak`` matching both targets (alternating bisection)."""
    up, fire = 0.03, 0.3
    kw = {"crisis": crisis, "rungs": rungs}
    for _ in range(30):
        up = _bisect(partial(_rate_gap, down, fire, start, crises_per_year, kw), 1e-5, 0.5)
        fire = _bisect(partial(_war_gap, up, down, p_war, kw), 1e-5, 1.0)
    return Derived(
        round(up, 4),
        round(fire, 3),
        crisis_rate(up, down, fire, start=start, **kw),
        p_top_given_crisis(up, down, fire, **kw),
    )


def _rate_gap(
    down: float, fire: float, start: int, target: float, kw: dict[str, int], up: float
) -> float:
    return crisis_rate(up, down, fire, start=start, **kw) - target


def _war_gap(up: float, down: float, target: float, kw: dict[str, int], fire: float) -> float:
    return p_top_given_crisis(up, down, fire, **kw) - target


def _bisect(fn: Callable[[float], float], lo: float, hi: float) -> float:
    """Return the root of an increasing function on [lo, hi] (clamped to the ends)."""
    if fn(lo) >= 0:
        return lo
    if fn(hi) <= 0:
        return hi
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if fn(mid) < 0 else (lo, mid)
    return (lo + hi) / 2
