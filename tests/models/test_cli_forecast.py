from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.cli import run as cli


def test_forecast_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli(
            [
                "forecast",
                "korea-2018",
                "--model",
                "weighted-mean",
                "--runs",
                "20",
                "--seed",
                "3",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["scenario"] == "korea-2018"
    issue = next(iter(data["models"]["weighted-mean"]["issues"].values()))
    assert issue["p10"] <= issue["p50"] <= issue["p90"]


def test_forecast_table_and_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "f.svg"
    assert cli(["forecast", "--model", "all", "-p", "rounds=3", "--plot", str(out)]) == 0
    text = capsys.readouterr().out
    assert "weighted-median" in text and "eum" in text
    assert out.read_bytes().lstrip().startswith((b"<?xml", b"<svg"))


def test_forecast_user_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["forecast", "--model", "nope"]) == 2
    assert cli(["forecast", "--model", "nash", "-p", "k"]) == 2
    assert cli(["forecast", "--model", "nash", "-p", "k=0.1", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["ok"] is False
