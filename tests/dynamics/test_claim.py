"""The seed's claim must be testable from the inputs, never true by construction.

"A deal that promises what a side cannot deliver creates frustration and raises the chance of
conflict": the simulation has to be able to show it, and to show the opposite, depending on
what the deal promises, how deliverable it is, and how the parties react.
"""

from __future__ import annotations

from tests.dynamics.dyn_helpers import deal

from accord.dynamics import simulate_inputs
from accord.dynamics.params import resolve_params

RUNS = 12000


def run(*deals, **params):
    return simulate_inputs(
        list(deals), values=resolve_params(None, params), runs=RUNS, horizon=60, seed=7, bands=False
    )


def z(r, name):
    c = next(c for c in r.comparison if c.deal == name)
    return c.d_conflict / c.se_conflict


def test_over_promising_creates_frustration_and_raises_conflict():
    over = deal([0.1, 0.1, 0.1, 0.1], name="over", benefit=0.9)
    modest = deal([0.95, 0.95], name="modest", benefit=0.3)
    r = run(over, modest)
    assert r.deals["over"].frustration["them"][-12] > r.deals["modest"].frustration["them"][-12]
    assert z(r, "over") > 4  # riskier than no deal
    assert r.deals["over"].at_end("p_conflict") > r.deals["modest"].at_end("p_conflict")


def test_the_same_promises_kept_lower_the_risk():
    kept = deal(
        [0.99, 0.99, 0.99, 0.99], name="kept", benefit=0.9, alpha=0.005, q=0.9, credibility=0.95
    )
    r = run(kept)
    assert z(r, "kept") < -4  # the same promise, deliverable: safer than no deal


def test_when_frustration_does_not_drive_escalation_over_promising_is_harmless():
    over = deal([0.1, 0.1, 0.1, 0.1], name="over", benefit=0.9)
    r = run(over, beta_frustration=0.0, beta_violation=0.0, beta_trust=0.0, reciprocity=0.0)
    assert z(r, "over") < 0  # what is delivered still helps; nothing else can hurt


def test_more_deliverable_means_less_frustration():
    # at two years, while most deals are still open (an abandoned deal owes nothing, so late
    # in the horizon the least deliverable deal, abandoned most often, frustrates least)
    frustration = [
        run(deal([p] * 3, benefit=0.6)).deals["d"].frustration["them"][23] for p in (0.2, 0.6, 0.95)
    ]
    assert frustration[0] > frustration[1] > frustration[2]
