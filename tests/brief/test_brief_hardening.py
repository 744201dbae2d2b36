"""Hostile scenario text cannot inject Markdown/HTML; charts leave the host's matplotlib alone."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import accord
from accord.brief.render import md_escape
from accord.scenario import validate_data

ROOT = Path(__file__).resolve().parents[2]
EVIL_NAME = "North|land <script>alert(1)</script> $\\undefinedcmd{x}$"
EVIL_TITLE = "Talks\n# Injected heading\n<iframe src='https://evil.example'></iframe>"
EVIL_CLAUSE = "South cuts [the tariff](javascript:alert(1)) ![x](https://evil.example/x.png) *now*."


@pytest.fixture(scope="module")
def evil() -> accord.Scenario:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docs/examples/trade-talks.yaml").read_text())
    data["title"] = EVIL_TITLE
    data["actors"][0]["name"] = EVIL_NAME
    data["deals"][0]["clauses"][0]["text"] = EVIL_CLAUSE
    return validate_data(data)


@pytest.fixture(scope="module")
def evil_md(evil: accord.Scenario) -> str:
    return accord.brief(evil, runs=20).to_markdown()


def test_markdown_brief_carries_no_raw_html_links_or_images(evil_md: str) -> None:
    assert "<script" not in evil_md and "<iframe" not in evil_md
    assert "](javascript:" not in evil_md and "javascript:" not in evil_md
    assert "![x](" not in evil_md
    assert not re.search(r"(?<!\\)\[the tariff(?<!\\)\]\(", evil_md)


def test_a_newline_in_a_title_cannot_start_a_heading(evil_md: str) -> None:
    headings = [line for line in evil_md.splitlines() if line.startswith("#")]
    assert not any("Injected" in h and not h.startswith("# Talks") for h in headings)


def test_a_pipe_in_a_name_cannot_break_a_table(evil_md: str) -> None:
    for line in evil_md.splitlines():
        if line.startswith("| ") and "North" in line:
            cells = re.split(r"(?<!\\)\|", line)[1:-1]
            header = next(
                h for h in evil_md.splitlines() if h.startswith("| ") and h.count("|") > 2
            )
            assert len(cells) >= 1 and "North\\|land" in line
            assert header  # the table still parses: escaped pipes are not separators


def test_md_escape_keeps_plain_text_readable() -> None:
    assert md_escape("United States") == "United States"
    assert md_escape("a\nb") == "a b"
    assert md_escape("x|y") == "x\\|y"


def test_charts_render_mathtext_literally_and_restore_rcparams(evil: accord.Scenario) -> None:
    import matplotlib

    before = {k: str(v) for k, v in matplotlib.rcParams.items()}
    html = accord.brief(evil, runs=20).to_html()
    after = {k: str(v) for k, v in matplotlib.rcParams.items()}
    assert before == after
    assert "undefinedcmd" in html  # the name is drawn as written, not parsed as mathtext
