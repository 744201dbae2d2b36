"""``accord forecast``: where bargaining lands on each issue, per model."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

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
from accord.cli.figures import literal_figure, save
from accord.errors import AccordError, Problem
from accord.limits import check_forecast
from accord.models.result import Forecast
from accord.scenario import Scenario

__all__ = ["forecast", "plot_forecast"]

_PLOT_FORMATS = ("svg", "png", "pdf")


def _params(items: list[str]) -> dict[str, Any]:
    import yaml

    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise AccordError(
                Problem("a model parameter is written KEY=VALUE", path="--param", found=repr(item))
            )
        out[key.strip()] = yaml.safe_load(value)
    return out


@app.command()
def forecast(
    scenario: ScenarioArg = "korea-2018",
    model: Annotated[str, typer.Option("--model", "-m", help="Model name, or all.")] = "all",
    runs: Annotated[int, typer.Option(help="Uncertainty draws (P10/P50/P90).", min=0)] = 0,
    seed: Annotated[int, typer.Option(help="Seed of the draws.")] = 0,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="Model parameter KEY=VALUE (repeatable), e.g. -p k=1."),
    ] = None,
    plot: Annotated[Path | None, typer.Option(help="Write a chart (.svg, .png or .pdf).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Forecast where bargaining lands on each issue (one or all models)."""
    fmt = _plot_format(plot) if plot is not None else "svg"
    s = accord.load(scenario)
    check_forecast(s, model, runs)
    result = accord.forecast(s, model=model, runs=runs, seed=seed, **_params(param or []))
    refuse_non_finite(result.to_dict(), "the forecast")
    if plot is not None:
        write_atomic(plot, plot_forecast(result, s, fmt))
    if as_json:
        print_json(result.to_dict())
        return
    for issue_id in result.issues:
        console.print(_table(result, s, issue_id))
    if plot is not None:
        console.print(f"wrote {plot}")


def _plot_format(path: Path) -> str:
    """Return the chart format named by the file suffix (none = svg); refuse others."""
    fmt = path.suffix.lstrip(".").lower() or "svg"
    if fmt not in _PLOT_FORMATS:
        raise AccordError(
            Problem(
                "unknown chart format",
                path="--plot",
                file=str(path),
                expected="a .svg, .png or .pdf file",
                found=repr(path.suffix),
            )
        )
    return fmt


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.4g}"


def _table(result: Forecast, s: Scenario, issue_id: str) -> Table:
    issue = s.issue(issue_id)
    lo, hi = issue.bounds
    arr = s.arrays(issue_id)
    ref = issue.reference_value
    title = f"{issue.name} [{lo:g}..{hi:g}]" + (f", reference {ref:g}" if ref is not None else "")
    t = Table("", "position / forecast", "salience", "P10 .. P90", title=title)
    for a, x, sal in zip(arr.actors, arr.position, arr.salience, strict=True):
        t.add_row(s.actor(a).name, _fmt(float(x)), _fmt(float(sal)), "")
    t.add_section()
    for name, mf in result.models.items():
        f = mf.issues[issue_id]
        rng = f"{_fmt(f.p10)} .. {_fmt(f.p90)}" if f.p10 is not None else ""
        label = _fmt(f.forecast) + (f" ({f.option})" if f.option else "")
        t.add_row(styled((name, "bold")), label, "", rng)
    return t


def plot_forecast(result: Forecast, scenario: Scenario, fmt: str = "svg") -> bytes:
    """Chart positions and forecasts per issue, and eum/smp trajectories (matplotlib)."""
    issues = list(result.issues)
    with literal_figure(figsize=(11, 1.9 * len(issues) + 0.6)) as fig:
        axes = fig.subplots(len(issues), 2, squeeze=False)
        for row, issue_id in zip(axes, issues, strict=True):
            _plot_positions(row[0], result, scenario, issue_id)
            _plot_trajectories(row[1], result, issue_id)
        fig.tight_layout()
        return save(fig, fmt)


def _plot_positions(ax: Any, result: Forecast, scenario: Scenario, issue_id: str) -> None:
    arr = scenario.arrays(issue_id)
    ax.scatter(arr.position, [0] * len(arr.actors), s=40 + 200 * arr.salience, alpha=0.5)
    for a, x in zip(arr.actors, arr.position, strict=True):
        ax.annotate(
            a, (float(x), 0), textcoords="offset points", xytext=(0, 8), fontsize=7, ha="center"
        )
    names = list(result.models)
    for k, name in enumerate(names, start=1):
        f = result.models[name].issues[issue_id]
        (line,) = ax.plot([f.forecast], [-k], "D")
        if f.p10 is not None and f.p90 is not None:
            ax.hlines(-k, f.p10, f.p90, linewidth=2, color=line.get_color())
    ax.set_xlim(arr.lo, arr.hi)
    ax.set_ylim(-len(names) - 0.7, 1.0)
    ax.set_yticks([0, *(-k for k in range(1, len(names) + 1))], ["actors", *names], fontsize=7)
    ax.set_title(scenario.issue(issue_id).name, fontsize=9)


def _plot_trajectories(ax: Any, result: Forecast, issue_id: str) -> None:
    for name, mf in result.models.items():
        traj = mf.issues[issue_id].trajectory
        if traj and "median" in traj[0]:
            ax.plot([t["median"] for t in traj], label=f"{name} median")
            ax.plot([t["mean"] for t in traj], "--", label=f"{name} mean")
        elif traj and "positions" in traj[0]:
            for actor in traj[0]["positions"]:
                ax.plot([t["positions"][actor] for t in traj], linewidth=0.8)
    ax.set_xlabel("round / turn", fontsize=8)
    ax.set_title("trajectory", fontsize=9)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=6)
