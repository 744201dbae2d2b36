"""Result types of the simulation: frozen plain data with ``.to_dict()`` and ``.to_frame()``.

``SimulationResult.to_dict()`` follows the JSON contract of ``accord simulate --json``::

    {"scenario": id, "runs": N, "horizon": T, "seed": S,
     "deals": {name: {"p_intact": .., "p_conflict": .., "p_hedge": .., "se": {...},
                      "escalation": [[...]], ...}},
     "no_deal": {...}, "comparison": [...]}

``escalation`` is, per month, the share of runs on each rung of the scenario's ladder
(:mod:`accord.dynamics.ladder`). ``p_conflict`` is the chance of reaching the ladder's top rung:
armed conflict only on the security ladder (``war`` true); a trade ladder's top is a trade war,
named by ``top.label``. Standard errors are binomial Monte Carlo errors, sqrt(p (1 - p) / N).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from accord._frame import pandas
from accord.dynamics.inputs import NO_DEAL, EngineInputs
from accord.dynamics.ladder import SECURITY, Ladder
from accord.dynamics.totals import Totals

__all__ = ["Comparison", "DealOutcome", "SimulationResult", "outcome"]

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
Curve = tuple[float, ...]


@dataclass(frozen=True)
class DealOutcome:
    """What the simulation says about one deal (or no deal), month by month.

    Attributes
    ----------
    deal, name
        Deal id and name (``"no_deal"`` for the baseline).
    runs, horizon
        Monte Carlo runs and months.
    p_intact, p_conflict, p_hedge
        Per month: P(deal intact), P(the ladder's top rung reached by then: armed conflict
        on the security ladder, a trade war on the trade ladder...), P(some third party
        hedges).
    p_abandoned
        Per month: P(the deal abandoned by then: the ladder's crisis rung reached).
        For no deal, ``p_intact`` counts runs not yet at crisis and is left out of
        ``to_dict`` (``null``): there is no deal to keep.
    escalation
        Per month, P(on each rung of the ladder).
    bands
        Per quantile (``"p05"`` ... ``"p95"``), the rung at that quantile each month.
    mean_rung
        Mean rung per month.
    clause_survival, clause_kept
        Per clause: P(not broken by month t), P(delivered in month t).
    hedge_by_actor
        Per third party: P(hedging by month t).
    frustration, trust
        Per actor: mean frustration and mean trust per month.
    """

    deal: str
    name: str
    runs: int
    horizon: int
    p_intact: Curve
    p_conflict: Curve
    p_hedge: Curve
    escalation: tuple[Curve, ...]
    bands: Mapping[str, tuple[int, ...]]
    mean_rung: Curve
    clause_survival: Mapping[str, Curve]
    clause_kept: Mapping[str, Curve]
    hedge_by_actor: Mapping[str, Curve]
    frustration: Mapping[str, Curve]
    trust: Mapping[str, Curve]
    p_abandoned: Curve = ()
    ladder: Ladder = SECURITY

    def at_end(self, what: str) -> float:
        """``p_intact``, ``p_conflict`` or ``p_hedge`` at the horizon."""
        curve: Curve = getattr(self, what)
        return curve[-1]

    def se(self, what: str) -> float:
        """Monte Carlo standard error of :meth:`at_end`."""
        p = self.at_end(what)
        return float(np.sqrt(p * (1 - p) / self.runs))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (see the module doc for the shape)."""
        ends = (
            ("p_conflict", "p_hedge")
            if self.deal == NO_DEAL
            else ("p_intact", "p_conflict", "p_hedge")
        )
        return {
            "name": self.name,
            "p_intact": None,  # no deal, nothing to keep intact
            **{k: self.at_end(k) for k in ends},
            "se": {k: self.se(k) for k in ends},
            "escalation": [list(row) for row in self.escalation],
            "p_abandoned": self.p_abandoned[-1] if self.p_abandoned else None,
            "curves": {k: list(getattr(self, k)) for k in (*ends, "mean_rung", "p_abandoned")},
            "bands": {k: list(v) for k, v in self.bands.items()},
            "clauses": {
                c: {"survival": list(self.clause_survival[c]), "kept": list(self.clause_kept[c])}
                for c in self.clause_survival
            },
            "hedge_by_actor": {a: list(v) for a, v in self.hedge_by_actor.items()},
            "frustration": {a: list(v) for a, v in self.frustration.items()},
            "trust": {a: list(v) for a, v in self.trust.items()},
        }


def outcome(x: EngineInputs, name: str, tot: Totals) -> DealOutcome:
    """Turn a deal's summed counts into probabilities and curves."""
    n = max(tot.runs, 1)
    dist = tot.rungs / n
    cdf = np.cumsum(dist, axis=1)
    hedgers = np.flatnonzero(x.hedgers)
    return DealOutcome(
        deal=x.deal,
        name=name,
        runs=tot.runs,
        horizon=len(tot.intact),
        p_intact=_c(tot.intact / n),
        p_conflict=_c(tot.conflict / n),
        p_hedge=_c(tot.hedge_any / n),
        escalation=tuple(_c(row) for row in dist),
        bands={
            f"p{round(q * 100):02d}": tuple(int(v) for v in (cdf < q - 1e-12).sum(axis=1))
            for q in QUANTILES
        },
        mean_rung=_c(dist @ np.arange(x.ladder.size)),
        clause_survival={c: _c(tot.clause_unbroken[:, k] / n) for k, c in enumerate(x.clauses)},
        clause_kept={c: _c(tot.clause_kept[:, k] / n) for k, c in enumerate(x.clauses)},
        hedge_by_actor={x.actors[a]: _c(tot.hedge_actor[:, a] / n) for a in hedgers},
        frustration={a: _c(tot.frustration[:, i] / n) for i, a in enumerate(x.actors)},
        trust={a: _c(tot.trust[:, i] / n) for i, a in enumerate(x.actors)},
        p_abandoned=_c(tot.abandoned / n),
        ladder=x.ladder,
    )


def _c(values: np.ndarray) -> Curve:
    return tuple(round(float(v), 6) for v in values)


@dataclass(frozen=True)
class Comparison:
    """A deal against no deal: differences at the horizon with their standard errors."""

    deal: str
    d_conflict: float
    se_conflict: float
    d_hedge: float
    se_hedge: float

    @property
    def z_conflict(self) -> float:
        """Difference in P(conflict) in standard errors (0 when both are exact)."""
        return self.d_conflict / self.se_conflict if self.se_conflict > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        return {
            "deal": self.deal,
            "d_conflict": self.d_conflict,
            "se_conflict": self.se_conflict,
            "z_conflict": self.z_conflict,
            "d_hedge": self.d_hedge,
            "se_hedge": self.se_hedge,
        }


def compare(deal: DealOutcome, base: DealOutcome) -> Comparison:
    """Deal minus no deal (independent runs: standard errors add in quadrature)."""

    def diff(what: str) -> tuple[float, float]:
        d = deal.at_end(what) - base.at_end(what)
        return round(d, 6), round(float(np.hypot(deal.se(what), base.se(what))), 6)

    dc, sc = diff("p_conflict")
    dh, sh = diff("p_hedge")
    return Comparison(deal.deal, dc, sc, dh, sh)


@dataclass(frozen=True)
class SimulationResult:
    """The simulation of every deal asked for, and of no deal."""

    scenario: str
    runs: int
    horizon: int
    seed: int | str
    params: Mapping[str, Any]
    deals: Mapping[str, DealOutcome]
    no_deal: DealOutcome
    comparison: tuple[Comparison, ...]
    notes: tuple[str, ...] = ()

    @property
    def ladder(self) -> Ladder:
        """The escalation ladder: its rungs, and its top rung in the domain's words."""
        return self.no_deal.ladder

    @property
    def reports_war(self) -> bool:
        """Whether ``p_conflict`` is a chance of armed conflict between deals and no deal.

        False on a ladder other than the security one (its top is a trade war, a withdrawal,
        a rupture) and when there is no deal to compare: a presenter then never speaks of war.
        """
        return self.ladder.war and bool(self.deals)

    def ranking(self, what: str = "p_conflict") -> tuple[str, ...]:
        """Deals and ``"no_deal"`` from the lowest to the highest value at the horizon."""
        rows = {
            **{k: v.at_end(what) for k, v in self.deals.items()},
            "no_deal": self.no_deal.at_end(what),
        }
        return tuple(sorted(rows, key=lambda k: rows[k]))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data in the ``accord simulate --json`` shape."""
        return {
            "scenario": self.scenario,
            "runs": self.runs,
            "horizon": self.horizon,
            "seed": self.seed,
            "ladder": list(self.ladder.names),
            "domain": self.ladder.domain,
            "top": {
                "name": self.ladder.names[-1],
                "label": self.ladder.top_label,
                "war": self.ladder.war,
            },
            "reports_war": self.reports_war,
            "ladder_detail": self.ladder.to_dict(),
            "params": dict(self.params),
            "deals": {k: v.to_dict() for k, v in self.deals.items()},
            "no_deal": self.no_deal.to_dict(),
            "comparison": [c.to_dict() for c in self.comparison],
            "ranking": list(self.ranking()),
            "notes": list(self.notes),
        }

    def to_frame(self) -> Any:
        """One row per deal and month: P(intact), P(conflict), P(hedge), mean rung."""
        pd = pandas()
        rows = [
            {
                "deal": o.deal,
                "month": t + 1,
                "p_intact": o.p_intact[t],
                "p_conflict": o.p_conflict[t],
                "p_hedge": o.p_hedge[t],
                "mean_rung": o.mean_rung[t],
            }
            for o in (*self.deals.values(), self.no_deal)
            for t in range(o.horizon)
        ]
        return pd.DataFrame(rows)
