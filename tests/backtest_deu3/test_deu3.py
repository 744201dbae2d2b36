from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from accord.backtest import deu3
from accord.backtest import metrics_deu3 as mt
from accord.cli import run as cli
from accord.errors import AccordError
from accord.models import registry


@pytest.fixture(scope="module")
def tsv(shared_data: Path) -> Path:
    return shared_data / "deu3" / "deu3.tsv"


def test_reproduces_the_readme_baselines(tsv: Path) -> None:
    r = deu3.run(tsv, cv=False, models=["weighted-mean", "weighted-median"])
    assert r.n_issues == 353
    assert round(r.models["weighted-mean"].mae, 1) == 23.7
    assert round(r.models["weighted-median"].mae, 1) == 28.4
    b = r.baselines
    assert (b["reference-point"].n, round(b["reference-point"].mae, 1)) == (253, 51.1)
    assert round(b["commission"].mae, 1) == 37.7
    assert round(b["parliament"].mae, 1) == 34.2
    assert round(b["unweighted-mean"].mae, 1) == 23.7
    assert round(b["salience-weighted-mean"].mae, 1) == 23.7


def test_smoke_subset_of_20_issues_every_model(tsv: Path) -> None:
    r = deu3.run(tsv, subset=20)
    assert r.n_issues == 20
    assert list(r.models) == registry.names()
    for s in r.models.values():
        assert s.n == 20 and 0 <= s.mae <= 100 and 0 <= s.within10 <= 1
    assert set(r.tuned) == {"cv-select", "cv-top3", "cv-stack", "median-ensemble"}


def test_cli_json_contract(tsv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["backtest", "deu3", "--data", str(tsv), "--subset", "20", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dataset"] == "deu3" and data["n_issues"] == 20
    for name in registry.names():
        assert set(data["models"][name]) == {"n", "mae", "median_ae", "within10"}
    assert {"reference-point", "commission", "parliament"} <= set(data["baselines"])


def test_missing_data_is_a_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(["backtest", "deu3", "--data", str(tmp_path / "no.tsv")]) == 2
    monkeypatch.setenv("ACCORD_SHARED", str(tmp_path))
    with pytest.raises(AccordError) as err:
        deu3.default_data()
    assert "--data" in str(err.value)
    assert cli(["backtest", "deu3", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["ok"] is False


def test_folds_keep_each_proposal_together() -> None:
    groups = [f"p{i // 3}" for i in range(60)]
    ids = mt.fold_ids(groups, k=10, seed=3)
    for g in set(groups):
        assert len({ids[i] for i, h in enumerate(groups) if h == g}) == 1
    assert set(ids) == set(range(10))


def test_cross_validation_never_sees_the_test_fold() -> None:
    rng = np.random.default_rng(0)
    y = rng.uniform(0, 100, 40)
    cand = np.stack([y, rng.uniform(0, 100, 40)], axis=1)  # candidate 0 is the truth itself
    folds = np.arange(40) % 4
    seen: list[int] = []

    def rule(train: np.ndarray, yt: np.ndarray, test: np.ndarray) -> np.ndarray:
        seen.append(len(yt))
        return mt.rule_select(train, yt, test)

    pred = mt.cv_predict(cand, y, folds, rule)
    assert seen == [30] * 4
    np.testing.assert_allclose(pred, y)


def test_lad_weights_are_convex_and_fit() -> None:
    rng = np.random.default_rng(1)
    P = rng.uniform(0, 100, (50, 3))
    y = 0.25 * P[:, 0] + 0.75 * P[:, 2]
    w = mt.lad_weights(P, y)
    assert w.min() >= -1e-9 and w.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(w, [0.25, 0.0, 0.75], atol=1e-6)


def test_score() -> None:
    s = mt.score(np.array([0.0, 10.0, 50.0, np.nan]), np.array([5.0, 30.0, 50.0, 1.0]))
    assert (s.n, s.mae, s.median_ae, s.within10) == (3, 25 / 3, 5.0, 2 / 3)


def test_every_setting_out_of_range_is_named() -> None:
    with pytest.raises(AccordError) as err:
        deu3.run("unused.tsv", folds=1, subset=0, seed=-1)
    assert [p.path for p in err.value.problems] == ["folds", "subset", "seed"]
    assert [p.found for p in err.value.problems] == ["1", "0", "-1"]
