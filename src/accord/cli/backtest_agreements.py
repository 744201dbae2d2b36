"""``accord backtest agreements``: the deal check scored on historical agreements."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from accord.cli.app import JsonOpt, console, print_json, styled
from accord.cli.backtest import backtest_app


@backtest_app.command("agreements")
def agreements_cmd(
    cases: Annotated[
        Path | None,
        typer.Option("--cases", help="Folder of case files (default: the shipped library)."),
    ] = None,
    runs: Annotated[int, typer.Option("--runs", help="Draws per deal check.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the draws.")] = 0,
    as_json: JsonOpt = False,
) -> None:
    """Score P(implemented) against what happened (implemented = PAM outcome >= 2)."""
    from accord.backtest.agreements import backtest_agreements

    result = backtest_agreements(cases, runs=runs, seed=seed)
    data = result.to_dict()
    if as_json:
        print_json(data)
        return
    console.print(
        styled(
            ("Agreements backtest", "bold"),
            f": {_count(data['n_clauses'], 'clause')} from "
            f"{_count(data['n_agreements'], 'agreement')} ({data['folder']}); base rate "
            f"{data['base_rate']:.0%} implemented, {data['full_rate']:.0%} fully",
        ),
        highlight=False,
    )
    t = Table(
        "judgement",
        "AUC",
        "Brier",
        "log loss",
        title="Scores (everything fitted: leave-one-agreement-out)",
    )
    _row(t, "deal check, structural (no fitted parameter)", data)
    _row(t, "deal check with the fitted layer (LOAO)", data["fitted_loao"])
    shipped = "in sample" if data["shipped"]["in_sample"] else "out of sample"
    _row(t, f"deal check as shipped (layer fitted on the library; {shipped})", data["shipped"])
    _row(t, "structural, logistic recalibration (LOAO)", data["recalibrated_loao"])
    for name, sc in data["baselines"].items():
        _row(t, name.replace("_", " "), sc)
    console.print(t)
    cal = Table("P bin", "clauses", "mean P", "observed", title="Reliability, fitted layer (LOAO)")
    for row in data["reliability_fitted_loao"]:
        cal.add_row(row["bin"], str(row["n"]), _pct(row["mean_p"]), _pct(row["observed"]))
    console.print(cal)
    by = Table("kind", "clauses", "implemented", "AUC", "Brier", title="By kind (fitted, LOAO)")
    for cat, d in data["by_category"].items():
        sc = d["fitted_loao"]
        by.add_row(
            cat, str(d["n_clauses"]), _pct(d["implemented"]), _num(sc["auc"]), _num(sc["brier"])
        )
    console.print(by)
    for note in data["notes"]:
        console.print(f"note: {note}", highlight=False)


def _row(t: Table, name: str, sc: dict[str, Any]) -> None:
    t.add_row(name, _num(sc["auc"]), _num(sc["brier"]), _num(sc["log_loss"]))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0%}"
