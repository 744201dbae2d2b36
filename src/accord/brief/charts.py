"""The brief's charts as inline SVG, drawn with matplotlib (the only module that imports it).

Charts take plain numbers (already taken from the analyses' results) and return SVG markup
without an XML prologue, sized by CSS, with text kept as text (crisp and searchable in HTML and
PDF) and no external references. Output is deterministic: fixed hash salt, no date metadata.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar, cast

__all__ = ["curves", "frontier", "issue_ranges", "percent_tick", "tornado"]

PALETTE = ("#1f5fa8", "#d1495b", "#2a9d8f", "#e9a03b", "#6a4c93", "#7f8c8d", "#8c564b")
INK, MUTED = "#222222", "#8a8f98"
Series = tuple[Sequence[float], Sequence[float] | None, Sequence[float] | None]


def percent_tick(value: float, _: object = None) -> str:
    """Label a share as a percentage, with a decimal only where it needs one (2.5%, not 3%)."""
    pct = 100 * value
    return f"{pct:.0f}%" if abs(pct - round(pct)) < 1e-6 else f"{pct:.1f}%"


#: The charts' style, applied in a local ``rc_context`` (the host's rcParams are left alone);
#: ``text.parse_math`` off renders user text such as ``$x$`` literally, never as mathtext.
STYLE: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "accord",
    "font.size": 9,
    "font.family": "DejaVu Sans",
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "text.parse_math": False,
    "text.usetex": False,
}

_Chart = TypeVar("_Chart", bound=Callable[..., str])


def styled(chart: _Chart) -> _Chart:
    """Draw and save a chart inside ``rc_context(STYLE)``: no global matplotlib state changes."""

    @functools.wraps(chart)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        import matplotlib

        with matplotlib.rc_context(cast(Any, STYLE)):
            return chart(*args, **kwargs)

    return cast(_Chart, wrapper)


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'(<svg[^>]*?) width="[^"]*" height="[^"]*"', r'\1 class="chart"', svg, count=1)
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    return re.sub(r"<!--.*?-->", "", svg, flags=re.S).strip()


@styled
def issue_ranges(rows: Sequence[Mapping[str, Any]]) -> str:
    """Draw one panel per issue, in two columns.

    The parties' ideal points sit on the top line, then one line per model shows its forecast
    (dot) and P10–P90 range (bar).

    Each row has ``name``, ``lo``, ``hi``, ``actors`` (list of ``(label, x)``),
    ``reference`` (or ``None``) and ``models`` (list of ``(model, x, p10, p90)``).
    """
    models = list(dict.fromkeys(m[0] for r in rows for m in r["models"]))
    ncol = 2 if len(rows) > 1 else 1
    nrow = max((len(rows) + ncol - 1) // ncol, 1)
    height = nrow * (0.24 * len(models) + 1.25)
    fig = _figure(7.4, height)
    axes = fig.subplots(nrow, ncol, squeeze=False)
    for k, ax in enumerate(axes.flat):
        if k < len(rows):
            _strip(ax, rows[k], models, show_names=k % ncol == 0)
        else:
            ax.set_visible(False)
    fig.subplots_adjust(
        left=0.15, right=0.98, top=1 - 0.3 / height, bottom=0.3 / height, hspace=0.75, wspace=0.08
    )
    return _svg(fig)


def _strip(ax: Any, row: Mapping[str, Any], models: list[str], show_names: bool) -> None:
    lo, hi = row["lo"], row["hi"]
    pad = 0.04 * (hi - lo)
    ax.set_xlim(lo - pad, hi + pad)
    n = len(models)
    ax.set_ylim(n - 0.5, -2.2)  # room for two lines of party labels below the title
    ax.set_yticks(range(n), models if show_names else [], fontsize=7.5)
    ax.tick_params(axis="y", length=0)
    ax.tick_params(axis="x", labelsize=7.5)
    ax.spines["left"].set_visible(False)
    ax.set_title(row["name"], loc="left", fontsize=8.5, fontweight="bold", pad=2)
    ax.grid(axis="x", alpha=0.2)
    if row.get("reference") is not None:
        ax.axvline(row["reference"], color=INK, ls=":", lw=0.9)
    _party_marks(ax, row["actors"], hi - lo)
    for name, x, p10, p90 in row["models"]:
        k = models.index(name)
        color = PALETTE[k % len(PALETTE)]
        if p10 is not None and p90 is not None:
            ax.plot([p10, p90], [k, k], color=color, lw=3.2, alpha=0.35, solid_capstyle="butt")
        ax.plot([x], [k], "o", color=color, ms=4.2)


def _party_marks(ax: Any, actors: Sequence[tuple[str, float]], span: float) -> None:
    """Mark ideal points; labels that would overlap the previous one go on a second line."""
    last: tuple[str, float] | None = None
    level = 0
    lo = ax.get_xlim()[0]
    for label, x in sorted(actors, key=lambda a: a[1]):
        room = 0.025 * span * (len(label) + len(last[0])) / 2 + 0.03 * span if last else 0.0
        level = 1 - level if last is not None and x - last[1] < room else 0
        y = -0.75 - 0.55 * level
        ax.plot([x], [-0.55], "v", color=MUTED, ms=5)
        where = (x - lo) / span
        ha = "left" if where < 0.1 else "right" if where > 0.9 else "center"
        ax.annotate(label, (x, y), ha=ha, va="bottom", fontsize=6.5, color="#444444")
        last = (label, x)


@styled
def frontier(
    points: Sequence[tuple[float, float]],
    marks: Mapping[str, tuple[float, float]],
    xlabel: str,
    ylabel: str,
    disagreement: tuple[float, float] | None = None,
) -> str:
    """Draw the frontier packages as two parties see them, with the solutions.

    The shaded band covers the frontier packages (each 0.01-wide column from its lowest to its
    highest utility of ``ylabel``); the line joins those no other dominates for these two;
    diamonds mark named solutions, the square the no-deal point.
    """
    fig = _figure(7.2, 3.9)
    ax = fig.subplots()
    cloud = sorted({(round(x / 0.005) * 0.005, round(y / 0.005) * 0.005) for x, y in points})
    xs, low, high = _band(cloud)
    ax.fill_between(xs, low, high, color="#c9d0d9", lw=0, label="frontier packages")
    edge = _upper_right(cloud)
    ax.plot(
        [p[0] for p in edge],
        [p[1] for p in edge],
        "-",
        color=PALETTE[0],
        lw=1.6,
        label="best for these two",
    )
    if disagreement is not None:
        ax.plot(*disagreement, "s", color=INK, ms=6, label="no deal")
    for k, (name, (x, y)) in enumerate(marks.items()):
        ax.plot(
            [x],
            [y],
            "D",
            color=PALETTE[(k + 1) % len(PALETTE)],
            ms=6.5,
            label=name,
            markeredgecolor="white",
            markeredgewidth=0.6,
        )
    ax.set_xlabel(f"utility of {xlabel}")
    ax.set_ylabel(f"utility of {ylabel}")
    ax.grid(alpha=0.25)
    ax.legend(fontsize=7.5, frameon=False, loc="center left", bbox_to_anchor=(1.01, 0.5))
    fig.subplots_adjust(left=0.09, right=0.68, top=0.96, bottom=0.13)
    return _svg(fig)


def _band(points: Sequence[tuple[float, float]]) -> tuple[list[float], list[float], list[float]]:
    """Lowest and highest y of the points in each 0.01-wide column of x (one shape to draw)."""
    cols: dict[float, list[float]] = {}
    for x, y in points:
        cols.setdefault(round(x, 2), []).append(y)
    xs = sorted(cols)
    return xs, [min(cols[x]) for x in xs], [max(cols[x]) for x in xs]


def _upper_right(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Points no other point beats on both coordinates, by increasing x."""
    edge: list[tuple[float, float]] = []
    for x, y in sorted(points, key=lambda p: (-p[0], -p[1])):
        if not edge or y > edge[-1][1]:
            edge.append((x, y))
    return edge[::-1]


@styled
def curves(t: Sequence[float], panels: Mapping[str, Mapping[str, Series]], xlabel: str) -> str:
    """Draw side-by-side panels of probabilities over time, one line (and band) per series.

    Each panel's y axis ends a little above its highest value (at most 1).
    """
    fig = _figure(7.2, 2.9)
    axes = fig.subplots(1, max(len(panels), 1), squeeze=False)[0]
    names = list(dict.fromkeys(n for series in panels.values() for n in series if n != "no deal"))
    for ax, (title, series) in zip(axes, panels.items(), strict=False):
        top = 0.0
        for name, (mid, low, high) in series.items():
            nd = name == "no deal"
            color = INK if nd else PALETTE[names.index(name) % len(PALETTE)]
            ax.plot(t, mid, "--" if nd else "-", color=color, lw=1.6, label=name)
            if low is not None and high is not None:
                ax.fill_between(t, low, high, color=color, alpha=0.12, lw=0)
            top = max(top, *(high if high is not None else mid))
        ax.set_title(title, loc="left", fontsize=9, fontweight="bold")
        ax.set_ylim(0, min(1.0, max(0.05, 1.15 * top)))
        ax.set_xlim(0, max(t) if t else 1)
        ax.set_xlabel(xlabel)
        ax.grid(alpha=0.25)
        ax.yaxis.set_major_formatter(percent_tick)
    axes[-1].legend(fontsize=7, frameon=False, loc="upper left")
    fig.subplots_adjust(left=0.08, right=0.98, top=0.9, bottom=0.16, wspace=0.22)
    return _svg(fig)


@styled
def tornado(
    labels: Sequence[str],
    low: Sequence[float],
    high: Sequence[float],
    base: float,
    xlabel: str,
    percent: bool = False,
) -> str:
    """Draw a tornado chart: each input's swing of the outcome, largest first (top).

    Red bars run from ``base`` to the outcome at the input's low end, blue ones to the outcome
    at its high end; ``percent`` labels the axis in percent.
    """
    height = 0.32 * len(labels) + 0.9
    fig = _figure(7.2, height)
    ax = fig.subplots()
    y = list(range(len(labels)))[::-1]
    for yi, lo, hi in zip(y, low, high, strict=True):
        ax.barh(yi, lo - base, left=base, color=PALETTE[1], height=0.6)
        ax.barh(yi, hi - base, left=base, color=PALETTE[0], height=0.6)
    ax.axvline(base, color=INK, lw=1)
    ax.set_yticks(y, labels, fontsize=8)
    ax.set_xlabel(xlabel)
    ax.grid(axis="x", alpha=0.25)
    if percent:
        ax.xaxis.set_major_formatter(percent_tick)
    fig.subplots_adjust(left=0.36, right=0.97, top=1 - 0.15 / height, bottom=0.55 / height)
    return _svg(fig)
