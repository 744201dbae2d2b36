"""Fitting a triple, pooling, and the triangle the scenario carries."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.elicit.fit import PROBS, fit_triangle, fit_triple, pool_quantiles, support


@pytest.mark.parametrize("triple", [(40, 50, 60), (1, 50, 99), (0, 5, 30), (90, 99, 100)])
def test_a_beta_fits_the_triple(triple: tuple[float, float, float]) -> None:
    f = fit_triple(*triple, 0.0, 100.0)
    assert np.allclose(f.ppf(PROBS), triple, atol=0.5)


def test_a_skewed_triple_gets_a_skewed_fit() -> None:
    f = fit_triple(10, 20, 40, 0.0, 100.0)
    q = f.ppf(PROBS)
    assert q[2] - q[1] > 1.3 * (q[1] - q[0])  # the long tail stays on the right
    assert np.max(np.abs(q - [10, 20, 40])) < 1.5  # two shapes for three quantiles: near


def test_a_point_estimate_is_a_point_mass() -> None:
    f = fit_triple(5, 5, 5, 0.0, 100.0)
    assert f.point == 5 and np.all(f.ppf(PROBS) == 5)
    assert pool_quantiles([f, f], [1, 1]).tolist() == [5, 5, 5]


def test_support_uses_hard_bounds_and_overshoot_elsewhere() -> None:
    assert support(0.0, 1.0, [(0.2, 0.3, 0.4)]) == (0.0, 1.0)
    lo, hi = support(0.0, np.inf, [(2, 3, 4), (3, 5, 12)])
    assert lo == 0.0 and hi == pytest.approx(13.0)


def test_pooling_one_expert_gives_back_its_quantiles() -> None:
    f = fit_triple(30, 50, 60, 0.0, 100.0)
    assert np.allclose(pool_quantiles([f], [1.0]), f.ppf(PROBS), atol=1e-6)


def test_two_experts_far_apart_give_a_pool_holding_both() -> None:
    a, b = fit_triple(10, 15, 20, 0, 100), fit_triple(70, 75, 80, 0, 100)
    q = pool_quantiles([a, b], [1, 1])
    assert q[0] < 15 and q[2] > 75  # disagreement kept as uncertainty


triples = st.tuples(st.floats(0, 100), st.floats(0, 100), st.floats(0, 100)).map(
    lambda t: tuple(sorted(t))
)


@settings(max_examples=30, deadline=None)
@given(st.lists(triples, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_pool_is_inside_the_answers_and_free_of_order(
    answers: list[tuple[float, float, float]], rnd: object
) -> None:
    fits = [fit_triple(*t, 0.0, 100.0) for t in answers]
    q = pool_quantiles(fits, [1.0] * len(fits))
    assert np.all(np.diff(q) >= -1e-9)
    assert q[0] >= 0.0 and q[2] <= 100.0
    order = list(range(len(fits)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    again = pool_quantiles([fits[k] for k in order], [1.0] * len(fits))
    assert np.allclose(q, again, atol=1e-9)


@pytest.mark.parametrize("q", [(20, 50, 80), (0.6, 0.75, 0.85), (2, 4, 7)])
def test_the_triangle_matches_the_pooled_quantiles(q: tuple[float, float, float]) -> None:
    low, mode, high = fit_triangle(q, 0.0, 100.0)
    assert low <= mode <= high and low >= 0 and high <= 100
    c = (mode - low) / (high - low)
    from scipy import stats

    fitted = stats.triang.ppf(PROBS, c, loc=low, scale=high - low)
    assert np.allclose(fitted, q, atol=0.02 * (q[2] - q[0]))


def test_a_pool_too_skewed_for_a_triangle_keeps_its_interval() -> None:
    low, mode, high = fit_triangle((2, 3, 9), 0.0, 100.0)
    from scipy import stats

    c = (mode - low) / (high - low)
    fitted = stats.triang.ppf(PROBS, c, loc=low, scale=high - low)
    assert abs(fitted[0] - 2) < 0.7 and abs(fitted[2] - 9) < 0.7
