"""Sensitivity: indices over every uncertain input, tornado swings, ranking flips."""

from __future__ import annotations

import json

import pytest
from tests.dynamics.dyn_helpers import deal

import accord
from accord.dynamics.inputs import no_deal
from accord.dynamics.params import resolve_params
from accord.dynamics.sa_run import analyse
from accord.errors import AccordError

pytest.importorskip("SALib")


def small(inputs, method="morris", **kw):
    values = resolve_params(None, kw.pop("params", {}))
    return analyse(
        inputs,
        values,
        method=method,
        outputs=("p_conflict", "d_conflict"),
        samples=kw.pop("samples", 4),
        reps=kw.pop("reps", 16),
        horizon=kw.pop("horizon", 36),
        seed=1,
        arms=False,
        names={},
        scenario="arrays",
    )


def test_a_clause_cannot_move_an_outcome_it_is_not_part_of():
    x = deal([0.3, 0.6], name="over", band=0.25, benefit=0.8)
    r = small([x, no_deal(x.actors, x.principals, x.hedgers)])
    clause_rows = [i for i in r.indices["no_deal"]["p_conflict"] if i.factor.startswith("p:")]
    assert clause_rows and all(i.mu_star == 0.0 for i in clause_rows)
    assert r.indices["over"]["p_conflict"][0].mu_star > 0


def test_deliverability_can_flip_a_deal_against_no_deal():
    x = deal(
        [0.15],
        name="over",
        benefit=1.0,
        alpha=0.005,
        q=0.9,
        credibility=0.9,
        beneficiaries=[[True, True, True]],
        p_low=[0.05],
        p_high=[0.999],
    )
    r = small(
        [x, no_deal(x.actors, x.principals, x.hedgers)],
        reps=32,
        horizon=60,
        params={"beta_frustration": 2.0},
    )
    assert r.ranking == ("no_deal", "over")
    flip = next(f for f in r.flips if f.riskier == "over")
    assert flip.joint_share > 0
    factor, direction, value, nominal = flip.thresholds[0]
    assert (factor, direction) == ("p:over-0", "above") and nominal < value < 0.999
    assert flip.sentence.startswith("Over would become less risky than no_deal if p:over-0")


def test_korea_sobol_is_quick_complete_and_json(capsys):
    r = accord.sensitivity("korea-2018", deal="modest-agenda", samples=4, reps=8, horizon=24)
    data = json.loads(json.dumps(r.to_dict(), allow_nan=False))
    assert set(data["indices"]) == {"modest-agenda", "no_deal"}
    names = {f["name"] for f in data["factors"]}
    assert "beta_frustration" in names and "p:ma-relief" in names
    row = data["indices"]["modest-agenda"]["p_conflict"][0]
    assert {"s1", "s1_conf", "st", "st_conf"} <= set(row) or row["st"] is None
    assert r.sentences and all(s.endswith(".") for s in r.sentences)
    assert len(r.tornado["modest-agenda"]["p_conflict"]) == len(r.factors)


def test_user_errors():
    with pytest.raises(AccordError) as err:
        accord.sensitivity("korea-2018", method="fast", outputs=("p_war",))
    assert len(err.value.problems) == 2
