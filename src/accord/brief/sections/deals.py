"""Section 5 — the deals on the table.

Clause-by-clause verdicts (traffic lights), reasons and remedies, and the weakest links. Reads
each deal's ``CheckResult.to_dict()``.
"""

from __future__ import annotations

from typing import Any

from accord.brief.blocks import Block, Bullets, Data, Fragment, Paragraph, Section, T, Table, Text
from accord.brief.context import Context, unavailable_section
from accord.brief.gather import Unavailable
from accord.brief.prose import readable
from accord.scenario.model import Scenario

__all__ = ["build", "clauses", "reason_text", "weakest"]

SID, NUMBER, TITLE = "deals", 5, "The deals on the table"
WEAKEST = 3
REASONS = 2  # reasons shown per clause (all of them are in the JSON brief)


def clauses(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the clause judgements of one deal's check, as a list of dicts."""
    cl = result.get("clauses", [])
    return [{"id": k, **v} for k, v in cl.items()] if isinstance(cl, dict) else list(cl)


def reason_text(r: Any) -> str:
    """One reason or remedy as a sentence, whatever its shape."""
    if isinstance(r, dict):
        for key in ("text", "message", "reason", "detail", "action"):
            if r.get(key):
                return str(r[key])
    return str(r)


def weakest(checks: dict[str, Any], n: int = WEAKEST) -> list[tuple[str, dict[str, Any]]]:
    """Return the ``n`` core clauses least likely to be implemented, across all deals."""
    rows = [
        (deal, c)
        for deal, res in checks.items()
        for c in clauses(res)
        if c.get("core", True) and c.get("p_implemented") is not None
    ]
    return sorted(rows, key=lambda dc: dc[1]["p_implemented"])[:n]


def p_core(result: dict[str, Any]) -> float | None:
    """P(every core clause implemented) of a deal's check."""
    value = result.get("p_all_core")
    return None if value is None else float(value)


def build(ctx: Context) -> Section:
    """Write the deals section."""
    checks = ctx.data("check")
    if isinstance(checks, Unavailable):
        return unavailable_section(SID, NUMBER, TITLE, [checks])
    data = Data(SID)
    blocks: list[Block] = [
        Paragraph(
            T(
                "Each clause is judged on whether its obligor can deliver it at home, will keep "
                "it when it could cheat, and will be believed. Sound: likely carried out; "
                "fragile: may fail; unrealistic: should not be relied on."
            )
        )
    ]
    for deal, res in checks.items():
        blocks += _deal(ctx, deal, res, data)
    blocks.append(_weakest(ctx, checks, data))
    return Section(SID, NUMBER, TITLE, tuple(blocks), data.tree)


def _deal(ctx: Context, deal: str, res: dict[str, Any], data: Data) -> list[Block]:
    rows, lights = [], []
    for c in clauses(res):
        rows.append(_row(ctx, deal, c, data))
        lights.append(c.get("verdict"))
    head = T(
        ctx.labels.deal(deal),
        ": P(every core clause implemented) ",
        data.num((deal, "p_all_core"), p_core(res), "pct"),
        ".",
    )
    return [
        Paragraph(head, kind="head"),
        Table(
            ("clause", "owed by", "P(implemented)", "why", "remedy"),
            tuple(rows),
            lights=tuple(lights),
        ),
    ]


def _row(ctx: Context, deal: str, c: dict[str, Any], data: Data) -> tuple[Text, ...]:
    keys = (deal, "clauses", c["id"])
    p: list[Fragment] = [data.num((*keys, "p_implemented"), c.get("p_implemented"), "pct")]
    if c.get("p_low") is not None and c.get("p_high") is not None:
        p += [
            " (",
            data.num((*keys, "p_low"), c["p_low"], "pct"),
            "–",
            data.num((*keys, "p_high"), c["p_high"], "pct"),
            ")",
        ]
    core = "" if c.get("core", True) else " (not core)"
    verdict = c.get("verdict", "")
    clause = T(
        f"{verdict}: " if verdict else "", c.get("text") or ctx.labels.clause_text(c["id"]), core
    )
    reasons = " ".join(
        readable(reason_text(r), ctx.scenario) for r in c.get("reasons", [])[:REASONS]
    )
    reasons = reasons or "–"
    return (
        clause,
        T(ctx.labels.actors(c.get("obligated", []))),
        tuple(p),
        T(reasons),
        _remedy(c, keys, data, ctx.scenario),
    )


def _remedy(c: dict[str, Any], keys: tuple[str, ...], data: Data, scenario: Scenario) -> Text:
    remedies = c.get("remedies") or []
    if not remedies or c.get("verdict") == "sound":
        return T("–")
    best = max(remedies, key=lambda r: r.get("p_implemented", 0) if isinstance(r, dict) else 0)
    if not isinstance(best, dict) or best.get("p_implemented") is None:
        return T(readable(reason_text(best), scenario))
    return T(
        readable(reason_text(best), scenario),
        " (P(implemented) would become ",
        data.num((*keys, "remedy_p_implemented"), best["p_implemented"], "pct"),
        ")",
    )


def _weakest(ctx: Context, checks: dict[str, Any], data: Data) -> Block:
    items = [
        T(
            f"“{ctx.labels.clause_text(c['id']).rstrip('.')}” ({ctx.labels.deal(deal)}): ",
            data.num(("weakest", c["id"]), c["p_implemented"], "pct"),
        )
        for deal, c in weakest(checks)
    ]
    return Bullets(
        tuple(items), title="Weakest links (core clauses least likely to be carried out)"
    )
