"""``accord backtest <dataset>``: the sub-application each backtest registers on."""

from __future__ import annotations

import typer

from accord.cli.app import app

__all__ = ["backtest_app"]

backtest_app = typer.Typer(help="Measure the analyses on real cases.", no_args_is_help=True)
app.add_typer(backtest_app, name="backtest")

from accord.cli import backtest_survival  # noqa: E402, F401  (registers `backtest survival`)
