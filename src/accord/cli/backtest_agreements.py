"""``accord backtest agreements``: the deal check scored on historical agreements."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
            f"{data['base_rate']:.0%} implemented",
        ),
        highlight=False,
    )
    t = Table("judgement", "AUC", "Brier", title="Scores (baselines leave-one-agreement-out)")
    t.add_row("deal check (no fitted parameter)", _num(data["auc"]), _num(data["brier"]))
    rec = data["recalibrated_loao"]
    t.add_row("deal check, recalibrated (LOAO)", _num(rec["auc"]), _num(rec["brier"]))
    for name, sc in data["baselines"].items():
        t.add_row(name.replace("_", " "), _num(sc["auc"]), _num(sc["brier"]))
    console.print(t)
    cal = Table("P bin", "clauses", "mean P", "observed", title="Calibration")
    for row in data["calibration"]:
        cal.add_row(row["bin"], str(row["n"]), _pct(row["mean_p"]), _pct(row["observed"]))
    console.print(cal)
    for note in data["notes"]:
        console.print(f"note: {note}", highlight=False)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0%}"
