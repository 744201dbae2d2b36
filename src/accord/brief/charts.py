"""The brief's charts as inline SVG, drawn with matplotlib (the only module that imports it).

Charts take plain numbers (already taken from the analyses' results) and return SVG markup
without an XML prologue, sized by CSS, with text kept as text (crisp and searchable in HTML and
PDF) and no external references. Output is deterministic: fixed hash salt, no date metadata.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["curves", "frontier", "issue_ranges", "tornado"]

PALETTE = ("#1f5fa8", "#d1495b", "#2a9d8f", "#e9a03b", "#6a4c93", "#7f8c8d", "#8c564b")
INK, MUTED = "#222222", "#8a8f98"
Series = tuple[Sequence[float], Sequence[float] | None, Sequence[float] | None]


def _figure(width: float, height: float) -> Any:
    import matplotlib

    matplotlib.rcParams.update({
        "svg.fonttype": "none", "svg.hashsalt": "accord", "font.size": 9,
        "font.family": "DejaVu Sans", "axes.edgecolor": MUTED, "axes.labelcolor": INK,
        "xtick.color": INK, "ytick.color": INK, "axes.spines.top": False,
        "axes.spines.right": False,
    })
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r'(<svg[^>]*?) width="[^"]*" height="[^"]*"', r'\1 class="chart"', svg, count=1)
    return re.sub(r"<!--.*?-->", "", svg, flags=re.S).strip()


def issue_ranges(rows: Sequence[Mapping[str, Any]]) -> str:
    """One strip per issue: actors' ideal points (grey), each model's forecast with P10–P90.

    Each row has ``name``, ``lo``, ``hi``, ``actors`` (list of ``(label, x)``),
    ``reference`` (or ``None``) and ``models`` (list of ``(model, x, p10, p90)``).
    """
    n = max(len(rows), 1)
    models = list(dict.fromkeys(m[0] for r in rows for m in r["models"]))
    fig = _figure(7.2, 0.95 * n + 0.7)
    axes = fig.subplots(n, 1, squeeze=False)[:, 0]
    for ax, row in zip(axes, rows, strict=False):
        _strip(ax, row, models)
    if models:
        axes[0].legend(loc="lower left", bbox_to_anchor=(0, 1.25), ncol=len(models) + 2,
                       frameon=False, fontsize=8, handletextpad=0.3, columnspacing=1.0)
    fig.subplots_adjust(hspace=1.1)
    return _svg(fig)


def _strip(ax: Any, row: Mapping[str, Any], models: list[str]) -> None:
    lo, hi = row["lo"], row["hi"]
    ax.set_xlim(lo, hi)
    ax.set_ylim(-0.5 - len(models) * 0.35, 0.9)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_title(row["name"], loc="left", fontsize=9, fontweight="bold", pad=3)
    if row.get("reference") is not None:
        ax.axvline(row["reference"], color=MUTED, ls=":", lw=1, label="no deal")
    for label, x in row["actors"]:
        ax.plot([x], [0.45], "v", color=MUTED, ms=6)
        ax.annotate(label, (x, 0.45), xytext=(0, 5), textcoords="offset points",
                    ha="center", fontsize=7, color="#555555")
    for name, x, p10, p90 in row["models"]:
        k = models.index(name)
        y = -0.35 * (k + 0.5)
        color = PALETTE[k % len(PALETTE)]
        if p10 is not None and p90 is not None:
            ax.plot([p10, p90], [y, y], color=color, lw=3, alpha=0.35, solid_capstyle="butt")
        ax.plot([x], [y], "o", color=color, ms=4.5, label=name)


def frontier(points: Sequence[tuple[float, float]], marks: Mapping[str, tuple[float, float]],
             xlabel: str, ylabel: str, disagreement: tuple[float, float] | None = None) -> str:
    """Utilities of two parties on the Pareto frontier, with named solutions marked."""
    fig = _figure(5.2, 3.6)
    ax = fig.subplots()
    pts = sorted(points)
    if pts:
        ax.plot([p[0] for p in pts], [p[1] for p in pts], "-o", color=PALETTE[0], ms=3,
                lw=1.2, label="Pareto frontier")
    if disagreement is not None:
        ax.plot(*disagreement, "s", color=INK, ms=6, label="no deal")
    for k, (name, (x, y)) in enumerate(marks.items()):
        ax.plot([x], [y], "D", color=PALETTE[(k + 1) % len(PALETTE)], ms=6, label=name)
    ax.set_xlabel(f"utility of {xlabel}")
    ax.set_ylabel(f"utility of {ylabel}")
    ax.grid(alpha=0.25)
    ax.legend(fontsize=7, frameon=False, loc="best")
    return _svg(fig)


def curves(t: Sequence[float], panels: Mapping[str, Mapping[str, Series]], xlabel: str) -> str:
    """Side-by-side panels of probabilities over time, one line (and band) per series."""
    fig = _figure(7.2, 2.9)
    axes = fig.subplots(1, max(len(panels), 1), squeeze=False)[0]
    for ax, (title, series) in zip(axes, panels.items(), strict=False):
        for k, (name, (mid, low, high)) in enumerate(series.items()):
            color = PALETTE[k % len(PALETTE)] if name != "no deal" else INK
            ls = "--" if name == "no deal" else "-"
            ax.plot(t, mid, ls, color=color, lw=1.6, label=name)
            if low is not None and high is not None:
                ax.fill_between(t, low, high, color=color, alpha=0.12, lw=0)
        ax.set_title(title, loc="left", fontsize=9, fontweight="bold")
        ax.set_ylim(0, 1)
        ax.set_xlabel(xlabel)
        ax.grid(alpha=0.25)
    axes[0].legend(fontsize=7, frameon=False, loc="best")
    fig.subplots_adjust(wspace=0.25)
    return _svg(fig)


def tornado(labels: Sequence[str], low: Sequence[float], high: Sequence[float],
            base: float, xlabel: str) -> str:
    """A tornado chart: each input's swing of the outcome, largest first (top)."""
    fig = _figure(6.4, 0.32 * len(labels) + 0.9)
    ax = fig.subplots()
    y = list(range(len(labels)))[::-1]
    for yi, lo, hi in zip(y, low, high, strict=True):
        ax.barh(yi, lo - base, left=base, color=PALETTE[1], height=0.6)
        ax.barh(yi, hi - base, left=base, color=PALETTE[0], height=0.6)
    ax.axvline(base, color=INK, lw=1)
    ax.set_yticks(y, labels, fontsize=8)
    ax.set_xlabel(xlabel)
    ax.grid(axis="x", alpha=0.25)
    return _svg(fig)
