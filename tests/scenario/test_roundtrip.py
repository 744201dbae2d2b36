"""Round trips: scenario -> YAML/JSON -> scenario gives an equal scenario."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from tests.strategies import scenarios

import accord
from accord.scenario import load_text, validate_data

FIXTURES = Path(__file__).parent / "fixtures"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_random_scenarios_round_trip_through_yaml(data: dict) -> None:
    scenario = validate_data(data)
    again = load_text(scenario.to_yaml())
    assert again == scenario
    assert again.to_dict() == scenario.to_dict()


@settings(max_examples=30, deadline=None)
@given(scenarios())
def test_random_scenarios_round_trip_through_json(data: dict) -> None:
    scenario = validate_data(data)
    again = load_text(json.dumps(scenario.to_dict()), as_json=True)
    assert again == scenario


def test_builtin_round_trips() -> None:
    for name in accord.builtin_names():
        scenario = accord.load(name)
        assert load_text(scenario.to_yaml()) == scenario


def test_minimal_fixture_loads_with_uncertainty_and_options() -> None:
    s = accord.load(FIXTURES / "minimal.yaml")
    south = s.actor("south")
    assert south.capability.uncertain and south.capability.point == 1.5
    assert s.issue("quota").to_number("large") == 2.0
    arrays = s.arrays("tariff")
    assert arrays.actors == ("north", "south")
    assert arrays.salience.tolist() == [0.8, 0.6]
