"""The Spatial Model of Politics run: turns until the change dies down (SMP.md §3.7, §4).

:func:`run_smp` iterates turns (challenge, bargain, resolve) from the initial positions and
stops after turn ``t >= 2`` whose change is under 2 % of the first turn's, or after 100 turns,
exactly as KTAB's ``Model::run``. It keeps every state's positions, risk attitudes and
winning probabilities (KTAB's "History of actors' winning probabilities").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from accord.models.smp.challenge import bargains, challenges
from accord.models.smp.core import Outlook, outlook, pce
from accord.models.smp.resolve import resolve

__all__ = ["POS_TOL", "SmpRun", "run_smp", "turn", "win_probabilities"]

Array = NDArray[np.float64]
IntArray = NDArray[np.int64]

POS_TOL = 1e-3
"""Positions closer than this (Euclidean, unit scale) count as one (SMP.md §3.7)."""
MIN_ITER, MAX_ITER = 2, 100
MIN_DELTA_RATIO = 0.02
DIST_FLOOR = 1e-4


@dataclass(frozen=True)
class SmpRun:
    """Everything one run produced, as arrays on the unit scale.

    Attributes
    ----------
    positions
        ``(T + 1, N, D)`` positions of every state, initial state first.
    prob
        ``(T + 1, N)`` winning probability of each actor's position in each state.
    risk
        ``(T + 1, N)`` inferred risk attitudes in each state.
    change
        ``(T,)`` each turn's change as a fraction of the first turn's (the stopping ratio).
    targets
        ``(T, N)`` whom each actor challenged in each turn (``-1``: nobody).
    """

    positions: Array
    prob: Array
    risk: Array
    change: Array
    targets: IntArray

    @property
    def turns(self) -> int:
        """Number of turns run (states minus one)."""
        return int(self.change.size)


def representatives(positions: Array, tol: float = POS_TOL) -> tuple[IntArray, IntArray]:
    """Find unique positions (first occurrences, scanning upward) and each actor's last match.

    Returns the indices of the representatives and, for every actor, the index (into the
    representatives) of the *last* representative within ``tol`` of it (SMP.md §4).
    """
    gap = positions[:, None, :] - positions[None, :, :]
    close = np.sqrt(np.einsum("ijk,ijk->ij", gap, gap)) < tol
    is_rep = np.zeros(positions.shape[0], dtype=bool)
    for i in range(positions.shape[0]):  # greedy scan over actors (not pairs)
        is_rep[i] = not np.any(close[i, :i] & is_rep[:i])
    reps = np.flatnonzero(is_rep).astype(np.int64)
    hits = close[:, reps]
    last = (reps.size - 1 - np.argmax(hits[:, ::-1], axis=1)).astype(np.int64)
    return reps, last


def win_probabilities(positions: Array, own: Array, capability: Array) -> Array:
    """Each actor's winning probability in a state: an election over its unique positions.

    Voter ``a`` values representative ``r`` at its true utility ``A^a_ar`` (``own``); actors
    sharing a position share its probability.
    """
    reps, last = representatives(positions)
    p = pce(capability, own[:, reps])
    out: Array = p[last]
    return out


def turn(
    positions: Array, salience: Array, capability: Array, state: Outlook | None = None
) -> tuple[Array, IntArray]:
    """One turn: next positions and each actor's target (SMP.md §3.3–3.6).

    ``state`` is the current positions' :class:`~accord.models.smp.core.Outlook`, computed
    here when not given.
    """
    if state is None:
        state = outlook(positions, salience, capability)
    phi, gain = challenges(state.views, capability, salience)
    deals = bargains(positions, salience, phi, gain)
    new, _ = resolve(positions, salience, capability, state, deals)
    tgt = np.full(capability.size, -1, dtype=np.int64)
    tgt[deals.initiator] = deals.receiver
    return new, tgt


def _total_move(a: Array, b: Array) -> float:
    return float(np.sqrt(((a - b) ** 2).sum(axis=1)).sum())


def run_smp(
    positions: Array,
    salience: Array,
    capability: Array,
    max_turns: int = MAX_ITER,
    min_change: float = MIN_DELTA_RATIO,
) -> SmpRun:
    """Run the Spatial Model of Politics to convergence (SMP.md §3–4).

    Parameters
    ----------
    positions
        ``(N, D)`` initial positions on the unit scale.
    salience
        ``(N, D)`` saliences in ``[0, 1]``; each row sums to at most 1.
    capability
        ``(N,)`` positive capabilities (used unscaled).
    max_turns
        Stop after this many turns (KTAB: 100).
    min_change
        Stop after a turn ``t >= 2`` whose total movement is under this fraction of the first
        turn's (KTAB: 0.02).

    Returns
    -------
    SmpRun
        Every state's positions, risk attitudes and winning probabilities.
    """
    states = [np.asarray(positions, dtype=float)]
    state = outlook(states[0], salience, capability)
    prob, risk = [win_probabilities(states[0], state.own, capability)], [state.risk]
    tgts: list[IntArray] = []
    ratios: list[float] = []
    while True:
        new, tgt = turn(states[-1], salience, capability, state)
        state = outlook(new, salience, capability)  # only the latest state's views are kept
        states.append(new)
        prob.append(win_probabilities(new, state.own, capability))
        risk.append(state.risk)
        tgts.append(tgt)
        first = _total_move(states[0], states[1])
        ratios.append(_total_move(states[-2], new) / (first + DIST_FLOOR))
        it = len(ratios)
        if it >= max_turns or (it >= MIN_ITER and ratios[-1] < min_change):
            break
    return SmpRun(
        positions=np.stack(states),
        prob=np.stack(prob),
        risk=np.stack(risk),
        change=np.asarray(ratios),
        targets=np.stack(tgts),
    )
