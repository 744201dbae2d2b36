"""The scenario commands: scenarios, show, validate, schema, convert, --version."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import accord
from accord.cli import run

BAD = Path(__file__).parents[1] / "scenario" / "fixtures" / "bad"


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    assert run(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_show_json_is_the_whole_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, ["show", "korea-2018", "--json"])
    assert isinstance(data, dict)
    assert {"actors", "issues", "stances", "deals", "sources"} <= set(data)
    assert data == accord.load("korea-2018").to_dict()


def test_show_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["show"]) == 0
    out = capsys.readouterr().out
    assert "North Korea" in out and "Modest agenda" in out


def test_scenarios_lists_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, ["scenarios", "--json"])
    assert {"name": "korea-2018", "title": accord.load("korea-2018").title} in data  # type: ignore[operator]


def test_schema_describes_the_format(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, ["schema"])
    assert isinstance(data, dict)
    assert {"actors", "issues", "stances", "deals"} <= set(data["properties"])


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "korea-2018"]) == 0
    assert capsys.readouterr().out.strip() == "ok"


def test_validate_bad_exits_2_with_located_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", str(BAD / "unknown-key.yaml")]) == 2
    err = capsys.readouterr().err
    assert "unknown-key.yaml:14:" in err
    assert "stances.north.tariff.salince" in err
    assert "did you mean 'salience'" in err


def test_validate_json_problems(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", str(BAD / "duplicate-id.yaml"), "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert data["problems"][0]["path"] == "actors[1].id"
    assert data["problems"][0]["line"] == 9


def test_convert_importers_then_validate(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = [
        shared_data / "bdm" / "car-emissions-1994.csv",
        shared_data / "ktab" / "dummyData_3Dim.csv",
    ]
    for i, source in enumerate(inputs):
        out = tmp_path / f"s{i}.yaml"
        assert run(["convert", str(source), str(out)]) == 0
        assert run(["validate", str(out)]) == 0
        assert accord.load(out) == accord.load(source)
    folder = tmp_path / "deu3"
    assert (
        run(
            ["convert", str(shared_data / "deu3" / "deu3.tsv"), str(folder), "--capability", "nice"]
        )
        == 0
    )
    files = sorted(folder.glob("*.yaml"))
    assert len(files) == 364
    for path in files[:25]:
        assert run(["validate", str(path)]) == 0
    capsys.readouterr()


def test_convert_refuses_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "k.yaml"
    out.write_text("keep me")
    assert run(["convert", "korea-2018", str(out)]) == 2
    assert out.read_text() == "keep me"
    assert run(["convert", "korea-2018", str(out), "--force"]) == 0
    assert accord.load(out) == accord.load("korea-2018")
    assert "output exists" in capsys.readouterr().err


def test_internal_error_says_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(_: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr("accord.cli.scenario_cmds.load", boom)
    assert run(["show"]) == 70
    err = capsys.readouterr().err
    assert "bug" in err and "kaput" in err and "Traceback" not in err


def test_subprocess_exit_code_and_no_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "accord", "validate", str(BAD / "nan.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "nan.yaml:7:" in proc.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"]) == 0
    assert accord.__version__ in capsys.readouterr().out


def test_unwritable_output_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert run(["convert", "korea-2018", str(blocker / "k.yaml")]) == 2
    err = capsys.readouterr().err
    assert "cannot write the output file" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]  # nothing half-written


def test_written_file_has_the_usual_mode(tmp_path: Path) -> None:
    out = tmp_path / "k.yaml"
    assert run(["convert", "korea-2018", str(out)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private 0600


def test_convert_into_folder_and_unknown_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["convert", "korea-2018", str(tmp_path)]) == 0
    assert (tmp_path / "korea-2018.yaml").is_file()
    assert run(["convert", "korea-2018", str(tmp_path / "k.txt")]) == 2
    assert "unknown output format" in capsys.readouterr().err
    assert not (tmp_path / "k.txt").exists()
