"""`accord check` from the command line."""

from __future__ import annotations

import json

import pytest

from accord.cli import run


def test_check_one_deal_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--deal", "modest-agenda", "--runs", "200", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["deal"] == "modest-agenda" and len(data["clauses"]) == 4


def test_check_all_json_is_a_mapping(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "korea-2018", "--all", "--runs", "100", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"grand-bargain", "freeze-for-freeze", "modest-agenda"}


def test_check_table_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--deal", "grand-bargain", "--runs", "100", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "unrealistic" in out and "P(implemented)" in out and "seed-guarantee" in out


def test_unknown_deal_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--deal", "nope", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["ok"] is False
