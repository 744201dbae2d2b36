"""Resolve each clause of a deal into the attributes the judgement needs.

Every attribute is taken from the clause when given there, from the obligor's data (track
record, political horizon, ratifiers), or from :mod:`accord.feasibility.defaults`, and keeps
a note of where it came from, so the ``--explain`` chain can name the origin of every number.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from accord.errors import AccordError, Problem
from accord.feasibility import defaults as dfl
from accord.feasibility.inputs import Input
from accord.scenario.model import Actor, Clause, Deal, Instrument, Scenario, Verification

__all__ = ["ClauseSpec", "counterparts", "resolve_clause", "resolve_deal"]


@dataclass(frozen=True)
class ClauseSpec:
    """A clause with every attribute resolved (see the module docstring)."""

    id: str
    text: str
    obligated: tuple[str, ...]
    beneficiaries: tuple[str, ...]
    core: bool
    depends_on: tuple[str, ...]
    counterparts: tuple[str, ...]
    instrument: Instrument
    verification: Verification
    needs_ratification: bool
    ratifier: str | None
    threshold: float | None
    ratify: Input | None
    capacity_required: Input | None
    capacity_available: Input | None
    funding: bool
    third_party: bool
    controlled: float
    reversal: float
    obligation: float
    reciprocal: bool
    enforcement: str
    reversible: bool
    precise: bool
    mutual: bool
    power_share: float
    inputs: dict[str, Input] = field(default_factory=dict)
    third_party_effects: dict[str, Input] = field(default_factory=dict)
    source: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    """Display names of the actors it names (id -> name), for the plain-language reasons."""
    monitored: bool = False
    """Whether an outside body monitors it (raises the detection probability)."""
    duration: float | None = None
    """Years the obligation lasts once carried out (None: as long as the deal)."""
    relations: str | None = None
    linkage: bool = False

    def with_(self, **changes: object) -> ClauseSpec:
        """Return a copy with some attributes changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


def resolve_deal(s: Scenario, deal: Deal, params: dict[str, float]) -> list[ClauseSpec]:
    """Resolve every clause of ``deal``; unknown actors raise :class:`AccordError`."""
    actors = {a.id: a for a in s.actors}
    _check_actors(deal, actors)
    return [resolve_clause(s, deal, c, params) for c in deal.clauses]


def _check_actors(deal: Deal, actors: dict[str, Actor]) -> None:
    problems = [
        Problem(
            f"unknown actor {who!r} named by a third-party effect",
            path=f"deals.{deal.id}.clauses.{c.id}.third_party_effects",
            expected="one of: " + ", ".join(actors),
        )
        for c in deal.clauses
        for who in c.third_party_effects
        if who not in actors
    ]
    if problems:
        raise AccordError(problems)


def _beneficiaries(deal: Deal, c: Clause) -> tuple[str, ...]:
    if c.beneficiaries:
        return tuple(c.beneficiaries)
    if len(c.obligated) >= 2:  # a step several sides take: each gains from the others'
        return tuple(c.obligated)
    others = {a for d in deal.clauses if d.id != c.id for a in d.obligated} - set(c.obligated)
    return tuple(sorted(others)) or tuple(c.obligated)


def counterparts(deal: Deal, c: Clause) -> tuple[str, ...]:
    """Clauses owed to this clause's obligors by its beneficiaries (the matching steps)."""
    ben = set(_beneficiaries(deal, c))
    return tuple(
        d.id
        for d in deal.clauses
        if d.id != c.id
        and ben & set(d.obligated)
        and set(c.obligated) & set(_beneficiaries(deal, d))
    )


def resolve_clause(s: Scenario, deal: Deal, c: Clause, params: dict[str, float]) -> ClauseSpec:
    """Resolve one clause of ``deal`` (it may be an edited copy of one, for remedies)."""
    actors = {a.id: a for a in s.actors}
    ben = _beneficiaries(deal, c)
    mutual = len(c.obligated) >= 2 and set(ben) <= set(c.obligated)
    instrument = c.instrument or Instrument.executive
    idef = dfl.INSTRUMENTS[instrument]
    verification = c.verification or Verification.none
    cps = counterparts(deal, c)
    reciprocal = c.reciprocal if c.reciprocal is not None else bool(cps) or mutual
    enforcement = c.enforcement or ("reciprocal_suspension" if reciprocal else "none")
    ratify = _ratification(c, actors, instrument, params)
    return ClauseSpec(
        names={a: actors[a].name for a in (*c.obligated, *ben) if a in actors},
        id=c.id,
        text=c.text,
        obligated=tuple(c.obligated),
        beneficiaries=ben,
        core=c.core,
        depends_on=tuple(d for d in c.depends_on if d in {x.id for x in deal.clauses}),
        counterparts=cps,
        instrument=instrument,
        verification=verification,
        needs_ratification=ratify[0],
        ratifier=ratify[1],
        threshold=ratify[2],
        ratify=ratify[3],
        capacity_required=_opt(c.capacity_required, "clause"),
        capacity_available=_opt(c.capacity_available, "clause"),
        funding=bool(c.funding_needed),
        third_party=bool(c.third_party_needed),
        controlled=idef.controlled,
        reversal=idef.reversal,
        obligation=idef.obligation + (dfl.parameter("linkage_loss", params) if c.linkage else 0.0),
        reciprocal=reciprocal,
        enforcement=enforcement,
        reversible=c.reversible if c.reversible is not None else True,
        precise=(c.precision or "precise") != "vague",
        mutual=mutual,
        power_share=0.5 if mutual else _share(c.obligated, ben, actors),
        inputs=_inputs(c, actors, verification, enforcement, params),
        third_party_effects={a: Input.of(q, "clause") for a, q in c.third_party_effects.items()},
        source=c.source,
        monitored=bool(c.monitored),
        duration=None if c.duration_years is None else c.duration_years.point,
        relations=c.relations,
        linkage=bool(c.linkage),
    )


def _opt(q: object, origin: str) -> Input | None:
    from accord.scenario.quantity import Quantity

    return Input.of(q, origin) if isinstance(q, Quantity) else None


def _share(obligated: list[str], ben: tuple[str, ...], actors: dict[str, Actor]) -> float:
    """Obligors' chance of prevailing against the beneficiaries: capability share."""
    own = sum(actors[a].capability.point for a in obligated if a in actors)
    other = sum(actors[a].capability.point for a in ben if a in actors and a not in obligated)
    return own / (own + other) if own + other > 0 else 0.5


def _ratification(
    c: Clause, actors: dict[str, Actor], instrument: Instrument, params: dict[str, float]
) -> tuple[bool, str | None, float | None, Input | None]:
    """(needed, ratifier name, threshold, input): support share or a default P(ratified)."""
    idef = dfl.INSTRUMENTS[instrument]
    for a in c.obligated:
        dom = actors[a].domestic if a in actors else None
        if dom is None:
            continue
        rid = c.ratifier
        if rid is None and instrument in dom.instruments and c.needs_ratification is not False:
            rid = dom.instruments[instrument].ratifier
        if rid is not None and rid in dom.ratifiers:
            r = dom.ratifiers[rid]
            if r.support is not None:
                return True, r.name, r.threshold.share, Input.of(r.support, f"actor {a}: {rid}")
    needed = c.needs_ratification if c.needs_ratification is not None else idef.needs_ratification
    if not needed:
        return False, None, None, None
    return True, c.ratifier, None, Input.triple(idef.p_ratify, f"default: {instrument.value}")


def _inputs(
    c: Clause, actors: dict[str, Actor], v: Verification, enforcement: str, params: dict[str, float]
) -> dict[str, Input]:
    reg = dfl.REGIMES[v]
    shift = _power_shift(c)
    gain_pt = dfl.parameter("gain_base", params) + dfl.parameter("gain_per_shift", params) * (
        shift.point
    )
    return {
        "detection": _or(c.detection, Input.triple(reg.detection, f"default: {v.value}")),
        "false_alarm": _or(c.false_alarm, Input.triple(reg.false_alarm, f"default: {v.value}")),
        "gain": _or(
            c.gain_from_cheating,
            Input(0.5 * gain_pt, gain_pt, 2.0 * gain_pt, "default: from the power shift"),
        ),
        "punishment": _or(
            c.punishment, Input.triple(dfl.ENFORCEMENT[enforcement], f"default: {enforcement}")
        ),
        "power_shift": shift,
        "horizon": _or(c.horizon_years, Input.fixed(0.0, "default: immediate or ongoing")),
        "political_horizon": _political(c, actors, params),
        "track_record": _track(c, actors, params),
    }


def _or(q: object, fallback: Input) -> Input:
    got = _opt(q, "clause")
    return got if got is not None else fallback


def _power_shift(c: Clause) -> Input:
    if isinstance(c.power_shift, str):
        return Input.fixed(dfl.POWER_SHIFT[c.power_shift], f"clause: {c.power_shift}")
    return _or(c.power_shift, Input.fixed(0.0, "default: none"))


def _weakest(c: Clause, actors: dict[str, Actor], attr: str) -> tuple[str, object] | None:
    found = [
        (a, v)
        for a in c.obligated
        if a in actors
        if (v := _actor_value(actors[a], attr)) is not None
    ]
    return min(found, key=lambda av: av[1].point) if found else None  # type: ignore[attr-defined]


def _actor_value(actor: Actor, attr: str) -> object:
    if attr == "track_record":
        return actor.track_record
    return actor.domestic.horizon_years if actor.domestic else None


def _political(c: Clause, actors: dict[str, Actor], params: dict[str, float]) -> Input:
    got = _weakest(c, actors, "horizon")
    if got is None:
        return Input.fixed(dfl.parameter("political_horizon", params), "default")
    return Input.of(got[1], f"actor {got[0]}")  # type: ignore[arg-type]


def _track(c: Clause, actors: dict[str, Actor], params: dict[str, float]) -> Input:
    if c.track_record is not None:
        return Input.of(c.track_record, "clause")
    got = _weakest(c, actors, "track_record")
    if got is None and c.relations is not None:
        return Input.triple(dfl.RELATIONS[c.relations], f"default: relations {c.relations}")
    if got is None:
        return Input.fixed(dfl.parameter("track_record", params), "default")
    return Input.of(got[1], f"actor {got[0]}")  # type: ignore[arg-type]
