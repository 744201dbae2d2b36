"""Section 8 — talking points.

What to ask for, what to offer, what not to promise; each one points to the section whose
analysis supports it.
"""

from __future__ import annotations

from typing import Any

from accord.brief.blocks import Block, Bullets, Data, Link, Paragraph, Section, T, Text
from accord.brief.context import Context
from accord.brief.sections import findings, space
from accord.scenario.model import Stance

__all__ = ["build"]

SID, NUMBER, TITLE = "talking", 8, "Talking points"
PER_LIST = 4


def build(ctx: Context, found: dict[str, Section]) -> Section:
    """Write the talking points from the analyses behind ``found``."""
    data = Data(SID)
    lists = {
        "Ask for": _ask(ctx, data),
        "Offer": _offer(ctx, data),
        "Do not promise": _not_promise(ctx, data),
    }
    blocks: list[Block] = [
        Paragraph(
            T(
                f"For {ctx.labels.actor(ctx.side)} facing {ctx.labels.actor(ctx.other)}. "
                "Each point names the section it comes from."
            )
        )
    ]
    for title, items in lists.items():
        blocks.append(
            Bullets(tuple(items[:PER_LIST]), title=title)
            if items
            else Paragraph(T(f"{title}: nothing that the available analyses support."), kind="note")
        )
    return Section(SID, NUMBER, TITLE, tuple(blocks), data.tree)


def _see(section: str, number: int) -> Link:
    return Link(section, f"§{number}")


def _ask(ctx: Context, data: Data) -> list[Text]:
    # a clause both sides owe is offered (below), not asked for as well
    out = _clause_points(
        ctx, data, "ask", ctx.other, ("sound", "fragile"), "P(implemented) ", best_first=True
    )
    for issue_id, value in _package_moves(ctx, toward=True):
        out.append(_package_point(ctx, "ask", issue_id, value, data))
    for issue_id, mine, theirs in reversed(findings.salience_gaps(ctx)[-2:]):
        if mine <= theirs:
            continue
        out.append(
            T(
                f"Hold firm on {ctx.labels.issue(issue_id)}: it matters more to "
                f"{ctx.labels.actor(ctx.side)} than to {ctx.labels.actor(ctx.other)} (",
                _see("parties", 2),
                ").",
            )
        )
    return out


def _offer(ctx: Context, data: Data) -> list[Text]:
    out = _clause_points(
        ctx, data, "offer", ctx.side, ("sound",), "deliverable: P(implemented) ", best_first=True
    )
    for issue_id, value in _package_moves(ctx, toward=False):
        out.append(_package_point(ctx, "offer", issue_id, value, data))
    for issue_id, mine, theirs in findings.salience_gaps(ctx)[:2]:
        if theirs <= mine:
            continue
        out.append(
            T(
                f"Movement on {ctx.labels.issue(issue_id)}: it matters more to "
                f"{ctx.labels.actor(ctx.other)} (salience ",
                data.num(("offer", "issues", issue_id, "theirs"), theirs, "util"),
                f") than to {ctx.labels.actor(ctx.side)} (",
                data.num(("offer", "issues", issue_id, "mine"), mine, "util"),
                ") (",
                _see("parties", 2),
                ").",
            )
        )
    return out


def _not_promise(ctx: Context, data: Data) -> list[Text]:
    out = _clause_points(
        ctx, data, "not_promise", ctx.side, ("unrealistic", "fragile"), "P(implemented) only "
    )
    for issue_id, st in _by_salience(ctx.scenario.stances.get(ctx.side, {})):
        if st.red_line is None:
            continue
        issue = ctx.scenario.issue(issue_id)
        line = issue.to_number(st.red_line)
        out.append(
            T(
                f"Anything on {issue.name} beyond ",
                data.num(("not_promise", "issues", issue_id, "red_line"), line, "scale"),
                ctx.labels.paren(issue_id, line) + ": a red line (",
                _see("parties", 2),
                ").",
            )
        )
    return out


def _clause_points(
    ctx: Context,
    data: Data,
    key: str,
    actor: str,
    verdicts: tuple[str, ...],
    lead: str,
    *,
    best_first: bool = False,
) -> list[Text]:
    """One point per clause ``actor`` owes with one of ``verdicts``: text, then P(implemented).

    Asking leaves out the clauses the brief's own side owes too (they are offered instead).
    """
    rows = findings.clauses_owed(ctx, actor, verdicts)
    return [
        T(
            f"“{ctx.labels.clause_text(c['id']).rstrip('.')}” — {lead}",
            data.num((key, "clauses", c["id"]), c.get("p_implemented"), "pct"),
            " (",
            _see("deals", 5),
            ").",
        )
        for _, c in (reversed(rows) if best_first else rows)
        if key != "ask" or ctx.side not in c.get("obligated", ())
    ]


def _package_moves(ctx: Context, *, toward: bool) -> list[tuple[str, Any]]:
    """Issues where the recommended package moves toward (or away from) the side's ideal.

    Measured from no deal (the issue's reference point), most salient issue first: a move
    toward the side's ideal is something to ask for, one away from it a concession to offer.
    Issues without a reference point, or that the package leaves where they are, are left out.
    """
    rec = space.recommended(ctx.data("space")) if ctx.analyses.available("space") else None
    if rec is None:
        return []
    values = rec[1]["package"]
    out = []
    for issue_id, st in _by_salience(ctx.scenario.stances.get(ctx.side, {})):
        issue = ctx.scenario.issue(issue_id)
        if issue_id not in values or issue.reference_value is None:
            continue
        ideal = issue.to_number(st.position)
        now = abs(issue.reference_value - ideal)
        then = abs(issue.to_number(values[issue_id]) - ideal)
        if then != now and (then < now) == toward:
            out.append((issue_id, values[issue_id]))
    return out


def _by_salience(stances: dict[str, Stance]) -> list[tuple[str, Stance]]:
    return sorted(stances.items(), key=lambda kv: -kv[1].salience.point)


def _package_point(ctx: Context, key: str, issue_id: str, value: Any, data: Data) -> Text:
    return T(
        f"{ctx.labels.issue(issue_id)} at ",
        space.value_text(ctx, data, (key, "issues", issue_id, "package"), issue_id, value),
        ", as in the recommended package (",
        _see("space", 4),
        ").",
    )
