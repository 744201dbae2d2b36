"""The expected-utility model's equations as pure NumPy functions over padded batches.

Bueno de Mesquita (1985, 1994), as reconstructed by Scholz, Calbert & Smith (2011); the step
numbers below are those of MODELS.md §1. Every array has a leading batch axis ``B`` (issues or
draws) and actor axes of length ``n``; absent actors have weight 0 and never make or receive
offers. ``E[b, i, j]`` is actor i's expected utility of challenging actor j.
No function loops over actors or actor pairs in Python.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from accord.models.base import BoolArray, FloatArray

__all__ = [
    "Geometry",
    "expected_utility",
    "median_mean",
    "offers",
    "risk_exponents",
    "win_probability",
]

_TIE = 1e-12  # relative tolerance for ties (median candidates, offers of equal length)


def median_mean(x: FloatArray, w: FloatArray, present: BoolArray) -> tuple[FloatArray, FloatArray]:
    """Step 1: the pairwise-vote median and the weighted mean of each row.

    The total vote for i against every j, ``sum_j sum_k w_k (|x_k - x_j| - |x_k - x_i|) / R``,
    is largest where ``D_i = sum_k w_k |x_k - x_i|`` is smallest, so the median is the
    present position minimising ``D_i`` (ties: the smallest such position).
    """
    D = (w[:, :, None] * np.abs(x[:, :, None] - x[:, None, :])).sum(axis=1)
    D = np.where(present, D, np.inf)
    best = D.min(axis=1, keepdims=True)
    tied = best + _TIE * np.maximum(np.abs(best), 1.0) >= D
    median = np.where(tied, x, np.inf).min(axis=1)
    mean = (w * np.where(present, x, 0.0)).sum(axis=1) / w.sum(axis=1)
    return median, mean


def win_probability(
    x: FloatArray,
    w: FloatArray,
    present: BoolArray,
    normaliser: str = "local",
    r: FloatArray | None = None,
    geometry: Geometry | None = None,
) -> FloatArray:
    """Step 3: ``P[b, i, j]``, the probability that i beats j (A5 chooses the denominator).

    ``a_k = |x_k - x_j| - |x_k - x_i|``; ``P = sum_{a_k > 0} w_k a_k / N`` with
    ``N = sum_k w_k |a_k|`` (``local``), the sum of that over every ordered pair of the row
    (``global``), or the sum of the numerators over every ordered pair (``pairs``: the
    probabilities of the row sum to 1; this counts each unordered pair once, so it is half
    the ``global`` denominator); ``net`` keeps the local denominator but takes the net vote
    ``max(sum_k w_k a_k, 0)`` as numerator. Where ``N`` is 0 (i and j hold the same
    position) ``P = 0.5``. With ``r`` (B, n), each voter k weighs distances by its risk
    exponent, ``d ** r_k`` (distances then in units of the range).

    On a line, ``a_k > 0`` exactly for the voters on i's side of the midpoint of x_i and x_j,
    so the sums are prefix sums over the voters sorted by position: O(n^2) memory and no
    ``n^3`` array. ``geometry`` (from :func:`geometry`) may be passed to reuse the sort.
    """
    d = np.abs(x[:, :, None] - x[:, None, :])  # d[b, k, i] = |x_k - x_i|
    if r is not None:
        d = d ** r[:, :, None]
    geo = geometry if geometry is not None else Geometry.of(x)
    pos = _side_sums(geo, w[:, :, None] * d)  # pos[b, i, j] = sum over a_k > 0 of w_k a_k
    den = pos + np.swapaxes(pos, 1, 2)
    num = np.maximum(pos - np.swapaxes(pos, 1, 2), 0.0) if normaliser == "net" else pos
    if normaliser in ("global", "pairs"):
        pair = present[:, :, None] & present[:, None, :]
        part = den if normaliser == "global" else pos
        den = np.broadcast_to((part * pair).sum(axis=(1, 2), keepdims=True), den.shape)
    safe = np.where(den > 0, den, 1.0)
    return np.where(den > 0, num / safe, 0.5)


class Geometry:
    """Where every pairwise midpoint falls among a row's sorted positions (reused per round)."""

    def __init__(
        self,
        order: NDArray[np.intp],
        below: NDArray[np.intp],
        upto: NDArray[np.intp],
        left: BoolArray,
    ) -> None:
        self.order, self.below, self.upto, self.left = order, below, upto, left

    @classmethod
    def of(cls, x: FloatArray) -> Geometry:
        """Sort the positions of every row and locate the midpoints of all pairs."""
        order = np.argsort(x, axis=1, kind="stable")
        xs = np.take_along_axis(x, order, axis=1)
        mid = (x[:, :, None] + x[:, None, :]) / 2.0
        return cls(
            order,
            _count_before(xs, mid, strict=True),
            _count_before(xs, mid, strict=False),
            x[:, :, None] < x[:, None, :],
        )


def _side_sums(geo: Geometry, wd: FloatArray) -> FloatArray:
    """``sum_k wd[k, j] - wd[k, i]`` over the voters k strictly on i's side of the midpoint."""
    B, n, _ = wd.shape
    C = np.zeros((B, n + 1, n))
    np.cumsum(np.take_along_axis(wd, geo.order[:, :, None], axis=1), axis=1, out=C[:, 1:, :])
    rows = np.arange(B)[:, None, None]
    cols_j = np.arange(n)[None, None, :]
    cols_i = np.arange(n)[None, :, None]
    total = C[:, n, :]
    low = C[rows, geo.below, cols_j] - C[rows, geo.below, cols_i]  # i left of j
    high = (total[:, None, :] - C[rows, geo.upto, cols_j]) - (
        total[:, :, None] - C[rows, geo.upto, cols_i]
    )
    return np.where(geo.left, low, high)


def _count_before(xs: FloatArray, mid: FloatArray, *, strict: bool) -> NDArray[np.intp]:
    """For each midpoint, how many of the row's sorted positions lie below (or at) it."""
    B, n = xs.shape
    vals = np.concatenate([xs, mid.reshape(B, -1)], axis=1)
    is_x = np.zeros(vals.shape, dtype=np.intp)
    is_x[:, :n] = 1
    tie = is_x if strict else 1 - is_x  # on a tie, positions sort after (strict) or before
    order = np.lexsort((tie, vals), axis=1)
    counts = np.empty_like(is_x)
    np.put_along_axis(
        counts, order, np.cumsum(np.take_along_axis(is_x, order, axis=1), axis=1), axis=1
    )
    return counts[:, n:].reshape(mid.shape)


def _u(base: FloatArray, r: FloatArray) -> FloatArray:
    """``2 - 4 base**r`` (``r`` broadcast to the pair axes)."""
    return 2.0 - 4.0 * np.clip(base, 0.0, None) ** r


def expected_utility(
    x: FloatArray,
    lead: FloatArray,
    P: FloatArray,
    median: FloatArray,
    r: FloatArray,
    R: FloatArray,
    Q: float,
) -> FloatArray:
    """Compute ``E[b, i, j]``, i's expected utility of challenging j (steps 2 and 4).

    ``E = lead (P U_s + (1 - P) U_f) + (1 - lead) U_s - Q U_sq - (1 - Q)(T U_b + (1 - T) U_w)``
    with the basic utilities of MODELS.md §1 step 2 evaluated with the exponent ``r[b, i, j]``
    (the challenger's ``r_i``, or the perceiving actor's: see :mod:`accord.models.eum`),
    ``T = 1`` where ``|x_i - mu| < |x_i - x_j|``, and ``lead[b, i, j]`` the salience that
    leads the formula (A1: the responder's, ``s_j``, by default).
    """
    Rb = R[:, None, None]
    dij = np.abs(x[:, :, None] - x[:, None, :]) / Rb
    dmu = (np.abs(x - median[:, None]) / R[:, None])[:, :, None]
    us = _u(0.5 - 0.5 * dij, r)
    uf = _u(0.5 + 0.5 * dij, r)
    usq = 2.0 - 4.0 * 0.5**r
    eu = lead * (P * us + (1.0 - P) * uf) + (1.0 - lead) * us - Q * usq
    if Q != 1.0:
        better = dmu < dij
        ub = _u(0.5 - 0.25 * (dmu + dij), r)
        uw = _u(0.5 + 0.25 * (dmu + dij), r)
        eu = eu - (1.0 - Q) * np.where(better, ub, uw)
    return eu


def risk_exponents(E: FloatArray, present: BoolArray, security: str = "against") -> FloatArray:
    """Step 5: risk exponents ``r_i = (1 - R_i / 3) / (1 + R_i / 3)`` in [0.5, 2].

    ``Sec_i`` sums, over the other present actors j, ``E[j, i]`` (challenges *against* i, the
    default) or ``E[i, j]`` (A2: ``by``, i's own challenges). ``R_i = (2 Sec_i - max - min) /
    (max - min)``; a row whose securities are all equal gets ``r = 1``.
    """
    pair = present[:, :, None] & present[:, None, :]
    n = E.shape[1]
    pair &= ~np.eye(n, dtype=bool)[None]
    Em = np.where(pair, E, 0.0)
    sec = Em.sum(axis=1) if security == "against" else Em.sum(axis=2)
    hi = np.where(present, sec, -np.inf).max(axis=1, keepdims=True)
    lo = np.where(present, sec, np.inf).min(axis=1, keepdims=True)
    span = hi - lo
    ok = present & (span > 0)
    Ri = np.where(ok, (2.0 * sec - hi - lo) / np.where(span > 0, span, 1.0), 0.0)
    return np.where(present, (1.0 - Ri / 3.0) / (1.0 + Ri / 3.0), 1.0)


def offers(
    x: FloatArray,
    a: FloatArray,
    b: FloatArray,
    present: BoolArray,
    accept: str = "least",
    a3: str = "symmetric",
) -> FloatArray:
    """Step 6: the offers every actor receives, and the one it accepts.

    For every ordered pair (i challenges j) with ``a = E_i(ij)`` and ``b = E_j(ji)``
    (j receives the offer): conflict (a > b > 0) or capitulation (a > 0 > b,
    ``|b| >= |a|``): j moves to ``x_i``; compromise (a > 0 > b, ``|a| > |b|``): j moves to
    ``x_j + (x_i - x_j) |b / a|``; otherwise no offer (stalemate, or j is the winner and
    the pair (j, i) carries the offer to i). A3 ``text`` replaces the compromise region by
    the literal sign of the paper's text, both negative with ``|a| < |b|``.

    Each actor accepts (A4) among the offers that move it: the one moving it least
    (``least``); the one from the challenger with the largest ``a`` (``strongest``); the
    least move of the first kind present in the order conflict, compromise, capitulation
    (``priority``); or as ``priority`` but ranking compromises by
    ``(|b| x_j + |a| x_i) / (|a| + |b|)``, lowest first (``scholz``, the rule of the
    replication code as described by public re-implementations).
    """
    xi = x[:, :, None]
    xj = x[:, None, :]
    n = x.shape[1]
    valid = present[:, :, None] & present[:, None, :] & ~np.eye(n, dtype=bool)[None]
    valid &= xi != xj
    conflict = valid & (a > 0) & (b > 0) & (a > b)
    capitulate = valid & (a > 0) & (b <= 0) & (np.abs(b) >= np.abs(a))
    if a3 == "text":
        part = valid & (a < 0) & (b < 0) & (np.abs(a) < np.abs(b))
    else:
        part = valid & (a > 0) & (b <= 0) & (np.abs(a) > np.abs(b))
    ratio = np.minimum(np.abs(b) / np.where(a != 0, np.abs(a), 1.0), 1.0)
    ratio = np.where(a3 == "text", np.abs(a) / np.where(b != 0, np.abs(b), 1.0), ratio)
    target = np.where(conflict | capitulate, xi, np.where(part, xj + (xi - xj) * ratio, np.nan))
    kind = np.where(conflict, 0.0, np.where(part, 1.0, 2.0))
    if accept != "scholz":
        return _accept(x, target, kind, a, accept)
    total = np.abs(a) + np.abs(b)
    key = (np.abs(b) * xj + np.abs(a) * xi) / np.where(total > 0, total, 1.0)
    return _accept(x, target, kind, a, "priority", compromise_key=key)


def _accept(
    x: FloatArray,
    target: FloatArray,
    kind: FloatArray,
    a: FloatArray,
    accept: str,
    compromise_key: FloatArray | None = None,
) -> FloatArray:
    """Each column j picks one offer from ``target[:, :, j]`` (NaN = none)."""
    move = np.abs(target - x[:, None, :])
    ok = ~np.isnan(target) & (move > 0)
    if accept == "priority":
        first = np.where(ok, kind, np.inf).min(axis=1, keepdims=True)
        ok &= kind == first
    key = -a if accept == "strongest" else move
    if compromise_key is not None:
        key = np.where(kind == 1.0, compromise_key, key)
    key = np.where(ok, key, np.inf)
    best = key.min(axis=1, keepdims=True)
    tol = _TIE * np.maximum(np.abs(best), 1.0)
    chosen = np.isfinite(key) & (key <= best + tol)
    new = np.where(chosen, target, np.inf).min(axis=1)
    return np.where(np.isfinite(new), new, x)
