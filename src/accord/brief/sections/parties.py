"""Section 2 — the parties: what each wants, how much it cares, its red lines, its style, and
what it can deliver at home (Putnam 1988: the instruments it controls alone and those that need
a ratifier). Built from the scenario; enriched with the deal check when it is available."""

from __future__ import annotations

from typing import Any

from accord.brief.blocks import Bullets, Data, Fragment, Paragraph, Section, Text, text
from accord.brief.context import Context
from accord.scenario.model import Actor, Stance
from accord.scenario.quantity import Quantity

__all__ = ["build"]

SID, NUMBER, TITLE = "parties", 2, "The parties"


def build(ctx: Context) -> Section:
    """Write the parties section."""
    data = Data(SID)
    blocks: list[Paragraph | Bullets] = []
    for actor in ctx.scenario.actors:
        blocks.append(Bullets(tuple(_items(ctx, actor, data)), title=_title(ctx, actor)))
    return Section(SID, NUMBER, TITLE, tuple(blocks), data.tree)


def _title(ctx: Context, actor: Actor) -> str:
    role = " (this brief's side)" if actor.id == ctx.side else ""
    role = " (main counterpart)" if actor.id == ctx.other else role
    return actor.name + role


def _items(ctx: Context, actor: Actor, data: Data) -> list[Text]:
    items: list[Text] = []
    if actor.description:
        items.append(text(" ".join(actor.description.split())))
    stances = ctx.scenario.stances.get(actor.id, {})
    ranked = sorted(stances.items(), key=lambda kv: -kv[1].salience.point)
    if ranked:
        items.append(text("Wants (most important first): ",
                          _join([_want(ctx, actor.id, i, st, data) for i, st in ranked])))
    lines = [_red_line(ctx, actor.id, i, st, data) for i, st in ranked if st.red_line is not None]
    items.append(text("Cannot accept: ", _join(lines) if lines else ("no red line recorded",)))
    items.append(text("Negotiating style: " + (", ".join(actor.style) or "not recorded")))
    items.append(text("At home: ", _domestic(actor, data)))
    delivery = _delivery(ctx, actor.id, data)
    if delivery:
        items.append(delivery)
    return items


def _join(parts: list[Text]) -> Text:
    out: list[Fragment] = []
    for k, p in enumerate(parts):
        if k:
            out.append("; ")
        out.extend(p)
    return tuple(out)


def _want(ctx: Context, actor_id: str, issue_id: str, st: Stance, data: Data) -> Text:
    issue = ctx.scenario.issue(issue_id)
    pos = issue.to_number(st.position)
    where = ctx.labels.point(issue_id, pos)
    keys = (actor_id, "wants", issue_id)
    return text(
        f"{issue.name} at ", data.num((*keys, "position"), pos, "scale"),
        f" ({where})" if where else "",
        ", salience ", data.num((*keys, "salience"), st.salience.point, "util"),
    )


def _red_line(ctx: Context, actor_id: str, issue_id: str, st: Stance, data: Data) -> Text:
    issue = ctx.scenario.issue(issue_id)
    line = issue.to_number(st.red_line)  # type: ignore[arg-type]
    pos = issue.to_number(st.position)
    side = "above" if line > pos else "below"
    where = ctx.labels.point(issue_id, line)
    return text(f"{issue.name} {side} ",
                data.num((actor_id, "red_lines", issue_id), line, "scale"),
                f" ({where})" if where else "")


def _domestic(actor: Actor, data: Data) -> Text:
    dom = actor.domestic
    if dom is None:
        return ("no domestic constraints recorded",)
    alone = [i.value.replace("_", " ") for i, use in dom.instruments.items() if use.ratifier is None]
    parts: list[Fragment] = [
        "acts alone by " + (", ".join(alone) if alone else "no instrument recorded")]
    for inst, use in dom.instruments.items():
        if use.ratifier is None or use.ratifier not in dom.ratifiers:
            continue
        rat = dom.ratifiers[use.ratifier]
        parts += [f"; a {inst.value.replace('_', ' ')} needs the {rat.name} "
                  f"({rat.threshold.value.replace('_', ' ')})"]
        if rat.support is not None:
            parts += [", expected support ", *_range(data, (actor.id, "support", use.ratifier),
                                                     rat.support, "pct")]
    if dom.horizon_years is not None:
        parts += ["; leadership may change within ",
                  *_range(data, (actor.id, "horizon_years"), dom.horizon_years, "num"), " years"]
    return tuple(parts)


def _range(data: Data, keys: tuple[str, ...], q: Quantity, kind: str) -> list[Fragment]:
    out: list[Fragment] = [data.num((*keys, "value"), q.point, kind)]
    if q.uncertain:
        lo, hi = q.bounds
        out += [" (", data.num((*keys, "low"), lo, kind), "–",
                data.num((*keys, "high"), hi, kind), ")"]
    return out


def _delivery(ctx: Context, actor_id: str, data: Data) -> Text | None:
    checks = ctx.data("check")
    if not isinstance(checks, dict):
        return None
    rows = [(deal, c) for deal, res in checks.items() for c in _clauses(res)
            if actor_id in c.get("obligated", ())]
    if not rows:
        return None
    parts: list[Fragment] = ["Can it deliver what the deals ask (deal check, P(deliverable)): "]
    for k, (deal, c) in enumerate(rows):
        parts += ["; " if k else "", f"{c['id']} ",
                  data.num((actor_id, "deliverable", c["id"]), c.get("p_deliverable"), "pct")]
    return tuple(parts)


def _clauses(result: dict[str, Any]) -> list[dict[str, Any]]:
    clauses = result.get("clauses", [])
    return list(clauses.values()) if isinstance(clauses, dict) else list(clauses)
