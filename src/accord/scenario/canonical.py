"""The canonical order of a scenario: every list of things with an id, sorted by id.

Analyses compute on :func:`canonical` so that a result never depends on the order in which a
file lists its actors, issues, deals, clauses, stances, ratifiers or sources; where they must
break a tie (two equal positions, two equal offers) the item whose id sorts first wins. The
options of a discrete issue keep their order: it is the issue's scale, not a listing.
Presenters keep the file's order, which is the analyst's (the first actor is the side the
brief is written for, the first deal the one checked by default).
"""

from __future__ import annotations

from accord.scenario.model import Actor, Clause, Deal, Scenario

__all__ = ["canonical"]


def canonical(scenario: Scenario) -> Scenario:
    """Return a copy of ``scenario`` with its listed items in id order (see the module)."""
    return scenario.model_copy(
        update={
            "actors": sorted((_actor(a) for a in scenario.actors), key=lambda a: a.id),
            "issues": sorted(scenario.issues, key=lambda i: i.id),
            "deals": sorted((_deal(d) for d in scenario.deals), key=lambda d: d.id),
            "stances": {
                a: dict(sorted(row.items())) for a, row in sorted(scenario.stances.items())
            },
            "sources": sorted(scenario.sources, key=lambda s: s.id),
        }
    )


def _actor(actor: Actor) -> Actor:
    dom = actor.domestic
    if dom is None:
        return actor
    ratifiers = dict(sorted(dom.ratifiers.items()))
    instruments = dict(sorted(dom.instruments.items()))
    update = {"ratifiers": ratifiers, "instruments": instruments}
    return actor.model_copy(update={"domestic": dom.model_copy(update=update)})


def _deal(deal: Deal) -> Deal:
    clauses = sorted((_clause(c) for c in deal.clauses), key=lambda c: c.id)
    return deal.model_copy(update={"clauses": clauses})


def _clause(clause: Clause) -> Clause:
    return clause.model_copy(
        update={
            "obligated": sorted(clause.obligated),
            "beneficiaries": sorted(clause.beneficiaries),
            "depends_on": sorted(clause.depends_on),
            "sets": dict(sorted(clause.sets.items())),
            "third_party_effects": dict(sorted(clause.third_party_effects.items())),
        }
    )
