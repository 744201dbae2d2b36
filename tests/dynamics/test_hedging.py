"""Third-party hedging adds up: a larger weakening of a guarantee never means less hedging."""

from __future__ import annotations

import dataclasses
from itertools import pairwise

import numpy as np
from tests.dynamics.dyn_helpers import deal

from accord.dynamics import simulate_inputs
from accord.dynamics.draws import Draws
from accord.dynamics.engine import clause_probabilities, simulate_runs
from accord.dynamics.params import draw_params, resolve_params

MAGNITUDES = (0.0, 0.1, 0.3, 0.6, 1.0)


def _with_hedge(x, m):
    return dataclasses.replace(x, hedge=np.where(x.hedge > 0, m, 0.0) + 0 * x.hedge)


def _finals(x, values, seed=11, n=8000):
    rng = np.random.default_rng(seed)
    cols = draw_params(values, rng, n)
    p = clause_probabilities(x, rng, n, bands=False)
    return simulate_runs(x, cols, p, Draws(rng, n), 60)[1]


def test_every_run_that_hedges_at_a_smaller_withdrawal_hedges_at_a_larger_one():
    # hedging not fed back into escalation: the same streams give the same crises, so a larger
    # weakening can only add hedgers, run by run
    values = resolve_params(None, {"beta_hedge": 0.0})
    for p, life in ((0.1, 0.0), (0.5, 0.0), (0.9, 0.0), (0.3, 36.0), (0.8, 24.0)):
        x = deal([p, p], hedge=1.0, life_months=np.full(2, life))  # life > 0: carried out stepwise
        flags = [_finals(_with_hedge(x, m), values).hedge for m in MAGNITUDES]
        for small, large in pairwise(flags):
            assert np.all(large >= small), (p, life)
        assert flags[-1].mean() > flags[0].mean() + 0.05


def test_a_larger_withdrawal_never_hedges_less_with_feedback_on():
    # with hedging raising escalation too: the probabilities still rise with the magnitude
    base = deal([0.2, 0.8], hedge=1.0)
    shares = []
    for m in MAGNITUDES:
        x = _with_hedge(base, m)
        r = simulate_inputs([x], runs=20_000, horizon=60, seed=5)
        shares.append(r.deals["d"].hedge_by_actor["ally"][-1])
    se = np.sqrt(0.25 / 20_000)
    assert all(b >= a - 2 * se for a, b in pairwise(shares)), shares
    assert shares[-1] > shares[0] + 0.1


def test_a_promised_withdrawal_is_felt_before_it_is_carried_out():
    # the same unlikely withdrawal: with the signing signal, allies hedge more than without
    x = deal([0.1, 0.1], hedge=0.8, life_months=np.full(2, 36.0))
    quiet = simulate_inputs([x], values=resolve_params(None, {"hedge_signal": 0.0}), runs=8000)
    signal = simulate_inputs([x], values=resolve_params(None, {"hedge_signal": 1.0}), runs=8000)
    assert signal.deals["d"].at_end("p_hedge") > quiet.deals["d"].at_end("p_hedge") + 0.05
