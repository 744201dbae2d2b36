"""Section 2 — the parties.

What each wants, how much it cares, its red lines, its style, and what it can deliver at home
(Putnam 1988: the instruments it controls alone and those that need a ratifier). Built from the
scenario; enriched with the deal check when it is available.
"""

from __future__ import annotations

from typing import Any

from accord.brief.blocks import (
    Bullets,
    Data,
    Fragment,
    Paragraph,
    Section,
    Table,
    Text,
    fmt,
    text,
)
from accord.brief.context import Context
from accord.brief.sections.space import value_text
from accord.scenario.model import Actor, Stance
from accord.scenario.quantity import Quantity

__all__ = ["build"]

SID, NUMBER, TITLE = "parties", 2, "The parties"
TOP = 2  # issues named under "cares most about"
DELIVERABLE = 0.5  # below this P(deliverable) a clause is one the party cannot deliver at home


# how each instrument reads as the subject of a sentence
_NOUN = {
    "executive": "an executive act",
    "political_declaration": "a political declaration",
    "legislation": "legislation",
    "treaty": "a treaty",
    "appropriation": "an appropriation",
    "third_party": "a third party's action",
    "physical_work": "physical work",
}


def build(ctx: Context) -> Section:
    """Write the parties section."""
    data = Data(SID)
    blocks: list[Paragraph | Bullets | Table] = [_matrix(ctx, data)]
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
        items.append(
            text(
                "Cares most about: ",
                _join([_want(ctx, actor.id, i, st, data) for i, st in ranked[:TOP]]),
            )
        )
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
    keys = ("positions", issue_id, actor_id, "position")
    return text(
        f"{ctx.labels.issue(issue_id)}, wanting ",
        value_text(ctx, data, keys, issue_id, st.position),
    )


def _matrix(ctx: Context, data: Data) -> Table:
    actors = [a for a in ctx.scenario.actors if ctx.scenario.stances.get(a.id)]
    rows = []
    for issue in ctx.scenario.issues:
        cells: list[Text] = [text(issue.name)]
        for a in actors:
            st = ctx.scenario.stances[a.id].get(issue.id)
            if st is None:
                cells.append(text("–"))
                continue
            keys = ("positions", issue.id, a.id)
            cells.append(
                text(
                    value_text(ctx, data, (*keys, "position"), issue.id, st.position, False),
                    "\u00a0·\u00a0",
                    data.num((*keys, "salience"), st.salience.point, "util"),
                )
            )
        rows.append(tuple(cells))
    return Table(
        ("issue", *(a.name for a in actors)),
        tuple(rows),
        title="What each party wants: ideal point · salience (0 = indifferent, 1 = vital)",
    )


def _red_line(ctx: Context, actor_id: str, issue_id: str, st: Stance, data: Data) -> Text:
    issue = ctx.scenario.issue(issue_id)
    line = issue.to_number(st.red_line)  # type: ignore[arg-type]
    side = "above" if line > issue.to_number(st.position) else "below"
    keys = (actor_id, "red_lines", issue_id)
    return text(f"{issue.name} {side} ", value_text(ctx, data, keys, issue_id, st.red_line))


def _domestic(actor: Actor, data: Data) -> Text:
    dom = actor.domestic
    if dom is None:
        return ("no domestic constraints recorded",)
    alone = [
        i.value.replace("_", " ") for i, use in dom.instruments.items() if use.ratifier is None
    ]
    parts: list[Fragment] = [
        "acts alone by " + (", ".join(alone) if alone else "no instrument recorded")
    ]
    for inst, use in dom.instruments.items():
        if use.ratifier is None or use.ratifier not in dom.ratifiers:
            continue
        rat = dom.ratifiers[use.ratifier]
        parts += [
            f"; {_NOUN.get(inst.value, inst.value.replace('_', ' '))} needs the {rat.name} "
            f"({rat.threshold.value.replace('_', ' ')})"
        ]
        if rat.support is not None:
            q = rat.support
            parts += [
                ", support most likely ",
                *_range(data, (actor.id, "support", use.ratifier), q, "pct"),
            ]
            mean = (q.bounds[0] + q.point + q.bounds[1]) / 3  # triangular, as the check draws
            if q.uncertain and fmt(mean, "pct") != fmt(q.point, "pct"):
                parts += [
                    ", on average ",
                    data.num((actor.id, "support", use.ratifier, "mean"), mean, "pct"),
                    " (the figure the deal check weighs)",
                ]
    if dom.horizon_years is not None:
        parts += [
            "; leadership may change within ",
            *_range(data, (actor.id, "horizon_years"), dom.horizon_years, "num"),
            " years",
        ]
    return tuple(parts)


def _range(data: Data, keys: tuple[str, ...], q: Quantity, kind: str) -> list[Fragment]:
    out: list[Fragment] = [data.num((*keys, "value"), q.point, kind)]
    if q.uncertain:
        lo, hi = q.bounds
        out += [
            " (",
            data.num((*keys, "low"), lo, kind),
            "–",
            data.num((*keys, "high"), hi, kind),
            ")",
        ]
    return out


def _share(owed: int, weak: int) -> str:
    """``"3 of the 6 clauses it would owe"``, said naturally for one clause or all of them."""
    noun = "clause" if owed == 1 else "clauses"
    if weak == 0:
        count = "the one" if owed == 1 else ("both" if owed == 2 else f"all {owed}")
        return f"{count} {noun} it would owe"
    return f"{owed - weak} of the {owed} {noun} it would owe"


def _delivery(ctx: Context, actor_id: str, data: Data) -> Text | None:
    checks = ctx.data("check")
    if not isinstance(checks, dict):
        return None
    owed = [
        c for res in checks.values() for c in _clauses(res) if actor_id in c.get("obligated", ())
    ]
    if not owed:
        return None
    weak = [c for c in owed if (c.get("p_deliverable") or 0.0) < DELIVERABLE]
    parts: list[Fragment] = [f"Deal check: it can deliver at home {_share(len(owed), len(weak))}"]
    for k, c in enumerate(weak):
        parts += [
            "; not: " if k == 0 else "; ",
            f"“{str(c.get('text') or c['id']).rstrip('.')}” (P(deliverable) ",
            data.num((actor_id, "deliverable", c["id"]), c.get("p_deliverable"), "pct"),
            ")",
        ]
    parts.append(".")
    return tuple(parts)


def _clauses(result: dict[str, Any]) -> list[dict[str, Any]]:
    clauses = result.get("clauses", [])
    return list(clauses.values()) if isinstance(clauses, dict) else list(clauses)
