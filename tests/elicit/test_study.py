"""The synthetic-panel study: reproducible, and its figures in docs match a fresh run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accord.cli import run
from accord.elicit import study

DOC = Path(__file__).resolve().parents[2] / "docs" / "explanation" / "elicitation.md"


def test_same_seed_same_result_and_sane_figures() -> None:
    a = study(panels=3, items=4, seeds=5, seed=1)
    b = study(panels=3, items=4, seeds=5, seed=1)
    assert a.to_markdown() == b.to_markdown()
    row = {r["condition"]: r for r in a.rows}
    assert row["overconfident"]["width"]["experts"] < row["calibrated"]["width"]["experts"]
    for r in a.rows:
        for value in r["coverage"].values():
            assert 0.0 <= value <= 1.0


def test_the_command_refuses_too_small_a_study() -> None:
    assert run(["elicit", "study", "--panels", "1"]) == 2


@pytest.mark.slow
def test_the_docs_table_is_a_fresh_run(capsys: pytest.CaptureFixture[str]) -> None:
    text = DOC.read_text(encoding="utf-8")
    command = re.search(r"\$ accord (elicit study[^\n]*)", text)
    assert command is not None
    block = text.split("<!-- study -->\n", 1)[1].split("<!-- end study -->", 1)[0]
    assert run(command.group(1).split()) == 0
    assert capsys.readouterr().out.strip() == block.strip()


@pytest.mark.slow
def test_on_the_how_to_panel_nothing_flips() -> None:
    from accord.elicit import leave_one_out

    folder = DOC.parents[1] / "examples" / "panel-korea"
    result = leave_one_out(folder, side="usa", runs=300)
    assert result.flips == []  # docs/how-to/elicitation.md, step 6
