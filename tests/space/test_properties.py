"""Properties of the frontier and the solutions on random scenarios (Hypothesis)."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies_space import GRID, scenarios

from accord.scenario import validate_data
from accord.space.analysis import analyse
from accord.space.frontier import count_zopa, enumerate_frontier, merge_frontier
from accord.space.problem import Instance, build_problem
from accord.space.solutions import solve

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def all_packages(p: Instance) -> tuple[np.ndarray, np.ndarray]:
    """Every feasible package's block choice and integer utilities, by brute force."""
    choice = np.array(list(itertools.product(*(range(len(b.combos)) for b in p.blocks))))
    util = sum(b.table[choice[:, j]] for j, b in enumerate(p.blocks))
    return choice, np.asarray(util)


@FAST
@given(
    st.booleans().flatmap(lambda g: scenarios(grid_values=g)), st.sampled_from(["hard", "penalty"])
)
def test_merge_and_enumeration_agree_exactly(s, red_lines):
    p = build_problem(s, grid=GRID, red_lines=red_lines)
    m, e = merge_frontier(p), enumerate_frontier(p, chunk=7)
    assert np.array_equal(m.utility, e.utility)
    assert np.array_equal(m.choice, e.choice)
    assert np.array_equal(m.count, e.count)
    assert e.zopa == count_zopa(p, chunk=5)


@FAST
@given(scenarios())
def test_frontier_is_exactly_the_undominated_set(s):
    p = build_problem(s, grid=GRID)
    if p.n_packages == 0:
        return
    choice, util = all_packages(p)
    front = merge_frontier(p)
    ge = np.all(util[:, None, :] >= util[None, :, :], axis=2)
    gt = np.any(util[:, None, :] > util[None, :, :], axis=2)
    dominated = np.any(ge & gt, axis=0)
    expected = {tuple(u) for u in util[~dominated]}
    assert {tuple(u) for u in front.utility} == expected
    # every non-member is dominated by a member
    f = front.utility
    for u in util[dominated]:
        assert np.any(np.all(f >= u, axis=1) & np.any(f > u, axis=1))
    # each point's package is the first (in package order) reaching it, and counts are right
    for u, c, n in zip(front.utility, front.choice, front.count, strict=True):
        rows = np.flatnonzero(np.all(util == u, axis=1))
        assert len(rows) == n and np.array_equal(choice[rows[0]], c)


def _exact(row, p, kind):
    g = [Fraction(int(u - d)) for u, d in zip(row, p.batna, strict=True)]
    if kind == "nash":
        return np.prod(g)
    if kind == "utilitarian":
        return sum(Fraction(int(u), int(t)) for u, t in zip(row, p.total, strict=True))
    return min(x / int(t) for x, t in zip(g, p.total, strict=True))


@FAST
@given(scenarios())
def test_solutions_match_brute_force(s):
    p = build_problem(s, grid=GRID)
    if p.n_packages == 0:
        return
    _, util = all_packages(p)
    front = merge_frontier(p)
    picks = solve(front.utility, np.arange(len(front.utility)), p.batna, p.total)
    inside = util[np.all(util > p.batna, axis=1)]
    if len(inside) == 0:
        assert all(v is None for v in picks.values())
        return
    for kind in ("nash", "utilitarian", "egalitarian"):
        best = max(_exact(row, p, kind) for row in inside)
        assert _exact(front.utility[picks[kind]], p, kind) == best
    ideal = inside.max(axis=0) - p.batna
    ks = max(
        min(Fraction(int(u - d), int(i)) for u, d, i in zip(row, p.batna, ideal, strict=True))
        for row in inside
    )
    row = front.utility[picks["kalai_smorodinsky"]]
    assert (
        min(Fraction(int(u - d), int(i)) for u, d, i in zip(row, p.batna, ideal, strict=True)) == ks
    )


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 3).flatmap(
        lambda a: st.tuples(
            st.lists(
                st.lists(st.integers(0, 50), min_size=a + 1, max_size=a + 1),
                min_size=1,
                max_size=25,
            ),
            st.lists(st.integers(1, 1000), min_size=a + 1, max_size=a + 1),
            st.lists(st.integers(-1000, 1000), min_size=a + 1, max_size=a + 1),
            st.integers(0, a),
        )
    )
)
def test_nash_and_ks_invariant_to_positive_affine_rescaling(case):
    rows, scale, shift, who = case
    u = np.array(rows, dtype=np.int64)
    d = np.full(u.shape[1], 10, dtype=np.int64)
    total = np.full(u.shape[1], 50, dtype=np.int64)
    order = np.arange(len(u))
    base = solve(u, order, d, total)
    a = np.ones(u.shape[1], dtype=np.int64)
    b = np.zeros(u.shape[1], dtype=np.int64)
    a[who], b[who] = scale[who], shift[who]
    moved = solve(u * a + b, order, d * a + b, total * a)
    assert moved["nash"] == base["nash"]
    assert moved["kalai_smorodinsky"] == base["kalai_smorodinsky"]
    assert moved["egalitarian"] == base["egalitarian"]


@FAST
@given(scenarios(), st.integers(2, 4))
def test_an_issue_nobody_cares_about_changes_no_utility(s, options):
    data = s.to_dict()
    data["issues"].append(
        {"id": "idle", "name": "idle", "options": [{"id": f"x{j}"} for j in range(options)]}
    )
    for actor in data["actors"][:1]:
        data["stances"].setdefault(actor["id"], {})["idle"] = {"position": "x0", "salience": 0.0}
    more = validate_data(data)
    base = analyse(s, grid=GRID, trades=False).result
    wider = analyse(more, grid=GRID, trades=False).result
    assert [f.utilities for f in wider.frontier] == [f.utilities for f in base.frontier]
    assert [f.n_packages for f in wider.frontier] == [f.n_packages * options for f in base.frontier]
    assert wider.batna == base.batna
    for name, sol in base.solutions.items():
        other = wider.solutions[name]
        assert (sol is None) == (other is None)
        if sol is not None and other is not None:
            assert sol.utilities == other.utilities


@FAST
@given(scenarios(actors=(2, 3), issues=(2, 4), red_lines=False))
def test_exclusions_remove_exactly_those_packages(s):
    first, second = s.issues[0], s.issues[1]
    value = {i.id: (i.options[0].id if i.options else 0.0) for i in (first, second)}
    p = build_problem(s, grid=GRID, exclude=[value])
    q = build_problem(s, grid=GRID)
    assert p.n_packages == q.n_packages - q.n_packages // (
        len(q.blocks[0].combos) * len(q.blocks[1].combos)
    )
    m, e = merge_frontier(p), enumerate_frontier(p)
    assert np.array_equal(m.utility, e.utility) and np.array_equal(m.choice, e.choice)
    vals = p.package_values(m.choice) if len(m.choice) else np.zeros((0, len(s.issues)))
    assert not np.any((vals[:, 0] == 0) & (vals[:, 1] == 0))
