"""The Monte Carlo engine over hand-made arrays: each mechanism against what it must do."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from tests.dynamics.dyn_helpers import QUIET, deal
from tests.strategies_dynamics import engine_inputs

from accord.dynamics import simulate_inputs
from accord.dynamics.draws import Draws
from accord.dynamics.engine import simulate_runs
from accord.dynamics.ladder import CONFLICT, LADDER
from accord.dynamics.params import draw_params, resolve_params
from accord.dynamics.statics import State, prepare


def run(inputs, runs=4000, horizon=60, seed=1, **params):
    return simulate_inputs(
        inputs,
        values=resolve_params(None, params),
        runs=runs,
        horizon=horizon,
        seed=seed,
        bands=False,
    )


def test_without_feedback_a_clause_survives_with_its_probability():
    p = np.array([0.2, 0.5, 0.9])
    r = run([deal(p)], runs=20000, **QUIET)
    survival = np.array([r.deals["d"].clause_survival[c][-1] for c in ("d-0", "d-1", "d-2")])
    se = np.sqrt(p * (1 - p) / 20000)
    assert np.all(np.abs(survival - p) < 4 * se + 1e-3)


def test_irreversible_clause_cannot_break_after_its_life():
    x = deal([0.5], life_months=np.array([12.0]), reversible=np.array([False]))
    r = run([x], horizon=36, **QUIET)
    survival = r.deals["d"].clause_survival["d-0"]
    assert survival[11] == pytest.approx(0.5, abs=0.03)
    assert survival[-1] == survival[12]


def test_a_clause_waits_on_the_clause_it_depends_on():
    depends = np.array([[False, False], [True, False]])
    r = run([deal([0.0, 1.0], depends=depends)], horizon=6, **QUIET)
    d = r.deals["d"]
    assert d.clause_survival["d-1"][-1] == 1.0  # never broken ...
    assert d.clause_kept["d-1"][-1] == 0.0  # ... but not delivered either
    assert d.at_end("p_intact") == 0.0


def test_escalation_without_pressure_is_the_markov_chain():
    up, down, fire = 0.05, 0.04, 0.5
    x = deal([1.0], benefit=0.0, credibility=0.5, q=0.5, alpha=0.5)  # alarms carry no news
    quiet = {k: v for k, v in QUIET.items() if k not in ("base_up", "base_down")}
    r = run(
        [x],
        runs=30000,
        horizon=24,
        base_up=up,
        base_down=down,
        firebreak=fire,
        beta_trust=0.0,
        beta_violation=0.0,
        beta_hedge=0.0,
        **quiet,
    )
    R = len(LADDER)
    M = np.zeros((R, R))
    for i in range(R - 1):
        u = up * (fire if i == R - 2 else 1)
        d = 0.0 if i == 0 else min(down, 1 - u)
        M[i, i + 1] = u
        if i:
            M[i, i - 1] = d
        M[i, i] = 1 - u - d
    M[-1, -1] = 1
    dist = np.eye(R)[2]
    want = []
    for _ in range(24):
        dist = dist @ M
        want.append(dist)
    for got in (np.array(r.no_deal.escalation), np.array(r.deals["d"].escalation)):
        assert np.abs(got - np.array(want)).max() < 4 * np.sqrt(0.25 / 30000) + 1e-3
    assert r.no_deal.p_conflict[-1] == pytest.approx(want[-1][CONFLICT], abs=0.01)


def test_bayes_update_matches_the_closed_form():
    x = deal([0.9, 0.9], q=0.7, alpha=0.1, credibility=0.6)
    cols = draw_params(resolve_params(None, {"forgetting": 0.0}), np.random.default_rng(0), 2)
    s = prepare(x, cols, np.full((2, 2), 0.9))
    st = State.start(s, cols, 2)
    seen = np.array([[1.0, 0.0], [0.0, 0.0]], np.float32)
    st.update_beliefs(s, cols, seen)
    b = 1 / (1 + np.exp(-st.belief))
    pi, q, a = 0.6, 0.7, 0.1
    assert b[0, 0] == pytest.approx(pi * a / (pi * a + (1 - pi) * q), rel=1e-4)
    assert b[0, 1] == pytest.approx(pi * (1 - a) / (pi * (1 - a) + (1 - pi) * (1 - q)), rel=1e-4)


def test_hedging_follows_an_implemented_guarantee_cut():
    x = deal([1.0], hedge=1.0, benefit=0.0)
    r = run([x], runs=20000, horizon=24, **{**QUIET, "hedge_guarantee": 0.05})
    assert r.deals["d"].at_end("p_hedge") == pytest.approx(1 - 0.95**24, abs=0.015)
    assert r.no_deal.at_end("p_hedge") == 0.0


def test_richardson_rests_without_frustration_and_notes_instability():
    x = deal([1.0], benefit=0.0)
    calm = simulate_inputs(
        [x], runs=500, horizon=12, arms=True, bands=False, values=resolve_params(None, QUIET)
    )
    quiet = simulate_inputs(
        [x], runs=500, horizon=12, bands=False, values=resolve_params(None, QUIET)
    )
    assert calm.deals["d"].p_conflict == quiet.deals["d"].p_conflict
    wild = simulate_inputs(
        [x],
        runs=100,
        horizon=6,
        arms=True,
        values=resolve_params(None, {"arms_a": 0.2, "arms_b": 0.2, "arms_m": 0.05, "arms_n": 0.05}),
    )
    assert any("unstable" in n for n in wild.notes)


@settings(max_examples=15, deadline=None)
@given(engine_inputs())
def test_curves_are_probabilities_and_absorbing_ones_only_rise(x):
    r = simulate_inputs([x], runs=300, horizon=8, seed=3)
    for o in (*r.deals.values(), r.no_deal):
        assert np.all(np.diff(o.p_conflict) >= 0)
        assert np.all(np.diff(o.p_hedge) >= 0)
        for curve in o.clause_survival.values():
            assert np.all(np.diff(curve) <= 0)
        assert np.allclose(np.sum(o.escalation, axis=1), 1.0, atol=1e-5)
        assert all(0.0 <= v <= 1.0 for v in o.p_intact)


def test_common_random_numbers_repeat_streams():
    d = Draws(np.random.default_rng(0), 6, reps=3, pad=4)
    u = d.uniform(2)
    assert u.shape == (6, 2)
    assert np.array_equal(u[:3], u[3:])


def test_engine_runs_on_per_run_parameter_columns():
    x = deal([0.5, 0.5])
    values = resolve_params(None, {"beta_frustration": (0.5, 2.0)})
    cols = draw_params(values, np.random.default_rng(0), 1000)
    assert cols["beta_frustration"].shape == (1000, 1)
    assert cols["base_up"].shape == (1, 1)
    tot, fin = simulate_runs(
        x, cols, np.full((1000, 2), 0.5), Draws(np.random.default_rng(1), 1000), 12
    )
    assert tot.runs == 1000 and fin.conflict.shape == (1000,)
