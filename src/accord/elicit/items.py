"""The elicitable numbers of a scenario: every number a panel of experts could estimate.

An item is one :class:`~accord.scenario.quantity.Quantity` of the scenario, named by its place
in the file with ids instead of list positions and ``/`` between the parts (ids never contain
``/``): ``actors/usa/capability``, ``stances/dprk/cbm/salience``,
``deals/modest-agenda/ma-cap/detection``. Each item carries the hard bounds the scenario
format puts on it (a salience lies in [0, 1], a position on its issue's scale), which the
fitted distributions respect. Option ids (positions on a discrete issue) are not numbers and
are not elicited; neither are the simulation's parameters (their ranges live in
:mod:`accord.dynamics`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from accord.scenario.model import MIN_CAPABILITY, Issue, Scenario
from accord.scenario.quantity import Quantity

__all__ = ["Item", "data_path", "scenario_items"]

_UNIT = (0.0, 1.0)
_POSITIVE = (0.0, math.inf)
_CLAUSE_FIELDS = {
    "detection": _UNIT,
    "false_alarm": _UNIT,
    "track_record": _UNIT,
    "power_shift": _UNIT,
    "horizon_years": _POSITIVE,
    "capacity_required": _POSITIVE,
    "capacity_available": _POSITIVE,
    "gain_from_cheating": _POSITIVE,
    "punishment": _POSITIVE,
}


@dataclass(frozen=True)
class Item:
    """One number of the scenario that experts estimate.

    Attributes
    ----------
    id
        Its place in the scenario, e.g. ``stances/usa/cbm/position``.
    question
        What the expert is asked, in words.
    lo, hi
        Hard bounds of the value (``-inf``/``inf`` where the format sets none).
    current
        The scenario's value before the panel (shown as a prior when asked for).
    """

    id: str
    question: str
    lo: float
    hi: float
    current: Quantity

    def to_dict(self) -> dict[str, Any]:
        """Return the item as plain data."""
        return {
            "id": self.id,
            "question": self.question,
            "bounds": [_finite(self.lo), _finite(self.hi)],
        }


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def scenario_items(scenario: Scenario) -> list[Item]:
    """Return every elicitable number of ``scenario``, sorted by id."""
    return sorted(
        [*_actor_items(scenario), *_issue_items(scenario), *_clause_items(scenario)],
        key=lambda i: i.id,
    )


def _actor_items(s: Scenario) -> Iterator[Item]:
    for a in s.actors:
        yield Item(
            f"actors/{a.id}/capability",
            f"{a.name}: capability, its relative influence on the outcome (> 0)",
            MIN_CAPABILITY,
            math.inf,
            a.capability,
        )
        if a.risk is not None:
            q = f"{a.name}: risk attitude (-1 averse .. 1 acceptant)"
            yield Item(f"actors/{a.id}/risk", q, -1.0, 1.0, a.risk)
        if a.track_record is not None:
            q = f"{a.name}: how reliably it keeps its word (0..1)"
            yield Item(f"actors/{a.id}/track_record", q, *_UNIT, a.track_record)
        if a.domestic is None:
            continue
        if a.domestic.horizon_years is not None:
            q = f"{a.name}: years until the leadership may change"
            path = f"actors/{a.id}/domestic/horizon_years"
            yield Item(path, q, *_POSITIVE, a.domestic.horizon_years)
        for rid, r in a.domestic.ratifiers.items():
            if r.support is not None:
                q = f"{a.name}: share of the {r.name} that would back a typical deal (0..1)"
                path = f"actors/{a.id}/domestic/ratifiers/{rid}/support"
                yield Item(path, q, *_UNIT, r.support)


def _issue_items(s: Scenario) -> Iterator[Item]:
    for issue in s.issues:
        lo, hi = issue.bounds
        if isinstance(issue.reference, Quantity) and not issue.discrete:
            q = f"{issue.name}: what holds if nothing is agreed ({_scale(issue)})"
            yield Item(f"issues/{issue.id}/reference", q, lo, hi, issue.reference)
    for a in s.actors:
        for issue_id, st in s.stances.get(a.id, {}).items():
            issue = s.issue(issue_id)
            base = f"stances/{a.id}/{issue_id}"
            who = f"{a.name} on {issue.name}"
            q = f"{who}: salience, how much it cares (0..1)"
            yield Item(f"{base}/salience", q, *_UNIT, st.salience)
            if issue.discrete:
                continue
            lo, hi = issue.bounds
            words = {
                "position": "its ideal point",
                "red_line": "the worst it can accept",
                "batna": "what it gets if it walks away",
            }
            for name, what in words.items():
                value = getattr(st, name)
                if isinstance(value, Quantity):
                    q = f"{who}: {what} ({_scale(issue)})"
                    yield Item(f"{base}/{name}", q, lo, hi, value)


def _scale(issue: Issue) -> str:
    lo, hi = issue.bounds
    return f"{lo:g}..{hi:g}"


def _clause_items(s: Scenario) -> Iterator[Item]:
    for d in s.deals:
        for c in d.clauses:
            base = f"deals/{d.id}/{c.id}"
            for name, bounds in _CLAUSE_FIELDS.items():
                value = getattr(c, name)
                if isinstance(value, Quantity):
                    q = f"Clause {c.id} ({d.name}): {name.replace('_', ' ')}"
                    yield Item(f"{base}/{name}", q, *bounds, value)
            for other, value in c.third_party_effects.items():
                q = f"Clause {c.id} ({d.name}): how much it weakens {other}'s guarantee (0..1)"
                yield Item(f"{base}/third_party_effects/{other}", q, *_UNIT, value)


def data_path(scenario: Scenario, item_id: str) -> tuple[str | int, ...]:
    """Translate an item id into the path of its value in ``scenario.to_dict()``.

    Lists (actors, deals, clauses) are indexed by the position of the id they hold.
    """
    parts = item_id.split("/")
    head = parts[0]
    if head == "actors":
        index = [a.id for a in scenario.actors].index(parts[1])
        return ("actors", index, *parts[2:])
    if head == "issues":
        index = [i.id for i in scenario.issues].index(parts[1])
        return ("issues", index, *parts[2:])
    if head == "deals":
        deal = scenario.deal(parts[1])
        d_index = scenario.deals.index(deal)
        c_index = [c.id for c in deal.clauses].index(parts[2])
        return ("deals", d_index, "clauses", c_index, *parts[3:])
    return tuple(parts)
