"""The scenario format: one typed model of a negotiation.

A :class:`Scenario` holds metadata and sources, actors (with their domestic politics),
issues (a continuous scale with labelled anchors, or discrete options, and the reference
point), stances (actor x issue: position, salience, red line, BATNA) and candidate deals made
of clauses. Every number in an actor or a stance is a :class:`~accord.scenario.quantity.Quantity`
and may carry a range, a source and a confidence. Cross-references (a stance naming an unknown
actor, a deal setting a value off the scale, ...) are checked in
:mod:`accord.scenario.checks`, which reports every problem at once.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar, cast

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from accord.scenario.quantity import Number, Quantity

__all__ = [
    "Actor",
    "Anchor",
    "Clause",
    "Deal",
    "Domestic",
    "Dynamics",
    "Instrument",
    "Issue",
    "IssueArrays",
    "LadderRung",
    "Option",
    "Ratifier",
    "Scale",
    "Scenario",
    "Source",
    "Stance",
    "Threshold",
    "Verification",
]

Id = Annotated[
    str,
    Field(
        min_length=1,
        max_length=80,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$",
        description="Identifier: letters, digits, '_', '-', '.'; starts with a letter or digit.",
    ),
]


#: The most actors a scenario may hold: more than any analysis computes in reasonable time
#: (see accord.limits), and a bound on the work of validating and converting a file.
MAX_ACTORS = 20_000

#: The smallest capability: capabilities are relative, and smaller ones underflow to zero
#: when multiplied by saliences and probabilities.
MIN_CAPABILITY = 1e-12

EnforcementKind = Literal["none", "reciprocal_suspension", "snapback", "guarantor", "coercive"]
Relations = Literal["hostile", "mixed", "cooperative"]
PowerShiftLabel = Literal["none", "low", "high"]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, use_enum_values=False
    )


class Source(_Model):
    """Where a number or a claim comes from."""

    id: Id
    title: str = Field(min_length=1)
    citation: str | None = Field(None, description="Bibliographic citation.")
    url: str | None = Field(None, description="Address of the source, if public.")
    quote: str | None = Field(
        None, max_length=400, description="A short quote (a sentence) supporting the use."
    )


class Threshold(StrEnum):
    """Share of a ratifying body needed to approve an instrument."""

    simple_majority = "simple_majority"
    three_fifths = "three_fifths"
    two_thirds = "two_thirds"
    unanimity = "unanimity"

    @property
    def share(self) -> float:
        """The share of votes needed, as a fraction."""
        return {"simple_majority": 0.5, "three_fifths": 0.6, "two_thirds": 2 / 3}.get(
            self.value, 1.0
        )


class Instrument(StrEnum):
    """How an obligation is carried out at home (same vocabulary as the case library)."""

    executive = "executive"
    political_declaration = "political_declaration"
    legislation = "legislation"
    treaty = "treaty"
    appropriation = "appropriation"
    third_party = "third_party"
    physical_work = "physical_work"


class Verification(StrEnum):
    """How the other side can see whether an obligation is kept."""

    none = "none"
    ntm = "ntm"
    data_exchange = "data_exchange"
    on_site = "on_site"
    continuous = "continuous"


class Ratifier(_Model):
    """A domestic body whose approval some instruments need (Putnam's level II)."""

    name: str
    threshold: Threshold = Threshold.simple_majority
    support: Quantity | None = Field(
        None, description="Share of the body expected to back a typical deal, in [0, 1]."
    )


class InstrumentUse(_Model):
    """Whether an actor can use an instrument alone, or needs a ratifier."""

    ratifier: Id | None = Field(None, description="Id of the ratifier; none = executive alone.")


class Domestic(_Model):
    """An actor's domestic politics: its instruments and who must ratify them."""

    ratifiers: dict[Id, Ratifier] = Field(default_factory=dict)
    instruments: dict[Instrument, InstrumentUse] = Field(default_factory=dict)
    horizon_years: Quantity | None = Field(
        None, description="Years until the leadership may change (election, term limit)."
    )


class Actor(_Model):
    """A party to the negotiation, or one with a stake in it."""

    id: Id
    name: str = Field(min_length=1)
    capability: Quantity = Field(description="Relative influence on the outcome (> 0).")
    risk: Quantity | None = Field(None, description="Risk attitude in [-1, 1]; 0 = neutral.")
    style: list[str] = Field(default_factory=list, description="e.g. transactional.")
    description: str | None = None
    domestic: Domestic | None = None
    track_record: Quantity | None = Field(
        None,
        description="How reliably the others expect it to keep its word, from its record, in "
        "[0, 1] (default: accord.feasibility.defaults).",
    )

    @field_validator("track_record")
    @classmethod
    def _share(cls, q: Quantity | None) -> Quantity | None:
        if q is not None and not (q.bounds[0] >= 0 and q.bounds[1] <= 1):
            raise ValueError(f"track_record must lie in [0, 1], got {q.bounds}")
        return q

    @field_validator("capability")
    @classmethod
    def _positive(cls, q: Quantity) -> Quantity:
        if not q.bounds[0] >= MIN_CAPABILITY:
            raise ValueError(
                f"capability must be > 0 (at least {MIN_CAPABILITY:g}, so that products with "
                f"saliences do not underflow), got {q.bounds[0]}"
            )
        return q

    @field_validator("risk")
    @classmethod
    def _risk_range(cls, q: Quantity | None) -> Quantity | None:
        if q is not None and not (q.bounds[0] >= -1 and q.bounds[1] <= 1):
            raise ValueError(f"risk must lie in [-1, 1], got {q.bounds}")
        return q


class Anchor(_Model):
    """A labelled point of a continuous scale."""

    at: Number
    label: str


class Scale(_Model):
    """A continuous scale from ``lo`` to ``hi`` with labelled anchor points."""

    lo: Number
    hi: Number
    unit: str | None = None
    anchors: list[Anchor] = Field(default_factory=list)


class Option(_Model):
    """One option of a discrete issue; written as its id alone, or as ``{id, label}``."""

    id: Id
    label: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_id(cls, data: Any) -> Any:
        return {"id": data} if isinstance(data, str) else data


class Issue(_Model):
    """A dimension of the negotiation: a scale, or a list of options."""

    id: Id
    name: str = Field(min_length=1)
    description: str | None = None
    scale: Scale | None = None
    options: list[Option] | None = None
    reference: Quantity | str | None = Field(
        None,
        description="Reference point: what holds if nothing is agreed (an option id for a "
        "discrete issue).",
    )
    outcome: Number | None = Field(
        None, description="Recorded outcome, kept for backtests only; analyses never read it."
    )

    @property
    def discrete(self) -> bool:
        """Whether the issue is a list of options."""
        return self.options is not None

    @property
    def bounds(self) -> tuple[float, float]:
        """``(lo, hi)`` of the numeric scale (option indices for a discrete issue)."""
        if self.options is not None:
            return (0.0, float(len(self.options) - 1))
        assert self.scale is not None
        return (self.scale.lo, self.scale.hi)

    def to_number(self, value: Quantity | str | float) -> float:
        """Map a position (number, quantity, or option id) onto the numeric scale."""
        if isinstance(value, str):
            ids = [o.id for o in self.options or []]
            return float(ids.index(value))
        if isinstance(value, Quantity):
            return value.point
        return float(value)

    @property
    def reference_value(self) -> float | None:
        """The reference point on the numeric scale, if one is given."""
        return None if self.reference is None else self.to_number(self.reference)


class Stance(_Model):
    """What one actor wants on one issue, and how much it cares."""

    position: Quantity | str = Field(description="Ideal point (an option id if discrete).")
    salience: Quantity = Field(description="How much the actor cares, in [0, 1].")
    red_line: Quantity | str | None = Field(
        None, description="Worst position the actor can accept."
    )
    batna: Quantity | str | None = Field(
        None, description="What the actor gets on this issue if it walks away."
    )
    source: str | None = Field(None, description="Source id for the stance as a whole.")
    note: str | None = None


class Clause(_Model):
    """One obligation in a candidate deal.

    The attributes after ``sets`` describe how the clause would be carried out; all are
    optional, and the deal check (``accord check``) supplies the documented defaults of
    :mod:`accord.feasibility.defaults` for those left out. Numbers may carry a range and a
    source like any other :class:`~accord.scenario.quantity.Quantity`.
    """

    id: Id
    text: str = Field(min_length=1)
    obligated: list[Id] = Field(min_length=1, description="Actors that must act.")
    beneficiaries: list[Id] = Field(default_factory=list, description="Actors that gain.")
    sets: dict[Id, Number | str] = Field(
        default_factory=dict, description="Issue values the clause sets (issue id -> value)."
    )
    core: bool = Field(True, description="Whether the deal stands or falls with this clause.")
    instrument: Instrument | None = None
    verification: Verification | None = None
    horizon_years: Quantity | None = Field(None, description="Years until fully carried out.")
    reversible: bool | None = None
    depends_on: list[Id] = Field(default_factory=list, description="Clauses it waits on.")
    precision: str | None = Field(None, description="precise | vague")
    source: str | None = None
    note: str | None = None
    # -- attributes read by the deal check; defaults in accord.feasibility.defaults -------
    needs_ratification: bool | None = Field(
        None, description="Whether a domestic body must approve it (default: the instrument's)."
    )
    ratifier: Id | None = Field(
        None, description="Id of the obligor's ratifier (default: its instrument's ratifier)."
    )
    capacity_required: Quantity | None = Field(
        None, description="Capacity the clause needs (any unit, same as capacity_available)."
    )
    capacity_available: Quantity | None = Field(
        None, description="Capacity the obligor has, in the unit of capacity_required."
    )
    funding_needed: bool | None = Field(None, description="Whether it needs money found.")
    third_party_needed: bool | None = Field(
        None, description="Whether it needs action by someone who did not sign."
    )
    reciprocal: bool | None = Field(
        None, description="Whether the counterpart's matching step is in the same text."
    )
    detection: Quantity | None = Field(
        None, description="Per-period probability a violation is detected (default: regime)."
    )
    false_alarm: Quantity | None = Field(
        None, description="Per-period false-alarm probability (default: regime)."
    )
    gain_from_cheating: Quantity | None = Field(
        None, description="One-off gain from breaking it, in per-period values of the deal."
    )
    punishment: Quantity | None = Field(
        None, description="Per-period loss if a violation is caught, same unit."
    )
    enforcement: EnforcementKind | None = Field(
        None,
        description="none | reciprocal_suspension | snapback | guarantor | coercive (a "
        "Security Council mandate, an outside power's credible threat of force).",
    )
    power_shift: Quantity | PowerShiftLabel | None = Field(
        None, description="Change in the obligor's chance of prevailing (0..1), or none/low/high."
    )
    third_party_effects: dict[Id, Quantity] = Field(
        default_factory=dict,
        description="Third party id -> how much the clause weakens its guarantee (0..1).",
    )
    track_record: Quantity | None = Field(
        None,
        description="The obligor's record on commitments of this kind, as the "
        "beneficiaries see it, in [0, 1] (default: the actor's track_record).",
    )
    duration_years: Quantity | None = Field(
        None,
        description="Years the obligation lasts once carried out (horizon_years is the time "
        "to carry it out); 0 = a one-off act.",
    )
    monitored: bool | None = Field(
        None,
        description="Whether an outside body (UN mission, IAEA, OPCW, OSCE) monitors it.",
    )
    relations: Relations | None = Field(
        None, description="Relations between the parties at signing: hostile | mixed | cooperative."
    )
    linkage: bool | None = Field(
        None,
        description="Whether the obligor's gains on other issues are tied to keeping it.",
    )

    @field_validator(
        "detection", "false_alarm", "third_party_effects", "power_shift", "track_record"
    )
    @classmethod
    def _unit_interval(cls, v: Any) -> Any:
        values = v.values() if isinstance(v, dict) else [v]
        for q in values:
            if isinstance(q, Quantity) and not (q.bounds[0] >= 0 and q.bounds[1] <= 1):
                raise ValueError(f"a probability or share in [0, 1] is expected, got {q.bounds}")
        return v

    @field_validator(
        "horizon_years",
        "duration_years",
        "capacity_required",
        "capacity_available",
        "gain_from_cheating",
        "punishment",
    )
    @classmethod
    def _non_negative(cls, q: Quantity | None) -> Quantity | None:
        if q is not None and q.bounds[0] < 0:
            raise ValueError(f"a value >= 0 is expected, got {q.bounds}")
        return q


class Deal(_Model):
    """A named candidate agreement."""

    id: Id
    name: str = Field(min_length=1)
    description: str | None = None
    clauses: list[Clause] = Field(min_length=1)


Domain = Literal["security", "trade", "environment", "other"]


class LadderRung(_Model):
    """One rung of a scenario's own escalation ladder (lowest first)."""

    name: str = Field(min_length=1, description="Short name, e.g. 'retaliation'.")
    meaning: str | None = Field(None, description="What the rung looks like.")
    crisis: bool = Field(False, description="The first rung at which the deal is abandoned.")


class Dynamics(_Model):
    """Settings of the post-signing simulation (``accord simulate``); all optional."""

    ladder: list[LadderRung] | None = Field(
        None,
        min_length=3,
        description="Own escalation ladder, lowest rung first; the last rung is absorbing "
        "(default: the domain's ladder).",
    )
    start: str | None = Field(None, description="Name of the rung at signing.")
    params: dict[str, Quantity] = Field(
        default_factory=dict,
        description="Simulation parameter name -> value or range, with its source.",
    )


class IssueArrays(_Model):
    """Point estimates for one issue, as arrays over the actors that hold a stance on it."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    issue: str
    actors: tuple[str, ...]
    capability: np.ndarray
    position: np.ndarray
    salience: np.ndarray
    lo: float
    hi: float
    reference: float | None


class Scenario(_Model):
    """A negotiation described as data."""

    format: int = Field(1, description="Version of the scenario format.")
    id: Id
    title: str = Field(min_length=1)
    date: dt.date | None = None
    description: str | None = None
    context: dict[str, str | float | int | bool] = Field(
        default_factory=dict, description="Free-form facts (procedure, voting rule, ...)."
    )
    domain: Domain | None = Field(
        None,
        description="What is at stake if relations sour: security (armed conflict), trade "
        "(retaliation, trade war), environment (withdrawal), other (rupture).",
    )
    dynamics: Dynamics | None = Field(None, description="Post-signing simulation settings.")
    sources: list[Source] = Field(default_factory=list)
    actors: list[Actor] = Field(min_length=1, max_length=MAX_ACTORS)
    issues: list[Issue] = Field(min_length=1)
    stances: dict[Id, dict[Id, Stance]] = Field(
        default_factory=dict, description="actor id -> issue id -> stance."
    )
    deals: list[Deal] = Field(default_factory=list)

    # -- look-ups -----------------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        """Return the actor with this id."""
        return _find(self.actors, actor_id, "actor")

    def issue(self, issue_id: str) -> Issue:
        """Return the issue with this id."""
        return _find(self.issues, issue_id, "issue")

    def deal(self, deal_id: str) -> Deal:
        """Return the deal with this id."""
        return _find(self.deals, deal_id, "deal")

    def arrays(self, issue_id: str) -> IssueArrays:
        """Point estimates of capability, position and salience on one issue."""
        issue = self.issue(issue_id)
        rows = [
            (a, self.stances[a.id][issue_id])
            for a in self.actors
            if issue_id in self.stances.get(a.id, {})
        ]
        lo, hi = issue.bounds
        return IssueArrays(
            issue=issue_id,
            actors=tuple(a.id for a, _ in rows),
            capability=np.array([a.capability.point for a, _ in rows], dtype=float),
            position=np.array([issue.to_number(s.position) for _, s in rows], dtype=float),
            salience=np.array([s.salience.point for _, s in rows], dtype=float),
            lo=lo,
            hi=hi,
            reference=issue.reference_value,
        )

    # -- serialisation ------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Return the scenario in the file format's own structure, as plain data."""
        return cast(dict[str, Any], _prune(self.model_dump(mode="json", exclude_none=True)))

    def to_yaml(self) -> str:
        """Return the scenario as YAML text that loads back to an equal scenario."""
        from accord.scenario.load import dump_yaml

        return dump_yaml(self.to_dict())


_EMPTY_DEFAULTS = frozenset(
    {
        "context",
        "sources",
        "style",
        "anchors",
        "ratifiers",
        "instruments",
        "stances",
        "deals",
        "beneficiaries",
        "depends_on",
        "sets",
    }
)


def _prune(data: Any) -> Any:
    """Drop fields left at their empty default (``style: []``, ...) to keep files short."""
    if isinstance(data, dict):
        return {
            k: _prune(v) for k, v in data.items() if not (k in _EMPTY_DEFAULTS and v in ({}, []))
        }
    if isinstance(data, list):
        return [_prune(v) for v in data]
    return data


_T = TypeVar("_T", Actor, Issue, Deal)


def _find(items: list[_T], item_id: str, kind: str) -> _T:
    for item in items:
        if item.id == item_id:
            return item
    from accord.errors import AccordError, Problem

    known = ", ".join(i.id for i in items) or "none"
    raise AccordError(Problem(f"unknown {kind} {item_id!r}", expected=f"one of: {known}"))
