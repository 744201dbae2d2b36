"""The elicitable numbers of a scenario and where each sits in the file."""

from __future__ import annotations

from typing import Any

import pytest

import accord
from accord.elicit.items import data_path, scenario_items
from accord.scenario import Quantity


@pytest.mark.parametrize("name", ["korea-2018"])
def test_every_item_points_at_its_value(name: str) -> None:
    s = accord.load(name)
    items = scenario_items(s)
    assert [i.id for i in items] == sorted({i.id for i in items})
    data: Any = s.to_dict()
    for item in items:
        node = data
        for part in data_path(s, item.id):
            node = node[part]
        assert Quantity.model_validate(node) == item.current, item.id
        low, high = item.current.bounds
        assert item.lo <= low <= high <= item.hi, item.id


def test_the_kinds_of_items_and_their_bounds() -> None:
    items = {i.id: i for i in scenario_items(accord.load("korea-2018"))}
    assert (items["stances/usa/cbm/salience"].lo, items["stances/usa/cbm/salience"].hi) == (0, 1)
    assert items["stances/usa/cbm/position"].hi == 100
    assert "actors/usa/domestic/ratifiers/senate/support" in items
    assert "deals/grand-bargain/gb-withdrawal/third_party_effects/rok" in items
    assert items["actors/usa/capability"].hi == float("inf")
