"""What the simulation runs on: per-clause and per-actor arrays, and their adapter.

The adapter builds them from the deal check (:func:`accord.feasibility.check`). The engine
never sees a scenario: it reads an :class:`EngineInputs` of plain NumPy arrays
(probabilities, verification, who owes what to whom, promised benefits, third-party effects).
:func:`from_check` fills it from a ``CheckResult`` (see ``notes/CONTRACT-check.md``: any object
with those attributes will do) and the scenario; :func:`no_deal` builds the baseline path with
no clauses at all.

Units. The check works in years: its discount factor delta is per year (the period of
Downs, Rocke & Barsoom's threshold q delta / (1 - delta) L), so the detection probability q and
false-alarm probability alpha of a clause (:data:`accord.feasibility.defaults.REGIMES`) are per
year too. The engine steps in months, so the adapter converts both with
:func:`per_month`, q_m = 1 - (1 - q_y)^(1/12): twelve independent monthly chances give the
yearly one. ``p_implemented`` is a probability over the clause's life (``horizon_years``, in
months here, or the ``life_months`` parameter); the engine turns it into a monthly hazard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from accord.dynamics.ladder import SECURITY, Ladder, ladder_for
from accord.errors import AccordError, Problem
from accord.scenario import Scenario

__all__ = [
    "NO_DEAL",
    "EngineInputs",
    "actor_ids",
    "benefit",
    "from_check",
    "no_deal",
    "per_month",
    "roles",
]

NO_DEAL = "no_deal"
#: Promised benefit of a clause that sets no issue value (a share of one fully salient issue).
DEFAULT_BENEFIT = 0.25


@dataclass(frozen=True, eq=False)
class EngineInputs:
    """Plain arrays for one deal (K clauses) among A actors.

    Attributes
    ----------
    deal
        Deal id (``"no_deal"`` for the baseline).
    actors, clauses
        Ids, fixing the order of the actor axis (A) and the clause axis (K).
    p_implemented, p_low, p_high
        P(clause implemented over its life) and its uncertainty band, shape ``(K,)``.
    life_months
        Months over which ``p_implemented`` applies; 0 = use the ``life_months`` parameter.
    reversible
        Whether a clause can still be broken after its life (irreversible ones are done).
    detection, false_alarm
        Per-MONTH probability that a violation is detected (q) and that a kept clause raises a
        false alarm (alpha); :func:`from_check` converts the check's yearly values.
    credibility
        Beneficiaries' prior belief that the clause is kept.
    obligors, beneficiaries
        ``(K, A)`` bool masks.
    benefit
        ``(K, A)`` promised benefit of each clause to each actor (salience-weighted share of
        the issue scale it moves toward the actor's position).
    core
        ``(K,)`` whether the deal stands or falls with the clause.
    depends
        ``(K, K)`` bool: ``depends[k, j]`` = clause k waits on clause j.
    hedge
        ``(K, A)`` magnitude (0..1) by which an implemented clause weakens actor a's guarantee.
    principals, hedgers
        ``(A,)`` masks: the sides whose grievances drive escalation; the third parties that
        may hedge.
    arms_sides
        Indices of the two sides of the optional Richardson arms race.
    ladder
        The escalation ladder (the scenario's; the security ladder when built by hand).
    """

    deal: str
    actors: tuple[str, ...]
    clauses: tuple[str, ...]
    p_implemented: np.ndarray
    p_low: np.ndarray
    p_high: np.ndarray
    life_months: np.ndarray
    reversible: np.ndarray
    detection: np.ndarray
    false_alarm: np.ndarray
    credibility: np.ndarray
    obligors: np.ndarray
    beneficiaries: np.ndarray
    benefit: np.ndarray
    core: np.ndarray
    depends: np.ndarray
    hedge: np.ndarray
    principals: np.ndarray
    hedgers: np.ndarray
    arms_sides: tuple[int, int] = (0, 1)
    notes: tuple[str, ...] = field(default=())
    ladder: Ladder = SECURITY

    def __post_init__(self) -> None:
        for name in _FLOAT + _BOOL:
            kind = float if name in _FLOAT else bool
            object.__setattr__(self, name, np.asarray(getattr(self, name), dtype=kind))
        problems = _shape_problems(self) + _range_problems(self)
        if problems:
            raise AccordError(problems)

    @property
    def n_clauses(self) -> int:
        """Number of clauses (K)."""
        return len(self.clauses)


_FLOAT = (
    "p_implemented",
    "p_low",
    "p_high",
    "life_months",
    "detection",
    "false_alarm",
    "credibility",
    "benefit",
    "hedge",
)
_BOOL = ("reversible", "obligors", "beneficiaries", "core", "depends", "principals", "hedgers")


def _shape_problems(x: EngineInputs) -> list[Problem]:
    K, A = len(x.clauses), len(x.actors)
    want = {
        "p_implemented": (K,),
        "p_low": (K,),
        "p_high": (K,),
        "life_months": (K,),
        "reversible": (K,),
        "detection": (K,),
        "false_alarm": (K,),
        "credibility": (K,),
        "core": (K,),
        "obligors": (K, A),
        "beneficiaries": (K, A),
        "benefit": (K, A),
        "depends": (K, K),
        "hedge": (K, A),
        "principals": (A,),
        "hedgers": (A,),
    }
    return [
        Problem(
            "wrong array shape",
            path=name,
            expected=str(shape),
            found=str(np.shape(getattr(x, name))),
        )
        for name, shape in want.items()
        if np.shape(getattr(x, name)) != shape
    ]


def _range_problems(x: EngineInputs) -> list[Problem]:
    probs = ("p_implemented", "p_low", "p_high", "detection", "false_alarm", "credibility")
    out = [
        Problem("probability outside [0, 1]", path=name, expected="values in [0, 1]")
        for name in probs
        if np.any((getattr(x, name) < 0) | (getattr(x, name) > 1))
    ]
    if np.any(x.p_low > x.p_implemented) or np.any(x.p_implemented > x.p_high):
        out.append(
            Problem(
                "band does not contain the estimate",
                path="p_low/p_high",
                expected="p_low <= p_implemented <= p_high",
            )
        )
    if np.any(np.asarray(x.benefit) < 0) or np.any(np.asarray(x.hedge) < 0):
        out.append(Problem("negative benefit or hedge magnitude", path="benefit/hedge"))
    return out


# -- roles shared by every deal of a scenario ------------------------------------------------
def actor_ids(scenario: Scenario) -> tuple[str, ...]:
    """Return the actors' ids in id order: the actor axis of every engine array.

    Id order, not the file's, so that listing the actors differently never changes a result
    (ties, e.g. between two equally loaded sides of an arms race, go to the id that sorts
    first).
    """
    return tuple(sorted(a.id for a in scenario.actors))


def roles(scenario: Scenario, checks: Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
    """Principals (obligated in any deal) and hedgers (named by any third-party effect).

    Both are indexed by :func:`actor_ids` (actors in id order).
    """
    ids = list(actor_ids(scenario))
    principals = np.zeros(len(ids), bool)
    for deal in scenario.deals:
        for clause in deal.clauses:
            principals[[ids.index(a) for a in clause.obligated]] = True
    hedgers = np.zeros(len(ids), bool)
    for check in checks:
        for effect in getattr(check, "third_party_effects", ()):
            if effect.actor in ids:
                hedgers[ids.index(effect.actor)] = True
    return principals, hedgers


def _arms_sides(principals: np.ndarray, obligors: np.ndarray) -> tuple[int, int]:
    load = obligors.sum(axis=0) + principals
    order = np.argsort(-load, kind="stable")
    return (int(order[0]), int(order[1] if len(order) > 1 else order[0]))


# -- the adapter ----------------------------------------------------------------------------
def from_check(
    scenario: Scenario, check: Any, principals: np.ndarray, hedgers: np.ndarray
) -> EngineInputs:
    """Arrays for one deal from its ``CheckResult`` and the scenario's stances.

    The check's ``detection`` and ``false_alarm`` are per year; they become per month with
    :func:`per_month`. ``horizon_years`` becomes ``life_months`` (12 x years).
    """
    ids = actor_ids(scenario)
    deal = scenario.deal(check.deal)
    judged = {c.id: c for c in check.clauses}
    order = tuple(sorted(c.id for c in deal.clauses if c.id in judged))
    cj = [judged[k] for k in order]
    K, A = len(order), len(ids)
    obligors, beneficiaries = _mask(cj, ids, "obligated"), _mask(cj, ids, "beneficiaries")
    depends = np.array([[j in c.depends_on for j in order] for c in cj], bool).reshape(K, K)
    hedge = np.zeros((K, A))
    for effect in getattr(check, "third_party_effects", ()):
        if effect.clause in order and effect.actor in ids:
            hedge[order.index(effect.clause), ids.index(effect.actor)] += effect.magnitude
    col = {
        name: np.array([float(getattr(c, name)) for c in cj])
        for name in ("p_implemented", "p_low", "p_high", "detection", "false_alarm", "credibility")
    }
    _own_probabilities(col, depends)
    for name in ("detection", "false_alarm"):
        col[name] = per_month(col[name])
    return EngineInputs(
        deal=deal.id,
        actors=ids,
        clauses=order,
        p_implemented=col["p_implemented"],
        p_low=col["p_low"],
        p_high=col["p_high"],
        detection=col["detection"],
        false_alarm=col["false_alarm"],
        credibility=col["credibility"],
        life_months=np.array([12.0 * float(c.horizon_years or 0.0) for c in cj]),
        reversible=np.array([bool(c.reversible) for c in cj]),
        obligors=obligors,
        beneficiaries=beneficiaries,
        benefit=_benefits(scenario, deal, order, ids) * beneficiaries,
        core=np.array([bool(c.core) for c in cj]),
        depends=depends,
        hedge=np.clip(hedge, 0.0, 1.0),
        principals=principals,
        hedgers=hedgers,
        arms_sides=_arms_sides(principals, obligors),
        ladder=ladder_for(scenario),
    )


def per_month(p_year: np.ndarray) -> np.ndarray:
    """Convert a per-year probability to the per-month one with the same yearly total.

    p_m = 1 - (1 - p_y)^(1/12): an event with a chance p_m each month, independently, happens
    within a year with probability p_y.
    """
    p = np.clip(np.asarray(p_year, dtype=float), 0.0, 1.0)
    return np.asarray(1.0 - (1.0 - p) ** (1.0 / 12.0))


def _benefits(
    scenario: Scenario, deal: Any, order: tuple[str, ...], ids: tuple[str, ...]
) -> np.ndarray:
    by_id = {c.id: c for c in deal.clauses}
    rows = [[benefit(scenario, by_id[k], a) for a in ids] for k in order]
    return np.array(rows, dtype=float).reshape(len(order), len(ids))


def _own_probabilities(col: dict[str, np.ndarray], depends: np.ndarray) -> None:
    """Divide out the prerequisites (the engine applies the wait itself).

    The check's P(implemented) of a clause includes the product of those of the clauses it
    waits on.
    """
    p = col["p_implemented"]
    waits = np.prod(np.where(depends, p[None, :], 1.0), axis=1)
    factor = np.where(waits > 0, 1.0 / np.maximum(waits, 1e-12), 1.0)
    for name in ("p_implemented", "p_low", "p_high"):
        col[name] = np.clip(col[name] * factor, 0.0, 1.0)


def _mask(cj: list[Any], ids: tuple[str, ...], attr: str) -> np.ndarray:
    out = np.zeros((len(cj), len(ids)), bool)
    for k, c in enumerate(cj):
        for a in getattr(c, attr):
            if a in ids:
                out[k, ids.index(a)] = True
    return out


def benefit(scenario: Scenario, clause: Any, actor: str) -> float:
    """Promised benefit of a clause to an actor: sum of salience x improvement / scale width.

    The improvement on an issue is how much nearer the actor's ideal point the clause's value
    lies than the reference point (the spatial utility of Black 1948; Achen 2006).
    """
    stances = scenario.stances.get(actor, {})
    total, counted = 0.0, False
    for issue_id, value in clause.sets.items():
        issue = scenario.issue(issue_id)
        stance, ref = stances.get(issue_id), issue.reference_value
        if stance is None or ref is None:
            continue
        lo, hi = issue.bounds
        pos, x = issue.to_number(stance.position), issue.to_number(value)
        gain = (abs(ref - pos) - abs(x - pos)) / max(hi - lo, 1e-12)
        total += stance.salience.point * max(gain, 0.0)
        counted = True
    return total if counted else DEFAULT_BENEFIT


def no_deal(
    actors: tuple[str, ...],
    principals: np.ndarray,
    hedgers: np.ndarray,
    ladder: Ladder = SECURITY,
) -> EngineInputs:
    """Build the baseline path: no clauses, the same actors, roles and ladder."""
    A = len(actors)
    e = np.zeros(0)
    return EngineInputs(
        deal=NO_DEAL,
        actors=actors,
        clauses=(),
        p_implemented=e,
        p_low=e,
        p_high=e,
        life_months=e,
        reversible=np.zeros(0, bool),
        detection=e,
        false_alarm=e,
        credibility=e,
        obligors=np.zeros((0, A), bool),
        beneficiaries=np.zeros((0, A), bool),
        benefit=np.zeros((0, A)),
        core=np.zeros(0, bool),
        depends=np.zeros((0, 0), bool),
        hedge=np.zeros((0, A)),
        principals=principals,
        hedgers=hedgers,
        arms_sides=_arms_sides(principals, np.zeros((0, A))),
        ladder=ladder,
    )
