"""Remedies tied to the binding factor, each re-judged on the same draws.

A remedy is an edit of the clause a drafter could make (phase it, add verification, sequence
it reciprocally, escrow, change the instrument, tighten the wording, add a guarantor); the
edited clause is resolved and evaluated like any other, on the same uniforms (common random
numbers) and in the same deal context, so the probability it reaches is comparable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from accord.feasibility.inputs import Input
from accord.feasibility.judge import Evaluation, evaluate_clauses
from accord.feasibility.result import Reason, Remedy
from accord.feasibility.spec import ClauseSpec, resolve_clause
from accord.scenario.model import Clause, Deal, Instrument, Scenario, Verification
from accord.scenario.quantity import Quantity

__all__ = ["remedies"]

_LADDER = list(Verification)
_DURABLE = (Instrument.executive, Instrument.political_declaration)
_VERIFICATION_NOUNS = {
    "none": "no verification",
    "ntm": "national technical means (satellites, intelligence)",
    "data_exchange": "data exchange",
    "on_site": "on-site inspection",
    "continuous": "continuous monitoring",
}
Edit = tuple[str, str, dict[str, Any], bool]  # action, detail, clause changes, drop waits


def _q(i: Input, factor: float) -> Quantity:
    if i.low == i.high:
        return Quantity(value=i.low * factor)
    mode = None if i.mode is None else i.mode * factor
    return Quantity(low=i.low * factor, mode=mode, high=i.high * factor)


def _verify(c: Clause, s: ClauseSpec) -> list[Edit]:
    k = _LADDER.index(s.verification)
    if k + 1 >= len(_LADDER):
        return []
    better = _LADDER[min(k + 2, len(_LADDER) - 1)] if k == 0 else _LADDER[k + 1]
    return [
        (
            "add verification",
            f"Verify it by {_VERIFICATION_NOUNS[better.value]} instead of "
            f"{_VERIFICATION_NOUNS[s.verification.value]}.",
            {"verification": better, "detection": None, "false_alarm": None},
            False,
        )
    ]


def _guarantor(c: Clause, s: ClauseSpec) -> list[Edit]:
    changes: dict[str, Any] = {
        "enforcement": "guarantor",
        "punishment": None,
        "third_party_needed": False,
    }
    if s.instrument is Instrument.third_party:
        changes["instrument"] = Instrument.executive
    return [
        (
            "add a guarantor",
            "Bring in a guarantor that answers a violation (and sign up any "
            "party whose action it needs).",
            changes,
            False,
        )
    ]


def _phase(c: Clause, s: ClauseSpec) -> list[Edit]:
    h = s.inputs["horizon"]
    changes: dict[str, Any] = {
        "power_shift": _q(s.inputs["power_shift"], 0.5),
        "gain_from_cheating": _q(s.inputs["gain"], 1.0),
        "horizon_years": _q(h, 1.5) if h.high > 0 else None,
    }
    if s.capacity_required is not None:
        changes["capacity_required"] = _q(s.capacity_required, 0.5)
    return [
        (
            "phase it",
            "Split it into verified phases, each paid for by the other side's "
            "matching step before the next: half the power shift at stake at any time, a "
            "longer timeline.",
            changes,
            False,
        )
    ]


def _reciprocal(c: Clause, s: ClauseSpec) -> list[Edit]:
    return [
        (
            "sequence it reciprocally",
            "Make it a matched, simultaneous step: each side's "
            "move is answered by the other's, and a lapse suspends the other's.",
            {
                "reciprocal": True,
                "enforcement": "reciprocal_suspension",
                "punishment": None,
                "depends_on": [],
            },
            True,
        )
    ]


def _instrument(c: Clause, s: ClauseSpec) -> list[Edit]:
    if s.needs_ratification:
        return [
            (
                "change the instrument",
                "Make it an executive act or agreement: no vote "
                "needed, though a successor can drop it more easily.",
                {"instrument": Instrument.executive, "needs_ratification": False, "ratifier": None},
                False,
            )
        ]
    if s.instrument in _DURABLE:
        return [
            (
                "change the instrument",
                "Put it into law so a successor cannot simply drop it (at the price of a vote).",
                {"instrument": Instrument.legislation, "needs_ratification": None},
                False,
            )
        ]
    return []


_BY_FACTOR: dict[str, tuple[Callable[[Clause, ClauseSpec], list[Edit]], ...]] = {
    "ratification": (_instrument,),
    "capacity": (_phase,),
    "control": (_guarantor,),
    "third_party": (_guarantor,),
    "funding": (
        lambda c, s: [
            (
                "escrow",
                "Put the money in escrow (or fund it) before signing.",
                {"funding_needed": False},
                False,
            )
        ],
    ),
    "incentive": (_verify, _reciprocal, _guarantor),
    "power_shift": (_phase,),
    "turnover": (_instrument,),
    "ambiguity": (
        lambda c, s: [
            (
                "tighten the wording",
                "Define the terms, quantities and "
                "dates so compliance is not a matter of interpretation.",
                {"precision": "precise"},
                False,
            )
        ],
    ),
    "sequencing": (_reciprocal,),
    "dependencies": (_reciprocal,),
    "timeline": (_phase,),
    "credibility": (_verify, _guarantor),
}


def remedies(
    scenario: Scenario,
    deal: Deal,
    spec: ClauseSpec,
    k: int,
    reasons: tuple[Reason, ...],
    U: np.ndarray,
    pm: dict[str, float],
    counter: np.ndarray,
    ev: Evaluation,
) -> tuple[Remedy, ...]:
    """Remedies for clause ``k``, best first, each with the P(implemented) it would reach."""
    clause = next(c for c in deal.clauses if c.id == spec.id)
    base = float(ev.p[:, k].mean())
    best: dict[str, Remedy] = {}
    for reason in reasons:
        for make in _BY_FACTOR.get(reason.factor, ()):
            for action, detail, changes, drop in make(clause, spec):
                p = _judge(
                    scenario,
                    deal,
                    clause,
                    changes,
                    drop,
                    U[:, [k], :],
                    pm,
                    counter[:, [k]],
                    ev.factors["dependencies"][:, k],
                    spec,
                )
                if p > base + 0.01 and (action not in best or p > best[action].p_implemented):
                    best[action] = Remedy(action, round(p, 4), detail)
    return tuple(sorted(best.values(), key=lambda r: -r.p_implemented))


def _judge(
    scenario: Scenario,
    deal: Deal,
    clause: Clause,
    changes: dict[str, Any],
    drop: bool,
    U: np.ndarray,
    pm: dict[str, float],
    counter: np.ndarray,
    deps: np.ndarray,
    spec: ClauseSpec,
) -> float:
    edited = clause.model_copy(update=changes)
    new = resolve_clause(scenario, deal, edited, pm)
    waits = np.array([0.0 if drop else float(len(spec.depends_on))])
    ev = evaluate_clauses([new], U, pm, counter, waits)
    p = ev.p[:, 0] * (1.0 if drop else deps)
    return float(np.mean(p))
