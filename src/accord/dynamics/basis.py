"""Every number the simulation assumes: plain name, default, range, and what it rests on.

Each :class:`ParamSpec` says whether its default is derived from published data
(``basis="data"``: the figure, its source and the derivation are recorded beside it), a
convention, or the analyst's judgement (a plausible range that ``accord sensitivity``
explores). The escalation rates depend on the scenario's domain (:mod:`accord.dynamics.ladder`):
``by_domain`` holds the other domains' defaults and ranges. A scenario overrides any of them
under ``dynamics: params:`` with a number or a range and its source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

__all__ = ["PARAMETERS", "Basis", "ParamSpec", "for_domain"]

Basis = Literal["data", "judgement", "convention"]


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of the simulation.

    Attributes
    ----------
    name, label
        Identifier and a plain-language name for a reader.
    default, low, high
        Default and plausible range (explored by :func:`accord.sensitivity`).
    domain
        The interval a value must lie in.
    meaning, source
        What it does; where it (or its mechanism) comes from.
    basis
        ``data`` (derived from a published figure), ``convention`` or ``judgement``.
    figure, derivation
        For ``data``: the published figure and how the default follows from it.
    by_domain
        Scenario domain -> ``(default, low, high)`` where it differs from the security one.
    """

    name: str
    default: float
    low: float
    high: float
    domain: tuple[float, float]
    meaning: str
    source: str
    label: str = ""
    basis: Basis = "judgement"
    figure: str = ""
    derivation: str = ""
    by_domain: Mapping[str, tuple[float, float, float]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """Plain data (for presenters: name, label, default, range, basis, source...)."""
        return {
            "name": self.name,
            "label": self.label,
            "default": self.default,
            "low": self.low,
            "high": self.high,
            "meaning": self.meaning,
            "source": self.source,
            "basis": self.basis,
            "figure": self.figure,
            "derivation": self.derivation,
        }


def for_domain(spec: ParamSpec, domain: str) -> ParamSpec:
    """Return the spec as it applies in a scenario domain (security's unless ``by_domain`` says)."""
    if domain not in spec.by_domain:
        return spec
    default, low, high = spec.by_domain[domain]
    return replace(
        spec,
        default=default,
        low=low,
        high=high,
        basis="judgement",
        figure="",
        derivation="",
        source=f"judgement for the {domain} ladder (no published rate used)",
    )


_PROB = (0.0, 1.0)
_POS = (0.0, 50.0)
_J = "judgement"
_MID = "Jones, Bremer & Singer (1996); Sarkees & Wayman (2010); Diehl & Goertz (2000)"
_RATES = (
    "Derived by accord.dynamics.calibrate.derive(0.3, 0.047, down=0.1): the zero-pressure "
    "chain started at tension enters crisis 0.3 times a year and, once in crisis, reaches "
    "armed conflict before falling back with probability 0.047."
)
_FIGURES = (
    "An enduring rivalry has >= 6 militarised disputes in 20 years (>= 0.3 a year); 95 "
    "interstate wars 1816-2007 against > 2,000 disputes 1816-1992 (<= 0.047 of disputes "
    "become wars)."
)


def _p(
    name: str,
    label: str,
    default: float,
    rng: tuple[float, float],
    dom: tuple[float, float],
    meaning: str,
    source: str = _J,
    **kw: object,
) -> ParamSpec:
    return ParamSpec(name, default, rng[0], rng[1], dom, meaning, source, label, **kw)  # type: ignore[arg-type]


_SPECS = (
    _p(
        "start_rung",
        "rung at signing",
        2,
        (2, 2),
        (0, 20),
        "Escalation rung at signing (the domain's 'tension' rung unless the scenario says).",
        "convention: the middle of the ladder, Kahn (1965)",
        basis="convention",
    ),
    _p(
        "base_up",
        "monthly chance of escalating",
        0.0941,
        (0.05, 0.11),
        _PROB,
        "Monthly chance of climbing one rung when nothing pushes either way.",
        _MID,
        basis="data",
        figure=_FIGURES,
        derivation=_RATES + " Range: 0.15-0.35 disputes a year.",
        by_domain={
            "trade": (0.03, 0.01, 0.06),
            "environment": (0.02, 0.005, 0.05),
            "other": (0.03, 0.01, 0.06),
        },
    ),
    _p(
        "base_down",
        "monthly chance of calming down",
        0.1,
        (0.08, 0.15),
        _PROB,
        "Monthly chance of stepping one rung down when nothing pushes either way (below 0.08 "
        "the two security targets cannot both be met).",
        by_domain={
            "trade": (0.06, 0.03, 0.12),
            "environment": (0.05, 0.02, 0.1),
            "other": (0.06, 0.03, 0.12),
        },
    ),
    _p(
        "firebreak",
        "damping of the last step",
        0.059,
        (0.024, 0.106),
        _PROB,
        "Multiplier on climbing the last step (clashes to armed conflict).",
        "Schelling (1966) firebreak; rate from " + _MID,
        basis="data",
        figure=_FIGURES,
        derivation=_RATES + " Range: 0.02-0.08 of disputes becoming wars.",
        by_domain={
            "trade": (0.3, 0.1, 0.6),
            "environment": (0.2, 0.05, 0.5),
            "other": (0.3, 0.1, 0.6),
        },
    ),
    _p(
        "beta_frustration",
        "weight of frustration",
        1.0,
        (0.25, 2.5),
        _POS,
        "Escalation log-odds per unit of frustration (benefit units).",
        "Dollard et al. (1939); Gurr (1970) relative deprivation; judgement",
    ),
    _p(
        "beta_dividend",
        "weight of benefits delivered",
        0.8,
        (0.2, 2.0),
        _POS,
        "Escalation log-odds removed per unit of benefit delivered this month.",
        "commercial/liberal peace, Russett & Oneal (2001); judgement",
    ),
    _p(
        "beta_violation",
        "weight of a violation alarm",
        0.4,
        (0.1, 1.0),
        _POS,
        "Escalation log-odds per violation alarm a side sees this month.",
    ),
    _p(
        "beta_trust",
        "weight of distrust",
        1.0,
        (0.0, 2.5),
        _POS,
        "Escalation log-odds per unit of trust below 1/2.",
        "Kydd (2005); judgement",
    ),
    _p(
        "beta_hedge",
        "weight of an ally hedging",
        0.3,
        (0.0, 1.0),
        _POS,
        "Escalation log-odds added while any third party hedges.",
    ),
    _p(
        "beta_arms",
        "weight of an arms build-up",
        0.5,
        (0.0, 1.5),
        _POS,
        "Escalation log-odds per unit of arms build-up (relative), with --arms.",
    ),
    _p(
        "frustration_decay",
        "memory of frustration",
        0.9,
        (0.75, 0.97),
        (0.0, 0.999),
        "Share of last month's frustration that remains (memory).",
    ),
    _p(
        "grievance",
        "frustration that injures",
        0.5,
        (0.2, 1.0),
        _POS,
        "Frustration beyond which a side feels injured (and suspends its own clauses).",
    ),
    _p(
        "distrust",
        "trust below which a side feels cheated",
        0.5,
        (0.3, 0.7),
        _PROB,
        "Trust below which a side feels cheated (and suspends its own clauses).",
        "Kydd (2005): reciprocate when the posterior says the other side cheats; judgement",
    ),
    _p(
        "reciprocity",
        "monthly chance of answering in kind",
        0.3,
        (0.05, 0.6),
        _PROB,
        "Monthly chance an injured (cheated or frustrated) side suspends each of its clauses.",
        "graduated reciprocity, Osgood (1962); Axelrod (1984); judgement",
    ),
    _p(
        "resume",
        "monthly chance of resuming",
        0.1,
        (0.02, 0.3),
        _PROB,
        "Monthly chance a suspended clause resumes once its obligor is no longer injured.",
    ),
    _p(
        "incentive",
        "temptation to cheat as trust falls",
        1.5,
        (0.0, 3.0),
        _POS,
        "Break hazard multiplier exp(incentive x (initial - current trust)) of the obligor.",
        "Downs, Rocke & Barsoom (1996); judgement",
    ),
    _p(
        "forgetting",
        "monthly pull back to first impressions",
        0.02,
        (0.0, 0.1),
        _PROB,
        "Monthly pull of each belief back toward its prior (credibility).",
    ),
    _p(
        "life_months",
        "months a clause takes without its own timeline",
        60,
        (36, 120),
        (1, 1200),
        "Months over which P(implemented) applies to a clause without its own horizon.",
    ),
    _p(
        "hedge_base",
        "monthly chance an ally hedges anyway",
        0.0005,
        (0.0, 0.002),
        _PROB,
        "Monthly chance a third party starts hedging whatever happens.",
    ),
    _p(
        "hedge_guarantee",
        "monthly hedging per unit of guarantee weakened",
        0.03,
        (0.01, 0.08),
        _PROB,
        "Monthly hedging chance per unit of guarantee weakened (by the deal's promise, and "
        "for good once a weakening clause is carried out).",
        "Monteiro & Debs (2014); judgement",
    ),
    _p(
        "hedge_signal",
        "share of a promised weakening felt at signing",
        0.5,
        (0.0, 1.0),
        _PROB,
        "Share of a clause's weakening of a guarantee that counts from signing, "
        "before it is carried out (a promise to withdraw is itself a signal).",
    ),
    _p(
        "hedge_crisis",
        "extra monthly hedging in a crisis",
        0.005,
        (0.0, 0.02),
        _PROB,
        "Extra monthly hedging chance while the parties are at crisis or above.",
    ),
    _p(
        "arms_a",
        "side 1's reaction to side 2's arms",
        0.05,
        (0.02, 0.1),
        _POS,
        "Richardson reaction of side 1 to side 2.",
        "Richardson (1960) form; judgement",
    ),
    _p(
        "arms_b",
        "side 2's reaction to side 1's arms",
        0.05,
        (0.02, 0.1),
        _POS,
        "Richardson reaction of side 2 to side 1.",
        "Richardson (1960) form; judgement",
    ),
    _p(
        "arms_m",
        "side 1's arms fatigue",
        0.1,
        (0.05, 0.2),
        _POS,
        "Richardson fatigue of side 1.",
        "Richardson (1960) form; judgement",
    ),
    _p(
        "arms_n",
        "side 2's arms fatigue",
        0.1,
        (0.05, 0.2),
        _POS,
        "Richardson fatigue of side 2.",
        "Richardson (1960) form; judgement",
    ),
    _p(
        "arms_grievance",
        "arms grievance per unit of frustration",
        0.05,
        (0.0, 0.15),
        _POS,
        "Richardson grievance term added per unit of a side's frustration.",
        "Richardson (1960) form; judgement",
    ),
)

PARAMETERS: dict[str, ParamSpec] = {s.name: s for s in _SPECS}
