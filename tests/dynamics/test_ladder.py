"""Ladders fit the domain: a trade dispute never reports a war; own ladders and overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

import accord
from accord.dynamics.ladder import LADDERS, ladder_for
from accord.dynamics.params import resolve_params
from accord.dynamics.sa_eval import factors
from accord.dynamics.simulate import deal_inputs
from accord.errors import AccordError
from accord.scenario.load import load_text

TRADE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "trade-talks.yaml"

BASE = """
id: t
title: T
{extra}
sources: [{{id: memo, title: Desk memo}}]
actors: [{{id: a, name: A, capability: 1}}, {{id: b, name: B, capability: 1}}]
issues: [{{id: i, name: I, scale: {{lo: 0, hi: 10}}, reference: 5}}]
stances:
  a: {{i: {{position: 0, salience: 0.8}}}}
  b: {{i: {{position: 10, salience: 0.8}}}}
deals:
  - id: d
    name: D
    clauses:
      - {{id: c, text: A moves, obligated: [a], beneficiaries: [b], sets: {{i: 7}}}}
"""


def scenario(extra: str = ""):
    return load_text(BASE.format(extra=extra))


def test_the_trade_example_climbs_to_a_trade_war_not_to_war():
    r = accord.simulate(accord.load(str(TRADE)), runs=2000, seed=0)
    assert r.ladder.domain == "trade" and r.ladder.top_label == "trade war"
    assert not r.reports_war and not r.to_dict()["top"]["war"]
    assert r.to_dict()["ladder"][-1] == "trade_war"


def test_only_the_security_ladder_is_a_war_and_no_domain_means_none():
    assert [d for d, x in LADDERS.items() if x.war] == ["security"]
    r = accord.simulate(scenario(), runs=500, seed=0)
    assert r.ladder.domain == "other" and not r.reports_war
    war = accord.simulate(scenario("domain: security"), runs=500, seed=0)
    assert war.reports_war and war.ladder.top_label == "armed conflict"


def test_without_deals_no_war_is_reported():
    s = load_text(BASE.format(extra="domain: security").split("deals:")[0])
    r = accord.simulate(s, runs=500, seed=0)
    assert not r.deals and not r.reports_war


def test_an_own_ladder_of_four_rungs_runs_and_starts_where_it_says():
    s = scenario(
        "dynamics:\n  start: calm\n  ladder:\n    - {name: calm}\n    - {name: row}\n"
        "    - {name: freeze, crisis: true}\n    - {name: break}"
    )
    lad = ladder_for(s)
    assert lad.custom and lad.size == 4 and lad.crisis == 2 and lad.start == 0
    r = accord.simulate(s, runs=500, horizon=6, seed=0)
    assert len(r.deals["d"].escalation[0]) == 4 and r.ladder.top_label == "break"


def test_an_unknown_start_rung_or_source_is_an_error_naming_the_field():
    with pytest.raises(AccordError, match=r"dynamics\.start"):
        ladder_for(scenario("dynamics: {start: nowhere}"))
    with pytest.raises(AccordError, match=r"dynamics\.params\.base_up\.source"):
        resolve_params(scenario("dynamics: {params: {base_up: {value: 0.02, source: nope}}}"))
    with pytest.raises(AccordError, match=r"dynamics\.params\.bogus"):
        resolve_params(scenario("dynamics: {params: {bogus: 1}}"))


def test_a_scenario_range_with_a_source_is_drawn_and_explored():
    s = scenario(
        "domain: trade\ndynamics: {params: {base_up: {low: 0.01, high: 0.02, source: memo}}}"
    )
    values = resolve_params(s)
    assert values["base_up"].bounds == (0.01, 0.02)
    f = {x.name: x for x in factors(deal_inputs(s), values)}
    assert (f["base_up"].low, f["base_up"].high) == (0.01, 0.02)
    assert (f["firebreak"].low, f["firebreak"].high) == (0.1, 0.6)  # the trade ladder's range
