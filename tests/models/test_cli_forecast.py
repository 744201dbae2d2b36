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


def test_negative_seed_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["forecast", "--model", "weighted-mean", "--runs", "5", "--seed", "-1"]) == 2
    err = capsys.readouterr().err
    assert "seed" in err and "-1" in err and "internal error" not in err


def test_unknown_plot_format_refused_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "f.xyz"
    assert cli(["forecast", "--model", "weighted-mean", "--plot", str(out), "--json"]) == 2
    data = json.loads(capsys.readouterr().out)  # --json: the problem as JSON, nothing else
    assert data["problems"][0]["expected"] == "a .svg, .png or .pdf file"
    assert list(tmp_path.iterdir()) == []


def test_unwritable_plot_path_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert cli(["forecast", "--model", "weighted-mean", "--plot", str(blocker / "f.svg")]) == 2
    assert "cannot write the output file" in capsys.readouterr().err


def test_too_many_runs_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["forecast", "--model", "weighted-mean", "--runs", "1000000000"]) == 2
    assert "0..100000" in capsys.readouterr().err
