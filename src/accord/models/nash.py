"""The Nash bargaining solution against the reference point (Nash 1950; Achen 2006).

The forecast maximises the (asymmetric) Nash product ``sum_i w_i log(u_i(x) - u_i(q))`` with
``u_i(x) = -s_i |x - x_i|^k`` over the points ``x`` at which every veto player gains over the
reference point ``q`` (MODELS.md §1). Where no such point exists the forecast is ``q``.

Documented choices
------------------
- ``k`` — the utility exponent: 1 (linear loss) or 2 (quadratic loss, the default: Achen's
  choice, risk-averse actors, and the better of the two on DEU III); any ``k >= 1`` keeps
  the objective concave on the veto players' feasible set.
- ``veto`` — who must gain: ``all`` (default, every actor: unanimity), ``none`` (nobody;
  actors who would lose simply drop out of the product), or ``council`` — the scenario's
  ``context.council_vote``: under unanimity (``Unan``) every actor holds a veto, under a
  qualified majority (``QMV``) only the actors listed in ``veto_actors`` (default the
  European Commission ``com`` and Parliament ``ep``, whose agreement the ordinary
  legislative procedure needs; the Parliament not under consultation, ``procedure: CNS``).
  Non-veto actors enter the product only where they gain.
- ``weighting`` — the exponents ``w_i``: ``capability`` (the default, MODELS.md),
  ``capability-salience``, ``salience`` or ``equal``. Salience also scales ``u_i``, but a
  constant factor inside the logarithm does not move the maximum.
- ``missing_reference`` — without a recorded reference point, ``worst``: each actor's
  disagreement utility is the worst value on the scale, ``-s_i R^k``.

The maximum is found on a grid of 257 points over the feasible interval, refined once around
the best point (resolution ``(hi - lo) / 257^2``, below 0.002 on a 0..100 scale), vectorised
over rows, points and actors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import numpy as np

from accord.errors import AccordError, Problem
from accord.models.base import Batch, BoolArray, FloatArray, Model, Solution
from accord.models.registry import register
from accord.models.weighted import WEIGHTINGS, weights

__all__ = ["NashBargaining", "nash_solution", "veto_players"]

GRID = 257
_CHUNK = 2_000_000  # rows x points x actors evaluated at once
_UNANIMITY = {"unan", "unanimity", "unanimous"}


def veto_players(batch: Batch, rule: str, veto_actors: tuple[str, ...]) -> BoolArray:
    """``(B, n)``: who holds a veto in each row under ``rule`` (``all``, ``none``, ``council``).

    Under ``council`` the Parliament (``ep``) holds its veto only where the scenario's
    ``context.procedure`` is not ``CNS`` (consultation: the Parliament gives an opinion).
    """
    if rule == "all":
        return batch.present.copy()
    if rule == "none":
        return np.zeros_like(batch.present)
    contexts = batch.contexts or tuple({} for _ in range(batch.size))
    named = np.array(
        [
            [a in veto_actors and not (a == "ep" and _consulted(c)) for a in batch.actors]
            for c in contexts
        ],
        dtype=bool,
    ).reshape(batch.size, len(batch.actors))
    unan = np.array([_unanimous(c) for c in contexts], dtype=bool)
    out: BoolArray = batch.present & (unan[:, None] | named)
    return out


def _consulted(context: Mapping[str, Any]) -> bool:
    return str(context.get("procedure", "")).strip().upper() == "CNS"


def _unanimous(context: Mapping[str, Any]) -> bool:
    return str(context.get("council_vote", "")).strip().lower() in _UNANIMITY


def _objective(
    xs: FloatArray,
    x: FloatArray,
    s: FloatArray,
    w: FloatArray,
    u_q: FloatArray,
    veto: BoolArray,
    k: float,
) -> FloatArray:
    """Nash product (log) at candidate points ``xs`` (B, G); -inf where a veto player loses."""
    gain = s[:, None, :] * -(np.abs(xs[:, :, None] - x[:, None, :]) ** k) - u_q[:, None, :]
    pos = gain > 0
    logs = np.where(pos, np.log(np.where(pos, gain, 1.0)), 0.0)
    val = (w[:, None, :] * logs).sum(axis=2)
    bad = (veto[:, None, :] & ~pos).any(axis=2)
    return np.where(bad, -np.inf, val)


def _best(xs: FloatArray, val: FloatArray) -> FloatArray:
    top = val.max(axis=1, keepdims=True)
    near = np.isfinite(val) & (val >= top - 1e-12 * np.maximum(np.abs(top), 1.0))
    return np.asarray(np.where(near, xs, np.inf).min(axis=1), dtype=float)


def nash_solution(
    x: FloatArray,
    s: FloatArray,
    w: FloatArray,
    q: FloatArray,
    veto: BoolArray,
    lo: FloatArray,
    hi: FloatArray,
    k: float,
) -> FloatArray:
    """Nash bargaining point of each row (absent actors: ``w = 0`` and not veto)."""
    x = np.where(w > 0, x, 0.0)
    s = np.where(w > 0, s, 0.0)
    worst = np.isnan(q)
    qv = np.where(worst, lo, q)
    u_q = np.where(worst[:, None], -s * (hi - lo)[:, None] ** k, -s * np.abs(qv[:, None] - x) ** k)
    reach = np.where(veto, np.abs(qv[:, None] - x), np.inf)
    reach = np.where(worst[:, None], np.inf, reach)
    L = np.maximum(lo, np.where(veto, x - reach, -np.inf).max(axis=1))
    U = np.minimum(hi, np.where(veto, x + reach, np.inf).min(axis=1))
    t = (np.arange(GRID) + 0.5) / GRID
    xs = L[:, None] + (U - L)[:, None] * t[None, :]
    best = _best(xs, _objective(xs, x, s, w, u_q, veto, k))
    found = np.isfinite(best) & (U > L)
    best = np.where(found, best, L)
    step = (U - L) / GRID
    xs2 = np.clip(best[:, None] + step[:, None] * (2 * t[None, :] - 1), L[:, None], U[:, None])
    xs2 = np.concatenate([xs2, best[:, None]], axis=1)
    best2 = _best(xs2, _objective(xs2, x, s, w, u_q, veto, k))
    return np.where(found, best2, np.where(worst, (lo + hi) / 2, qv))


@register
class NashBargaining(Model):
    """Nash bargaining solution against the reference point (Nash 1950; Achen 2006).

    Parameters
    ----------
    k
        Utility exponent, ``u_i(x) = -s_i |x - x_i|^k`` (``k >= 1``; default 2).
    veto
        Who must gain over the reference point: ``all``, ``none`` or ``council``.
    veto_actors
        Actor ids holding a veto under ``council`` when the vote is not unanimous.
    weighting
        Exponents of the Nash product: ``capability`` (default), ``capability-salience``,
        ``salience`` or ``equal``.
    """

    name = "nash"
    title = "Nash bargaining solution against the reference point (Nash 1950; Achen 2006)"

    def __init__(
        self,
        k: float = 2.0,
        veto: Literal["all", "none", "council"] = "all",
        veto_actors: tuple[str, ...] = ("com", "ep"),
        weighting: Literal["capability", "capability-salience", "salience", "equal"] = (
            "capability"
        ),
    ) -> None:
        problems = []
        if not (isinstance(k, int | float) and 1.0 <= k <= 10.0):
            problems.append(Problem("k must be a number in [1, 10]", path="k", found=repr(k)))
        if veto not in ("all", "none", "council"):
            problems.append(
                Problem(
                    "unknown veto rule",
                    path="veto",
                    expected="all, none or council",
                    found=repr(veto),
                )
            )
        if weighting not in WEIGHTINGS:
            problems.append(
                Problem(
                    "unknown weighting",
                    path="weighting",
                    expected=", ".join(WEIGHTINGS),
                    found=repr(weighting),
                )
            )
        if problems:
            raise AccordError(problems)
        self.k, self.veto, self.weighting = float(k), veto, weighting
        self.veto_actors = tuple(veto_actors)

    def solve(self, batch: Batch, *, want_trajectory: bool = False) -> Solution:
        """Nash bargaining point of every row (in chunks of rows to bound memory)."""
        w = weights(batch, self.weighting)
        veto = veto_players(batch, self.veto, self.veto_actors) & (batch.salience > 0)
        step = max(1, _CHUNK // (GRID * max(1, len(batch.actors))))
        out = np.empty(batch.size)
        for start in range(0, batch.size, step):
            sl = slice(start, start + step)
            out[sl] = nash_solution(
                batch.position[sl],
                batch.salience[sl],
                w[sl],
                batch.reference[sl],
                veto[sl],
                batch.lo[sl],
                batch.hi[sl],
                self.k,
            )
        return Solution(out)
