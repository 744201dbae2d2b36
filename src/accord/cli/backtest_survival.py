"""``accord backtest survival``: the simulation's survival curves scored on real agreements."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from accord.cli.app import JsonOpt, console, print_json
from accord.cli.backtest import backtest_app


@backtest_app.command("survival")
def survival_cmd(
    cases: Annotated[
        Path | None,
        typer.Option("--cases", help="Folder of case files (default: the shipped library)."),
    ] = None,
    runs: Annotated[int, typer.Option("--runs", help="Simulation runs per agreement.")] = 4000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the simulation.")] = 0,
    as_json: JsonOpt = False,
) -> None:
    """Score P(deal intact) at 1, 3 and 5 years against what became of each agreement."""
    from accord.backtest.survival import backtest_survival
    from accord.dynamics.simulate import check_sizes

    check_sizes(runs=runs, seed=seed)
    data = backtest_survival(cases, runs=runs, seed=seed).to_dict()
    if as_json:
        print_json(data)
        return
    console.print(
        f"Survival backtest: {data['n_agreements']} agreements ({data['folder']}), "
        f"{data['runs']:,} runs each, seed {data['seed']}"
    )
    t = Table(
        "years",
        "standing",
        "Brier: base rate (LOAO)",
        "P(intact)",
        "skill",
        "P(not abandoned)",
        "skill",
        "AUC",
        "recalibrated (LOAO)",
        "skill",
        title="Brier scores (lower is better; skill > 0 beats the base rate)",
    )
    for h in data["horizons"]:
        t.add_row(
            str(h["years"]),
            f"{h['base_rate']:.0%}",
            _n(h["brier_base_rate_loao"]),
            _n(h["brier_p_intact"]),
            _n(h["skill_p_intact"]),
            _n(h["brier_p_standing"]),
            _n(h["skill_p_standing"]),
            _n(h["auc_p_standing"]),
            _n(h["brier_p_recalibrated"]),
            _n(h["skill_p_recalibrated"]),
        )
    console.print(t)
    cal = Table("P bin", "n", "mean P", "observed", title="Reliability of P(not abandoned)")
    for row in data["reliability"]["p_standing"]:
        cal.add_row(row["bin"], str(row["n"]), _pct(row["mean_p"]), _pct(row["observed"]))
    console.print(cal)


def _n(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0%}"
