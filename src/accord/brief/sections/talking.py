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
            else Paragraph(T(f"{title}: nothing the analyses available support."), kind="note")
        )
    return Section(SID, NUMBER, TITLE, tuple(blocks), data.tree)


def _see(section: str, number: int) -> Link:
    return Link(section, f"§{number}")


def _ask(ctx: Context, data: Data) -> list[Text]:
    out = [
        T(
            f"“{ctx.labels.clause_text(c['id']).rstrip('.')}” — P(implemented) ",
            data.num(("ask", "clauses", c["id"]), c.get("p_implemented"), "pct"),
            " (",
            _see("deals", 5),
            ").",
        )
        for _, c in reversed(findings.clauses_owed(ctx, ctx.other, ("sound", "fragile")))
    ]
    rec = space.recommended(ctx.data("space")) if ctx.analyses.available("space") else None
    mine = ctx.scenario.stances.get(ctx.side, {})
    if rec is not None:
        values = rec[1]["package"]
        for issue_id, _ in _by_salience(mine):
            if issue_id in values:
                out.append(_package_point(ctx, "ask", issue_id, values[issue_id], data))
    for issue_id, _, _ in reversed(findings.salience_gaps(ctx)[-2:]):
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
    out = [
        T(
            f"“{ctx.labels.clause_text(c['id']).rstrip('.')}” — deliverable: P(implemented) ",
            data.num(("offer", "clauses", c["id"]), c.get("p_implemented"), "pct"),
            " (",
            _see("deals", 5),
            ").",
        )
        for _, c in reversed(findings.clauses_owed(ctx, ctx.side, ("sound",)))
    ]
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
    out = [
        T(
            f"“{ctx.labels.clause_text(c['id']).rstrip('.')}” — P(implemented) only ",
            data.num(("not_promise", "clauses", c["id"]), c.get("p_implemented"), "pct"),
            " (",
            _see("deals", 5),
            ").",
        )
        for _, c in findings.clauses_owed(ctx, ctx.side, ("unrealistic", "fragile"))
    ]
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
