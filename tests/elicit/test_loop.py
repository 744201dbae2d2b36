"""The whole loop on korea-2018 with three synthetic experts, through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

import accord
from accord.cli import run
from tests.elicit.synthetic import fill_round

CALIBRATION = """\
questions:
  - {id: q1, question: First seed, bounds: [0, 100], answer: 30}
  - {id: q2, question: Second seed, bounds: [0, 100], answer: 55}
  - {id: q3, question: Third seed, bounds: [0, 100], answer: 70}
"""


@pytest.fixture(scope="module")
def panel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A korea-2018 panel after two rounds (salience, position and capability items)."""
    root = tmp_path_factory.mktemp("loop")
    (root / "cal.yaml").write_text(CALIBRATION)
    folder = root / "panel"
    code = run(
        ["elicit", "template", "korea-2018", "-o", str(folder), "--experts", "carol,alice,bob",
         "--items", "stances/*/*/position", "--items", "actors/*/capability",
         "--items", "stances/dprk/*/salience", "--prior", "--calibration", str(root / "cal.yaml")]
    )  # fmt: skip
    assert code == 0
    fill_round(folder, 1)
    assert run(["elicit", "feedback", str(folder), "--next"]) == 0
    fill_round(folder, 2, shrink=0.5)
    assert run(["elicit", "feedback", str(folder)]) == 0
    return folder


def test_template_writes_a_file_per_expert_in_both_formats(panel: Path) -> None:
    names = sorted(p.name for p in (panel / "round1").iterdir())
    for e in ("alice", "bob", "carol"):
        assert f"{e}.yaml" in names and f"{e}.csv" in names
    first = yaml.safe_load((panel / "round1" / "alice.yaml").read_text())
    assert "answer" not in str(first["calibration"])  # the answers stay with the analyst
    entry = first["items"]["actors/usa/capability"]
    assert entry["prior"] == {"low": 0.85, "mode": 1.0, "high": 1.0}


def test_round_two_starts_from_each_experts_answers(panel: Path) -> None:
    assert (panel / "round2" / "bob.csv").is_file()  # bob answered in the spreadsheet
    assert not (panel / "round2" / "bob.yaml").exists()
    report = (panel / "round1" / "feedback.md").read_text()
    assert "alice" not in report and "carol" not in report  # anonymised
    assert "| pool |" in report and "spread" in report
    html = (panel / "round2" / "feedback.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    key = yaml.safe_load((panel / "round1" / "key.yaml").read_text())["letters"]
    assert sorted(key) == ["alice", "bob", "carol"] and sorted(key.values()) == ["A", "B", "C"]


def test_merge_carries_the_spread_and_names_the_experts(
    panel: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "merged.yaml"
    assert run(["elicit", "merge", str(panel), "-o", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["round"] == 2 and data["method"] == "equal-weight linear pool"
    merged = accord.load(out)
    q = merged.stances["usa"]["cbm"].position
    assert q.source == "panel" and q.low is not None and q.high is not None
    pool = data["items"]["stances/usa/cbm/position"]
    medians = [e[1] for e in pool["estimates"]]
    assert q.low < min(medians) <= max(medians) < q.high  # disagreement kept as uncertainty
    source = next(s for s in merged.sources if s.id == "panel")
    assert "alice, bob, carol" in source.title and "round 2" in source.title
    assert merged.context["elicitation"].startswith("3 experts")
    untouched = accord.load("korea-2018").stances["usa"]["cbm"].salience
    assert merged.stances["usa"]["cbm"].salience == untouched  # not asked: unchanged
    fc = accord.forecast(merged, runs=5)
    assert fc.to_dict()["models"]["eum"]["issues"]["cbm"]["p10"] is not None


def test_performance_weights_favour_the_calibrated_expert(
    panel: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "perf.yaml"
    args = ["elicit", "merge", str(panel), "-o", str(out), "--weights", "performance", "--json"]
    assert run(args) == 0
    scores = json.loads(capsys.readouterr().out)["scores"]
    assert scores["bob"]["weight"] > scores["carol"]["weight"]  # bob has no lean
    assert sum(s["weight"] for s in scores.values()) == pytest.approx(1.0)


def test_leave_one_expert_out_report(
    panel: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "loeo.html"
    args = ["elicit", "loeo", str(panel), "--for", "usa", "--runs", "200", "-o", str(out)]
    assert run([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["without"]) == {"alice", "bob", "carol"}
    assert set(data["all_experts"]["forecast"]) == {i.id for i in accord.load("korea-2018").issues}
    assert (
        data["disagreement"]
        and data["disagreement"][0]["spread"] >= data["disagreement"][-1]["spread"]
    )
    for flip in data["flips"]:
        base, left_out = flip["all"], flip["left_out"]
        assert base != left_out
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_the_order_of_experts_and_items_changes_nothing(panel: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(panel, copy)
    manifest = yaml.safe_load((copy / "panel.yaml").read_text())
    manifest["experts"] = list(reversed(manifest["experts"]))
    manifest["items"] = list(reversed(manifest["items"]))
    (copy / "panel.yaml").write_text(yaml.safe_dump(manifest))
    for f in (copy / "round2").glob("*.yaml"):
        if f.stem == "key":
            continue
        data = yaml.safe_load(f.read_text())
        data["items"] = dict(reversed(list(data["items"].items())))
        f.write_text(yaml.safe_dump(data, sort_keys=False))
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert run(["elicit", "merge", str(panel), "-o", str(a)]) == 0
    assert run(["elicit", "merge", str(copy), "-o", str(b)]) == 0
    assert a.read_text() == b.read_text()


@pytest.mark.slow
def test_the_brief_shows_the_panel_spread_and_the_leave_one_out_result(
    panel: Path, tmp_path: Path
) -> None:
    out = tmp_path / "merged.yaml"
    args = ["elicit", "merge", str(panel), "-o", str(out), "--loeo", "--for", "usa"]
    assert run([*args, "--runs", "200"]) == 0
    merged = accord.load(out)
    check = next(s for s in merged.sources if s.id == "panel-loeo")
    assert check.citation is not None and "Leave one expert out (round 2" in check.citation
    text = accord.brief(merged, runs=300, check_runs=200, forecast_runs=10).to_markdown()
    assert "Leave-one-expert-out check of the panel, round 2" in text  # sources by title
    low, high = merged.stances["usa"]["cbm"].position.bounds
    assert f"\\[{low:.3g}–{high:.3g}\\] | Expert panel" in text  # the pooled range, cited
