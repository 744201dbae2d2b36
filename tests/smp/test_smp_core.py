"""The vectorised SMP core against a loop-by-loop oracle and against its own mathematics."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.smp import oracle
from tests.strategies_smp import smp_problems

from accord.models.smp.challenge import bargains, challenges, round4
from accord.models.smp.core import (
    distances,
    outlook,
    pce,
    quad_utility,
    risk_attitudes,
    victory_probabilities,
)
from accord.models.smp.run import representatives, run_smp, turn

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(smp_problems(max_actors=6))
def test_one_turn_matches_the_loop_oracle(problem: tuple[np.ndarray, ...]) -> None:
    x, s, c = problem
    expected = oracle.turn(x, s, c)
    state = outlook(x, s, c)
    phi, gain = challenges(state.views, c, s)
    off = ~np.eye(c.size, dtype=bool)
    np.testing.assert_allclose(state.risk, expected["risk"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(phi[off], expected["phi"][off], rtol=0, atol=1e-12)
    np.testing.assert_allclose(gain[off], expected["gain"][off], rtol=0, atol=1e-12)
    deals = bargains(x, s, phi, gain)
    assert [(i, j) for i, j, *_ in expected["deals"]] == list(
        zip(deals.initiator.tolist(), deals.receiver.tolist(), strict=True)
    )
    new, _ = turn(x, s, c)
    np.testing.assert_allclose(new, expected["new"], rtol=0, atol=2e-4)


@FAST
@given(smp_problems())
def test_distances_are_normalised(problem: tuple[np.ndarray, ...]) -> None:
    x, s, _ = problem
    d = distances(x, x, s)
    assert np.all(np.diag(d) == 0)
    assert np.all((d >= 0) & (d <= 1 + 1e-12))


@given(st.floats(0, 1), st.floats(-0.5, 1))
def test_utility_is_one_at_the_ideal_and_zero_at_distance_one(d: float, r: float) -> None:
    assert quad_utility(np.array(0.0), r) == 1.0
    assert abs(quad_utility(np.array(1.0), r)) < 1e-15
    u = float(quad_utility(np.array(d), r))
    assert -1e-12 <= u <= 1 + 1e-12
    assert u >= 1 - d - 1e-12 if r >= 0 else u <= 1 - d + 1e-12  # risk-averse is concave


@FAST
@given(smp_problems())
def test_election_probabilities(problem: tuple[np.ndarray, ...]) -> None:
    x, s, c = problem
    U = 1 - distances(x, x, s)
    P = victory_probabilities(c, U)
    np.testing.assert_allclose(P + P.T, 1.0, atol=1e-12)
    assert np.all(np.diag(P) == 0.5)
    p = pce(c, U)
    assert abs(p.sum() - 1) < 1e-12 and np.all(p >= 0)


@FAST
@given(smp_problems())
def test_risk_attitudes_span_mid_range(problem: tuple[np.ndarray, ...]) -> None:
    x, s, c = problem
    state = outlook(x, s, c)
    if np.ptp(state.prob) > 0:
        assert np.isclose(state.risk.max(), 1.0) and np.isclose(state.risk.min(), -0.5)
        assert np.argmax(state.risk) == np.argmax(state.prob)
    np.testing.assert_allclose(np.einsum("iii->i", state.views), 1.0)  # A^h_ii = 1
    np.testing.assert_array_equal(risk_attitudes(np.full(4, 0.25)), 0.0)


@FAST
@given(smp_problems())
def test_bargains_lie_between_the_two_positions(problem: tuple[np.ndarray, ...]) -> None:
    x, s, c = problem
    state = outlook(x, s, c)
    deals = bargains(x, s, *challenges(state.views, c, s))
    lo = np.minimum(x[deals.initiator], x[deals.receiver]) - 5e-5
    hi = np.maximum(x[deals.initiator], x[deals.receiver]) + 5e-5
    for b in (deals.init_pos, deals.recv_pos):
        assert np.all((b >= lo) & (b <= hi))
        np.testing.assert_allclose(b, round4(b), atol=1e-12)
    assert np.all(deals.gain > 1e-5) and np.all(deals.initiator != deals.receiver)


def test_round4_rounds_half_up() -> None:
    np.testing.assert_array_equal(
        round4(np.array([0.12345, 0.12344, 0.99996])), [0.1235, 0.1234, 1.0]
    )


@FAST
@given(smp_problems(distinct=True))
def test_turn_is_equivariant_to_actor_order(problem: tuple[np.ndarray, ...]) -> None:
    # whole runs are not: KTAB breaks ties by actor order, and the 1e-4 bargain grid can turn
    # a last-bit difference into a different trajectory
    x, s, c = problem
    perm = np.random.default_rng(len(c)).permutation(len(c))
    a, b = outlook(x, s, c), outlook(x[perm], s[perm], c[perm])
    np.testing.assert_allclose(a.risk[perm], b.risk, atol=1e-12)
    ga, gb = challenges(a.views, c, s)[1], challenges(b.views, c[perm], s[perm])[1]
    np.testing.assert_allclose(ga[np.ix_(perm, perm)], gb, atol=1e-12)
    np.testing.assert_allclose(
        turn(x, s, c)[0][perm], turn(x[perm], s[perm], c[perm])[0], atol=2e-4
    )


@FAST
@given(smp_problems())
def test_run_stops_by_the_rule(problem: tuple[np.ndarray, ...]) -> None:
    x, s, c = problem
    r = run_smp(x, s, c)
    assert 2 <= r.turns <= 100
    assert r.turns == 100 or r.change[-1] < 0.02
    assert np.all(r.change[1:-1] >= 0.02)
    assert np.all((r.positions >= 0) & (r.positions <= 1))
    assert r.prob.shape == (r.turns + 1, c.size) and np.all(r.prob > 0)


def test_representatives_take_first_occurrence_and_last_match() -> None:
    x = np.array([[0.0], [0.0006], [0.0012], [0.5]])
    reps, last = representatives(x)
    # 0 represents 1; 2 is 1.2e-3 from 0 (a new representative) but 6e-4 from 1
    assert reps.tolist() == [0, 2, 3]
    assert last.tolist() == [0, 1, 1, 2]
