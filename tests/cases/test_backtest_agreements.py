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


def test_the_fitted_layer_beats_the_base_rate_out_of_sample(result: dict) -> None:
    assert result["n_agreements"] >= 48 and result["n_clauses"] >= 184
    fitted, base = result["fitted_loao"], result["baselines"]["base_rate_loao"]
    assert fitted["auc"] > 0.65 and fitted["brier"] < base["brier"]
    assert fitted["log_loss"] < base["log_loss"]
    assert result["fitted_full_loao"]["brier"] < result["baselines"]["full_base_rate_loao"]["brier"]


def test_json_shape(result: dict) -> None:
    assert result["dataset"] == "agreements"
    assert {"base_rate_loao", "best_rule_loao", "rule_verified_and_precise_loao"} <= set(
        result["baselines"]
    )
    assert sum(result["rules_chosen"].values()) == result["n_agreements"]
    row = result["clauses"][0]
    assert {"id", "p_implemented", "p_fitted", "p_full", "p_shipped", "outcome"} <= set(row)
    assert all(r["p_full"] <= r["p_fitted"] + 1e-9 for r in result["clauses"])
    n = result["n_clauses"]
    assert sum(r["n"] for r in result["calibration"]) == n
    assert sum(r["n"] for r in result["reliability_fitted_loao"]) == n
    assert sum(c["n_clauses"] for c in result["by_category"].values()) == n
    assert set(result["by_category"]) == {"arms_control", "peace", "economic", "other"}
    assert result["shipped"]["in_sample"] == result["n_agreements"]
    json.dumps(result, allow_nan=False)


def test_cross_validation_never_sees_the_agreement_it_scores(tmp_path: Path) -> None:
    """Flip every outcome of one agreement: only that agreement's own LOAO figures stay put."""
    lib = Path(str(resources.files("accord.cases")))
    names = ("inf-treaty-1987.yaml", "minsk-ii-2015.yaml", "good-friday-1998.yaml")
    for name in names:
        shutil.copy(lib / name, tmp_path / name)
    before = backtest_agreements(tmp_path, runs=100).to_dict()["clauses"]
    text = (tmp_path / names[2]).read_text()
    flipped = text.replace("outcome_0to3: 3", "outcome_0to3: 0")
    (tmp_path / names[2]).write_text(flipped)
    after = backtest_agreements(tmp_path, runs=100).to_dict()["clauses"]
    own = [(a, b) for a, b in zip(before, after, strict=True) if a["case"] == "good-friday-1998"]
    others = [(a, b) for a, b in zip(before, after, strict=True) if a["case"] != "good-friday-1998"]
    assert all(a["p_fitted"] == b["p_fitted"] for a, b in own)
    assert any(a["p_fitted"] != b["p_fitted"] for a, b in others)


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
    assert data["fitted_loao"]["auc"] is None and data["shipped"]["in_sample"] == 1
    assert run(argv) == 0
    out = capsys.readouterr().out
    assert "1 clause from 1 agreement " in out and "nan" not in out


def test_negative_seed_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["backtest", "agreements", "--runs", "10", "--seed", "-1"]) == 2
    assert "seed" in capsys.readouterr().err
