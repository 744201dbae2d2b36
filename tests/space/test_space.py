"""The agreement space on the built-in scenario, the result objects and user errors."""

from __future__ import annotations

import json

import numpy as np
import pytest

import accord
from accord.errors import AccordError
from accord.space import OfferResult, SpaceResult, offer, space
from accord.space.analysis import analyse
from accord.space.frontier import enumerate_frontier


@pytest.fixture(scope="module")
def korea():
    return accord.load("korea-2018")


@pytest.fixture(scope="module")
def pair(korea):
    return space(korea, actors=["usa", "dprk"])


def test_result_is_frozen_plain_data_with_the_documented_keys(pair):
    d = pair.to_dict()
    json.dumps(d, allow_nan=False)
    for key in (
        "scenario",
        "actors",
        "n_packages",
        "method",
        "zopa_size",
        "frontier",
        "solutions",
        "trades",
    ):
        assert key in d
    assert set(d["solutions"]) == {"nash", "kalai_smorodinsky", "utilitarian", "egalitarian"}
    assert d["method"] == "merge" and d["actors"] == ["usa", "dprk"]
    assert set(d["frontier"][0]) >= {"package", "utilities"}
    with pytest.raises(AttributeError):
        pair.method = "x"  # type: ignore[misc]


def test_facade_and_package_are_the_same(korea, pair):
    again = accord.space("korea-2018", actors=["usa", "dprk"])
    assert isinstance(again, SpaceResult)
    assert again.to_dict() == pair.to_dict()
    assert accord.space(korea, actors=["usa", "dprk"]).to_dict() == pair.to_dict()


def test_to_frame(pair):
    pd = pytest.importorskip("pandas")
    frame = pair.to_frame()
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(pair.frontier)
    assert {"u_usa", "u_dprk", "nuclear_arsenal", "in_zopa"} <= set(frame.columns)


def test_enumeration_gives_the_same_answer_on_korea(korea, pair):
    e = space(korea, actors=["usa", "dprk"], method="enumerate")
    assert e.method == "enumerate"
    assert [f.to_dict() for f in e.frontier] == [f.to_dict() for f in pair.frontier]
    assert e.solutions == pair.solutions and e.zopa_size == pair.zopa_size


def test_frontier_respects_hard_red_lines(korea, pair):
    crossing = [offer(korea, f.package, actors=["usa", "dprk"]) for f in pair.frontier[:20]]
    assert all(not o.red_lines for o in crossing)


def test_solutions_are_in_the_zopa_and_on_the_frontier(pair):
    points = [f.utilities for f in pair.frontier]
    for sol in pair.solutions.values():
        assert sol is not None
        assert sol.utilities in points
        assert all(g > 0 for g in sol.gains.values())
        for a, u in sol.utilities.items():
            assert u == pytest.approx(pair.batna[a] + sol.gains[a], abs=1e-9)


def test_recommended_package_is_nearer_the_modest_agenda_than_the_grand_bargain(korea, pair):
    nash = pair.solutions["nash"]
    assert nash is not None

    def distance(deal):
        values = offer(korea, deal, actors=["usa", "dprk"]).package
        return sum(abs(float(values[i]) - float(nash.package[i])) for i in values)

    assert distance("modest-agenda") < distance("grand-bargain")


def test_grand_bargain_crosses_red_lines_and_is_dominated(korea):
    r = offer(korea, "grand-bargain", actors=["usa", "dprk"])
    assert isinstance(r, OfferResult)
    crossed = {(c["actor"], c["issue"]) for c in r.red_lines}
    assert ("dprk", "nuclear_arsenal") in crossed and ("usa", "us_force_posture") in crossed
    assert not r.in_zopa and r.dominated and r.improvements
    for f in r.improvements:  # each counter-offer leaves everyone at least as well off
        assert all(f.utilities[a] >= r.utilities[a] for a in r.utilities)
    json.dumps(r.to_dict(), allow_nan=False)


def test_offer_of_a_frontier_package_is_undominated(korea, pair):
    best = pair.solutions["nash"]
    r = offer(korea, best.package, actors=["usa", "dprk"])
    assert not r.dominated and not r.improvements and r.in_zopa
    assert r.utilities == best.utilities


def test_unset_issues_stay_at_the_reference_point(korea):
    r = offer(korea, {"cbm": 80}, actors=["usa", "dprk"])
    assert r.package["cbm"] == 80 and r.package["nuclear_arsenal"] == 100
    assert r.package["tech_export"] == 70  # the reference's point estimate (its mode)


def test_trades_raise_both_utilities_and_are_ranked(pair):
    assert pair.trades
    scores = [np.prod(list(t.gains.values())) for t in pair.trades]
    assert scores == sorted(scores, reverse=True)
    for t in pair.trades:
        assert all(g > 0 for g in t.gains.values())
        assert set(t.concessions) == set(t.actors)
        assert set(t.concessions.values()) == set(t.issues)


def test_penalty_mode_keeps_red_line_packages_at_a_cost(korea):
    hard = space(korea, actors=["usa", "dprk"], trades=False)
    soft = space(korea, actors=["usa", "dprk"], red_lines="penalty", trades=False)
    assert soft.n_packages == soft.n_grid > hard.n_packages
    r = offer(korea, "grand-bargain", actors=["usa", "dprk"], red_lines="penalty")
    assert r.utilities["dprk"] < 0  # two red lines crossed, each a full utility range


def test_conflicting_red_lines_leave_no_deal(korea):
    data = korea.to_dict()
    data["stances"]["usa"]["nuclear_arsenal"]["red_line"] = 20
    s = accord.scenario.validate_data(data)
    r = space(s, actors=["usa", "dprk"])
    assert r.n_packages == 0 and not r.frontier and r.zopa_size == 0
    assert r.blocked == {"nuclear_arsenal": ["usa", "dprk"]}
    assert all(v is None for v in r.solutions.values())


def test_exclusion_and_grid_per_issue(korea):
    r = space(
        korea,
        actors=["usa", "dprk"],
        grid={"cbm": 3},
        exclude=[{"sanctions_relief": 60, "security_guarantee": 100}],
        trades=False,
    )
    assert {f.package["cbm"] for f in r.frontier} <= {0.0, 50.0, 100.0}
    assert not any(
        f.package["sanctions_relief"] == 60 and f.package["security_guarantee"] == 100
        for f in r.frontier
    )


def test_zopa_estimate_beyond_the_enumeration_limit(korea, pair):
    est = space(
        korea, actors=["usa", "dprk"], max_enumerate=1000, zopa_samples=50_000, seed=1, trades=False
    )
    assert not est.zopa_exact and est.zopa_error is not None
    assert abs(est.zopa_size - pair.zopa_size) < 5 * est.zopa_error + 1
    again = space(
        korea, actors=["usa", "dprk"], max_enumerate=1000, zopa_samples=50_000, seed=1, trades=False
    )
    assert again.zopa_size == est.zopa_size


def test_capability_weighted_nash_favours_the_stronger(korea):
    r = space(korea, actors=["usa", "dprk"], nash="capability", trades=False)
    sym = space(korea, actors=["usa", "dprk"], trades=False)
    assert r.solutions["nash"].gains["usa"] >= sym.solutions["nash"].gains["usa"]


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"actors": ["usa", "nobody"]}, "actors"),
        ({"grid": 1}, "grid.nuclear_arsenal"),
        ({"method": "magic"}, "method"),
        ({"nash": "odd"}, "nash"),
        ({"red_lines": "soft"}, "red_lines"),
        ({"method": "enumerate", "max_enumerate": 10}, "method"),
        ({"exclude": [{"cbm": 35, "sanctions_relief": 0}]}, "exclude[0].cbm"),
        ({"shape": 0}, "shape"),
    ],
)
def test_user_errors_name_the_parameter(korea, params, path):
    with pytest.raises(AccordError) as err:
        space(korea, **params)
    assert err.value.problems[0].path == path


def test_bad_offers_are_user_errors(korea):
    with pytest.raises(AccordError):
        offer(korea, "no-such-deal")
    with pytest.raises(AccordError):
        offer(korea, {"cbm": 500})
    with pytest.raises(AccordError):
        offer(korea, {"cbm": "lots"})


def test_all_actors_by_default(korea):
    a = analyse(korea, trades=False, zopa=False)
    assert a.result.actors == ("usa", "dprk", "rok", "jpn", "chn")
    assert len(a.result.frontier) > 0


def _big(n_issues: int, n_actors: int):
    rng = np.random.default_rng(7)
    actors = [f"a{i}" for i in range(n_actors)]
    return accord.scenario.validate_data(
        {
            "id": "big",
            "title": "big",
            "actors": [{"id": a, "name": a, "capability": 1.0} for a in actors],
            "issues": [
                {"id": f"i{k}", "name": f"i{k}", "scale": {"lo": 0, "hi": 100}, "reference": 50.0}
                for k in range(n_issues)
            ],
            "stances": {
                a: {
                    f"i{k}": {
                        "position": float(rng.uniform(0, 100)),
                        "salience": float(rng.uniform(0.1, 1.0)),
                    }
                    for k in range(n_issues)
                }
                for a in actors
            },
        }
    )


@pytest.mark.parametrize("n_actors", [2, 3])
def test_a_space_of_10_to_the_12_packages_by_merge(n_actors):
    s = _big(12, n_actors)
    a = analyse(s, grid=10, trades=False)
    p, f = a.problem, a.frontier
    assert p.n_packages == 10**12 and a.result.method == "merge"
    assert not a.result.zopa_exact  # estimated: too many to count
    # every point's package really has that utility, and points are mutually undominated
    assert np.array_equal(p.utility(p.package_values(f.choice)).T, f.utility)
    u = f.utility
    ge = np.all(u[:, None, :] >= u[None, :, :], axis=2) & np.any(u[:, None] > u[None], axis=2)
    assert not ge.any()
    assert int(f.count.sum()) <= p.n_packages


def test_merge_matches_enumeration_on_a_hundred_thousand_packages():
    s = _big(5, 3)
    a = analyse(s, grid=10, trades=False, zopa=False)
    e = enumerate_frontier(a.problem)
    assert np.array_equal(e.utility, a.frontier.utility)
    assert np.array_equal(e.choice, a.frontier.choice)


@pytest.mark.slow
@pytest.mark.parametrize("n_actors", [2, 3, 4])
def test_merge_matches_enumeration_on_a_million_packages(n_actors):
    s = _big(6, n_actors)
    a = analyse(s, grid=10, trades=False, zopa=False)
    e = enumerate_frontier(a.problem)
    assert np.array_equal(e.utility, a.frontier.utility)
    assert np.array_equal(e.choice, a.frontier.choice)
    assert np.array_equal(e.count, a.frontier.count)
