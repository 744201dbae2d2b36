"""Each analysis runs once; its typed result is handed down; the host's RNG is left alone."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

import accord
from accord.brief import BriefResult
from accord.feasibility import check_all


def test_the_brief_shows_the_numbers_accord_check_gives(korea_brief: BriefResult) -> None:
    s = accord.load("korea-2018")
    for deal in korea_brief.meta["deals"]:
        cli = accord.check(s, deal, runs=korea_brief.meta["check_runs"], seed=0)
        shown = korea_brief.analyses["check"][deal]
        assert shown["p_all_core"] == cli.p_all_core
        assert [c["p_implemented"] for c in shown["clauses"]] == [
            c.p_implemented for c in cli.clauses
        ]


def test_simulate_uses_the_checks_it_is_handed() -> None:
    s = accord.load("korea-2018")
    checks = check_all(s, runs=200, seed=0)
    handed = accord.simulate(s, "modest-agenda", runs=500, horizon=12, checks=checks)
    again = accord.simulate(s, "modest-agenda", runs=500, horizon=12, checks=checks)
    assert handed.to_dict() == again.to_dict()
    other = check_all(s, runs=200, seed=7)
    moved = accord.simulate(s, "modest-agenda", runs=500, horizon=12, checks=other)
    assert moved.to_dict() != handed.to_dict()  # the handed results, not a fresh check


def test_simulate_without_checks_checks_once_with_its_own_seed() -> None:
    s = accord.load("korea-2018")
    own = accord.simulate(s, "modest-agenda", runs=500, horizon=12, seed=3)
    handed = accord.simulate(
        s, "modest-agenda", runs=500, horizon=12, seed=3, checks=check_all(s, seed=3)
    )
    assert own.to_dict() == handed.to_dict()


def test_checks_must_cover_every_deal() -> None:
    s = accord.load("korea-2018")
    partial = {"modest-agenda": accord.check(s, "modest-agenda", runs=50)}
    with pytest.raises(accord.AccordError, match="do not cover every deal"):
        accord.simulate(s, "modest-agenda", runs=100, checks=partial)


def test_sensitivity_never_touches_the_global_rng() -> None:
    np.random.seed(12345)
    before = np.random.get_state()[1].copy()
    accord.sensitivity(
        "korea-2018", "modest-agenda", method="morris", samples=2, reps=4, horizon=6, seed=0
    )
    assert np.array_equal(np.random.get_state()[1], before)


@pytest.mark.parametrize("name", ["space", "offer", "simulate", "sensitivity", "brief"])
def test_facade_signatures_are_explicit(name: str) -> None:
    params = inspect.signature(getattr(accord, name)).parameters.values()
    assert not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params)
    assert inspect.signature(getattr(accord, name)).return_annotation not in ("Any", "None")
