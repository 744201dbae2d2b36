"""The security ladder's base rates are what the published figures give, and the engine agrees."""

from __future__ import annotations

import numpy as np
import pytest

from accord.dynamics import simulate_inputs
from accord.dynamics.basis import PARAMETERS
from accord.dynamics.calibrate import derive, transition_matrix
from accord.dynamics.inputs import no_deal
from accord.dynamics.params import resolve_params


def test_the_defaults_are_the_derivation_from_the_recorded_figures():
    got = derive(0.3, 0.047, down=PARAMETERS["base_down"].default)
    assert PARAMETERS["base_up"].default == pytest.approx(got.base_up, abs=1e-4)
    assert PARAMETERS["firebreak"].default == pytest.approx(got.firebreak, abs=1e-3)
    assert got.crises_per_year == pytest.approx(0.3, abs=1e-3)
    assert got.p_top_given_crisis == pytest.approx(0.047, abs=1e-3)


def test_every_parameter_says_what_it_rests_on():
    for spec in PARAMETERS.values():
        assert spec.label and spec.meaning and spec.source
        assert spec.basis in ("data", "judgement", "convention")
        if spec.basis == "data":
            assert spec.figure and spec.derivation
        if spec.basis == "judgement":
            assert spec.high > spec.low  # judgement enters the sensitivity analysis


def test_the_engine_follows_the_chain_the_rates_were_derived_on():
    # zero pressure: no deal, nobody hedges; P(top by 60 months) from the matrix vs the engine
    x = no_deal(("a", "b"), np.array([True, True]), np.array([False, False]))
    values = resolve_params(None, {"hedge_base": 0.0})
    runs = 40_000
    r = simulate_inputs([x], values=values, runs=runs, horizon=60, seed=3)
    up, down, fire = (float(values[k]) for k in ("base_up", "base_down", "firebreak"))
    dist = np.zeros(6)
    dist[2] = 1.0
    m = transition_matrix(up, down, fire)
    for _ in range(60):
        dist = dist @ m
    got = r.no_deal.at_end("p_conflict")
    assert abs(got - dist[-1]) < 4 * np.sqrt(dist[-1] * (1 - dist[-1]) / runs)


def test_the_explanation_table_lists_every_parameter_with_its_basis():
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "docs" / "explanation" / "simulation.md"
    text = page.read_text()
    for s in PARAMETERS.values():
        row = f"| `{s.name}` | {s.label} | {s.default:g} | {s.low:g} – {s.high:g} | {s.basis} |"
        assert row in text, s.name


def test_the_parameter_table_says_where_each_value_comes_from():
    from accord.dynamics import parameter_table
    from accord.scenario.load import load_text

    s = load_text(
        """
id: t
title: T
domain: trade
sources: [{id: memo, title: Desk memo}]
dynamics: {params: {base_up: {low: 0.01, mode: 0.02, high: 0.04, source: memo}}}
actors: [{id: a, name: A, capability: 1}]
issues: [{id: i, name: I, scale: {lo: 0, hi: 1}}]
"""
    )
    rows = {r["name"]: r for r in parameter_table(s, {"resume": 0.2})}
    assert rows["base_up"]["basis"] == "scenario" and rows["base_up"]["source"] == "Desk memo"
    assert (rows["base_up"]["low"], rows["base_up"]["high"]) == (0.01, 0.04)
    assert rows["resume"]["basis"] == "caller" and rows["resume"]["value"] == 0.2
    assert rows["firebreak"]["basis"] == "judgement"  # trade ladder: no published rate
    assert all(r["label"] and r["meaning"] for r in rows.values())
    assert "arms_a" not in rows
