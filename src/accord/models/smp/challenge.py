"""Challenges and bargains: whom each actor targets, and the compromise it proposes.

SMP.md §3.4–3.5 (KTAB ``smpc``'s ``probEduChlg`` and S2P2 interpolation, Wise, Lester, Efird
et al.): each actor ``i`` estimates, with its own view ``A^i`` of everyone's utilities, the
probability ``phi_ij`` that it would beat ``j`` once third parties have joined either side
(semi-committed), and its expected gain ``Delta_ij`` from challenging ``j``. It targets the
``j`` of largest gain above ``1e-5`` and proposes a bargain interpolated between the two
positions with weights ``(salience * probability)^2``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "CHALLENGE_FLOOR",
    "INTERP_EPS",
    "MIN_GAIN",
    "Bargains",
    "bargains",
    "challenges",
    "round4",
    "targets",
]

Array = NDArray[np.float64]
IntArray = NDArray[np.int64]

CHALLENGE_FLOOR = 1e-10
"""Strength each side of a challenge starts with (SMP.md §3.4)."""
MIN_GAIN = 1e-5
"""Smallest expected gain that makes a challenge worth making (SMP.md §3.5)."""
INTERP_EPS = 1e-6
"""The asymmetric weight that keeps an interpolation defined (SMP.md §3.5)."""
_BLOCK = 64
"""Initiators handled at once, bounding the ``(block, N, N)`` temporaries."""


def _pos(a: Array) -> Array:
    return np.maximum(a, 0.0)


def _neg(a: Array) -> Array:
    return np.maximum(-a, 0.0)


def _challenge_block(rows: IntArray, views: Array, weight: Array, scalar_sal: Array) -> Array:
    """``(phi, Delta)`` of ``E(i, i, i, j)`` for initiators ``rows`` and every ``j``."""
    A = views[rows]  # A[b, n, j] = A^i_nj for i = rows[b]
    n_all = views.shape[0]
    idx = np.arange(rows.size)
    diag = A[:, np.arange(n_all), np.arange(n_all)]  # A^i_nn, shape (b, n)
    own = A[idx, rows, :]  # A^i_ij, shape (b, j)
    back = A[idx, :, rows]  # A^i_ji, shape (b, j)
    a_i = weight[rows, None] * (diag[idx, rows][:, None] - own)
    a_j = weight[None, :] * (back - diag)
    c_i = CHALLENGE_FLOOR + _pos(a_i) + _pos(a_j)
    c_j = CHALLENGE_FLOOR + _neg(a_i) + _neg(a_j)
    # third parties, axes (b, n, j): A_ni = back[b, n], A_nj = A[b, n, j], A_nn = diag[b, n]
    w_n = weight[None, :, None]
    a_ni, a_nn = back[:, :, None], diag[:, :, None]
    e = w_n * (a_ni - A)
    e_pos = _pos(e)
    e_neg = e_pos - e  # = max(-e, 0), exactly
    ci3, cj3 = c_i[:, None, :], c_j[:, None, :]
    pi = (ci3 + e_pos) / (ci3 + e_pos + cj3 + e_neg)
    # SemiCommit: X - Y = pi (A_nn - A_ni) + (1 - pi) (A_nj - A_nn)   (SMP.md §3.4, step 4)
    tau = w_n * (pi * (a_nn - a_ni) + (1.0 - pi) * (A - a_nn))
    tau[idx, rows, :] = 0.0  # n = i is no third party
    tau[:, np.arange(n_all), np.arange(n_all)] = 0.0  # nor is n = j
    chi_ij = c_i + _pos(tau).sum(axis=1)
    chi_ji = c_j + _neg(tau).sum(axis=1)
    phi = chi_ij / (chi_ij + chi_ji)
    win, loss = 2.0 * diag[idx, rows][:, None], 2.0 * own
    sj = scalar_sal[None, :]
    eu_chlg = (1.0 - sj) * win + sj * (phi * win + (1.0 - phi) * loss)
    gain = eu_chlg - (diag[idx, rows][:, None] + own)
    return np.stack([phi, gain])


def challenges(views: Array, capability: Array, salience: Array) -> tuple[Array, Array]:
    """Every actor's estimate of winning against, and gaining from challenging, every other.

    Parameters
    ----------
    views
        ``(N, N, N)`` utility views ``A^h_ij`` (:class:`~accord.models.smp.core.Outlook`).
    capability, salience
        ``(N,)`` capabilities and ``(N, D)`` saliences.

    Returns
    -------
    phi, gain : numpy.ndarray
        ``(N, N)``: ``phi[i, j]`` is ``i``'s probability of beating ``j`` and ``gain[i, j]``
        its expected gain ``Delta`` from challenging ``j`` (SMP.md §3.4, with ``h = k = i``).
        The diagonal is meaningless.
    """
    scalar_sal = salience.sum(axis=1)
    weight = scalar_sal * capability
    n = capability.size
    blocks = [
        _challenge_block(np.arange(lo, min(lo + _BLOCK, n)), views, weight, scalar_sal)
        for lo in range(0, n, _BLOCK)
    ]
    out = np.concatenate(blocks, axis=1)
    return out[0], out[1]


def round4(z: Array) -> Array:
    """Round half up to four decimals, ``floor(1e4 z + 1/2) / 1e4`` (KTAB's bargain grid)."""
    out: Array = np.floor(1e4 * z + 0.5) / 1e4
    return out


@dataclass(frozen=True)
class Bargains:
    """The bargains proposed in one turn, one per challenging actor, by initiator index.

    Attributes
    ----------
    initiator, receiver
        ``(B,)`` actor indices.
    init_pos, recv_pos
        ``(B, D)`` the positions the initiator and the receiver would adopt.
    phi, gain
        ``(B,)`` the initiator's win probability and expected gain against the receiver.
    """

    initiator: IntArray
    receiver: IntArray
    init_pos: Array
    recv_pos: Array
    phi: Array
    gain: Array


def targets(gain: Array) -> IntArray:
    """Each actor's target: the lowest ``j`` of largest gain above ``1e-5``, else ``-1``."""
    g = gain.copy()
    np.fill_diagonal(g, -np.inf)
    ok = g > MIN_GAIN
    best = np.argmax(np.where(ok, g, -np.inf), axis=1)
    out: IntArray = np.where(ok.any(axis=1), best, -1).astype(np.int64)
    return out


def bargains(positions: Array, salience: Array, phi: Array, gain: Array) -> Bargains:
    """Targets and S2P2 bargains of one turn (SMP.md §3.5).

    With ``p = phi_ij``, ``q = 1 - p``, ``alpha = s_ik^2 p^2`` and ``beta = s_jk^2 q^2``, the
    initiator adopts ``((alpha + eps) x_i + beta x_j) / (alpha + eps + beta)`` and the receiver
    ``(alpha x_i + (beta + eps) x_j) / (alpha + eps + beta)``, both rounded half up to 1e-4.
    """
    tgt = targets(gain)
    init = np.flatnonzero(tgt >= 0).astype(np.int64)
    recv = tgt[init]
    p = phi[init, recv][:, None]
    q = 1.0 - p
    alpha = salience[init] * salience[init] * p * p
    beta = salience[recv] * salience[recv] * q * q
    xi, xj = positions[init], positions[recv]
    den = alpha + INTERP_EPS + beta
    return Bargains(
        initiator=init,
        receiver=recv,
        init_pos=round4(((alpha + INTERP_EPS) * xi + beta * xj) / den),
        recv_pos=round4((alpha * xi + (beta + INTERP_EPS) * xj) / den),
        phi=phi[init, recv],
        gain=gain[init, recv],
    )
