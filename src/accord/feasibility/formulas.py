"""The judgement's formulas, as pure functions over arrays of draws (runs x clauses).

P(implemented) = P(deliverable) x P(kept | deliverable) x (1 - management hazard), each part a
product of the factors below (docs/explanation/deal-check.md states them with sources).
"""

from __future__ import annotations

import numpy as np
from scipy.special import ndtr

__all__ = [
    "bayes_credibility",
    "hazard",
    "p_capacity",
    "p_kept",
    "p_ratify",
    "p_self_enforcing",
    "p_survives_turnover",
    "powell_binds",
    "threshold_value",
]

Array = np.ndarray
_TINY = 1e-12


def p_ratify(support: Array, threshold: float, sigma: float) -> Array:
    """Return P(ratified) from the ratifier's expected support (Putnam 1988 win-set).

    The ratifier approves iff the realised share of members whose ideal point lies nearer the
    deal than the no-deal outcome reaches the threshold. With the realised share normal around
    the expected ``support`` (sd ``sigma``): P = Phi((support - threshold) / sigma).
    """
    return _a(ndtr((support - threshold) / sigma))


def p_capacity(available: Array, required: Array, sigma: float) -> Array:
    """Return P(realised capacity covers the need) (Chayes & Chayes 1993).

    Phi((available / required - 1) / sigma).
    """
    ratio = available / np.maximum(required, _TINY)
    return _a(ndtr((ratio - 1.0) / sigma))


def threshold_value(q: Array, punishment: Array, delta: float) -> Array:
    """Return the deterrence threshold q * delta / (1 - delta) * L (Downs et al. 1996)."""
    return _a(q * delta / (1.0 - delta) * punishment)


def p_self_enforcing(q: Array, punishment: Array, gain: Array, delta: float, sigma: float) -> Array:
    """Return P(no deliberate defection pays) (Downs, Rocke & Barsoom 1996).

    The one-off gain g, hit by a log-normal shock of sd ``sigma``, stays at most
    T = q delta / (1 - delta) L: Phi((ln T - ln g) / sigma).
    """
    T = threshold_value(q, punishment, delta)
    return _a(ndtr((np.log(np.maximum(T, _TINY)) - np.log(np.maximum(gain, _TINY))) / sigma))


def powell_binds(
    shift: Array, share: Array | float, delta: float, war_cost: float, sigma: float
) -> Array:
    """Return P(the shifting-power condition holds) (Powell 2006).

    The declining side prefers to renege (fight) now when
    delta (p_t - p_t+1) > (1 - delta)(1 - p_t + c); smoothed by an uncertainty ``sigma`` on
    the margin; 0 when nothing shifts.
    """
    margin = delta * shift - (1.0 - delta) * (1.0 - share + war_cost)
    return _a(np.where(shift > 0, ndtr(margin / sigma), 0.0))


def p_kept(track: Array, self_enforcing: Array, binds: Array, bite: float) -> Array:
    """Return P(kept | delivered).

    A reliable type (prior = track record, Kydd 1997) keeps it; an opportunistic one keeps it
    only when it is self-enforcing; either reneges with probability ``bite`` when the
    shifting-power condition holds.
    """
    return _a((track + (1.0 - track) * self_enforcing) * (1.0 - bite * binds))


def p_survives_turnover(exposure: Array, horizon: Array, reversal: float | Array) -> Array:
    """Return P(no successor drops it).

    1 - reversal x P(leadership changes within the exposure), changes arriving at rate
    1 / political horizon.
    """
    change = 1.0 - np.exp(-exposure / np.maximum(horizon, 0.05))
    return _a(1.0 - reversal * change)


def hazard(
    vague: Array, n_waits: Array, years: Array, n_parties: Array, h: dict[str, float]
) -> dict[str, Array]:
    """Return the management hazards (Chayes & Chayes 1993).

    Each is a probability of failing without anyone choosing it: ambiguity, sequencing (once
    for a clause that waits on others, however many: the hazard does not compound), timeline,
    parties.
    """
    zero = 0.0 * years
    return {
        "ambiguity": np.where(vague, h["hazard_vague"], h["hazard_precise"]) + zero,
        "sequencing": np.where(n_waits > 0, h["hazard_sequence"], 0.0) + zero,
        "timeline": 1.0 - np.exp(-h["hazard_per_year"] * years),
        "parties": np.minimum(h["hazard_per_party"] * np.maximum(n_parties - 2, 0), 0.5) + zero,
    }


def bayes_credibility(prior: Array, q: Array, alpha: Array) -> Array:
    """Return the belief that the clause is kept after a period with no alarm (Bayes).

    pi (1 - alpha) / (pi (1 - alpha) + (1 - pi)(1 - q)).
    """
    num = prior * (1.0 - alpha)
    return _a(num / np.maximum(num + (1.0 - prior) * (1.0 - q), _TINY))


def _a(x: object) -> Array:
    return np.asarray(x, dtype=float)
