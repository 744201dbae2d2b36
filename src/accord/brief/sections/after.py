"""Section 6 — after signing.

P(deal intact) and P(armed conflict) over time for each deal and for no deal (chart), and
third-party effects. Reads ``accord.simulate(...).to_dict()`` and the deal checks' third-party
effects.
"""

from __future__ import annotations

from typing import Any

from accord.brief import charts
from accord.brief.blocks import Block, Bullets, Chart, Data, Paragraph, Section, T, Table, Text
from accord.brief.context import Context, unavailable_section
from accord.brief.gather import Unavailable
from accord.brief.prose import readable

__all__ = ["build", "endpoints", "paths"]

SID, NUMBER, TITLE = "after", 6, "After signing"
NO_DEAL = "no_deal"
Band = tuple[list[float], list[float] | None, list[float] | None]


def _series(entry: Any) -> Band | None:
    if entry is None:
        return None
    if isinstance(entry, dict):
        mid = entry.get("mean", entry.get("p", entry.get("value")))
        return (mid, entry.get("low"), entry.get("high")) if mid is not None else None
    return (list(entry), None, None)


def outcomes(sim: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Deal id (and ``no_deal``) -> that path's outcome data."""
    deals = dict(sim.get("deals") or {})
    if sim.get("no_deal") is not None:
        deals[NO_DEAL] = sim["no_deal"]
    return deals


def paths(sim: dict[str, Any]) -> dict[str, dict[str, Band]]:
    """Deal id (and ``no_deal``) -> ``{"p_intact": band, "p_conflict": band, ...}``."""
    out: dict[str, dict[str, Band]] = {}
    for deal, entry in outcomes(sim).items():
        curves = entry.get("curves", entry)
        got = {k: _series(curves.get(k)) for k in ("p_intact", "p_conflict", "p_hedge")}
        out[deal] = {k: v for k, v in got.items() if v is not None}
    return out


def times(sim: dict[str, Any]) -> list[float]:
    """Time axis of the simulation, in months (1 .. horizon)."""
    first = next(iter(paths(sim).values()), {})
    n = len(next(iter(first.values()))[0]) if first else int(sim.get("horizon") or 0)
    return [float(k + 1) for k in range(n)]


def endpoints(sim: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Deal -> ``{"p_intact": .., "p_conflict": .., "p_hedge": ..}`` at the horizon."""
    return {
        deal: {k: float(band[0][-1]) for k, band in curves.items() if band[0]}
        for deal, curves in paths(sim).items()
    }


def build(ctx: Context) -> Section:
    """Write the after-signing section."""
    sim = ctx.data("simulate")
    if isinstance(sim, Unavailable):
        return unavailable_section(SID, NUMBER, TITLE, [sim])
    data = Data(SID)
    t = times(sim)
    horizon = data.num(("months",), t[-1] if t else None, "int")
    blocks: list[Block] = [
        Paragraph(
            T(
                "Simulated month by month for ",
                horizon,
                " months after signing, for each deal and for no deal.",
            )
        ),
        *([_chart(ctx, sim, t)] if t else []),
        _table(ctx, sim, data),
    ]
    blocks += _third_parties(ctx, sim, data)
    return Section(SID, NUMBER, TITLE, tuple(blocks), data.tree)


def _name(ctx: Context, deal: str) -> str:
    return "no deal" if deal == NO_DEAL else ctx.labels.deal(deal)


def _chart(ctx: Context, sim: dict[str, Any], t: list[float]) -> Chart:
    panels: dict[str, dict[str, Any]] = {"P(deal intact)": {}, f"P({ctx.top})": {}}
    for deal, curves in paths(sim).items():
        if "p_intact" in curves and deal != NO_DEAL:
            panels["P(deal intact)"][_name(ctx, deal)] = curves["p_intact"]
        if "p_conflict" in curves:
            panels[f"P({ctx.top})"][_name(ctx, deal)] = curves["p_conflict"]
    svg = charts.curves(t, panels, "months after signing")
    return Chart(
        svg,
        "Share of simulated futures in which the deal still holds (left) and in "
        f"which the parties have reached {ctx.top} (right); dashed: no deal.",
        "Chart of P(deal intact) and P(conflict) over time; end values in the table.",
    )


def _table(ctx: Context, sim: dict[str, Any], data: Data) -> Table:
    hedgers = any(e.get("hedge_by_actor") for e in outcomes(sim).values())
    rows: list[tuple[Text, ...]] = []
    for deal, ends in endpoints(sim).items():
        keys = (deal,)
        rows.append(
            (
                T(_name(ctx, deal)),
                T(
                    data.num((*keys, "p_intact_end"), ends.get("p_intact"), "pct")
                    if deal != NO_DEAL
                    else "–"
                ),
                T(data.num((*keys, "p_conflict_end"), ends.get("p_conflict"), "pct")),
            )
        )
        if hedgers:  # a scenario with no third party that could hedge gets no such column
            rows[-1] += (
                T(
                    data.num((*keys, "p_hedge_end"), ends.get("p_hedge"), "pct")
                    if "p_hedge" in ends
                    else "–"
                ),
            )
    head = ("path", "P(deal intact)", f"P({ctx.top})")
    return Table(
        (*head, "P(a third party hedges)") if hedgers else head,
        tuple(rows),
        title="At the end of the simulated horizon",
    )


def _third_parties(ctx: Context, sim: dict[str, Any], data: Data) -> list[Block]:
    blocks: list[Block] = []
    items: list[Text] = []
    checks = ctx.data("check")
    for deal, res in checks.items() if isinstance(checks, dict) else []:
        for e in res.get("third_party_effects", []):
            keys = ("third_party", deal, e.get("actor", "?"), e.get("clause", "?"))
            items.append(
                T(
                    f"{ctx.labels.actor(e.get('actor', '?'))} "
                    f"({e.get('kind', 'effect')}, {ctx.labels.deal(deal)}): magnitude ",
                    data.num(keys, e.get("magnitude"), "util"),
                    f". {readable(str(e.get('reason', '')), ctx.scenario)}",
                )
            )
    if items:
        blocks.append(Bullets(tuple(items), title="Third-party effects (deal check)"))
    table = _hedging(ctx, sim, data)
    if table is not None:
        blocks.append(table)
    return blocks


def _hedging(ctx: Context, sim: dict[str, Any], data: Data) -> Table | None:
    paths_ = outcomes(sim)
    actors = list(dict.fromkeys(a for e in paths_.values() for a in e.get("hedge_by_actor") or {}))
    if not actors:
        return None
    rows = []
    for actor in actors:
        cells: list[Text] = [T(ctx.labels.actor(actor))]
        for deal, entry in paths_.items():
            curve = (entry.get("hedge_by_actor") or {}).get(actor)
            cells.append(T(data.num(("hedge", deal, actor), curve[-1], "pct")) if curve else T("–"))
        rows.append(tuple(cells))
    return Table(
        ("seeks its own deterrent", *(_name(ctx, d) for d in paths_)),
        tuple(rows),
        title="Third parties hedging by the end of the horizon (simulation)",
    )
