"""Section 7 — what would change these conclusions.

The tornado of one-at-a-time swings for the deal most likely to be carried out, the assumptions
that matter most, and the sentences saying what would flip the ranking of the deals. Reads
``accord.sensitivity(...).to_dict()``.
"""

from __future__ import annotations

import math
from typing import Any

from accord.brief import charts
from accord.brief.blocks import (
    Block,
    Bullets,
    Chart,
    Data,
    Fragment,
    Link,
    Paragraph,
    Section,
    T,
    Text,
    fmt,
)
from accord.brief.context import Context, unavailable_section
from accord.brief.gather import SENSITIVITY, Unavailable
from accord.brief.sections import findings

__all__ = ["build", "drivers", "flips", "focus", "label", "meaning"]

SID, NUMBER, TITLE = "sensitivity", 7, "What would change these conclusions"
TOP = 8
OUTPUT = "p_conflict"


def focus(ctx: Context, sens: dict[str, Any]) -> str | None:
    """Return the deal whose tornado the brief shows: the most deliverable, else the safest."""
    tornado = sens.get("tornado") or {}
    best = findings.best_deal(ctx)
    if best in tornado:
        return best
    ranked = [d for d in sens.get("ranking", []) if d in tornado]
    return ranked[0] if ranked else next(iter(tornado), None)


def drivers(sens: dict[str, Any], deal: str | None = None) -> list[dict[str, Any]]:
    """Return the tornado swings of one deal (default: the first) on P(conflict), widest first."""
    tornado = sens.get("tornado") or {}
    deal = deal if deal is not None else next(iter(tornado), None)
    rows = list((tornado.get(deal) or {}).get(OUTPUT) or [])
    return sorted(rows, key=lambda r: -abs(float(r.get("width") or 0.0)))


def flips(sens: dict[str, Any]) -> list[str]:
    """Return the sentences saying what would flip the ranking of the deals."""
    return [str(s) for s in sens.get("sentences") or []]


def build(ctx: Context) -> Section:
    """Write the sensitivity section."""
    sens = ctx.data("sensitivity")
    if isinstance(sens, Unavailable):
        return unavailable_section(SID, NUMBER, TITLE, [sens])
    data = Data(SID)
    deal = focus(ctx, sens)
    base = _baseline(ctx, sens, deal)
    rows = [_anchored(r, base) for r in drivers(sens, deal)] if base is not None else []
    n = int(SENSITIVITY.get("sweep_reps") or 4 * int(SENSITIVITY["reps"]))
    top = [r for r in rows if _signal(r, n)][:TOP]
    blocks: list[Block] = [_ranking(ctx, sens)]
    if deal is not None and base is not None and top:
        blocks += [
            _chart(ctx, deal, top, base),
            Paragraph(
                T(
                    f"Under {_deal(ctx, deal)} the assumed case gives a ",
                    data.num(("baseline", deal, "p_conflict_end"), base, "pct"),
                    f" chance of {ctx.top} by the end of the horizon (",
                    Link("after", "§6"),
                    "). Each bar is measured on ",
                    data.num(("sweep_runs",), n, "int"),
                    " simulated futures per end, against the same futures at the assumed "
                    "values; the Monte Carlo error of a bar is up to ",
                    data.num(("mc_error_points", deal), round(100 * _max_se(rows, n), 1), "num"),
                    " percentage points.",
                )
            ),
            _list(ctx, deal, top, data),
        ]
    noise = len(rows) - len(top)
    if deal is not None and base is not None and noise:
        blocks.append(
            Paragraph(
                T(
                    f"The other {noise} uncertain inputs move it by less than twice their "
                    "Monte Carlo error across their plausible ranges: within noise, not ranked."
                    if noise > 1
                    else "The other uncertain input moves it by less than twice its Monte "
                    "Carlo error: within noise, not ranked."
                ),
                kind="note",
            )
        )
    sentences = flips(sens)
    blocks.append(
        Bullets(tuple(T(s) for s in sentences), title="What would flip the ranking")
        if sentences
        else Paragraph(T("No input, moved across its plausible range, flips the ranking."))
    )
    return Section(SID, NUMBER, TITLE, tuple(blocks), data.tree)


def _ranking(ctx: Context, sens: dict[str, Any]) -> Paragraph:
    names = [_deal(ctx, d) for d in sens.get("ranking", [])]
    return Paragraph(
        T(
            f"Ranked from the lowest to the highest chance of {ctx.top} by the end of the "
            "horizon: " + ", ".join(names) + ". Below: how far each assumption, moved across "
            "its plausible range with the others held at their assumed values, moves that "
            "chance."
        )
    )


def _baseline(ctx: Context, sens: dict[str, Any], deal: str | None) -> float | None:
    """Return the focus deal's P(top rung) at the horizon as §6 shows it (else the sweep's)."""
    if deal is None:
        return None
    sim = ctx.data("simulate")
    if isinstance(sim, dict):
        from accord.brief.sections.after import endpoints

        end = endpoints(sim).get(deal, {})
        if OUTPUT in end:
            return float(end[OUTPUT])
    value = (sens.get("nominal") or {}).get(deal, {}).get(OUTPUT)
    return None if value is None else float(value)


def _anchored(row: dict[str, Any], base: float) -> dict[str, Any]:
    """Return the swing as a change from the sweep's assumed case, drawn around ``base``."""
    shift = base - float(row.get("at_nominal", base))
    ends = {k: min(max(float(row[k]) + shift, 0.0), 1.0) for k in ("at_low", "at_high")}
    return {**row, **ends, "raw_low": row["at_low"], "raw_high": row["at_high"]}


def _se(row: dict[str, Any], n: int) -> float:
    """Monte Carlo error of a swing: two shares of ``n`` runs each (no credit for CRN)."""
    lo, hi = float(row["raw_low"]), float(row["raw_high"])
    return float(math.sqrt((lo * (1 - lo) + hi * (1 - hi)) / max(n, 1)))


def _signal(row: dict[str, Any], n: int) -> bool:
    """Whether a swing exceeds twice its Monte Carlo error (and shows as printed)."""
    moves = fmt(row.get("at_low"), "pct") != fmt(row.get("at_high"), "pct")
    return moves and abs(float(row["raw_high"]) - float(row["raw_low"])) > 2 * _se(row, n)


def _max_se(rows: list[dict[str, Any]], n: int) -> float:
    return max((_se(r, n) for r in rows), default=0.0)


def _deal(ctx: Context, deal: str) -> str:
    return "no deal" if deal == "no_deal" else ctx.labels.deal(deal)


def label(ctx: Context, factor: str) -> str:
    """Return a reader's name for a factor (a clause's P(implemented) or a parameter)."""
    if factor.startswith("p:"):
        text = ctx.labels.clause_text(factor[2:]).rstrip(".")
        short = text if len(text) <= 48 else text[:46].rsplit(" ", 1)[0] + "…"
        return f"P(implemented): {short}"
    try:
        from accord.dynamics import PARAMETERS
    except ImportError:  # pragma: no cover - the section only runs when dynamics exists
        return factor.replace("_", " ")
    spec = PARAMETERS.get(factor)
    return str(getattr(spec, "label", "") or factor.replace("_", " "))


def meaning(factor: str) -> str:
    """Return what a simulation parameter means (empty for a clause or an unknown name)."""
    try:
        from accord.dynamics import PARAMETERS
    except ImportError:  # pragma: no cover - the section only runs when dynamics exists
        return ""
    spec = PARAMETERS.get(factor)
    return str(spec.meaning) if spec is not None else ""


def _chart(ctx: Context, deal: str, top: list[dict[str, Any]], base: float | None) -> Chart:
    svg = charts.tornado(
        [label(ctx, r["factor"]) for r in top],
        [float(r["at_low"]) for r in top],
        [float(r["at_high"]) for r in top],
        float(base) if base is not None else 0.0,
        f"P({ctx.top}) under {_deal(ctx, deal)}",
        percent=True,
    )
    return Chart(
        svg,
        f"P({ctx.top}) under {_deal(ctx, deal)} with each assumption at the low (red) "
        "and high (blue) end of its plausible range, as a change from the same simulated "
        "futures at the assumed values; the vertical line is the assumed case (§6).",
        "Tornado chart; the values are in the list below.",
    )


def _list(ctx: Context, deal: str, top: list[dict[str, Any]], data: Data) -> Bullets:
    items: list[Text] = []
    for r in top:
        f = str(r["factor"])
        keys = ("drivers", deal, f)
        parts: list[Fragment] = [
            f"{label(ctx, f)}: from ",
            data.num((*keys, "at_low"), r["at_low"], "pct"),
            " (at ",
            data.num((*keys, "low"), r["low"], "num"),
            ") to ",
            data.num((*keys, "at_high"), r["at_high"], "pct"),
            " (at ",
            data.num((*keys, "high"), r["high"], "num"),
            ")",
        ]
        text = meaning(f)
        parts.append(f". {text}" if text else ".")
        items.append(tuple(parts))
    return Bullets(tuple(items), title="The assumptions that matter most")
