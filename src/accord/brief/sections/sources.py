"""Section 9 — assumptions and sources.

Every input with its value or range, source and confidence; the sources cited; method notes with
their references; how the brief was run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from accord.brief.blocks import Block, Bullets, Data, Fragment, Paragraph, Section, T, Table, Text
from accord.brief.context import NAMES, Context
from accord.brief.labels import Labels, join_names
from accord.brief.prose import METHOD_NOTE
from accord.scenario.model import Scenario
from accord.scenario.quantity import Quantity

__all__ = ["METHODS", "build", "inputs"]

SID, NUMBER, TITLE = "sources", 9, "Assumptions and sources"

#: Method notes: what each analysis does and whose work it follows (not about any scenario).
METHODS = {
    "forecast": "Forecasts: compromise model (salience- and capability-weighted mean; van den "
    "Bos 1991, Achen 2006), weighted median (Black 1948), Nash bargaining solution (Nash 1950; "
    "Achen 2006), expected-utility model (Bueno de Mesquita 1985, 1994, as reconstructed by "
    "Scholz, Calbert & Smith 2011) and the Spatial Model of Politics (Wise, Lester, Efird et "
    "al., KAPSARC KTAB). Ranges are P10–P90 over draws of the uncertain inputs.",
    "space": "Agreement space: additive utilities per party normalised to [0, 1]; exact Pareto "
    "frontier; Nash (1950), Kalai–Smorodinsky (1975), utilitarian and egalitarian solutions; "
    "trades where two parties weigh two issues in opposite proportions.",
    "check": "Deal check: P(implemented) = P(deliverable) × P(kept) × (1 − management hazard); "
    "capacity and ratification after Chayes & Chayes (1993) and Putnam (1988); self-"
    "enforcement after Downs, Rocke & Barsoom (1996), Fearon (1995) and Powell (2006); "
    "credibility by Bayesian updating on what verification shows (Kydd 1997).",
    "simulate": "After signing: monthly Monte Carlo of compliance, detection, trust, "
    "frustration, graduated reciprocity and an escalation ladder (after Kahn 1965); third "
    "parties hedge when their guarantee weakens (Jervis 1976; Richardson 1960).",
    "sensitivity": "Sensitivity: one-at-a-time swings of each uncertain input across its "
    "plausible range (the tornado), Morris (1991) elementary-effects screening with SALib "
    "(Herman & Usher 2017) on a reduced design to keep the brief fast, and the thresholds at "
    "which the ranking of deals flips; Accord's separate sensitivity analysis runs the full "
    "variance-based analysis (Sobol 2001; Saltelli et al. 2010).",
}


#: Markdown emphasis in a quoted source (``*not*``), printed as plain words.
_EMPHASIS = re.compile(r"\*{1,3}([^*]+?)\*{1,3}")

Input = tuple[tuple[str, ...], str, Quantity, str | None]


def inputs(s: Scenario) -> Iterator[Input]:
    """Yield every numeric input as ``(keys, what, quantity, stance source)``, in file order."""
    for a in s.actors:
        yield ("actors", a.id, "capability"), f"{a.name}: capability", a.capability, None
        if a.risk is not None:
            yield ("actors", a.id, "risk"), f"{a.name}: risk attitude", a.risk, None
        dom = a.domestic
        for rid, r in dom.ratifiers.items() if dom else []:
            if r.support is not None:
                yield ("actors", a.id, rid), f"{a.name}: support in the {r.name}", r.support, None
        if dom and dom.horizon_years is not None:
            what = f"{a.name}: years to a change of leadership"
            yield ("actors", a.id, "horizon"), what, dom.horizon_years, None
    for i in s.issues:
        if isinstance(i.reference, Quantity):
            yield ("issues", i.id, "reference"), f"{i.name}: no-deal point", i.reference, None
    for aid, row in s.stances.items():
        for iid, st in row.items():
            for f in ("position", "salience", "red_line", "batna"):
                q = getattr(st, f)
                if isinstance(q, Quantity):
                    what = f"{s.actor(aid).name} on {s.issue(iid).name}: {f.replace('_', ' ')}"
                    yield ("stances", aid, iid, f), what, q, st.source


def build(ctx: Context) -> Section:
    """Write the assumptions-and-sources section."""
    data = Data(SID)
    rows = [
        _row(keys, what, q, source, data, ctx.labels)
        for keys, what, q, source in inputs(ctx.scenario)
    ]
    blocks: list[Block] = [
        Paragraph(
            T(
                "Every input of the analyses, with its range where it is uncertain; "
                "low-confidence inputs are the first to check."
            )
        ),
        Table(
            ("input", "value [range]", "source", "confidence"),
            tuple(rows),
            title="Inputs",
            kind="compact",
        ),
        Bullets(tuple(_source(ctx, k) for k in range(len(ctx.scenario.sources))), title="Sources"),
        Bullets((*(T(METHODS[a]) for a in METHODS), T(METHOD_NOTE)), title="Method notes"),
        Bullets(_settings(ctx, data), title="How this brief was produced"),
    ]
    return Section(SID, NUMBER, TITLE, tuple(blocks), data.tree)


def _row(
    keys: tuple[str, ...], what: str, q: Quantity, source: str | None, data: Data, labels: Labels
) -> tuple[Text, ...]:
    value: list[Fragment] = [data.num((*keys, "value"), q.point, "num")]
    if q.uncertain:
        lo, hi = q.bounds
        value += [
            " [",
            data.num((*keys, "low"), lo, "num"),
            "–",
            data.num((*keys, "high"), hi, "num"),
            "]",
        ]
    cited = q.source or source
    return (
        T(what),
        tuple(value),
        T(labels.source(cited) if cited else "unsourced"),
        T(q.confidence or "–"),
    )


def plain_quote(text: str) -> str:
    """Return a quoted text with Markdown emphasis (``*not*``) printed as plain words."""
    return _EMPHASIS.sub(lambda m: m.group(1), text)


def _source(ctx: Context, k: int) -> Text:
    s = ctx.scenario.sources[k]
    cite = f" {s.citation}" if s.citation else ""
    quote = f" “{plain_quote(s.quote)}”" if s.quote else ""
    return T(f"{s.title.rstrip('.')}.{cite}{quote}")


def _settings(ctx: Context, data: Data) -> tuple[Text, ...]:
    st = ctx.settings
    items: list[Text] = [
        T(
            "Monte Carlo runs: ",
            data.num(("settings", "runs"), st.runs, "int"),
            "; seed: ",
            data.num(("settings", "seed"), st.seed, "int"),
            " (the same seed reproduces this brief).",
        ),
        T(
            f"Written for: {ctx.labels.actor(st.side)}; main counterpart: "
            f"{ctx.labels.actor(ctx.other)}."
        ),
    ]
    names = ("forecast", "space", "check", "simulate", "sensitivity")
    used = [NAMES[n] for n in names if ctx.analyses.available(n)]
    if used:
        items.append(T("Analyses run: " + join_names(used) + "."))
    for name in names:
        if not ctx.analyses.available(name):
            items.append(
                T(f"{NAMES[name].capitalize()} is not available: {ctx.data(name).reason}.")
            )
    return tuple(items)
