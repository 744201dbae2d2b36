"""Parameters: defaults with sources, overrides from the scenario and the caller, errors."""

from __future__ import annotations

import numpy as np
import pytest

from accord.dynamics.params import PARAMETERS, draw_params, resolve_params
from accord.errors import AccordError
from accord.scenario.quantity import Quantity


def test_every_parameter_is_documented_and_its_default_lies_in_its_range():
    for spec in PARAMETERS.values():
        assert spec.meaning and spec.source
        assert spec.domain[0] <= spec.low <= spec.default <= spec.high <= spec.domain[1]


def test_scenario_context_and_caller_override_in_that_order():
    ctx = {"dynamics.beta_frustration": 2.0, "dynamics.resume": 0.2, "venue": "x"}
    v = resolve_params(ctx, {"resume": 0.05})
    assert v["beta_frustration"] == 2.0 and v["resume"] == 0.05


def test_ranges_become_quantities_drawn_inside_them():
    v = resolve_params(None, {"beta_frustration": (0.5, 1.0, 2.0), "reciprocity": [0.1, 0.2]})
    assert isinstance(v["beta_frustration"], Quantity)
    cols = draw_params(v, np.random.default_rng(0), 5000)
    f = cols["beta_frustration"][:, 0]
    assert f.min() >= 0.5 and f.max() <= 2.0 and abs(np.median(f) - 1.1) < 0.1
    assert cols["reciprocity"].shape == (5000, 1)


def test_every_mistake_is_reported_at_once():
    with pytest.raises(AccordError) as err:
        resolve_params({"dynamics.nonsense": 1.0}, {"reciprocity": 1.5, "resume": "x"})
    text = str(err.value)
    assert "nonsense" in text and "reciprocity" in text and "resume" in text
    assert len(err.value.problems) == 3


def test_the_reference_page_lists_every_parameter_with_its_default():
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "docs" / "reference" / "simulation.md"
    text = page.read_text()
    for spec in PARAMETERS.values():
        assert f"| `{spec.name}` | {spec.default:g} |" in text, spec.name
