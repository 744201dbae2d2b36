"""The brief reads right for any scenario: counts, options, ask versus offer, no-deal cases."""

from __future__ import annotations

from pathlib import Path

import pytest

import accord
from accord.brief import BriefResult
from accord.brief.charts import percent_tick
from accord.brief.sections.parties import _share
from accord.cli import run

ROOT = Path(__file__).resolve().parents[2]
RUNS = 20


@pytest.fixture(scope="module")
def trade_md() -> str:
    result: BriefResult = accord.brief(ROOT / "docs/examples/trade-talks.yaml", runs=RUNS)
    return result.render("md")


def _section(md: str, title: str) -> str:
    return md.split(f"### {title}\n", 1)[1].split("\n#", 1)[0]


@pytest.mark.parametrize(
    ("owed", "weak", "says"),
    [
        (1, 0, "the one clause it would owe"),
        (2, 0, "both clauses it would owe"),
        (6, 0, "all 6 clauses it would owe"),
        (6, 3, "3 of the 6 clauses it would owe"),
        (1, 1, "0 of the 1 clause it would owe"),
    ],
)
def test_clause_counts_read_naturally(owed, weak, says):
    assert _share(owed, weak) == says


def test_percent_ticks_keep_their_half_points():
    assert [percent_tick(v) for v in (0.0, 0.025, 0.05, 0.2)] == ["0%", "2.5%", "5%", "20%"]


def test_without_a_package_nothing_is_asked_for_or_offered(trade_md):
    # the only deal leaves Southland worse off than no deal: no package meets the rules
    talking = trade_md.split("## 8. Talking points", 1)[1].split("\n## ", 1)[0]
    assert "### Ask for" not in talking and "### Offer" not in talking
    assert "nothing to ask for or offer yet" in talking
    never = _section(talking, "Do not promise")
    assert "small quota" not in never  # it sets no value beyond Northland's red line
    assert "Tariff rate above 20" in never
    bluf = trade_md.split("## 1.", 1)[1].split("\n## ", 1)[0]
    assert "Southland to gain over no deal" in bluf


def test_named_options_and_counts_are_explained(trade_md):
    assert "0 = none, 1 = small, 2 = large" in trade_md
    assert "1 of the 1 clauses" not in trade_md
    assert "the one clause it would owe" in trade_md


def test_no_hedging_column_without_third_parties(trade_md):
    assert "P(a third party hedges)" not in trade_md and "ally" not in trade_md


def test_forecast_outside_its_range_is_explained(korea_brief):
    assert "can lie outside its own range" in korea_brief.render("md")


def test_scenario_without_deals_simulates_nothing(shared_data):
    csv = shared_data / "bdm" / "car-emissions-1994.csv"
    md = accord.brief(csv, runs=RUNS).render("md")
    assert "The simulation is not available: the scenario has no candidate deals." in md
    assert "armed conflict" not in md.split("## 9.", 1)[0]
    assert "analysis is the scenario" not in md


def test_out_pointing_at_a_file_is_refused_up_front(tmp_path, capsys):
    target = tmp_path / "a-file"
    target.write_text("keep me")
    assert run(["brief", "-o", str(target), "--runs", "20"]) == 2
    assert "-o/--out" in capsys.readouterr().err
    assert target.read_text() == "keep me"
