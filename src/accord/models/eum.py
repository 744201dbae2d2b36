"""Bueno de Mesquita's expected-utility model, as reconstructed by Scholz et al. (2011).

Bueno de Mesquita (1985, 1994); Scholz, Calbert & Smith (2011), "Unravelling Bueno de
Mesquita's group decision model", *Journal of Theoretical Politics* 23(4). Each round
(MODELS.md §1, steps 1-7; the equations are in :mod:`accord.models.eum_core`): pairwise votes
give the median, win probabilities and basic utilities give expected utilities, a first pass
with neutral risk gives each actor's security and hence its risk exponent, a second pass
recomputes the expected utilities, and the signs of ``E_i(ij)`` and ``E_j(ji)`` decide the
offers; every actor accepts one offer, and all move at once. The forecast is the median after
the last round; the trajectory reports the median and mean of every round (round 0 = the
initial positions).

The paper leaves points open; each is a parameter (MODELS.md §1, A1-A5), and every default
is the setting that best reproduces the published car-emissions rounds (Scholz et al. 2011,
Table 2; see ``docs/explanation/forecasting.md`` for the settings tried):

- ``a1`` — whose salience leads ``E_j(ji)``: ``responder`` (default, ``s_i``; then
  ``E_j(ji)`` is the transpose of ``E_i(ij)``) or ``challenger`` (``s_j``).
- ``a2`` — whose expected utilities make an actor's security: ``against`` (default; the
  others' expected utilities of challenging it) or ``by`` (its own of challenging them).
- ``a3`` — the sign condition of the region where the receiver compromises: ``symmetric``
  (default; ``E_i(ij) > 0 > E_j(ji)``, the mirror of the region where it wins) or ``text``
  (the sign as printed: both negative, ``|E_i(ij)| < |E_j(ji)|``).
- ``a4`` — which offer an actor accepts: ``scholz`` (default; conflicts first, then
  compromises ranked as in the replication code, then capitulations), ``priority`` (the same
  order, least move within each kind), ``least`` (the offer that moves it least) or
  ``strongest`` (the offer of the challenger with the largest expected utility).
- ``a5`` — the win probability's denominator: ``pairs`` (default; each pair's vote over the
  votes of every ordered pair of the row, so the row's probabilities sum to 1 and become
  small), ``global`` (over the sum of both votes of every ordered pair, as in the
  replication code as described by public re-implementations: twice the ``pairs``
  denominator), ``local`` (over the voters of the one pair, MODELS.md step 3), or ``net``
  (local, with the net vote as numerator).

Two further choices the paper leaves implicit: ``perspective`` — whose risk exponent prices
the challenger's expected utility ``E_i(ij)`` when j weighs an offer: ``receiver`` (default,
j's own, as in Bueno de Mesquita's perceptions) or ``own`` (i's); ``risk_votes`` — whether
the second pass's win probabilities weigh each voter's distances by its risk exponent
(default true).

Other parameters: ``Q`` (probability that the status quo holds; 1.0 in the replication),
``rounds`` (8), ``scale`` (``R`` from the issue's scale, or from the initial ``positions``)
and ``forecast_stat`` (``median`` or ``mean`` after the last round).
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from accord.errors import AccordError, Problem
from accord.models import eum_core as core
from accord.models.base import Batch, FloatArray, Model, Solution
from accord.models.registry import register

__all__ = ["EUMRun", "ExpectedUtility", "run_eum"]

_CHUNK = 1_000_000  # rows x actors^2 held at once

_CHOICES: dict[str, tuple[str, ...]] = {
    "a1": ("responder", "challenger"),
    "a2": ("against", "by"),
    "a3": ("symmetric", "text"),
    "a4": ("least", "strongest", "priority", "scholz"),
    "a5": ("local", "global", "pairs", "net"),
    "perspective": ("own", "receiver"),
    "scale": ("scale", "positions"),
    "forecast_stat": ("median", "mean"),
}


class EUMRun:
    """Positions, medians and means of every round of one batch (round 0 = the inputs)."""

    def __init__(self, positions: FloatArray, medians: FloatArray, means: FloatArray) -> None:
        self.positions = positions  # (rounds + 1, B, n)
        self.medians = medians  # (rounds + 1, B)
        self.means = means  # (rounds + 1, B)


def _range(batch: Batch, x: FloatArray, how: str) -> FloatArray:
    if how == "positions":
        xs = np.where(batch.present, x, np.nan)
        R = np.nanmax(xs, axis=1) - np.nanmin(xs, axis=1)
    else:
        R = batch.hi - batch.lo
    return np.where(R > 0, R, 1.0)


def _one_round(
    x: FloatArray, batch: Batch, w: FloatArray, R: FloatArray, p: dict[str, Any]
) -> FloatArray:
    """One round (steps 1-6): the positions after every actor accepted its offer."""
    present, s = batch.present, batch.salience
    median, _ = core.median_mean(x, w, present)
    geo = core.Geometry.of(x)
    P = core.win_probability(x, w, present, p["a5"], geometry=geo)
    lead = np.broadcast_to(s[:, None, :], P.shape)  # s_j leads E_i(ij)
    E1 = core.expected_utility(x, lead, P, median, np.ones_like(P), R, p["Q"])
    r = core.risk_exponents(E1, present, p["a2"])
    if p["risk_votes"]:
        P = core.win_probability(x / R[:, None], w, present, p["a5"], r, geometry=geo)
    own = np.broadcast_to(r[:, :, None], P.shape)  # the challenger's exponent
    # a = E_i(ij), seen by the challenger i or by the receiver j (its exponent r_j)
    a_view = own if p["perspective"] == "own" else np.broadcast_to(r[:, None, :], P.shape)
    a = core.expected_utility(x, lead, P, median, a_view, R, p["Q"])
    # b = E_j(ji), j's own calculation: transpose of "i challenges j" with r_i, led by s_j
    # (A1 responder: led by s_i after the transpose) or by the challenger's own salience
    lead_b = lead if p["a1"] == "responder" else np.broadcast_to(s[:, :, None], P.shape)
    b = np.swapaxes(core.expected_utility(x, lead_b, P, median, own, R, p["Q"]), 1, 2)
    return core.offers(x, a, b, present, p["a4"], p["a3"])


def run_eum(batch: Batch, **params: Any) -> EUMRun:
    """Run the model on every row of ``batch`` for ``params['rounds']`` rounds."""
    p = {**ExpectedUtility().params(), **params}
    w = batch.capability * batch.salience * batch.present
    w = np.where(w.sum(axis=1, keepdims=True) > 0, w, batch.present * 1.0)
    x = np.where(batch.present, batch.position, 0.0)
    R = _range(batch, x, p["scale"])
    positions = [x]
    for _ in range(int(p["rounds"])):
        x = _one_round(x, batch, w, R, p)
        positions.append(x)
    stats = [core.median_mean(xr, w, batch.present) for xr in positions]
    return EUMRun(
        np.stack(positions), np.stack([m for m, _ in stats]), np.stack([m for _, m in stats])
    )


@register
class ExpectedUtility(Model):
    """Bueno de Mesquita's expected-utility model (Scholz, Calbert & Smith 2011).

    Parameters
    ----------
    Q
        Probability that the status quo holds, in [0, 1] (1.0 in the replication case).
    rounds
        Rounds of offers (8 in the replication case).
    a1, a2, a3, a4, a5
        The paper's ambiguities (see the module docstring); defaults reproduce the
        published car-emissions case best.
    scale
        ``scale``: R is the issue's scale; ``positions``: the range of initial positions.
    forecast_stat
        ``median`` (default) or ``mean`` of the positions after the last round.
    """

    name = "eum"
    title = "Expected-utility model (Bueno de Mesquita 1985; Scholz, Calbert & Smith 2011)"

    def __init__(
        self,
        Q: float = 1.0,
        rounds: int = 8,
        a1: Literal["responder", "challenger"] = "responder",
        a2: Literal["against", "by"] = "against",
        a3: Literal["symmetric", "text"] = "symmetric",
        a4: Literal["least", "strongest", "priority", "scholz"] = "scholz",
        a5: Literal["local", "global", "pairs", "net"] = "pairs",
        scale: Literal["scale", "positions"] = "scale",
        perspective: Literal["own", "receiver"] = "receiver",
        risk_votes: bool = True,
        forecast_stat: Literal["median", "mean"] = "median",
    ) -> None:
        given = {
            "a1": a1,
            "a2": a2,
            "a3": a3,
            "a4": a4,
            "a5": a5,
            "scale": scale,
            "perspective": perspective,
            "forecast_stat": forecast_stat,
        }
        problems = [
            Problem("unknown choice", path=k, expected=", ".join(v), found=repr(given[k]))
            for k, v in _CHOICES.items()
            if given[k] not in v
        ]
        if not 0.0 <= Q <= 1.0:
            problems.append(Problem("Q must lie in [0, 1]", path="Q", found=repr(Q)))
        if int(rounds) != rounds or rounds < 0 or rounds > 10_000:
            problems.append(
                Problem("rounds must be an integer in 0..10000", path="rounds", found=repr(rounds))
            )
        if problems:
            raise AccordError(problems)
        self.Q, self.rounds = float(Q), int(rounds)
        self.a1, self.a2, self.a3, self.a4, self.a5 = a1, a2, a3, a4, a5
        self.scale, self.perspective, self.forecast_stat = scale, perspective, forecast_stat
        self.risk_votes = bool(risk_votes)

    def solve(self, batch: Batch, *, want_trajectory: bool = False) -> Solution:
        """Run every row for ``rounds`` rounds; forecast = last median (or mean)."""
        n = max(1, len(batch.actors))
        step = max(1, _CHUNK // n**2)
        runs = [
            run_eum(batch.take(range(i, min(i + step, batch.size))), **self.params())
            for i in range(0, batch.size, step)
        ]
        medians = np.concatenate([r.medians for r in runs], axis=1)
        means = np.concatenate([r.means for r in runs], axis=1)
        last = medians[-1] if self.forecast_stat == "median" else means[-1]
        if not want_trajectory:
            return Solution(last)
        traj = tuple(
            tuple(
                {"round": t, "median": float(medians[t, b]), "mean": float(means[t, b])}
                for t in range(medians.shape[0])
            )
            for b in range(batch.size)
        )
        return Solution(last, traj)
