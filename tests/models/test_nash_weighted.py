from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies_models import eum_problems, scenario_data

from accord.errors import AccordError
from accord.models import registry
from accord.models.nash import NashBargaining, nash_solution, veto_players
from accord.models.run import batch_from_scenarios
from accord.models.weighted import weighted_mean, weighted_median
from accord.scenario import validate_data


def _batch(x, c, s, reference=None, context=None):
    data = scenario_data(x, c, s, reference=reference)
    if context:
        data["context"] = context
    return batch_from_scenarios([(validate_data(data), "issue")])


@given(problem=eum_problems(min_actors=1))
@settings(max_examples=50, deadline=None)
def test_weighted_mean_and_median_lie_within_positions(problem: dict) -> None:
    x, w = np.array([problem["x"]]), np.array([problem["s"]])
    mean, median = weighted_mean(x, w)[0], weighted_median(x, w)[0]
    assert min(problem["x"]) - 1e-9 <= mean <= max(problem["x"]) + 1e-9
    assert median in problem["x"]
    # the median: at least half of the weight on each side (Black 1948)
    assert w[x <= median].sum() >= w.sum() / 2 - 1e-9
    assert w[x >= median].sum() >= w.sum() / 2 - 1e-9


def test_weighted_median_is_the_smallest_half_point() -> None:
    x, w = np.array([[0.0, 10.0, 20.0, 30.0]]), np.ones((1, 4))
    assert weighted_median(x, w)[0] == 10.0


def _dense_nash(x, c, s, q, k):
    grid = np.linspace(0, 100, 200_001)
    gain = s[None] * (np.abs(q - x) ** k)[None] - s[None] * np.abs(grid[:, None] - x[None]) ** k
    ok = (gain > 0).all(axis=1)
    val = np.where(ok, (c[None] * np.log(np.where(gain > 0, gain, 1))).sum(axis=1), -np.inf)
    return grid[np.argmax(val)] if ok.any() else q


@pytest.mark.parametrize("k", [1.0, 2.0])
@given(problem=eum_problems(min_actors=2, max_actors=5), q=st.sampled_from([0.0, 50.0, 100.0]))
@settings(max_examples=30, deadline=None)
def test_nash_matches_a_dense_grid(k: float, problem: dict, q: float) -> None:
    x, c, s = (np.array(problem[key]) for key in ("x", "c", "s"))
    got = NashBargaining(k=k).solve(_batch(problem["x"], problem["c"], problem["s"], q)).forecast
    want = _dense_nash(x, c, s, q, k)
    direct = nash_solution(
        x[None],
        s[None],
        c[None],
        np.array([q]),
        np.ones((1, len(x)), bool),
        np.array([0.0]),
        np.array([100.0]),
        k,
    )
    assert direct[0] == pytest.approx(got[0])
    assert got[0] == pytest.approx(want, abs=0.01)


def test_nash_without_a_gain_for_every_veto_player_is_the_reference_point() -> None:
    # actor 0 sits on the reference point: nothing makes it better off
    batch = _batch([30.0, 80.0], [1.0, 1.0], [1.0, 1.0], reference=30.0)
    assert NashBargaining().solve(batch).forecast[0] == 30.0


def test_nash_symmetric_actors_meet_halfway() -> None:
    batch = _batch([20.0, 80.0], [1.0, 1.0], [0.5, 0.9])  # no reference: worst point
    assert NashBargaining(k=2).solve(batch).forecast[0] == pytest.approx(50.0, abs=1e-3)


def test_nash_invariant_to_salience_rescaling() -> None:
    a = _batch([20.0, 60.0, 90.0], [1.0, 2.0, 1.0], [0.2, 0.4, 0.6], reference=0.0)
    b = _batch([20.0, 60.0, 90.0], [1.0, 2.0, 1.0], [0.1, 0.2, 0.3], reference=0.0)
    assert NashBargaining().solve(a).forecast == pytest.approx(NashBargaining().solve(b).forecast)


def test_council_veto_rule_reads_the_voting_rule() -> None:
    data = scenario_data([10.0, 50.0, 90.0], [1, 1, 1], [1, 1, 1], reference=0.0)
    data["actors"][0]["id"] = "com"
    data["stances"] = {"com": data["stances"].pop("a000"), **data["stances"]}
    for rule, expect in (("QMV", [True, False, False]), ("Unan", [True, True, True])):
        data["context"] = {"council_vote": rule}
        b = batch_from_scenarios([(validate_data(data), "issue")])
        veto = veto_players(b, "council", ("com", "ep"))[0]
        assert [bool(veto[b.actors.index(a)]) for a in ("com", "a001", "a002")] == expect


def test_bad_model_names_and_parameters_are_user_errors() -> None:
    with pytest.raises(AccordError):
        registry.get("nope")
    with pytest.raises(AccordError) as err:
        registry.create("nash", kk=1)
    assert err.value.problems[0].path == "kk"
    with pytest.raises(AccordError):
        NashBargaining(k=0.5)
    with pytest.raises(AccordError):
        registry.create("weighted-mean", weighting="gdp")
