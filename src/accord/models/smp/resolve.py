"""Resolving each actor's queue of bargains by a vote of all actors (SMP.md §3.6).

Each actor's queue holds its status quo and every bargain it initiated or received this turn.
All actors vote, with raw capabilities, in a conditional probabilistic Condorcet election over
the queue's entries; the actor moves to its side of the most probable entry (the earliest
on ties). Every queue is resolved against the same state, all at once.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from accord.models.smp.challenge import Bargains
from accord.models.smp.core import Outlook, distances, quad_utility, victory_probabilities

__all__ = ["option_utilities", "queues", "resolve"]

Array = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


def option_utilities(positions: Array, salience: Array, state: Outlook, deals: Bargains) -> Array:
    """``(N, 1 + B)`` utility of every voter for the status quo and for each bargain.

    The status quo is worth ``(1/N) sum_n A^a_an`` to voter ``a``; bargain ``(i, j, bI, bR)``
    replaces the terms of ``i`` and ``j`` by ``u(delta_a(bI), R_a) + u(delta_a(bR), R_a)``.
    """
    own = state.own
    n = own.shape[0]
    risk = state.risk[:, None]
    others = np.ones((n, deals.initiator.size))
    others[deals.initiator, np.arange(deals.initiator.size)] = 0.0
    others[deals.receiver, np.arange(deals.receiver.size)] = 0.0
    rest = np.einsum("an,nb->ab", own, others)
    u_init = quad_utility(distances(positions, deals.init_pos, salience), risk)
    u_recv = quad_utility(distances(positions, deals.recv_pos, salience), risk)
    status_quo = own.sum(axis=1, keepdims=True)
    out: Array = np.hstack([status_quo, u_init + u_recv + rest]) / n
    return out


def queues(n: int, deals: Bargains) -> BoolArray:
    """``(N, 1 + B)`` membership: each actor's status quo and the bargains it is party to."""
    b = np.arange(deals.initiator.size)
    member = np.zeros((n, 1 + b.size), dtype=bool)
    member[:, 0] = True
    member[deals.initiator, 1 + b] = True
    member[deals.receiver, 1 + b] = True
    return member


def resolve(
    positions: Array, salience: Array, capability: Array, state: Outlook, deals: Bargains
) -> tuple[Array, NDArray[np.int64]]:
    """Next positions, and the queue entry each actor chose (0 = status quo, else ``1 + b``).

    Parameters
    ----------
    positions, salience, capability
        The current state: ``(N, D)``, ``(N, D)``, ``(N,)``.
    state
        The current state's :class:`~accord.models.smp.core.Outlook`.
    deals
        This turn's bargains.
    """
    n = capability.size
    util = option_utilities(positions, salience, state, deals)
    prob = victory_probabilities(capability, util)
    member = queues(n, deals)
    q = np.prod(np.where(member[:, None, :], prob[None, :, :], 1.0), axis=2)
    q = np.where(member, q, 0.0)
    choice = np.argmax(q / q.sum(axis=1, keepdims=True), axis=1).astype(np.int64)
    new = positions.copy()
    moved = np.flatnonzero(choice > 0)
    b = choice[moved] - 1
    is_init = deals.initiator[b] == moved
    new[moved] = np.where(is_init[:, None], deals.init_pos[b], deals.recv_pos[b])
    return new, choice
