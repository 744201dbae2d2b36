"""Which parties can move which issues: a trade is worth proposing only between them.

A party "gives way" on an issue in a trade; that means something only if the party can move
the issue — if it owes a clause on the table that sets it. Where no clause of the scenario
sets an issue, nobody is known to control it and any party's concession is kept.
"""

from __future__ import annotations

from collections.abc import Mapping

from accord.scenario.model import Scenario
from accord.space.result import Trade

__all__ = ["movers", "trade_moves"]


def movers(scenario: Scenario) -> dict[str, frozenset[str]]:
    """Issue id -> the actors that owe a clause setting it (issues no clause sets: absent)."""
    out: dict[str, set[str]] = {}
    for deal in scenario.deals:
        for clause in deal.clauses:
            for issue in clause.sets:
                out.setdefault(issue, set()).update(clause.obligated)
    return {k: frozenset(v) for k, v in out.items()}


def trade_moves(trade: Trade, who: Mapping[str, frozenset[str]]) -> bool:
    """Whether every concession of the trade is made by a party that can move that issue."""
    return all(
        issue not in who or actor in who[issue] for actor, issue in trade.concessions.items()
    )
