"""Properties of the judgement's formulas (each checked against its source's statement)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies_feasibility import discount, positive, prob, shift

from accord.feasibility import formulas as fm
from accord.feasibility.inputs import Input, draw


def a(x: float) -> np.ndarray:
    return np.array([x])


@given(q=prob, L=positive, g=positive, d=discount)
def test_self_enforcement_is_one_half_exactly_at_the_threshold(
    q: float, L: float, g: float, d: float
) -> None:
    T = q * d / (1 - d) * L
    assert np.isclose(fm.p_self_enforcing(a(q), a(L), a(T), d, 1.0)[0], 0.5)
    more = fm.p_self_enforcing(a(q), a(L), a(g), d, 1.0)[0]
    assert (more >= 0.5) == (g <= T) or np.isclose(g, T)


@given(q=prob, dq=st.floats(0.0, 0.5), L=positive, g=positive, d=discount)
def test_more_detection_or_punishment_never_lowers_self_enforcement(
    q: float, dq: float, L: float, g: float, d: float
) -> None:
    base = fm.p_self_enforcing(a(q), a(L), a(g), d, 1.0)[0]
    assert fm.p_self_enforcing(a(min(q + dq, 1.0)), a(L), a(g), d, 1.0)[0] >= base - 1e-12
    assert fm.p_self_enforcing(a(q), a(L * 2), a(g), d, 1.0)[0] >= base - 1e-12
    assert fm.p_self_enforcing(a(q), a(L), a(g * 2), d, 1.0)[0] <= base + 1e-12


@given(s=shift, p=prob, d=discount)
def test_powell_condition_matches_the_inequality(s: float, p: float, d: float) -> None:
    binds = fm.powell_binds(a(s), p, d, 0.3, 1e-6)[0]
    holds = d * s > (1 - d) * (1 - p + 0.3)
    if s == 0:
        assert binds == 0
    elif abs(d * s - (1 - d) * (1 - p + 0.3)) > 1e-4:
        assert (binds > 0.5) == holds


@given(prior=prob, q=prob, alpha=prob)
def test_credibility_rises_after_a_quiet_period_iff_detection_beats_false_alarms(
    prior: float, q: float, alpha: float
) -> None:
    post = fm.bayes_credibility(a(prior), a(q), a(alpha))[0]
    assert 0 <= post <= 1
    if q > alpha + 1e-9:
        assert post >= prior - 1e-12
    elif q < alpha - 1e-9:
        assert post <= prior + 1e-12


def test_uninformative_verification_leaves_the_prior() -> None:
    assert np.isclose(fm.bayes_credibility(a(0.3), a(0.2), a(0.2))[0], 0.3)


def test_two_thirds_of_a_hostile_senate_is_out_of_reach() -> None:
    assert fm.p_ratify(a(0.45), 2 / 3, 0.08)[0] < 0.01
    assert fm.p_ratify(a(0.75), 2 / 3, 0.08)[0] > 0.8


@given(T=st.floats(0, 20), H=st.floats(0.5, 30), r=prob)
def test_turnover_survival_falls_with_exposure(T: float, H: float, r: float) -> None:
    now = fm.p_survives_turnover(a(T), a(H), r)[0]
    later = fm.p_survives_turnover(a(T + 1), a(H), r)[0]
    assert 1 - r - 1e-12 <= later <= now <= 1


def test_draws_follow_each_input_and_are_vectorised() -> None:
    rng = np.random.default_rng(0)
    inputs = [Input(0, 0.5, 1, "t"), Input(2, None, 4, "u"), Input.fixed(3, "x")]
    x = draw(inputs, rng.random((20000, 3)))
    assert x.shape == (20000, 3)
    assert np.isclose(x[:, 0].mean(), 0.5, atol=0.01)  # symmetric triangular
    assert np.isclose(x[:, 1].mean(), 3.0, atol=0.02) and x[:, 1].min() >= 2
    assert np.all(x[:, 2] == 3)
    skew = draw([Input(0, 0.0, 1, "t")], rng.random((20000, 1)))
    assert np.isclose(skew.mean(), 1 / 3, atol=0.01)
