"""Agreement space against NegMAS 0.16 (the oracle of VALIDATION.md), and the exchange format.

Definitions that coincide are compared directly: the Pareto set (NegMAS keeps one outcome per
distinct utility vector, as we do) and the Nash point. NegMAS's ``kalai_points`` is our
egalitarian solution (largest smallest gain); applied to gains normalised by the ideal point
it is our Kalai–Smorodinsky solution. NegMAS's own ``ks_points`` minimises the spread of the
normalised gains with the ideal taken over the whole space, which differs on finite sets;
it is documented in docs/explanation/agreement-space.md and not compared.
"""

from __future__ import annotations

import warnings
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies_space import GRID, scenarios

from accord.scenario import load
from accord.space.analysis import analyse
from accord.space.negmas_io import SCALE, from_negmas, to_negmas

negmas = pytest.importorskip("negmas")
ops = pytest.importorskip("negmas.preferences.ops")

SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _negmas_points(ns):
    """NegMAS's full Pareto frontier (reserved values lifted) as utility tuples."""
    saved = [u.reserved_value for u in ns.ufuns]
    for u in ns.ufuns:
        u.reserved_value = float("-inf")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pts, idx = ops.pareto_frontier(ns.ufuns, issues=ns.outcome_space.issues)
    finally:
        for u, r in zip(ns.ufuns, saved, strict=True):
            u.reserved_value = r
    return pts, idx


@SLOW
@given(st.booleans().flatmap(lambda g: scenarios(actors=(2, 4), issues=(2, 6), grid_values=g)))
def test_pareto_set_and_solutions_equal_negmas(s):
    a = analyse(s, grid=GRID, trades=False)
    p, front = a.problem, a.frontier
    if p.n_packages == 0:
        return
    ns = to_negmas(s, grid=GRID)
    pts, _ = _negmas_points(ns)
    ours = {tuple(float(x) * SCALE for x in row) for row in front.utility}
    assert set(map(tuple, pts)) == ours
    # Nash and egalitarian over the ZOPA part of the frontier, with NegMAS's own functions
    d = p.batna * SCALE
    zopa = [tuple(x) for x in front.utility * SCALE if np.all(np.array(x) > d)]
    sols = a.result.solutions
    if not zopa:
        assert sols["nash"] is None
        return
    ranges = [(float(r), 1.0) for r in d]
    nash = ops.nash_points(ns.ufuns, zopa, ranges=ranges)
    _assert_among(sols["nash"].utilities, p, [n[0] for n in nash])
    egal = ops.kalai_points(_zero_ufuns(d), _gains(zopa, d, p.total * SCALE), ranges=_zero(d))
    _assert_among(
        sols["egalitarian"].gains, p, [_back(g, p.total * SCALE) for g, _ in egal], gains=True
    )
    ideal = np.max(np.array(zopa) - d, axis=0)
    ks = ops.kalai_points(_zero_ufuns(d), _gains(zopa, d, ideal), ranges=_zero(d))
    _assert_among(sols["kalai_smorodinsky"].gains, p, [_back(g, ideal) for g, _ in ks], gains=True)


def _gains(points, d, scale):
    return [tuple((np.array(x) - d) / scale) for x in points]


def _back(g, scale):
    return tuple(np.array(g) * scale)


def _zero_ufuns(d):
    return [SimpleNamespace(reserved_value=0.0) for _ in d]


def _zero(d):
    return [(0.0, 1.0) for _ in d]


def _assert_among(values, p, candidates, gains=False):
    """Our solution's utilities (or gains), in NegMAS's units, match one NegMAS answer."""
    ours = np.array([values[a] * float(p.total[i]) * SCALE for i, a in enumerate(p.actors)])
    close = [np.max(np.abs(ours - np.array(c))) <= 1e-9 for c in candidates]
    assert any(close), (ours, candidates)


def test_korea_frontier_equals_negmas():
    s = load("korea-2018")
    a = analyse(s, actors=["usa", "dprk"], grid=6, trades=False)
    pts, _ = _negmas_points(to_negmas(s, ["usa", "dprk"], grid=6))
    assert {tuple(r * SCALE) for r in a.frontier.utility.astype(float)} == set(map(tuple, pts))


@SLOW
@given(scenarios(actors=(2, 3), issues=(2, 4), red_lines=False))
def test_round_trip_keeps_utilities_up_to_an_affine_map(s):
    ns = to_negmas(s, grid=GRID)
    try:
        back = from_negmas(ns)
    except Exception as err:  # tables not linear in option distance cannot be imported
        assert "linear" in str(err)
        return
    again = to_negmas(back, grid=GRID)
    for u, v in zip(ns.ufuns, again.ufuns, strict=True):
        outcomes = list(ns.outcome_space.enumerate_or_sample())
        x = np.array([u(o) for o in outcomes])
        y = np.array([v(tuple(_as_option(ns, back, o))) for o in outcomes])
        if np.ptp(x) == 0:
            assert np.ptp(y) == 0
            continue
        slope = np.ptp(y) / np.ptp(x)
        assert np.allclose(y, y.min() + slope * (x - x.min()), atol=1e-9)


def _as_option(ns, back, outcome):
    for issue, value in zip(ns.outcome_space.issues, outcome, strict=True):
        yield f"o{list(issue.all).index(value)}"
