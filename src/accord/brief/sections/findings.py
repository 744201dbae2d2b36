"""Findings shared by the bottom line (section 1) and the talking points (section 8).

Each function reads analysis data only (never recomputes) and returns ids and numbers; the
section modules turn them into sentences that link back to the section they come from.
"""

from __future__ import annotations

from typing import Any

from accord.brief.context import Context
from accord.brief.sections import after, deals, issues

__all__ = ["best_deal", "clauses_owed", "consensus", "riskiest", "salience_gaps"]


def best_deal(ctx: Context) -> str | None:
    """Return the deal whose core clauses are most likely all carried out."""
    checks = ctx.data("check")
    if not isinstance(checks, dict) or not checks:
        return None
    scored = [(deals.p_core(r) or 0.0, str(d)) for d, r in checks.items()]
    return max(scored)[1]


def clauses_owed(
    ctx: Context, actor: str, verdicts: tuple[str, ...]
) -> list[tuple[str, dict[str, Any]]]:
    """``(deal, clause)`` pairs owed by ``actor`` with one of ``verdicts``, weakest first."""
    checks = ctx.data("check")
    if not isinstance(checks, dict):
        return []
    rows = [
        (d, c)
        for d, r in checks.items()
        for c in deals.clauses(r)
        if actor in c.get("obligated", ()) and c.get("verdict") in verdicts
    ]
    return sorted(rows, key=lambda dc: dc[1].get("p_implemented") or 0.0)


def riskiest(ctx: Context) -> tuple[str, float, float | None] | None:
    """``(deal, P(conflict) at the end, P(conflict) with no deal)`` of the riskiest deal."""
    sim = ctx.data("simulate")
    if not isinstance(sim, dict):
        return None
    ends = after.endpoints(sim)
    base = ends.get(after.NO_DEAL, {}).get("p_conflict")
    scored = [
        (e["p_conflict"], d) for d, e in ends.items() if d != after.NO_DEAL and "p_conflict" in e
    ]
    if not scored:
        return None
    p, deal = max(scored)
    return deal, p, base


def consensus(ctx: Context, issue_id: str) -> float | None:
    """Return the median of the models' forecasts on an issue (needs the forecast)."""
    fc = ctx.data("forecast")
    if not isinstance(fc, dict):
        return None
    values = sorted(float(v["forecast"]) for v in issues.forecasts(fc, issue_id).values())
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def salience_gaps(ctx: Context) -> list[tuple[str, float, float]]:
    """Issues by how much more the counterpart cares than the brief's side does.

    Returns ``(issue, side's salience, counterpart's salience)``, largest gap first: the top
    ones are what the side can offer cheaply, the bottom ones what it should ask for.
    """
    mine = ctx.scenario.stances.get(ctx.side, {})
    theirs = ctx.scenario.stances.get(ctx.other, {})
    rows = [(i, mine[i].salience.point, theirs[i].salience.point) for i in mine if i in theirs]
    return sorted(rows, key=lambda r: r[1] - r[2])
