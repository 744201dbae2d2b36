"""The ``smp`` plug-in: registration, forecasts and trajectories, input handling, errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import accord
from accord.errors import AccordError
from accord.models import registry
from accord.models.run import batch_from_scenarios, draw_batch
from accord.models.smp import SpatialModelOfPolitics, smp_run
from accord.models.smp.inputs import to_unit
from accord.models.smp.model import problem_groups
from accord.models.smp.result import expected_outcome, outcome_distribution


@pytest.fixture(scope="module")
def dummy3(shared_data: Path) -> accord.Scenario:
    return accord.load(shared_data / "ktab" / "dummyData_3Dim.csv")


def test_smp_is_registered() -> None:
    assert "smp" in registry.names()
    assert isinstance(registry.create("smp"), SpatialModelOfPolitics)


def test_forecast_trajectory_is_the_joint_run(dummy3: accord.Scenario) -> None:
    result = smp_run(dummy3)
    f = accord.forecast(dummy3, model="smp").to_dict()["models"]["smp"]
    assert list(f["issues"]) == list(result.issues)
    for k, issue in enumerate(result.issues):
        traj = f["issues"][issue]["trajectory"]
        assert [t["turn"] for t in traj] == list(range(result.turns + 1))
        got = np.array([[t["positions"][a] for a in result.actors] for t in traj])
        np.testing.assert_array_equal(got, result.positions[:, :, k])
        probs = np.array([[t["prob"][a] for a in result.actors] for t in traj])
        np.testing.assert_array_equal(probs, result.prob)
        assert f["issues"][issue]["forecast"] == pytest.approx(result.forecast[k])
    lo, hi = result.positions[-1].min(axis=0), result.positions[-1].max(axis=0)
    assert np.all((result.forecast >= lo - 1e-9) & (result.forecast <= hi + 1e-9))


def test_result_is_plain_data(dummy3: accord.Scenario) -> None:
    data = smp_run(dummy3).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["states"][0]["change"] is None and data["turns"] == len(data["states"]) - 1


def test_most_probable_outcome_is_an_actor_position(dummy3: accord.Scenario) -> None:
    result = smp_run(dummy3)
    f = accord.forecast(dummy3, model="smp", outcome="most-probable")
    best = result.positions[-1, int(np.argmax(result.prob[-1]))]
    assert [f.value(i) for i in result.issues] == pytest.approx(best)


def test_draws_are_grouped_into_one_problem_per_draw() -> None:
    s = accord.load("korea-2018")
    ids = [i.id for i in s.issues]
    point = batch_from_scenarios([(s, i) for i in ids])
    assert problem_groups(point) == [list(range(len(ids)))]
    draws = draw_batch(s, ids, 3, np.random.SeedSequence(0))
    assert problem_groups(draws) == [
        list(range(r * len(ids), (r + 1) * len(ids))) for r in range(3)
    ]


def test_rows_of_different_scenarios_are_separate_problems() -> None:
    a, b = (
        accord.load("korea-2018"),
        accord.load(Path(__file__).parents[2] / "docs/examples/ktab-example.csv"),
    )
    items = [(a, a.issues[0].id), (a, a.issues[1].id), (b, "dim1"), (b, "dim2")]
    assert problem_groups(batch_from_scenarios(items)) == [[0, 1], [2, 3]]


def test_uncertainty_run_is_reproducible() -> None:
    a = accord.forecast("korea-2018", model="smp", runs=4, seed=3).to_dict()
    b = accord.forecast("korea-2018", model="smp", runs=4, seed=3).to_dict()
    assert a == b
    for issue in a["models"]["smp"]["issues"].values():
        assert issue["p10"] <= issue["p50"] <= issue["p90"]


def test_inputs_scale_saliences_fill_absent_stances_and_drop_indifferent_actors() -> None:
    pos = np.array([[10.0, 50.0], [90.0, np.nan], [30.0, 70.0], [40.0, 40.0]])
    sal = np.array([[0.9, 0.6], [0.5, 0.0], [0.2, 0.3], [0.0, 0.0]])
    present = ~np.isnan(pos)
    unit = to_unit(
        pos,
        sal,
        np.array([1.0, 2.0, 1.0, 1.0]),
        present,
        np.array([0.0, 0.0]),
        np.array([100.0, 200.0]),
        np.array([np.nan, 30.0]),
    )
    assert unit.keep.tolist() == [True, True, True, False]
    np.testing.assert_allclose(unit.salience.sum(axis=1), [1.0, 0.5, 0.5])
    np.testing.assert_allclose(unit.position[:, 1], [0.25, 0.15, 0.35])  # absent -> reference
    np.testing.assert_allclose(unit.to_scale(unit.position[0]), [10.0, 50.0])


@pytest.mark.parametrize(
    "params",
    [
        {"max_turns": 1},
        {"min_change": 2.0},
        {"min_change": "x"},
        {"outcome": "median"},
        {"turns": 3},
    ],
)
def test_bad_parameters_are_user_errors(params: dict[str, object]) -> None:
    with pytest.raises(AccordError):
        accord.forecast("korea-2018", model="smp", **params)


def test_unknown_issue_is_a_user_error(dummy3: accord.Scenario) -> None:
    with pytest.raises(AccordError):
        smp_run(dummy3, issues=["nope"])


def test_outcome_does_not_depend_on_actor_order_with_near_duplicates() -> None:
    # two actors 6.6e-4 apart count as one position; KTAB keeps the first one's point
    x = np.array([[0.60436], [0.60370], [0.2]])
    s, c, r = np.full((3, 1), 0.5), np.array([1.5, 1.01, 0.3]), np.array([1.0, 0.2, -0.5])
    points, prob = outcome_distribution(x, s, c, r)
    assert points.shape == (2, 1) and prob.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(points[0], x[:2].mean(axis=0))
    perm = [1, 2, 0]
    got = expected_outcome(x[perm], s[perm], c[perm], r[perm])
    np.testing.assert_allclose(got, expected_outcome(x, s, c, r), atol=1e-15)


def test_result_frame_has_one_row_per_turn_actor_and_issue(dummy3: accord.Scenario) -> None:
    pytest.importorskip("pandas")
    result = smp_run(dummy3)
    frame = result.to_frame()
    assert len(frame) == (result.turns + 1) * len(result.actors) * len(result.issues)
    last = frame[(frame.turn == result.turns) & (frame.actor == result.actors[2])]
    np.testing.assert_array_equal(last.position, result.positions[-1, 2])
    assert set(last["prob"]) == {result.prob[-1, 2]}
