"""Bad input: every problem located (file, line, field, expected/found), exit 2, no traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

import accord
from accord.cli import run
from accord.elicit import merge, template
from accord.errors import AccordError

ITEMS = ["stances/usa/cbm/*", "actors/dprk/capability"]


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    folder = tmp_path / "panel"
    template(accord.load("korea-2018"), folder, ["alice", "bob"], items=ITEMS)
    for name in ("alice", "bob"):
        path = folder / "round1" / f"{name}.yaml"
        data = yaml.safe_load(path.read_text())
        data["items"]["stances/usa/cbm/position"].update(p05=60, p50=75, p95=90)
        path.write_text(yaml.safe_dump(data, sort_keys=False))
    return folder


def _problems(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    code = run(["elicit", "merge", str(folder), "-o", str(folder / "m.yaml"), "--json"])
    assert code == 2
    assert not (folder / "m.yaml").exists()  # nothing half-written
    return list(json.loads(capsys.readouterr().out)["problems"])


def _edit_yaml(path: Path, item: str, **values: object) -> None:
    text = path.read_text()
    data = yaml.safe_load(text)
    data["items"].setdefault(item, {}).update(values)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_a_95_below_a_5_is_located_in_yaml(panel: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = panel / "round1" / "alice.yaml"
    _edit_yaml(path, "stances/usa/cbm/position", p05=80, p50=70, p95=60)
    (p,) = _problems(panel, capsys)
    assert p["file"] == str(path)
    assert p["path"] == "items.stances/usa/cbm/position.p95"
    assert p["expected"] == "p05 <= p50 <= p95" and "p95=60" in p["found"]
    line = path.read_text().splitlines()[int(p["line"]) - 1]
    assert line.strip().startswith("p95")


def test_a_95_below_a_5_is_located_in_csv(panel: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = panel / "round1" / "bob.csv"
    lines = path.read_text().splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("stances/usa/cbm/salience"))
    cells = lines[row].split(",")
    cells[7:10] = ["0.9", "0.5", "0.2"]
    lines[row] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n")
    (bob_yaml := panel / "round1" / "bob.yaml").write_text(
        bob_yaml.read_text().replace("p05: 60", "p05: null")
        .replace("p50: 75", "p50: null").replace("p95: 90", "p95: null")
    )  # fmt: skip
    (p,) = _problems(panel, capsys)
    assert p["file"] == str(path) and p["line"] == row + 1
    assert p["path"] == "stances/usa/cbm/salience.p95"


def test_every_problem_at_once(panel: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alice = panel / "round1" / "alice.yaml"
    _edit_yaml(alice, "stances/usa/cbm/salience", p05=0.2, p50=0.5, p95=1.5)  # off bounds
    _edit_yaml(alice, "stances/usa/nuclear_arsenal/position", p05=1, p50=2, p95=3)  # not asked
    _edit_yaml(alice, "actors/dprk/capability", p05=0.2, p50=None, p95=0.5)  # half a triple
    (panel / "round1" / "bob.yaml").unlink()
    (panel / "round1" / "bob.csv").unlink()
    problems = _problems(panel, capsys)
    messages = {p["message"].split(" (")[0] for p in problems}
    assert "outside the item's bounds" in messages
    assert "unknown item" in messages
    assert any(m.startswith("a number is needed here") for m in messages)
    assert "missing expert file" in messages
    missing = next(p for p in problems if p["message"] == "missing expert file")
    assert missing["file"].endswith("bob.yaml") and "bob.csv" in missing["expected"]
    assert all("file" in p for p in problems)


def test_duplicate_expert_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["elicit", "template", "korea-2018", "-o", str(tmp_path / "p"),
                "--experts", "alice,bob,Alice", "--json"])  # fmt: skip
    assert code == 2
    (p,) = json.loads(capsys.readouterr().out)["problems"]
    assert p["path"] == "--experts[2]" and "same name" in p["message"]
    assert not (tmp_path / "p").exists()


def test_two_files_claiming_one_expert(panel: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = panel / "round1" / "bob.yaml"
    path.write_text(path.read_text().replace("expert: bob", "expert: alice"))
    problems = _problems(panel, capsys)
    assert any(p["message"] == "the file names another expert" for p in problems)
    assert any(p["message"] == "two experts have the same name" for p in problems)


def test_duplicates_in_the_manifest(panel: Path) -> None:
    manifest = panel / "panel.yaml"
    data = yaml.safe_load(manifest.read_text())
    data["experts"] = ["alice", "bob", "bob"]
    manifest.write_text(yaml.safe_dump(data))
    with pytest.raises(AccordError) as err:
        merge(panel)
    (p,) = err.value.problems
    assert p.file == str(manifest) and p.path == "experts[2]"


def test_both_files_filled(panel: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = panel / "round1" / "alice.csv"
    path.write_text(path.read_text().replace(",,,,\n", ",1,2,3,\n", 1))
    problems = _problems(panel, capsys)
    assert any("both of this expert's files" in p["message"] for p in problems)


def test_not_a_panel_and_no_such_round(tmp_path: Path, panel: Path) -> None:
    assert run(["elicit", "feedback", str(tmp_path / "nowhere")]) == 2
    assert run(["elicit", "merge", str(panel), "--round", "7"]) == 2
    assert run(["elicit", "merge", str(panel), "--weights", "performance"]) == 2  # no seeds
    assert run(["elicit", "merge", str(panel), "--weights", "magic"]) == 2


def test_a_folder_in_use_is_not_overwritten(panel: Path) -> None:
    before = (panel / "panel.yaml").read_text()
    assert run(["elicit", "template", "korea-2018", "-o", str(panel)]) == 2
    assert (panel / "panel.yaml").read_text() == before


def test_a_misspelt_section_and_an_old_round(
    panel: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = panel / "round1" / "alice.yaml"
    path.write_text(path.read_text().replace("items:", "itmes:").replace("round: 1", "round: 2"))
    problems = _problems(panel, capsys)
    found = {(p["path"], p["message"]) for p in problems}
    assert ("itmes", "unknown field") in found
    assert ("round", "the file is for another round") in found
    assert all(p["file"] == str(path) and p["line"] for p in problems)


def test_the_error_shown_in_the_how_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    shutil.copytree(docs / "examples" / "panel-korea", tmp_path / "panel-korea")
    monkeypatch.chdir(tmp_path)
    alice = Path("panel-korea/round2/alice.yaml")
    alice.write_text(alice.read_text().replace("p95: 86.5", "p95: 36.5", 1))
    Path("panel-korea/round2/carol.yaml").unlink()
    with pytest.raises(AccordError) as err:
        merge("panel-korea")
    shown = [f"  {p}" for p in err.value.problems]
    page = (docs / "how-to" / "elicitation.md").read_text()
    block = page.split("```text\nerror: 2 problems found\n", 1)[1].split("```", 1)[0]
    assert shown == block.rstrip("\n").split("\n")
