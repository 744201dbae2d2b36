"""The frontier in the utility plane of two actors, as an SVG image (needs matplotlib).

A presenter only (it lives in the CLI, so that the analysis package never imports
matplotlib): it reads a :class:`~accord.space.result.SpaceResult` and draws it. With more
than two actors the frontier is projected, so some of its points look dominated in the plane.
"""

from __future__ import annotations

from typing import Any

from accord.cli.figures import literal_figure, save
from accord.errors import AccordError, Problem
from accord.space.result import SpaceResult

__all__ = ["frontier_svg"]

_MARKS = {"nash": "o", "kalai_smorodinsky": "s", "utilitarian": "^", "egalitarian": "D"}


def frontier_svg(result: SpaceResult, actors: tuple[str, str] | None = None) -> str:
    """Draw the frontier, BATNAs, ZOPA and solutions for two actors; return SVG text.

    Parameters
    ----------
    result
        A result of :func:`accord.space.space`.
    actors
        The two actors on the axes (default: the first two of the result).
    """
    x, y = actors or _first_two(result)
    for a in (x, y):
        if a not in result.actors:
            raise AccordError(
                Problem(
                    f"actor {a!r} is not in the result",
                    path="plot",
                    expected=", ".join(result.actors),
                )
            )
    with literal_figure(figsize=(6, 5)) as fig:
        _draw(fig.add_subplot(), result, x, y)
        svg = save(fig, "svg", bbox_inches="tight", metadata={"Date": None})
    return svg.decode("utf-8")


def _first_two(result: SpaceResult) -> tuple[str, str]:
    if len(result.actors) < 2:
        raise AccordError(
            Problem("a plot needs two actors", path="actors", found=", ".join(result.actors))
        )
    return result.actors[0], result.actors[1]


def _draw(ax: Any, r: SpaceResult, x: str, y: str) -> None:
    dx, dy = r.batna[x], r.batna[y]
    pts = sorted((f.utilities[x], f.utilities[y]) for f in r.frontier)
    ax.fill_between(
        [dx, 1.02], dy, 1.02, color="#d8ecd8", zorder=0, label="ZOPA (both above BATNA)"
    )
    if pts:
        ax.scatter(
            *zip(*pts, strict=True), s=12, color="#2b5d8a", zorder=2, label="Pareto frontier"
        )
    ax.axvline(dx, ls="--", color="grey", lw=1)
    ax.axhline(dy, ls="--", color="grey", lw=1)
    ax.scatter([dx], [dy], marker="x", color="black", label="BATNAs", zorder=3)
    for name, sol in r.solutions.items():
        if sol is not None:
            ax.scatter(
                [sol.utilities[x]],
                [sol.utilities[y]],
                marker=_MARKS[name],
                s=60,
                facecolor="none",
                edgecolor="#c0392b",
                lw=1.5,
                label=name.replace("_", "–").title(),
                zorder=4,
            )
    ax.set(
        xlabel=f"utility of {x}",
        ylabel=f"utility of {y}",
        xlim=(0, 1.02),
        ylim=(0, 1.02),
        title=f"{r.scenario}: agreement space ({len(r.frontier)} frontier points)",
    )
    ax.legend(loc="lower left", fontsize=8)
