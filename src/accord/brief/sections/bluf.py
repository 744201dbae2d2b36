"""Section 1 — bottom line up front.

Three to five sentences on what is achievable, what not to promise or accept and why, and the
main risk, each pointing to the section it rests on. Written last, from the same analysis data
as the other sections.
"""

from __future__ import annotations

from typing import Literal

from accord.brief.blocks import Data, Link, Paragraph, Section, T, Text
from accord.brief.context import Context
from accord.brief.sections import deals, findings, sensitivity, space
from accord.brief.sections.issues import SID as ISSUES

__all__ = ["build"]

SID, NUMBER, TITLE = "bluf", 1, "Bottom line up front"
MIN_SENTENCES, MAX_SENTENCES = 3, 5


def build(ctx: Context, found: dict[str, Section]) -> Section:
    """Write the bottom line from the analyses behind the sections in ``found``."""
    data = Data(SID)
    sentences = [
        s
        for s in (
            _achievable(ctx, found, data),
            _not_promise(ctx, data),
            _not_accept(ctx, data),
            _risk(ctx, data),
        )
        if s is not None
    ]
    if len(sentences) < MIN_SENTENCES:
        package = _package(ctx, data)
        sentences += [package] if package is not None else []
    if len(sentences) < MIN_SENTENCES:
        sentences += _forecast_lines(ctx, data, MIN_SENTENCES - len(sentences))
    blocks = tuple(
        Paragraph(s, kind="lead" if k == 0 else "p")
        for k, s in enumerate(sentences[:MAX_SENTENCES])
    )
    waiting = tuple(sorted({w for s in found.values() for w in s.waiting_on}))
    status: Literal["partial", "complete"] = "partial" if waiting else "complete"
    return Section(SID, NUMBER, TITLE, blocks, data.tree, status=status, waiting_on=waiting)


def _see(section: str, number: int) -> Link:
    return Link(section, f"§{number}")


def _achievable(ctx: Context, found: dict[str, Section], data: Data) -> Text | None:
    best = findings.best_deal(ctx)
    if best is None:
        return None
    res = ctx.data("check")[best]
    parts: Text = T(
        f"Achievable: {ctx.labels.deal(best)} is the deal on the table most likely "
        "to be carried out — every core clause holds with probability ",
        data.num(("best_deal", "p_all_core"), deals.p_core(res), "pct"),
        " (",
        _see("deals", 5),
        ")",
    )
    sim = ctx.data("simulate")
    if isinstance(sim, dict):
        from accord.brief.sections.after import endpoints

        end = endpoints(sim).get(best, {})
        if "p_intact" in end:
            parts = T(
                parts,
                "; it is still intact at the end of the horizon in ",
                data.num(("best_deal", "p_intact_end"), end["p_intact"], "pct"),
                " of simulated futures (",
                _see("after", 6),
                ")",
            )
    return T(parts, ".")


def _clause_sentence(
    ctx: Context, lead: str, key: str, data: Data, deal: str, c: dict[str, object]
) -> Text:
    reasons = c.get("reasons") or []
    why = deals.reason_text(reasons[0]) if isinstance(reasons, list | tuple) and reasons else ""
    text = ctx.labels.clause_text(str(c["id"])).rstrip(".")
    return T(
        f"{lead} “{text}” ({ctx.labels.deal(deal)}): P(implemented) ",
        data.num((key, str(c["id"])), c.get("p_implemented"), "pct"),  # type: ignore[arg-type]
        f"{' — ' + why.rstrip('.') if why else ''} (",
        _see("deals", 5),
        ").",
    )


def _not_promise(ctx: Context, data: Data) -> Text | None:
    rows = findings.clauses_owed(ctx, ctx.side, ("unrealistic",))
    if not rows:
        return None
    return _clause_sentence(ctx, "Do not promise", "not_promise", data, *rows[0])


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
        worst = data.num(("risk", "p_conflict"), p, "pct")
        if base is None:
            parts = T(f"Main risk: under {name} the chance of armed conflict reaches ", worst)
        elif round(100 * p) > round(100 * base):  # as shown: 4% against 4% is no risk
            parts = T(
                f"Main risk: under {name} the chance of armed conflict reaches ",
                worst,
                ", against ",
                data.num(("risk", "p_conflict_no_deal"), base, "pct"),
                " with no deal",
            )
        else:
            parts = T(
                "Risk: none of the deals on the table raises the chance of armed conflict "
                "above the ",
                data.num(("risk", "p_conflict_no_deal"), base, "pct"),
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


def _package(ctx: Context, data: Data) -> Text | None:
    sp = ctx.data("space")
    rec = space.recommended(sp) if isinstance(sp, dict) else None
    if rec is None:
        return None
    name, sol = rec
    gains = sol.get("gains") or {}
    if ctx.side not in gains or ctx.other not in gains:
        return None
    return T(
        f"Recommended package: the {name.replace('_', ' ')} solution gives "
        f"{ctx.labels.actor(ctx.side)} a utility gain of ",
        data.num(("package", ctx.side), gains[ctx.side], "signed"),
        f" and {ctx.labels.actor(ctx.other)} ",
        data.num(("package", ctx.other), gains[ctx.other], "signed"),
        " over no deal (",
        _see("space", 4),
        ").",
    )


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
