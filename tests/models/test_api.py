from __future__ import annotations

import json

import pytest

import accord
from accord.errors import AccordError
from accord.models import build, registry


def test_all_runs_every_registered_model_with_the_parameters_each_accepts() -> None:
    result = accord.forecast("korea-2018", model="all", k=1, rounds=3)
    assert list(result.models) == registry.names()
    assert result["nash"].params["k"] == 1.0
    assert result["eum"].params["rounds"] == 3
    json.dumps(result.to_dict(), allow_nan=False)


def test_a_parameter_no_model_accepts_is_a_user_error() -> None:
    with pytest.raises(AccordError) as err:
        build("all", nonsense=1)
    assert err.value.problems[0].path == "nonsense"


def test_unknown_issue_and_negative_runs_are_user_errors() -> None:
    with pytest.raises(AccordError):
        accord.forecast("korea-2018", model="weighted-mean", issues=["nope"])
    with pytest.raises(AccordError):
        accord.forecast("korea-2018", model="weighted-mean", runs=-1)


def test_uncertainty_runs_give_ordered_percentiles_and_depend_on_the_seed() -> None:
    a = accord.forecast("korea-2018", model="weighted-mean", runs=200, seed=1)
    b = accord.forecast("korea-2018", model="weighted-mean", runs=200, seed=2)
    issues_a, issues_b = a["weighted-mean"].issues, b["weighted-mean"].issues
    for _issue_id, f in issues_a.items():
        assert f.p10 <= f.p50 <= f.p90
    assert any(issues_a[i].p50 != issues_b[i].p50 for i in issues_a)


def test_trajectory_is_reported_for_eum_only_among_one_shot_models() -> None:
    result = accord.forecast("korea-2018", model="all", rounds=2)
    for name in ("weighted-mean", "weighted-median", "nash"):
        assert all(f.trajectory == () for f in result[name].issues.values())
    for f in result["eum"].issues.values():
        assert [t["round"] for t in f.trajectory] == [0, 1, 2]
        assert set(f.trajectory[0]) == {"round", "median", "mean"}


def test_value_lookup() -> None:
    result = accord.forecast("korea-2018", model="weighted-mean")
    issue = next(iter(result["weighted-mean"].issues))
    assert result.value(issue) == result["weighted-mean"].issues[issue].forecast
    with pytest.raises(AccordError):
        result.value("nope")
