"""``accord simulate`` and ``accord sensitivity``: what follows signing, and what it hangs on."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeRemainingColumn
from rich.table import Table

import accord
from accord.cli.app import (
    JsonOpt,
    ScenarioArg,
    app,
    console,
    err_console,
    print_json,
    refuse_non_finite,
    styled,
    write_atomic,
)
from accord.cli.figures import literal_figure, save
from accord.errors import AccordError, Problem
from accord.limits import check_simulate

DealOpt = Annotated[str | None, typer.Option("--deal", help="Deal id (default: every deal).")]
SeedOpt = Annotated[int, typer.Option("--seed", help="Seed; the same seed, the same numbers.")]
PlotOpt = Annotated[Path | None, typer.Option("--plot", help="Write a chart to FILE.svg.")]
ParamOpt = Annotated[
    list[str] | None,
    typer.Option("--param", help="Override a parameter: NAME=VALUE or NAME=LOW:HIGH (repeatable)."),
]


class _LazyBar:
    """A rich progress bar on stderr that appears only once work has taken a second."""

    def __init__(self, label: str) -> None:
        self.label, self.start = label, time.monotonic()
        self.bar: Progress | None = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None and time.monotonic() - self.start > 1.0:
            self.bar = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                TaskProgressColumn(),
                TimeRemainingColumn(),
                console=err_console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _with_bar(label: str, call: Any, *args: Any, **kwargs: Any) -> Any:
    """Run ``call(*args, progress=bar, **kwargs)`` under a lazy progress bar, closed after."""
    bar = _LazyBar(label)
    try:
        return call(*args, progress=bar, **kwargs)
    finally:
        bar.close()


def _params(items: list[str] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        try:
            out[name.strip()] = (
                tuple(float(v) for v in value.split(":")) if ":" in value else float(value)
            )
        except ValueError:
            sep = ""
        if not sep or not name.strip():
            raise AccordError(
                Problem(
                    "cannot read --param",
                    path="--param",
                    expected="NAME=VALUE or NAME=LOW:HIGH",
                    found=item,
                )
            )
    return out


@app.command("simulate")
def simulate_cmd(
    scenario: ScenarioArg = "korea-2018",
    deal: DealOpt = None,
    all_deals: Annotated[bool, typer.Option("--all", help="Every deal (the default).")] = False,
    runs: Annotated[int, typer.Option("--runs", help="Monte Carlo runs per deal.")] = 20_000,
    horizon: Annotated[int | None, typer.Option("--horizon", help="Months (default 60).")] = None,
    seed: SeedOpt = 0,
    executor: Annotated[str, typer.Option("--executor", help="local or dask.")] = "local",
    workers: Annotated[int, typer.Option("--workers", help="Processes / Dask workers.")] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (default: a LocalCluster)."),
    ] = None,
    arms: Annotated[bool, typer.Option("--arms", help="Add Richardson arms dynamics.")] = False,
    param: ParamOpt = None,
    as_json: JsonOpt = False,
    plot: PlotOpt = None,
) -> None:
    """Simulate the months after signing each deal, beside no deal, with Monte Carlo errors."""
    _check_plot(plot)
    s = accord.load(scenario)
    check_simulate(
        s, runs // max(1, workers), horizon, deals=1 if deal is not None and not all_deals else None
    )
    r = _with_bar(
        "simulating",
        accord.simulate,
        s,
        deal=None if all_deals else deal,
        runs=runs,
        horizon=horizon,
        seed=seed,
        executor=executor,
        workers=workers,
        scheduler=scheduler,
        arms=arms,
        params=_params(param),
    )
    refuse_non_finite(r.to_dict(), "the simulation")
    if plot is not None:
        write_atomic(plot, _simulation_svg(r))
    if as_json:
        print_json(r.to_dict())
        return
    _show_simulation(r, plot)


def _check_plot(plot: Path | None) -> None:
    """Refuse a chart path that cannot take an SVG before any work is done."""
    if plot is None:
        return
    folder = plot.is_dir()
    found = "a folder" if folder else plot.suffix or "no suffix"
    if folder or plot.suffix.lower() != ".svg":
        raise AccordError(
            Problem(
                "a folder is in the way of the chart" if folder else "the chart is written as SVG",
                path="--plot",
                expected="a file path ending in .svg",
                found=f"{plot} ({found})",
            )
        )


def _show_simulation(r: Any, plot: Path | None) -> None:
    top = r.ladder.top_label
    t = Table(
        "deal",
        "P(intact)",
        f"P({top})",
        "P(third party hedges)",
        f"{top} vs no deal",
        "final rung (median)",
        title=f"{r.scenario}: {r.runs:,} runs x {r.horizon} months, seed {r.seed}",
    )
    rows = [*r.deals.values(), r.no_deal]
    diffs = {c.deal: c for c in r.comparison}
    for o in rows:
        c = diffs.get(o.deal)
        t.add_row(
            o.name,
            "-" if o.deal == "no_deal" else _pm(o, "p_intact"),
            _pm(o, "p_conflict"),
            _pm(o, "p_hedge"),
            "-" if c is None else f"{c.d_conflict:+.3f} ± {c.se_conflict:.3f}",
            r.ladder.names[o.bands["p50"][-1]],
        )
    console.print(t)
    console.print(
        f"lowest risk of {top} first: " + " < ".join(_names(r, r.ranking())),
        highlight=False,
    )
    for note in r.notes:
        console.print(styled(("note:", "yellow"), f" {note}"), highlight=False)
    if plot is not None:
        console.print(f"wrote {plot}")


def _names(r: Any, ids: Any) -> list[str]:
    """Display names of deal ids in a simulation result (no deal included)."""
    names = {o.deal: o.name for o in [*r.deals.values(), r.no_deal]}
    return [names.get(d, d) for d in ids]


def _pm(o: Any, what: str) -> str:
    return f"{o.at_end(what):.3f} ± {o.se(what):.3f}"


@app.command("sensitivity")
def sensitivity_cmd(
    scenario: ScenarioArg = "korea-2018",
    deal: DealOpt = None,
    method: Annotated[str, typer.Option("--method", help="sobol or morris.")] = "sobol",
    outputs: Annotated[
        str,
        typer.Option(
            "--outputs", help="Comma-separated: p_conflict, p_intact, p_hedge, d_conflict."
        ),
    ] = "p_conflict",
    samples: Annotated[
        int | None,
        typer.Option("--samples", help="Sobol base samples (power of 2) or Morris trajectories."),
    ] = None,
    reps: Annotated[int, typer.Option("--reps", help="Runs per design point.")] = 32,
    horizon: Annotated[int | None, typer.Option("--horizon", help="Months (default 60).")] = None,
    seed: SeedOpt = 0,
    param: ParamOpt = None,
    as_json: JsonOpt = False,
    plot: PlotOpt = None,
) -> None:
    """Which assumptions the outcome hangs on, and what would flip the ranking of deals."""
    _check_plot(plot)
    r = _with_bar(
        "sensitivity",
        accord.sensitivity,
        scenario,
        deal=deal,
        method=method,
        outputs=tuple(o.strip() for o in outputs.split(",") if o.strip()),
        samples=samples,
        reps=reps,
        horizon=horizon,
        seed=seed,
        params=_params(param),
    )
    refuse_non_finite(r.to_dict(), "the sensitivity analysis")
    if plot is not None:
        write_atomic(plot, _tornado_svg(r))
    if as_json:
        print_json(r.to_dict())
        return
    for d, by in r.indices.items():
        for o, rows in by.items():
            console.print(_index_table(r, d, o, rows))
    console.print(
        styled(
            ("What would flip the ranking", "bold"),
            " (lowest risk first: " + " < ".join(r.ranking) + ")",
        ),
        highlight=False,
    )
    for s in r.sentences:
        console.print(f"• {s}", highlight=False)
    if plot is not None:
        console.print(f"wrote {plot}")


def _index_table(r: Any, deal: str, output: str, rows: Any) -> Table:
    sobol = r.method == "sobol"
    cols = ("factor", "first-order S1", "total ST") if sobol else ("factor", "mu*", "sigma")
    t = Table(*cols, title=f"{deal}: {output} ({r.method}, {r.samples} points x {r.reps} runs)")
    for i in rows[:10]:
        if sobol:
            t.add_row(i.factor, _ci(i.s1, i.s1_conf), _ci(i.st, i.st_conf))
        else:
            t.add_row(i.factor, _ci(i.mu_star, i.mu_star_conf), f"{i.sigma:.3f}")
    return t


def _ci(value: float | None, conf: float | None) -> str:
    if value is None or value != value:
        return "-"
    return f"{value:.3f} ± {conf:.3f}" if conf is not None and conf == conf else f"{value:.3f}"


# -- charts (matplotlib, from the `plot` extra) ----------------------------------------------
def _svg(fig: Any) -> str:
    return save(fig, "svg", bbox_inches="tight").decode("utf-8")


def _simulation_svg(r: Any) -> str:
    with literal_figure(figsize=(13, 3.8)) as fig:
        _draw_simulation(fig, r)
        return _svg(fig)


def _draw_simulation(fig: Any, r: Any) -> None:
    axes = fig.subplots(1, 3)
    for o in [*r.deals.values(), r.no_deal]:
        months = range(1, o.horizon + 1)
        line = axes[0].plot(months, o.p_conflict, label=o.name)[0]
        if o.deal != "no_deal":
            axes[1].plot(months, o.p_intact, color=line.get_color(), label=o.name)
        axes[2].plot(months, o.mean_rung, color=line.get_color())
        axes[2].fill_between(
            months, o.bands["p25"], o.bands["p75"], color=line.get_color(), alpha=0.08
        )
    for ax, title in zip(
        axes,
        (
            f"P({r.ladder.top_label} by month)",
            "P(deal intact)",
            "escalation rung: mean, 25-75% band",
        ),
        strict=True,
    ):
        ax.set_title(title)
        ax.set_xlabel("month")
    axes[2].set_yticks(range(r.ladder.size), list(r.ladder.names))
    axes[0].legend(fontsize=8)


def _tornado_svg(r: Any) -> str:
    output = r.outputs[0]
    deals = [d for d in r.tornado if output in r.tornado[d]]
    with literal_figure(figsize=(4.2 * max(len(deals), 1), 4.5)) as fig:
        _draw_tornado(fig, r, output, deals)
        return _svg(fig)


def _draw_tornado(fig: Any, r: Any, output: str, deals: list[str]) -> None:
    axes = fig.subplots(1, max(len(deals), 1), squeeze=False)
    for ax, d in zip(axes[0], deals, strict=True):
        bars = r.tornado[d][output][:10][::-1]
        base = bars[0].at_nominal if bars else 0.0
        for y, s in enumerate(bars):
            ax.barh(y, s.at_low - base, left=base, color="tab:red", alpha=0.7)
            ax.barh(y, s.at_high - base, left=base, color="tab:blue", alpha=0.7)
        ax.set_yticks(range(len(bars)), [s.factor for s in bars], fontsize=7)
        ax.axvline(base, color="black", lw=0.8)
        ax.set_title(f"{d}: {output}", fontsize=9)
    fig.suptitle("one at a time: red = factor at its low end, blue = at its high end")
