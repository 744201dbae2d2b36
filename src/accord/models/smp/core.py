"""The building blocks of the Spatial Model of Politics: distance, utility, elections, risk.

Pure functions over NumPy arrays, vectorised over actors. Notation follows
``shared/design/SMP.md`` (a specification of KAPSARC's KTAB ``smpc``; Wise, Lester, Efird et
al., *KAPSARC Toolkit for Behavioral Analysis*): ``N`` actors, ``D`` dimensions, positions
``x`` and saliences ``s`` as ``(N, D)`` arrays on the unit scale, capabilities ``c`` as ``(N,)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "COALITION_FLOOR",
    "Outlook",
    "distances",
    "outlook",
    "pce",
    "quad_utility",
    "risk_attitudes",
    "victory_probabilities",
]

Array = NDArray[np.float64]

COALITION_FLOOR = 1e-8
"""Strength every coalition starts with in an election (KTAB's ``minNumbr``-style floor)."""


def distances(ideals: Array, positions: Array, salience: Array) -> Array:
    """Salience-weighted distance from each actor's ideal to each position (SMP.md §3.1).

    Parameters
    ----------
    ideals
        ``(N, D)`` ideal points ``y``; row ``i`` is measured with actor ``i``'s saliences.
    positions
        ``(M, D)`` points ``x``.
    salience
        ``(N, D)`` saliences ``s``.

    Returns
    -------
    numpy.ndarray
        ``(N, M)`` matrix ``d_ij = sqrt(sum_k s_ik^2 (y_ik - x_jk)^2 / sum_k s_ik^2)``, in
        ``[0, 1]`` for points of the unit cube.
    """
    s2 = salience * salience
    diff = ideals[:, None, :] - positions[None, :, :]
    num = np.einsum("nmk,nk->nm", diff * diff, s2)
    out: Array = np.sqrt(num / s2.sum(axis=1)[:, None])
    return out


def quad_utility(d: Array, risk: Array | float) -> Array:
    """Quadratic risk utility ``u(d, R) = (1 - d)(1 + d R)`` (SMP.md §3.1).

    ``R = +1`` is risk-averse (concave), ``R = -1/2`` risk-seeking; beyond ``d = 1`` the
    curve continues linearly as ``(1 - d)(1 + R)``.
    """
    dd = np.minimum(d, 1.0)
    out: Array = (1.0 - d) * (1.0 + dd * risk)
    return out


def victory_probabilities(weights: Array, utilities: Array) -> Array:
    """Pairwise victory probabilities of a proportional-vote Condorcet election (SMP.md §3.2).

    Parameters
    ----------
    weights
        ``(N,)`` voting weights ``w``.
    utilities
        ``(N, M)`` utility of each voter for each option.

    Returns
    -------
    numpy.ndarray
        ``(M, M)`` matrix ``P_ij = C_ij / (C_ij + C_ji)`` with coalition strengths
        ``C_ij = 1e-8 + sum_k max(w_k (U_ki - U_kj), 0)``; ``P_ii = 1/2``.
    """
    votes = weights[:, None, None] * (utilities[:, :, None] - utilities[:, None, :])
    strength = COALITION_FLOOR + np.maximum(votes, 0.0).sum(axis=0)
    out: Array = strength / (strength + strength.T)
    return out


def pce(weights: Array, utilities: Array) -> Array:
    """Conditional probabilistic Condorcet election over ``M`` options (SMP.md §3.2).

    Each option's weight is the product of its victory probabilities against every option,
    itself included (a factor 1/2); the weights are normalised to sum to one.
    """
    q = np.prod(victory_probabilities(weights, utilities), axis=1)
    out: Array = q / q.sum()
    return out


def risk_attitudes(prob: Array) -> Array:
    """Risk attitudes from win probabilities, KTAB's "Mid" range (SMP.md §3.3).

    ``R_i = (3 p_i - p_max - 2 p_min) / (2 (p_max - p_min))``: the most probable position is
    risk-averse (``R = +1``), the least probable risk-seeking (``R = -1/2``). Where every
    probability is equal (KTAB divides 0 by 0 there) every actor is risk-neutral.
    """
    lo, hi = prob.min(), prob.max()
    if hi == lo:
        return np.zeros_like(prob)
    out: Array = (3.0 * prob - hi - 2.0 * lo) / (2.0 * (hi - lo))
    return out


@dataclass(frozen=True)
class Outlook:
    """What every actor believes about one state of the model (SMP.md §3.3).

    Attributes
    ----------
    dist
        ``(N, N)`` distance ``d_ij`` from actor ``i``'s ideal to actor ``j``'s position.
    prob
        ``(N,)`` win probability of each actor's position in the risk-neutral election.
    risk
        ``(N,)`` risk attitudes ``R``.
    views
        ``(N, N, N)`` tensor: ``views[h, i, j]`` is ``A^h_ij``, actor ``h``'s estimate of
        actor ``i``'s utility for actor ``j``'s position, with ``r_hi = (2 R_h + R_i) / 3``.
    """

    dist: Array
    prob: Array
    risk: Array
    views: Array

    @property
    def own(self) -> Array:
        """``(N, N)`` each actor's true utility for each position, ``A^a_aj``."""
        n = self.risk.shape[0]
        out: Array = self.views[np.arange(n), np.arange(n), :]
        return out


def outlook(positions: Array, salience: Array, capability: Array) -> Outlook:
    """Distances, risk attitudes and utility views of one state (ideals = positions)."""
    dist = distances(positions, positions, salience)
    prob = pce(capability, 1.0 - dist)
    risk = risk_attitudes(prob)
    r_view = (2.0 * risk[:, None] + risk[None, :]) / 3.0
    views = quad_utility(dist[None, :, :], r_view[:, :, None])
    return Outlook(dist=dist, prob=prob, risk=risk, views=views)
