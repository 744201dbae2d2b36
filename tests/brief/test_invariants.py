"""The brief never contradicts itself: invariants on shipped, example and generated scenarios."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from tests.strategies_brief import negotiations

import accord
from accord.brief import BriefResult, gather
from accord.brief.blocks import Bullets, Link, Num, T
from accord.brief.invariants import violations
from accord.recommend import recommend

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "docs/examples").iterdir() if p.suffix in (".yaml", ".csv"))


def _left_out(*args: object, **kwargs: object) -> None:
    raise NotImplementedError("left out to keep this test fast")


def _fast_brief(scenario: accord.Scenario) -> BriefResult:
    """A brief without the sensitivity analysis or chart drawing, fewest runs (many cases)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(gather.accord, "sensitivity", _left_out)
        mp.setattr("accord.brief.charts._svg", lambda fig: "<svg></svg>")
        return accord.brief(scenario, runs=10, check_runs=10, forecast_runs=1)


def test_korea_brief_is_consistent(korea_brief: BriefResult) -> None:
    assert violations(korea_brief, accord.load("korea-2018")) == []


@pytest.mark.parametrize("name", accord.builtin_names())
def test_every_builtin_scenario_is_consistent(name: str) -> None:
    s = accord.load(name)
    assert violations(accord.brief(s, runs=200, seed=1), s) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_scenario_is_consistent(path: Path) -> None:
    s = accord.load(path)
    assert violations(accord.brief(s, runs=200), s) == []


@pytest.mark.slow  # about 0.5 s a brief: 200 briefs take longer than a minute
@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(negotiations())
def test_generated_negotiations_give_consistent_briefs(scenario: accord.Scenario) -> None:
    assert violations(_fast_brief(scenario), scenario) == []


@settings(max_examples=200, deadline=None, derandomize=True)
@given(negotiations())
def test_the_recommended_package_obeys_its_rules(scenario: accord.Scenario) -> None:
    side = scenario.actors[0].id
    rec = recommend(scenario, side=side, runs=10)
    if rec.test is None:
        assert not rec.ask and not rec.offer
        return
    assert rec.test.passes and rec.test.in_zopa and not rec.test.red_lines
    assert all(g > 0 for g in rec.test.gains.values())
    assert all(c.verdict != "unrealistic" for c in rec.clauses)
    chosen = {(c.deal, c.clause) for c in rec.clauses}
    for c in rec.clauses:  # every clause with the clauses it waits on
        deps = scenario.deal(c.deal).clauses
        waits = next(x.depends_on for x in deps if x.id == c.clause)
        assert all((c.deal, d) in chosen for d in waits)
    never = {(n.clause.deal, n.clause.clause) for n in rec.not_promise if n.clause is not None}
    assert not never & {(c.deal, c.clause) for c in rec.offer}


def test_deal_tests_agree_with_accord_offer() -> None:
    s = accord.load("korea-2018")
    rec = recommend(s, side="usa")
    for deal, test in rec.deals.items():
        o = accord.offer(s, deal)
        assert (test.in_zopa, test.dominated) == (o.in_zopa, o.dominated)
        assert test.gains == pytest.approx(o.gains)
        assert [(c.actor, c.issue) for c in test.red_lines] == [
            (r["actor"], r["issue"]) for r in o.red_lines
        ]


def test_modest_agenda_fails_the_test_on_north_koreas_red_line() -> None:
    rec = recommend(accord.load("korea-2018"), side="usa")
    modest = rec.deals["modest-agenda"]
    assert not modest.passes and not modest.in_zopa and modest.dominated
    assert [(c.actor, c.issue) for c in modest.red_lines] == [("dprk", "nuclear_arsenal")]
    assert modest.worse_off == ("dprk",) and modest.doubtful == ("ma-cap",)


# -- the checker itself can fail ------------------------------------------------------------
def _with_section(b: BriefResult, sid: str, extra: Bullets) -> BriefResult:
    sections = tuple(
        dataclasses.replace(s, blocks=(*s.blocks, extra)) if s.id == sid else s for s in b.sections
    )
    return dataclasses.replace(b, sections=sections)


def test_checker_catches_an_item_offered_and_not_to_be_promised(korea_brief: BriefResult) -> None:
    clash = Bullets(
        (
            T(
                "“The United States grants partial sanctions relief (humanitarian and limited "
                "trade exemptions) through executive waivers” — P 1% (",
                Link("deals", "§5"),
                ").",
            ),
        ),
        title="Do not promise",
    )
    bad = _with_section(korea_brief, "talking", clash)
    found = violations(bad, accord.load("korea-2018"))
    assert any("both offered" in v for v in found)


def test_checker_catches_a_number_shown_twice_differently(korea_brief: BriefResult) -> None:
    wrong = Bullets(
        (
            T(
                "P ",
                Num(0.99, "talking/ask/modest-agenda/ma-cbm/p_implemented", "pct"),
                " (",
                Link("deals", "§5"),
                ").",
            ),
        ),
        title="Ask for",
    )
    found = violations(_with_section(korea_brief, "talking", wrong), accord.load("korea-2018"))
    assert any("ma-cbm" in v for v in found)


def test_checker_catches_an_untraced_point_and_a_false_achievable(
    korea_brief: BriefResult,
) -> None:
    lone = Bullets((T("Offer everything."),), title="Offer")
    claim = Bullets((T("Achievable as drafted: Modest agenda passes the test."),), title="x")
    bad = _with_section(_with_section(korea_brief, "talking", lone), "bluf", claim)
    found = violations(bad, accord.load("korea-2018"))
    assert any("traces to no section" in v for v in found)
    assert any("Modest agenda called achievable" in v for v in found)


def test_checker_re_derives_the_package_test(korea_brief: BriefResult) -> None:
    rec = dict(korea_brief.analyses["recommend"])
    rec["test"] = {**rec["test"], "package": {**rec["test"]["package"], "nuclear_arsenal": 0.0}}
    bad = dataclasses.replace(korea_brief, analyses={**korea_brief.analyses, "recommend": rec})
    found = violations(bad, accord.load("korea-2018"))
    assert any("red line on nuclear_arsenal" in v for v in found)


def test_checker_catches_a_party_accepting_across_its_red_line(korea_brief: BriefResult) -> None:
    """Contradiction 1 of the first review: 'better off' while its red line is crossed."""
    from accord.brief.blocks import Table

    header = ("deal", "every party accepts it over no deal", "red lines crossed")
    row = (T("Grand bargain"), T("no: South Korea −0.01 worse off than with no deal"), T("x"))
    bad = _with_section(korea_brief, "bluf", Table(header, (row,)))
    found = violations(bad, accord.load("korea-2018"))
    assert any("Grand bargain: North Korea not shown as refusing" in v for v in found)
    yes = Table(header, ((T("Grand bargain"), T("yes"), T("x")),))
    found = violations(_with_section(korea_brief, "bluf", yes), accord.load("korea-2018"))
    assert any("Grand bargain shown as acceptable" in v for v in found)


def test_a_clause_owed_by_both_sides_is_a_mutual_step(korea_brief: BriefResult) -> None:
    """Contradiction 4 of the first review: CBMs offered by us, given by North Korea in §4."""
    rec = korea_brief.analyses["recommend"]
    assert [c["clause"] for c in rec["mutual"]] == ["ma-cbm"]
    moved = {**rec, "offer": [*rec["offer"], *rec["mutual"]], "mutual": []}
    bad = dataclasses.replace(korea_brief, analyses={**korea_brief.analyses, "recommend": moved})
    found = violations(bad, accord.load("korea-2018"))
    assert any("ma-cbm offered though a party across the table owes it" in v for v in found)


def test_do_not_promise_uses_the_strictest_red_line_and_names_it(korea_brief: BriefResult) -> None:
    """Review 1, contradiction 10: force posture below 70 is the US line; Seoul's is 75."""
    md = korea_brief.to_markdown()
    line = next(ln for ln in md.splitlines() if ln.startswith("- Anything on US force posture"))
    assert "below 75" in line and "South Korea" in line and "Japan" in line
    rec = korea_brief.analyses["recommend"]
    loose = [
        {**n, "red_line": n["own"]} if n["issue"] == "us_force_posture" else n
        for n in rec["not_promise"]
    ]
    bad = dataclasses.replace(
        korea_brief,
        analyses={**korea_brief.analyses, "recommend": {**rec, "not_promise": loose}},
    )
    found = violations(bad, accord.load("korea-2018"))
    assert any("us_force_posture looser than rok" in v for v in found)
