"""``accord backtest deu3``: every forecasting model on the DEU III outcomes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from accord.backtest.deu3 import Deu3Backtest, run
from accord.cli.app import JsonOpt, console, print_json
from accord.cli.backtest import backtest_app

__all__ = ["deu3"]


@backtest_app.command("deu3")
def deu3(
    data: Annotated[
        Path | None,
        typer.Option(
            help="deu3.tsv (default: $ACCORD_SHARED/data/deu3/deu3.tsv, else "
            "../shared/data/deu3/deu3.tsv beside the project or the current folder)."
        ),
    ] = None,
    capability: Annotated[str, typer.Option(help="Models table: equal, nice or gdp.")] = "equal",
    subset: Annotated[int | None, typer.Option(help="Only N issues, evenly spread.")] = None,
    cv: Annotated[
        bool, typer.Option("--cv/--no-cv", help="Also score tuned forecasts (10-fold CV).")
    ] = True,
    folds: Annotated[int, typer.Option(help="Cross-validation folds (by proposal).")] = 10,
    seed: Annotated[int, typer.Option(help="Seed dealing proposals to folds.")] = 0,
    as_json: JsonOpt = False,
) -> None:
    """Score every model on the DEU III issues with a recorded outcome (Arregui 2021)."""
    result = run(data, capability=capability, subset=subset, cv=cv, folds=folds, seed=seed)
    if as_json:
        print_json(result.to_dict())
        return
    console.print(_table(result))


def _table(r: Deu3Backtest) -> Table:
    t = Table(
        "",
        "n",
        "MAE",
        "median AE",
        "within 10",
        title=f"DEU III: {r.n_issues} issues (capability: {r.capability})",
    )
    sections = [
        ("model", r.models),
        ("baseline", r.baselines),
        ("tuned", {k: v.score for k, v in r.tuned.items()}),
    ]
    for kind, table in sections:
        for name, s in table.items():
            t.add_row(
                f"{kind}: {name}",
                str(s.n),
                f"{s.mae:.2f}",
                f"{s.median_ae:.2f}",
                f"{s.within10:.0%}",
            )
        t.add_section()
    return t
