"""A distribution for each expert's 5 % / 50 % / 95 % triple, and the quantiles of a pool.

Each triple is fitted with a beta distribution on a support ``[L, U]``: the item's hard bounds
where the scenario format sets them (a salience on [0, 1], a position on its scale), and
elsewhere the panel's *intrinsic range* with Cooke's 10 % overshoot — the span of every
expert's 5 %–95 % interval on that item, widened by 10 % of itself on each open side (Cooke
1991, ch. 12; the EXCALIBUR convention). The two shape parameters are fitted by least squares
on the three quantiles (MINPACK through :func:`scipy.optimize.leastsq`); a beta can lean
either way, so a skewed triple gets a skewed distribution. A triple with equal 5 % and 95 %
is a point mass.

The scenario format draws a range as a triangular distribution, so :func:`fit_triangle`
finds the triangle (inside the hard bounds) whose 5/50/95 % quantiles are nearest the pool's
(:func:`scipy.optimize.least_squares`).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import optimize, special

__all__ = [
    "OVERSHOOT",
    "PROBS",
    "Fitted",
    "fit_triangle",
    "fit_triple",
    "pool_quantiles",
    "support",
]

#: The probabilities elicited: 5 %, 50 %, 95 %.
PROBS = np.array([0.05, 0.5, 0.95])
#: Cooke's overshoot: the intrinsic range extends this share of itself past the answers.
OVERSHOOT = 0.1
_LOG_SHAPE = (-6.0, 12.0)
_GRID = 513
#: A triangle cannot lean further than about 1.8 : 1; where the pool does, the fit keeps
#: its 90 % interval (what the analyses' bands carry) before its median.
_EMPHASIS = np.array([1.0, 0.5, 1.0])


@dataclass(frozen=True)
class Fitted:
    """A beta distribution on ``[lo, hi]`` with shapes ``a``, ``b``; a point mass if ``a == 0``."""

    lo: float
    hi: float
    a: float
    b: float
    point: float | None = None

    def cdf(self, x: np.ndarray | float) -> np.ndarray:
        """Probability of a value at most ``x``."""
        x = np.asarray(x, dtype=float)
        if self.point is not None:
            return (x >= self.point).astype(float)
        z = np.clip((x - self.lo) / (self.hi - self.lo), 0.0, 1.0)
        return np.asarray(special.betainc(self.a, self.b, z), dtype=float)

    def ppf(self, p: np.ndarray | float) -> np.ndarray:
        """Return the quantiles at probabilities ``p``."""
        p = np.asarray(p, dtype=float)
        if self.point is not None:
            return np.full(p.shape, self.point)
        z = special.betaincinv(self.a, self.b, p)
        return np.asarray(self.lo + z * (self.hi - self.lo), dtype=float)


def support(
    lo: float, hi: float, triples: Sequence[tuple[float, float, float]]
) -> tuple[float, float]:
    """Return the fitting support: hard bounds where finite, else the intrinsic range."""
    low = min(t[0] for t in triples)
    high = max(t[2] for t in triples)
    pad = OVERSHOOT * (high - low) or OVERSHOOT * max(abs(low), abs(high), 1.0)
    left = lo if math.isfinite(lo) else low - pad
    right = hi if math.isfinite(hi) else high + pad
    return (max(left, lo), min(right, hi))


def fit_triple(q05: float, q50: float, q95: float, lo: float, hi: float) -> Fitted:
    """Fit a beta on ``[lo, hi]`` to one expert's three quantiles."""
    if q95 - q05 <= 1e-12 * max(1.0, abs(q05), abs(q95)) or hi <= lo:
        return Fitted(lo, hi, 0.0, 0.0, point=q50)
    z = (np.array([q05, q50, q95]) - lo) / (hi - lo)

    def misfit(log_shape: np.ndarray) -> np.ndarray:
        a, b = np.exp(np.clip(log_shape, *_LOG_SHAPE))
        return np.asarray(special.betaincinv(a, b, PROBS) - z)

    m = float(np.clip(z[1], 0.05, 0.95))
    start = np.log([1.0 + 2.0 * m, 1.0 + 2.0 * (1.0 - m)])
    with warnings.catch_warnings():  # a misfit left at the iteration limit is still the best
        warnings.simplefilter("ignore", RuntimeWarning)
        best = optimize.leastsq(misfit, start, full_output=False)[0]
    a, b = np.exp(np.clip(best, *_LOG_SHAPE))
    return Fitted(lo, hi, float(a), float(b))


def pool_quantiles(
    fits: Sequence[Fitted], weights: Sequence[float], probs: np.ndarray = PROBS
) -> np.ndarray:
    """Quantiles of the linear pool ``sum_e w_e F_e`` (Stone 1961).

    The pool's cdf is evaluated on a grid over the support, and each quantile is then found
    exactly inside its grid cell with :func:`scipy.optimize.brentq`.
    """
    w = np.asarray(weights, dtype=float)
    keep = [(f, wi) for f, wi in zip(fits, w / w.sum(), strict=True) if wi > 0]
    left = min(f.lo if f.point is None else f.point for f, _ in keep)
    right = max(f.hi if f.point is None else f.point for f, _ in keep)
    if right <= left:
        return np.full(len(probs), left)

    def cdf(x: np.ndarray | float) -> np.ndarray:
        return np.asarray(sum(wi * f.cdf(x) for f, wi in keep))

    grid = np.linspace(left, right, _GRID)
    values = cdf(grid)
    out = []
    for p in probs:
        k = int(np.searchsorted(values, p, side="left"))
        if k == 0 or k >= _GRID:
            out.append(grid[min(k, _GRID - 1)])
            continue
        a, b = grid[k - 1], grid[k]
        if float(cdf(b)) - p <= 0 or float(cdf(a)) - p >= 0:
            out.append(b)
            continue
        out.append(_root(cdf, float(p), a, b, 1e-12 * (right - left)))
    return np.array(out, dtype=float)


def _root(cdf: Callable[[float], np.ndarray], p: float, a: float, b: float, tol: float) -> float:
    return float(optimize.brentq(lambda x: float(cdf(x)) - p, a, b, xtol=tol))


def fit_triangle(q: Sequence[float], lo: float, hi: float) -> tuple[float, float, float]:
    """Return the triangle ``(low, mode, high)`` in ``[lo, hi]`` nearest ``q`` (5/50/95 %).

    Least squares (:func:`scipy.optimize.leastsq`, the median weighing half) over ``low`` in
    ``[q05 - w, q05]``, ``high`` in ``[q95, q95 + w]`` (``w = q95 - q05``, both inside the
    bounds) and the mode's relative place, each mapped from the real line by a logistic
    function.
    """
    q05, q50, q95 = (float(x) for x in q)
    width = q95 - q05
    if width <= 1e-12 * max(1.0, abs(q05), abs(q95)):
        return (q50, q50, q50)
    target = np.array([q05, q50, q95])
    left, right = max(lo, q05 - width), min(hi, q95 + width)

    def shape(x: np.ndarray) -> tuple[float, float, float]:
        s = special.expit(x)
        low = left + (q05 - left) * s[0]
        high = q95 + (right - q95) * s[1]
        return float(low), float(high), float(s[2])

    def misfit(x: np.ndarray) -> np.ndarray:
        return np.asarray(_EMPHASIS * (_triangle_ppf(*shape(x)) - target) / width)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        best = optimize.leastsq(misfit, np.zeros(3))[0]
    low, high, c = shape(best)
    return (low, low + c * (high - low), high)


def _triangle_ppf(low: float, high: float, c: float) -> np.ndarray:
    span = high - low
    p = PROBS
    left = low + np.sqrt(p * span * span * c)
    right = high - np.sqrt((1.0 - p) * span * span * (1.0 - c))
    return np.where(p <= c, left, right)
