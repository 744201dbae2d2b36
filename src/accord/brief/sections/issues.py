"""Section 3 — issue by issue.

The parties' positions, each model's forecast with its P10–P90 range (chart and table), and
where the models disagree. Reads ``Forecast.to_dict()``.
"""

from __future__ import annotations

from typing import Any

from accord.brief import charts, ensemble
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
    Table,
    Text,
    fmt,
)
from accord.brief.context import Context, unavailable_section
from accord.brief.gather import Unavailable

__all__ = ["build", "ensemble_value", "forecasts", "spread"]

SID, NUMBER, TITLE = "issues", 3, "Issue by issue"
AGREE = 0.10  # models "agree" when their forecasts lie within 10% of the issue's range


def forecasts(fc: dict[str, Any], issue: str) -> dict[str, dict[str, Any]]:
    """Model name -> that model's forecast entry on ``issue`` (models without it left out)."""
    return {
        m: v["issues"][issue]
        for m, v in fc.get("models", {}).items()
        if issue in v.get("issues", {})
    }


def spread(fc: dict[str, Any], issue: str) -> tuple[float, str, float, str] | None:
    """``(low, model, high, model)`` of the models' forecasts on an issue, or ``None``."""
    pts = sorted((v["forecast"], m) for m, v in forecasts(fc, issue).items())
    if len(pts) < 2:
        return None
    return pts[0][0], pts[0][1], pts[-1][0], pts[-1][1]


def build(ctx: Context) -> Section:
    """Write the issues section."""
    fc = ctx.data("forecast")
    if isinstance(fc, Unavailable):
        return unavailable_section(SID, NUMBER, TITLE, [fc])
    data = Data(SID)
    issues = [i for i in ctx.scenario.issues if forecasts(fc, i.id)]
    blocks: list[Block] = [_intro(ctx, fc, data)]
    rows = [_chart_row(ctx, fc, i.id) for i in issues]
    blocks.append(
        Chart(
            charts.issue_ranges(rows),
            "Ideal points of the parties (▼) and each model's forecast at the assumed values "
            "(●) with its P10–P90 range over the draws (bar); dotted line: no deal.",
            "Chart of positions and forecasts per issue; the numbers are in the list below.",
        )
    )
    note = _weights_note(fc, data)
    blocks += [note] if note is not None else []
    blocks.append(_table(ctx, fc, [i.id for i in issues], data))
    blocks.append(_beyond_red_lines(ctx, fc, [i.id for i in issues], data))
    blocks.append(_disagreement(ctx, fc, [i.id for i in issues], data))
    return Section(SID, NUMBER, TITLE, tuple(blocks), data.tree)


def _intro(ctx: Context, fc: dict[str, Any], data: Data) -> Paragraph:
    models = list(fc.get("models", {}))
    runs = fc.get("runs") or 0
    names = ", ".join(ensemble.display(m) for m in models)
    parts: list[Fragment] = [f"Forecasts of {len(models)} models ({names})"]
    if runs:
        parts += [
            " with ranges over ",
            data.num(("runs",), runs, "int"),
            " draws of the uncertain inputs",
        ]
    parts.append(
        ". Scales run as in the scenario; each forecast is the point where the "
        "model expects bargaining to land with every input at its assumed value."
    )
    if runs:
        parts.append(
            " The P10–P90 range comes from re-running the model on the draws, so a forecast "
            "can lie outside its own range when the assumed values give an untypical result"
            + _outside_example(ctx, fc)
            + "; no range is shown where the draws agree."
        )
    parts += [f" {n}" for n in _option_notes(ctx, fc)]
    return Paragraph(tuple(parts))


def _outside_example(ctx: Context, fc: dict[str, Any]) -> str:
    """`` (as for smp on Tariff rate)``: the first forecast outside its own range, if any."""
    for issue in ctx.scenario.issues:
        for model, v in forecasts(fc, issue.id).items():
            lo, hi, at = (fmt(v.get(k), "scale") for k in ("p10", "p90", "forecast"))
            ranged = None not in (v.get("p10"), v.get("p90")) and lo != hi
            if ranged and not float(lo) <= float(at) <= float(hi):
                return f" (as for the {ensemble.display(model)} on {issue.name})"
    return ""


def _option_notes(ctx: Context, fc: dict[str, Any]) -> list[str]:
    """How to read the numbers of issues with named options: ``0 = none, 1 = small, ...``."""
    out = []
    for issue in ctx.scenario.issues:
        if issue.options is not None and forecasts(fc, issue.id):
            names = ", ".join(f"{k} = {o.label or o.id}" for k, o in enumerate(issue.options))
            out.append(f"{issue.name} has named options, numbered in order: {names}.")
    return out


def _chart_row(ctx: Context, fc: dict[str, Any], issue_id: str) -> dict[str, Any]:
    issue = ctx.scenario.issue(issue_id)
    lo, hi = issue.bounds
    groups: dict[float, list[str]] = {}
    for actor in ctx.scenario.actors:
        st = ctx.scenario.stances.get(actor.id, {}).get(issue_id)
        if st is not None:
            groups.setdefault(round(issue.to_number(st.position), 6), []).append(actor.id.upper())
    return {
        "name": issue.name,
        "lo": lo,
        "hi": hi,
        "reference": issue.reference_value,
        "actors": [(", ".join(v), x) for x, v in groups.items()],
        "models": [
            (ensemble.display(m), v["forecast"], v.get("p10"), v.get("p90"))
            for m, v in forecasts(fc, issue_id).items()
        ],
    }


def ensemble_value(fc: dict[str, Any], issue_id: str) -> float | None:
    """Return the accuracy-weighted ensemble forecast on an issue (:mod:`accord.brief.ensemble`)."""
    entries = forecasts(fc, issue_id)
    w = ensemble.weights(entries)
    return ensemble.combine({m: float(v["forecast"]) for m, v in entries.items()}, w)


def _table(ctx: Context, fc: dict[str, Any], issues: list[str], data: Data) -> Table:
    models = list(fc.get("models", {}))
    blend = len(ensemble.weights(models)) > 1
    rows = []
    for issue_id in issues:
        ref = ctx.scenario.issue(issue_id).reference_value
        cells: list[Text] = [
            T(ctx.labels.issue(issue_id)),
            T(data.num((issue_id, "reference"), ref, "scale")),
        ]
        if blend:
            cells.append(T(data.num((issue_id, "ensemble"), ensemble_value(fc, issue_id), "scale")))
        entries = forecasts(fc, issue_id)
        cells += [_cell(issue_id, m, entries[m], data) if m in entries else T("–") for m in models]
        rows.append(tuple(cells))
    head = ("issue", "no deal", *(("ensemble",) if blend else ()))
    return Table(
        (*head, *(ensemble.display(m) for m in models)),
        tuple(rows),
        title="Forecasts (P10–P90 in brackets)",
    )


def _weights_note(fc: dict[str, Any], data: Data) -> Paragraph | None:
    """Say how the ensemble weighs the models, and where the weights come from."""
    w = ensemble.weights(fc.get("models", {}))
    if len(w) < 2:
        return None
    parts: list[Fragment] = [
        "The ensemble weighs each model by how close it came out of sample, by the inverse "
        "of its mean absolute error (" + ensemble.SOURCE + "): "
    ]
    for n, (m, x) in enumerate(sorted(w.items(), key=lambda kv: -kv[1])):
        parts += [
            ", " if n else "",
            f"{ensemble.display(m)} ",
            data.num(("weights", m), x, "util"),
            f" (error {ensemble.DEU3_MAE[m]:.1f})",
        ]
    parts.append(
        ". The Nash model forecasts each issue on its own; it is not the Nash bargaining "
        "solution of §4, which bargains over all issues at once."
    )
    return Paragraph(tuple(parts))


def _points(
    fc: dict[str, Any], issue_id: str, entries: dict[str, dict[str, Any]]
) -> list[tuple[str, float]]:
    """Return the ensemble (when the table shows one) and each model's forecast on an issue."""
    out = [(m, float(v["forecast"])) for m, v in entries.items()]
    blend = (
        ensemble_value(fc, issue_id) if len(ensemble.weights(fc.get("models", {}))) > 1 else None
    )
    return ([("ensemble", blend)] if blend is not None else []) + out


def _beyond_red_lines(ctx: Context, fc: dict[str, Any], issues: list[str], data: Data) -> Block:
    """One sentence per red line that some models' forecasts cross, saying why they may."""
    items: list[Text] = []
    for issue_id in issues:
        issue = ctx.scenario.issue(issue_id)
        entries = forecasts(fc, issue_id)
        for actor in sorted(ctx.scenario.stances):
            st = ctx.scenario.stances[actor].get(issue_id)
            if st is None or st.red_line is None:
                continue
            line, pos = issue.to_number(st.red_line), issue.to_number(st.position)
            side = "below" if pos > line else "above"
            points = _points(fc, issue_id, entries)
            over = [(m, x) for m, x in points if (x - line) * (line - pos) > 1e-9]
            if not over:
                continue
            shown: list[Fragment] = []
            for n, (m, x) in enumerate(over):
                shown += [", " if n else "", f"{ensemble.display(m)} ("]
                shown += [data.num(("red_lines", issue_id, actor, m), x, "scale"), ")"]
            items.append(
                T(
                    f"{issue.name}: ",
                    *shown,
                    f" {side} {ctx.labels.possessive(actor)} red line (",
                    data.num(("red_lines", issue_id, actor, "line"), line, "scale"),
                    ").",
                )
            )
    if not items:
        return Paragraph(T("No model forecasts an outcome beyond any party's red line."))
    items.append(
        T(
            "Why they may: the forecasting models place the outcome where positions, saliences "
            "and capabilities pull it and know nothing of red lines; the agreement space and "
            "the deal check (",
            Link("space", "§4"),
            ", ",
            Link("deals", "§5"),
            ") do. A forecast beyond a red line measures the pressure against it, not a deal "
            "that party would sign.",
        )
    )
    return Bullets(tuple(items), title="Forecasts beyond a party's red line")


def _cell(issue_id: str, model: str, v: dict[str, Any], data: Data) -> Text:
    keys = (issue_id, model)
    parts: list[Fragment] = [data.num((*keys, "forecast"), v["forecast"], "scale")]
    if (
        v.get("p10") is not None
        and v.get("p90") is not None
        and (fmt(v["p10"], "scale") != fmt(v["p90"], "scale"))
    ):
        parts += [
            " (",
            data.num((*keys, "p10"), v["p10"], "scale"),
            "–",
            data.num((*keys, "p90"), v["p90"], "scale"),
            ")",
        ]
    return tuple(parts)


def _disagreement(ctx: Context, fc: dict[str, Any], issues: list[str], data: Data) -> Block:
    gaps = []
    for i in issues:
        s = spread(fc, i)
        lo, hi = ctx.scenario.issue(i).bounds
        if s is not None:
            gaps.append(((s[2] - s[0]) / max(hi - lo, 1e-12), i, s))
    gaps.sort(reverse=True)
    items: list[Text] = []
    for share, i, (a, ma, b, mb) in gaps:
        if share < AGREE:
            continue
        keys = ("disagreement", i)
        items.append(
            T(
                f"{ctx.labels.issue(i)}: from ",
                data.num((*keys, "low"), a, "scale"),
                f" ({ensemble.display(ma)}) to ",
                data.num((*keys, "high"), b, "scale"),
                f" ({ensemble.display(mb)}).",
            )
        )
    agree = [ctx.labels.issue(i) for share, i, _ in gaps if share < AGREE]
    if agree:
        items.append(
            T("The models agree (within a tenth of the scale) on: " + ", ".join(agree) + ".")
        )
    if not items:
        return Paragraph(T("Only one model was run; there is no disagreement to report."))
    return Bullets(tuple(items), title="What the models disagree about")
