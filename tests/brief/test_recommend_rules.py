"""The recommended package: exchanges travel whole, mutual steps are neither ask nor offer."""

from __future__ import annotations

import accord
from accord.recommend import recommend
from accord.recommend.choose import counterparts


def _pool(scenario: accord.Scenario) -> list[tuple[str, accord.scenario.model.Clause]]:
    return [(d.id, c) for d in scenario.deals for c in sorted(d.clauses, key=lambda c: c.id)]


def test_matching_steps_of_one_deal_are_counterparts() -> None:
    s = accord.load("korea-2018")
    pool = _pool(s)
    ids = [c.id for _, c in pool]
    partners = {ids[m]: {ids[n] for n in ns} for m, ns in enumerate(counterparts(pool))}
    assert partners["f4f-exercise-freeze"] == {"f4f-test-freeze"}
    assert partners["f4f-test-freeze"] == {"f4f-exercise-freeze"}
    assert "ma-cbm" not in partners["ma-export-controls"]  # North Korea owes both
    assert partners["ma-cap"] == set()  # not core: it forces nothing


def test_recommended_package_never_holds_half_an_exchange() -> None:
    s = accord.load("korea-2018")
    r = recommend(s, side="usa", runs=200)
    eligible = {(c.deal, c.clause) for c in r.clauses}
    chosen = {c.clause for c in r.clauses}
    pool = [(d, c) for d, c in _pool(s) if (d, c.id) in eligible or c.id in chosen]
    for m, ns in enumerate(counterparts(pool)):
        if pool[m][1].id in chosen:
            assert {pool[n][1].id for n in ns} <= chosen
    assert ("f4f-exercise-freeze" in chosen) == ("f4f-test-freeze" in chosen)


def test_mutual_steps_are_owed_by_the_side_and_a_party_across_the_table() -> None:
    r = recommend(accord.load("korea-2018"), side="usa", runs=200)
    assert all("usa" not in c.obligated for c in r.ask)
    assert all(c.obligated == ("usa",) or "dprk" not in c.obligated for c in r.offer)
    assert all({"usa", "dprk"} <= set(c.obligated) for c in r.mutual)
