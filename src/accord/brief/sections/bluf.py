"""Section 1 — bottom line up front.

The recommended package (or, when there is none, what would have to change), every deal on
the table put through the same test (:mod:`accord.brief.sections.verdict`), what not to
promise or accept and why, and the main risk, each pointing to the section it rests on.
Written last, from the same analysis results as the other sections.
"""

from __future__ import annotations

from typing import Literal

from accord.brief.blocks import Block, Data, Link, Paragraph, Section, T, Text
from accord.brief.context import Context
from accord.brief.prose import readable
from accord.brief.sections import deals, findings, sensitivity, verdict
from accord.brief.sections.issues import SID as ISSUES

__all__ = ["build"]

SID, NUMBER, TITLE = "bluf", 1, "Bottom line up front"
MIN_SENTENCES, MAX_SENTENCES = 3, 5


def build(ctx: Context, found: dict[str, Section]) -> Section:
    """Write the bottom line from the analyses behind the sections in ``found``."""
    data = Data(SID)
    lead = verdict.recommendation(ctx, data)
    sentences = [
        s
        for s in (
            verdict.on_the_table(ctx, data),
            _not_promise(ctx, data),
            _risk(ctx, data),
            _not_accept(ctx, data),
        )
        if s is not None
    ]
    if len(sentences) + len(lead) < MIN_SENTENCES:
        sentences += _forecast_lines(ctx, data, MIN_SENTENCES - len(sentences) - len(lead))
    blocks: list[Block] = [Paragraph(s, kind="lead" if k == 0 else "p") for k, s in enumerate(lead)]
    table = verdict.table(ctx, data)
    if table is not None:
        blocks.append(table)
    blocks += [Paragraph(s) for s in sentences[: MAX_SENTENCES - 1]]
    waiting = tuple(sorted({w for s in found.values() for w in s.waiting_on}))
    status: Literal["partial", "complete"] = "partial" if waiting else "complete"
    return Section(SID, NUMBER, TITLE, tuple(blocks), data.tree, status=status, waiting_on=waiting)


def _see(section: str, number: int) -> Link:
    return Link(section, f"§{number}")


def _clause_sentence(
    ctx: Context, lead: str, key: str, data: Data, deal: str, c: dict[str, object]
) -> Text:
    reasons = c.get("reasons") or []
    why = deals.reason_text(reasons[0]) if isinstance(reasons, list | tuple) and reasons else ""
    why = readable(why, ctx.scenario)
    text = ctx.labels.clause_text(str(c["id"])).rstrip(".")
    return T(
        f"{lead} “{text}” ({ctx.labels.deal(deal)}): P(implemented) ",
        data.num((key, str(c["id"])), c.get("p_implemented"), "pct"),  # type: ignore[arg-type]
        f"{' — ' + why.rstrip('.') if why else ''} (",
        _see("deals", 5),
        ").",
    )


def _not_promise(ctx: Context, data: Data) -> Text | None:
    rec = ctx.recommendation
    first = next(
        (n.clause for n in (rec.not_promise if rec else ()) if n.kind == "unrealistic"), None
    )
    if first is None:
        return None
    judged = deals.clauses(ctx.data("check").get(first.deal, {}))
    c = next((c for c in judged if c.get("id") == first.clause), None)
    if c is None:
        return None
    return _clause_sentence(ctx, "Do not promise", "not_promise", data, first.deal, c)


def _not_accept(ctx: Context, data: Data) -> Text | None:
    rows = findings.clauses_owed(ctx, ctx.other, ("unrealistic",))
    if not rows:
        return None
    return _clause_sentence(
        ctx, "Do not accept as a basis for concessions", "not_accept", data, *rows[0]
    )


def _risk(ctx: Context, data: Data) -> Text | None:
    risk = findings.riskiest(ctx)
    if risk is not None:
        deal, p, base = risk
        name = ctx.labels.deal(deal)
        worst = data.num(("risk", deal, "p_conflict_end"), p, "pct")
        if base is None:
            parts = T(f"Main risk: under {name} the chance of {ctx.top} reaches ", worst)
        elif round(100 * p) > round(100 * base):  # as shown: 4% against 4% is no risk
            parts = T(
                f"Main risk: under {name} the chance of {ctx.top} reaches ",
                worst,
                ", against ",
                data.num(("risk", "no_deal", "p_conflict_end"), base, "pct"),
                " with no deal",
            )
        else:
            parts = T(
                f"Risk: none of the deals on the table raises the chance of {ctx.top} above the ",
                data.num(("risk", "no_deal", "p_conflict_end"), base, "pct"),
                f" with no deal (the riskiest, {name}, gives ",
                worst,
                ")",
            )
        return T(parts, " (", _see("after", 6), ").")
    sens = ctx.data("sensitivity")
    if isinstance(sens, dict) and (top := sensitivity.drivers(sens, sensitivity.focus(ctx, sens))):
        factor = str(top[0]["factor"])
        name = sensitivity.label(ctx, factor)
        meaning = sensitivity.meaning(factor)
        name += f" ({meaning.rstrip('.').lower()})" if meaning else ""
        return T(
            f"Main uncertainty: the conclusions rest most on {name} (", _see("sensitivity", 7), ")."
        )
    return None


def _forecast_lines(ctx: Context, data: Data, limit: int) -> list[Text]:
    out: list[Text] = []
    mine = ctx.scenario.stances.get(ctx.side, {})
    for issue_id, st in sorted(mine.items(), key=lambda kv: -kv[1].salience.point):
        mid = findings.consensus(ctx, issue_id)
        if mid is None or len(out) >= limit:
            continue
        issue = ctx.scenario.issue(issue_id)
        out.append(
            T(
                f"On {issue.name} (salience ",
                data.num(("forecast", issue_id, "salience"), st.salience.point, "util"),
                f" for {ctx.labels.actor(ctx.side)}), the models' median forecast is ",
                data.num(("forecast", issue_id, "median"), mid, "scale"),
                ctx.labels.paren(issue_id, mid) + " against an ideal of ",
                data.num(("forecast", issue_id, "ideal"), issue.to_number(st.position), "scale"),
                " (",
                _see(ISSUES, 3),
                ").",
            )
        )
    return out
