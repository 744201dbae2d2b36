"""Section 8 — talking points, generated from the recommended package alone.

Ask for: the package's clauses that others owe. Offer: the package's clauses the side owes.
Mutual steps: clauses the side owes together with a party across the table.
Do not promise: clauses the side owes that the deal check judges unrealistic (or that cross
its own red line), and its red lines. Each point names the section it comes from; by
construction nothing offered is also on the do-not-promise list (the package holds no
unrealistic clause and crosses no red line).
"""

from __future__ import annotations

from accord.brief.blocks import Block, Bullets, Data, Fragment, Link, Paragraph, Section, T, Text
from accord.brief.context import Context, unavailable_section
from accord.brief.gather import Unavailable
from accord.recommend import ClauseRef, NotPromise

__all__ = ["build"]

SID, NUMBER, TITLE = "talking", 8, "Talking points"
#: Most points per list (the package rarely has more clauses).
PER_LIST = 8


def build(ctx: Context, found: dict[str, Section]) -> Section:
    """Write the talking points from the recommendation."""
    rec = ctx.recommendation
    if rec is None:
        why = ctx.data("recommend")
        missing = [why] if isinstance(why, Unavailable) else []
        return unavailable_section(SID, NUMBER, TITLE, missing)
    data = Data(SID)
    side, other = ctx.labels.actor(ctx.side), ctx.labels.actor(ctx.other)
    blocks: list[Block] = [
        Paragraph(
            T(
                f"For {side} facing {other}, from the recommended package alone (",
                Link("space", "§4"),
                f"): ask for what the others give in it, offer what {side} gives in it, and "
                "propose as mutual steps what both sides owe together.",
            )
        )
    ]
    if rec.found:
        blocks += _list("Ask for", [_clause(ctx, data, "ask", r) for r in rec.ask])
        blocks += _list("Offer", [_clause(ctx, data, "offer", r) for r in rec.offer])
        if rec.mutual:
            mutual = [_clause(ctx, data, "mutual", r) for r in rec.mutual]
            blocks += _list("Mutual steps", mutual)
    else:
        blocks.append(
            Paragraph(
                T(
                    "No package built from the deliverable clauses on the table is inside "
                    "every party's red lines and better than no deal for every party, so "
                    "there is nothing to ask for or offer yet; ",
                    Link("bluf", "§1"),
                    " says what would have to change.",
                ),
                kind="note",
            )
        )
    blocks += _list("Do not promise", [_never(ctx, data, n) for n in rec.not_promise])
    return Section(SID, NUMBER, TITLE, tuple(blocks), data.tree)


def _list(title: str, items: list[Text]) -> list[Block]:
    if not items:
        return [Paragraph(T(f"{title}: nothing in the recommended package."), kind="note")]
    return [Bullets(tuple(items[:PER_LIST]), title=title)]


def _clause(ctx: Context, data: Data, key: str, r: ClauseRef) -> Text:
    """Write one clause of the package: its text, who owes it, and the check's verdict."""
    owed = ctx.labels.actors(list(r.obligated))
    caution = "" if r.verdict == "sound" else f" — {r.verdict}: pair it with its remedy"
    return T(
        f"“{r.text.rstrip('.')}” — owed by {owed}; P(implemented) ",
        data.num((key, r.deal, r.clause, "p_implemented"), r.p_implemented, "pct"),
        caution,
        " (",
        Link("deals", "§5"),
        ").",
    )


def _never(ctx: Context, data: Data, n: NotPromise) -> Text:
    if n.clause is not None and n.kind == "unrealistic":
        c = n.clause
        return T(
            f"“{c.text.rstrip('.')}” ({ctx.labels.deal(c.deal)}) — judged unrealistic: "
            "P(implemented) only ",
            data.num(("not_promise", c.deal, c.clause, "p_implemented"), c.p_implemented, "pct"),
            " (",
            Link("deals", "§5"),
            ").",
        )
    if n.clause is not None:
        c = n.clause
        return T(
            f"“{c.text.rstrip('.')}” ({ctx.labels.deal(c.deal)}) — it crosses "
            f"{ctx.labels.possessive(ctx.side)} own red line (",
            Link("parties", "§2"),
            ").",
        )
    assert n.issue is not None and n.red_line is not None
    issue = ctx.scenario.issue(n.issue)
    line = issue.to_number(n.red_line)
    shown = (
        T(ctx.labels.point(n.issue, line))
        if issue.discrete
        else T(
            data.num(("not_promise", "red_lines", n.issue), line, "scale"),
            ctx.labels.paren(n.issue, line),
        )
    )
    ideal = ctx.scenario.stances[ctx.side][n.issue].position
    side = "below" if issue.to_number(ideal) > line else "above"
    owners = list(n.owners) or [ctx.side]
    whose: list[Fragment] = [f": a red line of {ctx.labels.actors(owners)}"]
    if ctx.side not in owners and n.own is not None and not isinstance(n.own, str):
        whose += [
            f" ({ctx.labels.possessive(ctx.side)} own lies at ",
            data.num(("not_promise", "own_red_lines", n.issue), float(n.own), "scale"),
            ")",
        ]
    return T(
        f"Anything on {issue.name} {side} ",
        *shown,
        *whose,
        " (",
        Link("parties", "§2"),
        ").",
    )
