"""The adapter from the deal check to engine arrays, and the arrays' own checks."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from tests.dynamics.dyn_helpers import deal

import accord
from accord.dynamics import deal_inputs
from accord.dynamics.inputs import NO_DEAL, benefit, from_check, per_month, roles
from accord.errors import AccordError


@pytest.fixture(scope="module")
def korea():
    return accord.load("korea-2018")


def judgement(cid, s, **kw):
    clause = next(c for d in s.deals for c in d.clauses if c.id == cid)
    base = dict(
        id=cid,
        obligated=tuple(clause.obligated),
        beneficiaries=tuple(clause.beneficiaries),
        core=clause.core,
        depends_on=tuple(clause.depends_on),
        p_implemented=0.5,
        p_low=0.4,
        p_high=0.6,
        credibility=0.7,
        detection=0.5,
        false_alarm=0.05,
        reversible=True,
        horizon_years=0.0,
    )
    return SimpleNamespace(**{**base, **kw})


def test_adapter_reads_any_object_with_the_contract_fields(korea):
    clauses = (
        judgement("ma-export-controls", korea, p_implemented=0.8, p_low=0.7, p_high=0.9),
        judgement("ma-cbm", korea),
        judgement(
            "ma-relief", korea, p_implemented=0.4, p_low=0.32, p_high=0.48, horizon_years=2.0
        ),
        judgement("ma-cap", korea),
    )
    effect = SimpleNamespace(actor="rok", clause="ma-cbm", kind="hedge", magnitude=0.3)
    check = SimpleNamespace(deal="modest-agenda", clauses=clauses, third_party_effects=(effect,))
    principals, hedgers = roles(korea, [check])
    x = from_check(korea, check, principals, hedgers)
    usa, rok = x.actors.index("usa"), x.actors.index("rok")
    # the clause axis is in id order (a result never depends on the listing order)
    assert x.clauses == ("ma-cap", "ma-cbm", "ma-export-controls", "ma-relief")
    cap, cbm, export, relief = range(4)
    assert x.p_implemented[relief] == pytest.approx(0.4 / 0.8)  # the wait is divided out
    assert x.life_months[relief] == 24.0
    assert x.depends[relief, export] and not x.depends[export, relief]
    assert x.hedge[cbm, rok] == 0.3 and hedgers[rok] and not x.core[cap]
    # usa: salience 0.7 x (|70 - 0| - |10 - 0|) / 100 on tech_export
    assert x.benefit[export, usa] == pytest.approx(0.7 * 0.6)
    assert x.benefit[export, x.actors.index("dprk")] == 0.0  # not a beneficiary


def test_yearly_detection_and_false_alarm_become_monthly(korea):
    q_year, alpha_year = np.array([0.3, 0.95]), np.array([0.05, 0.01])
    ids = ("f4f-test-freeze", "f4f-exercise-freeze")
    clauses = tuple(
        judgement(cid, korea, detection=q, false_alarm=a)
        for cid, q, a in zip(ids, q_year, alpha_year, strict=True)
    )
    check = SimpleNamespace(deal="freeze-for-freeze", clauses=clauses, third_party_effects=())
    x = from_check(korea, check, *roles(korea, [check]))
    # twelve independent months give back the check's yearly probabilities (id order)
    order = [x.clauses.index(cid) for cid in ids]
    assert 1 - (1 - x.detection[order]) ** 12 == pytest.approx(q_year)
    assert 1 - (1 - x.false_alarm[order]) ** 12 == pytest.approx(alpha_year)
    assert np.all(x.detection[order] < q_year) and np.all(x.false_alarm[order] < alpha_year)


def test_per_month_keeps_the_ends_and_the_order():
    p = np.array([0.0, 0.01, 0.5, 0.99, 1.0])
    m = per_month(p)
    assert m[0] == 0.0 and m[-1] == 1.0
    assert np.all(np.diff(m) > 0) and np.all(m[1:-1] < p[1:-1])


def test_benefit_is_zero_when_the_clause_moves_away_from_the_actor(korea):
    clause = korea.deal("grand-bargain").clauses[0]  # dismantlement, DPRK wants 100
    assert benefit(korea, clause, "dprk") == 0.0
    assert benefit(korea, clause, "usa") == pytest.approx(0.9)


def test_korea_inputs_come_from_the_real_check(korea):
    xs = deal_inputs(korea)
    assert [x.deal for x in xs] == [d.id for d in korea.deals] + [NO_DEAL]
    for x in xs[:-1]:
        assert np.all(
            (x.p_low >= 0)
            & (x.p_low <= x.p_implemented)
            & (x.p_implemented <= x.p_high)
            & (x.p_high <= 1)
        )
    assert xs[-1].n_clauses == 0 and xs[-1].principals.any()


def test_unknown_deal_is_a_user_error(korea):
    with pytest.raises(AccordError, match="unknown deal"):
        deal_inputs(korea, "no-such-deal")


def test_inconsistent_arrays_are_refused_with_every_problem():
    with pytest.raises(AccordError) as err:
        deal([0.5, 0.5], detection=np.array([0.5, 1.5]), core=np.ones(3, bool))
    assert len(err.value.problems) == 2
