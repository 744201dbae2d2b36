"""Commands about the agreement space: ``accord space`` and ``accord offer``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.table import Table

import accord
from accord.cli.app import (
    JsonOpt,
    ScenarioArg,
    app,
    console,
    print_json,
    refuse_non_finite,
    styled,
    write_atomic,
)
from accord.errors import AccordError, Problem
from accord.limits import check_space

ActorsOpt = Annotated[
    str | None, typer.Option("--actors", help="Comma-separated actor ids (default: all).")
]
GridOpt = Annotated[int, typer.Option("--grid", help="Grid points per continuous issue.")]
RedOpt = Annotated[str, typer.Option("--red-lines", help="hard (drop) or penalty.")]


def _red_lines(text: str) -> Literal["hard", "penalty"]:
    if text == "hard":
        return "hard"
    if text == "penalty":
        return "penalty"
    raise AccordError(
        Problem("unknown red-line rule", path="--red-lines", expected="hard or penalty", found=text)
    )


def _actors(text: str | None) -> list[str] | None:
    return [a.strip() for a in text.split(",") if a.strip()] if text else None


@app.command("space")
def space_cmd(
    scenario: ScenarioArg = "korea-2018",
    actors: ActorsOpt = None,
    grid: GridOpt = 11,
    red_lines: RedOpt = "hard",
    shape: Annotated[float, typer.Option(help="Loss exponent (1 = linear).")] = 1.0,
    top: Annotated[int, typer.Option(help="Trades to list.", min=0)] = 10,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", help="Write the frontier of the first two actors as an SVG file."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Map the agreement space: ZOPA, Pareto frontier, Nash and other solutions, trades."""
    if plot is not None and plot.suffix.lower() != ".svg":
        raise AccordError(
            Problem(
                "the frontier chart is written as SVG",
                path="--plot",
                file=str(plot),
                expected="a .svg file",
                found=repr(plot.suffix or "no extension"),
            )
        )
    s = accord.load(scenario)
    rule = _red_lines(red_lines)
    check_space(s, actors=_actors(actors), grid=grid, red_lines=rule, shape=shape)
    result = accord.space(s, actors=_actors(actors), grid=grid, red_lines=rule, shape=shape)
    refuse_non_finite(result.to_dict(), "the agreement space")
    if plot is not None:
        from accord.cli.plot_space import frontier_svg

        write_atomic(plot, frontier_svg(result))
    if as_json:
        print_json(result.to_dict())
        return
    _show_space(result, top)
    if plot is not None:
        console.print(f"wrote {plot}")


def _show_space(r: Any, top: int) -> None:
    zopa = (
        "-"
        if r.zopa_size is None
        else (f"{r.zopa_size:,}" if r.zopa_exact else f"about {r.zopa_size:,}")
    )
    console.print(
        styled(
            (r.scenario, "bold"),
            f": {_count(r.n_packages, 'feasible package')} "
            f"(of {r.n_grid:,} on the grid), method {r.method}; ZOPA {zopa}; "
            f"{_count(len(r.frontier), 'frontier point')} ({len(r.zopa):,} in the ZOPA)",
        ),
        highlight=False,
    )
    for issue, holders in r.blocked.items():
        console.print(
            styled((f"no option of {issue} respects the red lines of {', '.join(holders)}", "red")),
            highlight=False,
        )
    names = list(r.solutions)
    t = Table(
        "",
        *(n.replace("_", "-") for n in names),
        title="Solutions (issue values, then utilities; BATNA in brackets)",
    )
    for i in r.issues:
        t.add_row(i, *(_v(r.solutions[n].package[i]) if r.solutions[n] else "-" for n in names))
    for a in r.actors:
        t.add_row(
            f"u {a} [{r.batna[a]:.3f}]",
            *(f"{r.solutions[n].utilities[a]:.3f}" if r.solutions[n] else "-" for n in names),
        )
    console.print(t)
    if r.trades and top:
        shown = min(top, len(r.trades))
        tt = Table("actors", "issues", "from", "to", "gains", title=f"Top {shown} trades")
        for tr in r.trades[:top]:
            tt.add_row(
                " & ".join(tr.actors),
                " & ".join(tr.issues),
                ", ".join(_v(v) for v in tr.before.values()),
                ", ".join(_v(v) for v in tr.after.values()),
                ", ".join(f"{a} +{g:.3f}" for a, g in tr.gains.items()),
            )
        console.print(tt)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _v(x: float | str) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


def _package(text: str) -> dict[str, float | str]:
    out: dict[str, float | str] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        issue, sep, value = part.partition("=")
        if not sep or not issue.strip() or not value.strip():
            raise AccordError(Problem("expected issue=value", path="--package", found=part))
        if issue.strip() in out:
            raise AccordError(
                Problem("an issue is given twice", path=f"--package.{issue.strip()}", found=part)
            )
        try:
            out[issue.strip()] = float(value)
        except ValueError:
            out[issue.strip()] = value.strip()
    if not out:
        raise AccordError(
            Problem("the package is empty", path="--package", expected="issue=value,...")
        )
    return out


@app.command("offer")
def offer_cmd(
    scenario: ScenarioArg = "korea-2018",
    deal: Annotated[str | None, typer.Option("--deal", help="A deal of the scenario.")] = None,
    package: Annotated[
        str | None,
        typer.Option("--package", help="issue=value,... (others stay at the reference point)."),
    ] = None,
    actors: ActorsOpt = None,
    grid: GridOpt = 11,
    red_lines: RedOpt = "hard",
    as_json: JsonOpt = False,
) -> None:
    """Judge one offer: utilities, gains over BATNAs, red lines, better packages."""
    if (deal is None) == (package is None):
        raise AccordError(
            Problem(
                "give exactly one of --deal and --package",
                expected="--deal NAME or --package issue=value,...",
            )
        )
    what: str | dict[str, float | str] = deal if deal is not None else _package(package or "")
    s = accord.load(scenario)
    rule = _red_lines(red_lines)
    check_space(s, actors=_actors(actors), grid=grid, red_lines=rule)
    r = accord.offer(s, what, actors=_actors(actors), grid=grid, red_lines=rule)
    refuse_non_finite(r.to_dict(), "the offer")
    if as_json:
        print_json(r.to_dict())
        return
    console.print(
        styled(
            (r.scenario, "bold"),
            f": {r.source}; in the ZOPA: {_yes(r.in_zopa)}; Pareto-dominated: {_yes(r.dominated)}",
        ),
        highlight=False,
    )
    t = Table("actor", "utility", "BATNA", "gain", title="Offer")
    for a, u in r.utilities.items():
        t.add_row(a, f"{u:.3f}", f"{r.batna[a]:.3f}", f"{r.gains[a]:+.3f}")
    console.print(t)
    for c in r.red_lines:
        console.print(
            styled(
                (
                    f"crosses {c['actor']}'s red line on {c['issue']}: "
                    f"{_v(c['value'])} is past its limit of {_v(c['red_line'])}",
                    "red",
                )
            ),
            highlight=False,
        )
    for f in r.improvements:
        gains = ", ".join(f"{a} {f.utilities[a] - r.utilities[a]:+.3f}" for a in f.utilities)
        console.print(f"better for all: {_fmt(f.package)}  ({gains})")


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _fmt(package: dict[str, float | str]) -> str:
    return ", ".join(f"{k}={_v(v)}" for k, v in package.items())
