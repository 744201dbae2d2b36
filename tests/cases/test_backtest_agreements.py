"""`accord backtest agreements`: scores, baselines, JSON shape, other folders."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from accord.backtest import binary_metrics as bm
from accord.backtest.agreements import backtest_agreements
from accord.cli import run


@pytest.fixture(scope="module")
def result() -> dict:
    return backtest_agreements(runs=300).to_dict()


def test_the_judgement_beats_the_base_rate(result: dict) -> None:
    assert result["n_clauses"] == 87 and result["n_agreements"] == 25
    assert result["auc"] > 0.68
    assert result["brier"] < result["baselines"]["base_rate_loao"]["brier"]


def test_json_shape(result: dict) -> None:
    assert result["dataset"] == "agreements"
    assert {"base_rate_loao", "rule_verified_and_precise_loao"} <= set(result["baselines"])
    row = result["clauses"][0]
    assert {"id", "p_implemented", "outcome"} <= set(row)
    assert sum(r["n"] for r in result["calibration"]) == 87
    json.dumps(result, allow_nan=False)


def test_another_folder_of_cases(tmp_path: Path) -> None:
    lib = Path(str(resources.files("accord.cases")))
    for name in ("hotline-mou-1963.yaml", "minsk-ii-2015.yaml"):
        shutil.copy(lib / name, tmp_path / name)
    r = backtest_agreements(tmp_path, runs=100).to_dict()
    assert r["n_clauses"] == 8 and r["n_agreements"] == 2


def test_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = Path(str(resources.files("accord.cases")))
    shutil.copy(lib / "inf-treaty-1987.yaml", tmp_path / "inf.yaml")
    shutil.copy(lib / "sort-2002.yaml", tmp_path / "sort.yaml")
    assert run(["backtest", "agreements", "--cases", str(tmp_path), "--runs", "100", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["n_clauses"] == 4
    assert run(["backtest", "agreements", "--cases", str(tmp_path / "none")]) == 2


def test_metrics() -> None:
    y = np.array([0, 0, 1, 1])
    assert bm.auc(np.array([0.1, 0.2, 0.8, 0.9]), y) == 1.0
    assert bm.auc(np.array([0.9, 0.8, 0.2, 0.1]), y) == 0.0
    assert bm.auc(np.full(4, 0.5), y) == 0.5
    assert bm.brier(np.array([0.0, 0.0, 1.0, 1.0]), y) == 0.0
    rng = np.random.default_rng(0)
    p = rng.uniform(0.05, 0.95, 4000)
    a, b = bm.fit_platt(p, rng.random(4000) < p)
    assert abs(a) < 0.15 and abs(b - 1) < 0.15


def test_one_outcome_class_gives_null_auc_not_a_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lib = Path(str(resources.files("accord.cases")))
    shutil.copy(lib / "sort-2002.yaml", tmp_path / "sort.yaml")  # one clause, implemented
    argv = ["backtest", "agreements", "--cases", str(tmp_path), "--runs", "20"]
    assert run([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["auc"] is None and data["recalibrated_loao"]["auc"] is None
    assert run(argv) == 0
    out = capsys.readouterr().out
    assert "1 clause from 1 agreement " in out and "nan" not in out


def test_negative_seed_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["backtest", "agreements", "--runs", "10", "--seed", "-1"]) == 2
    assert "seed" in capsys.readouterr().err
