"""The contract every registered model passes (Axelrod's TestPlayer, sklearn's check_estimator).

Any scenario in, one forecast per issue out; each forecast finite and inside the issue's
scale; the same seed gives the same result; the order of actors does not matter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from tests.strategies import scenarios

import accord
from accord.models import registry
from accord.scenario import Scenario, validate_data

NAMES = registry.names()
# No shrinking: a failing example is reported as found (shrinking a slow model's failure can
# take minutes); the CI budget is small.
SETTINGS = settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _check_shape(scenario: Scenario, result: Any, name: str) -> None:
    held = {i for row in scenario.stances.values() for i in row}
    issues = result.models[name].issues
    assert set(issues) == held
    for issue_id, f in issues.items():
        lo, hi = scenario.issue(issue_id).bounds
        tol = 1e-9 * max(1.0, hi - lo)
        assert np.isfinite(f.forecast)
        assert lo - tol <= f.forecast <= hi + tol, (issue_id, f.forecast, lo, hi)


def _reordered(data: dict[str, Any]) -> dict[str, Any]:
    out = dict(data)
    out["actors"] = list(reversed(data["actors"]))
    out["stances"] = dict(reversed(list(data["stances"].items())))
    return out


@pytest.mark.parametrize("name", NAMES)
@given(data=scenarios())
@SETTINGS
def test_any_scenario_gives_one_forecast_per_issue_in_scale(name: str, data: dict) -> None:
    scenario = validate_data(data)
    _check_shape(scenario, accord.forecast(scenario, model=name), name)


@pytest.mark.parametrize("name", NAMES)
@given(data=scenarios())
@SETTINGS
def test_invariant_to_actor_order(name: str, data: dict) -> None:
    a = accord.forecast(validate_data(data), model=name, runs=4, seed=1).to_dict()
    b = accord.forecast(validate_data(_reordered(data)), model=name, runs=4, seed=1).to_dict()
    for issue_id, fa in a["models"][name]["issues"].items():
        fb = b["models"][name]["issues"][issue_id]
        for key in ("forecast", "p10", "p50", "p90"):
            assert fa[key] == pytest.approx(fb[key], abs=1e-6), (issue_id, key)


@pytest.mark.parametrize("name", NAMES)
def test_deterministic_for_a_seed(name: str) -> None:
    one = accord.forecast("korea-2018", model=name, runs=6, seed=11).to_dict()
    two = accord.forecast("korea-2018", model=name, runs=6, seed=11).to_dict()
    assert one == two
    for issue in one["models"][name]["issues"].values():
        assert issue["p10"] <= issue["p50"] <= issue["p90"]


@pytest.mark.parametrize("name", NAMES)
def test_builtin_and_importer_files(name: str, shared_data: Path) -> None:
    files = [
        "korea-2018",
        shared_data / "bdm" / "car-emissions-1994.csv",
        shared_data / "ktab" / "dummyData_3Dim.csv",
    ]
    for f in files:
        scenario = accord.load(f)
        _check_shape(scenario, accord.forecast(scenario, model=name), name)
    from accord.scenario.formats import deu3

    for scenario in deu3.read(shared_data / "deu3" / "deu3.tsv", "nice", with_outcome=True)[:5]:
        _check_shape(scenario, accord.forecast(scenario, model=name), name)


@pytest.mark.parametrize("name", NAMES)
def test_result_contract(name: str) -> None:
    result = accord.forecast("korea-2018", model=name)
    data = result.to_dict()
    assert data["scenario"] == "korea-2018"
    for issue in data["models"][name]["issues"].values():
        assert set(issue) >= {"forecast", "p10", "p50", "p90", "trajectory"}
        assert issue["p10"] is None
    frame = result.to_frame()
    assert len(frame) == len(data["models"][name]["issues"])
    with pytest.raises(AttributeError):
        result.scenario = "other"  # type: ignore[misc]
