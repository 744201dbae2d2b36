from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.models import eum_oracle as oracle
from tests.strategies_models import eum_problems, scenario_data

import accord
from accord.errors import AccordError
from accord.models.eum import ExpectedUtility, run_eum
from accord.models.run import batch_from_scenarios
from accord.scenario import validate_data

VARIANTS = [
    {},
    {
        "a1": "challenger",
        "a2": "by",
        "a4": "least",
        "a5": "local",
        "perspective": "own",
        "risk_votes": False,
    },
    {"a3": "text", "a4": "priority", "a5": "net", "Q": 0.7},
    {"a4": "strongest", "Q": 0.5, "risk_votes": False},
    {"a5": "global"},
]


def _vectorised(x: list[float], c: list[float], s: list[float], **params: object) -> object:
    scenario = validate_data(scenario_data(x, c, s))
    return run_eum(batch_from_scenarios([(scenario, "issue")]), **params)


@pytest.mark.parametrize("params", VARIANTS, ids=["default", "alt1", "alt2", "alt3", "global"])
@given(problem=eum_problems())
@settings(max_examples=25, deadline=None)
def test_vectorised_equals_loop_oracle(params: dict[str, object], problem: dict) -> None:
    st_ = oracle.Settings(**{**oracle.Settings().__dict__, **params, "rounds": 4})
    medians, means, positions = oracle.run(problem["x"], problem["c"], problem["s"], 100.0, st_)
    run = _vectorised(problem["x"], problem["c"], problem["s"], **{**params, "rounds": 4})
    np.testing.assert_allclose(run.positions[:, 0, :], positions, atol=1e-9, rtol=0)
    np.testing.assert_allclose(run.medians[:, 0], medians, atol=1e-9, rtol=0)
    np.testing.assert_allclose(run.means[:, 0], means, atol=1e-9, rtol=0)


def test_oracle_equality_at_scale() -> None:
    rng = np.random.default_rng(7)
    n = 30
    x = rng.uniform(0, 100, n).round(1).tolist()
    c, s = rng.uniform(0.1, 1, n).tolist(), rng.uniform(0.1, 1, n).tolist()
    medians, _means, positions = oracle.run(x, c, s, 100.0, oracle.Settings(rounds=10))
    run = _vectorised(x, c, s, rounds=10)
    assert np.max(np.abs(run.positions[:, 0, :] - np.array(positions))) < 1e-9
    assert np.max(np.abs(run.medians[:, 0] - medians)) < 1e-9


# --- replication: Scholz, Calbert & Smith (2011), Table 2 --------------------------------
# The published figures are printed to one decimal. With the defaults (A5 ``pairs``) 10 of
# the 16 figures are within 0.05 of the published value; with the replication code's
# ``global`` denominator (twice as large) 7 are. For the other figures the test pins what the
# published equations reach (to 0.005): no reading tried reaches them (round 2's median,
# 9.52 here and 9.61 with ``global``, is the round public re-implementations also miss);
# see docs/explanation/forecasting.md for the readings tried.
REACHED = {
    "pairs": {
        "median": {1: 8.310, 2: 9.520, 7: 8.681},
        "mean": {1: 7.456, 4: 7.367, 5: 7.359},
    },
    "global": {
        "median": {2: 9.611, 3: 9.962, 4: 9.962, 5: 9.962, 6: 7.472, 8: 9.671},
        "mean": {1: 7.461, 2: 7.553, 4: 7.358},
    },
}


@pytest.fixture(scope="module")
def car_emissions(shared_data: Path) -> tuple[dict, object]:
    expected = json.loads((shared_data / "bdm" / "expected-scholz-2011.json").read_text())
    scenario = accord.load(shared_data / "bdm" / "car-emissions-1994.csv")
    return expected, accord.forecast(scenario, model="eum", Q=1.0, rounds=8)


def _check_rounds(expected: dict, traj: list[dict], reached: dict[str, dict[int, float]]) -> None:
    assert [t["round"] for t in traj] == list(range(9))
    print("\nround  median (published)  mean (published)")  # visible with pytest -s
    for rnd in range(1, 9):
        print(
            f"{rnd:5d}  {traj[rnd]['median']:6.3f} ({expected['median_by_round'][rnd - 1]})"
            f"        {traj[rnd]['mean']:6.3f} ({expected['mean_by_round'][rnd - 1]})"
        )
    for key in ("median", "mean"):
        for rnd, pub in enumerate(expected[f"{key}_by_round"], start=1):
            ours = traj[rnd][key]
            if rnd in reached[key]:
                assert ours == pytest.approx(reached[key][rnd], abs=0.005), (key, rnd)
                assert abs(ours - pub) > 0.05, (key, rnd, "now reached: move it out of REACHED")
            else:
                assert abs(ours - pub) <= 0.05, (key, rnd, ours, pub)


def test_car_emissions_rounds(car_emissions: tuple[dict, object]) -> None:
    expected, result = car_emissions
    traj = result.to_dict()["models"]["eum"]["issues"]["issue"]["trajectory"]
    _check_rounds(expected, traj, REACHED["pairs"])


def test_car_emissions_rounds_global_denominator(shared_data: Path) -> None:
    expected = json.loads((shared_data / "bdm" / "expected-scholz-2011.json").read_text())
    scenario = accord.load(shared_data / "bdm" / "car-emissions-1994.csv")
    result = accord.forecast(scenario, model="eum", Q=1.0, rounds=8, a5="global")
    traj = result.to_dict()["models"]["eum"]["issues"]["issue"]["trajectory"]
    _check_rounds(expected, traj, REACHED["global"])


def test_car_emissions_initial_state(car_emissions: tuple[dict, object]) -> None:
    _, result = car_emissions
    first = result.to_dict()["models"]["eum"]["issues"]["issue"]["trajectory"][0]
    assert first["median"] == 7.0  # the Condorcet winner of the input positions
    assert first["mean"] == pytest.approx(7.39, abs=0.005)


def test_forecast_is_last_median(car_emissions: tuple[dict, object]) -> None:
    _, result = car_emissions
    issue = result.to_dict()["models"]["eum"]["issues"]["issue"]
    assert issue["forecast"] == issue["trajectory"][-1]["median"]


@given(problem=eum_problems(), shift=st.floats(-50, 50), scale=st.floats(0.1, 10))
@settings(max_examples=20, deadline=None)
def test_affine_rescaling_of_the_scale(problem: dict, shift: float, scale: float) -> None:
    base = _vectorised(problem["x"], problem["c"], problem["s"], rounds=3)
    x2 = [shift + scale * v for v in problem["x"]]
    sc = validate_data(
        scenario_data(x2, problem["c"], problem["s"], lo=shift, hi=shift + 100 * scale)
    )
    moved = run_eum(batch_from_scenarios([(sc, "issue")]), rounds=3)
    np.testing.assert_allclose(moved.medians, shift + scale * base.medians, atol=1e-6 * scale)


def test_bad_parameters_are_user_errors() -> None:
    with pytest.raises(AccordError) as err:
        ExpectedUtility(Q=2.0, a1="nobody", rounds=-1)  # type: ignore[arg-type]
    assert len(err.value.problems) == 3


@given(problem=eum_problems())
@settings(max_examples=25, deadline=None)
def test_pairs_probabilities_sum_to_one_and_halve_global(problem: dict) -> None:
    from accord.models import eum_core as core

    x = np.array([problem["x"]], dtype=float)
    w = np.array([problem["c"]]) * np.array([problem["s"]])
    present = np.ones_like(x, dtype=bool)
    pairs = core.win_probability(x, w, present, "pairs")
    glob = core.win_probability(x, w, present, "global")
    off = ~np.eye(x.shape[1], dtype=bool)
    if np.ptp(x) > 0:
        assert pairs[0][off].sum() == pytest.approx(1.0)
        np.testing.assert_allclose(pairs, 2.0 * glob, rtol=1e-9, atol=0)
