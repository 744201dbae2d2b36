"""The brief's content: every section, in order, charts, numbers traceable to the JSON."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest

from accord.brief import BriefResult
from accord.brief.blocks import fmt

TITLES = [
    "Bottom line up front",
    "The parties",
    "Issue by issue",
    "The agreement space",
    "The deals on the table",
    "After signing",
    "What would change these conclusions",
    "Talking points",
    "Assumptions and sources",
]
CHARTED = {"issues", "space", "after", "sensitivity"}


class Spans(HTMLParser):
    """Collects number spans (path, format, text), resource URLs and svg elements."""

    def __init__(self) -> None:
        super().__init__()
        self.nums: list[list[str]] = []
        self.urls: list[str] = []
        self.svgs = 0
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "svg":
            self.svgs += 1
        for key in ("src", "href", "xlink:href", "data", "poster", "srcset"):
            if a.get(key):
                self.urls.append(str(a[key]))
        if tag == "span" and a.get("class") == "n":
            self._open = [str(a["data-p"]), str(a["data-f"]), ""]

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[2] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open is not None:
            self.nums.append(self._open)
            self._open = None


def parse(html: str) -> Spans:
    p = Spans()
    p.feed(html)
    return p


def lookup(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for key in path.split("/"):
        node = node[key]
    return node


def test_nine_sections_in_order(korea_brief: BriefResult, korea_html: str) -> None:
    assert [s.title for s in korea_brief.sections] == TITLES
    assert [s.number for s in korea_brief.sections] == list(range(1, 10))
    positions = [korea_html.index(f'id="sec-{s.id}"') for s in korea_brief.sections]
    assert positions == sorted(positions)
    md = korea_brief.to_markdown()
    md_pos = [md.index(f"## {k}. {t}") for k, t in enumerate(TITLES, 1)]
    assert md_pos == sorted(md_pos)


def test_bluf_has_three_to_six_paragraphs_and_the_deal_test(korea_brief: BriefResult) -> None:
    blocks = korea_brief.section("bluf").blocks
    paragraphs = [b for b in blocks if type(b).__name__ == "Paragraph"]
    assert 3 <= len(paragraphs) <= 6
    tables = [b for b in blocks if type(b).__name__ == "Table"]
    assert len(tables) == 1 and len(tables[0].rows) == len(korea_brief.meta["deals"])


def test_charts_present_for_every_available_charted_section(
    korea_brief: BriefResult, korea_html: str
) -> None:
    for s in korea_brief.sections:
        if s.id in CHARTED and s.status != "unavailable":
            assert any(type(b).__name__ == "Chart" for b in s.blocks), s.id
    spans = parse(korea_html)
    charted = sum(1 for s in korea_brief.sections if s.id in CHARTED and s.status == "complete")
    assert spans.svgs >= max(charted, 1)


def test_no_external_resource_is_fetched(korea_html: str) -> None:
    spans = parse(korea_html)
    assert spans.urls, "expected in-page links (contents)"
    for url in spans.urls:
        assert url.startswith("#"), url
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", korea_html)
    assert "@import" not in korea_html
    assert "<script" not in korea_html and "<link" not in korea_html


def test_every_number_in_the_text_equals_the_json(
    korea_html: str, korea_json: dict[str, Any]
) -> None:
    nums = parse(korea_html).nums
    assert len(nums) > 100
    for path, kind, shown in nums:
        value = lookup(korea_json["data"], path)
        assert shown == fmt(value, kind), (path, value, shown)


def test_markdown_shows_the_same_numbers(korea_brief: BriefResult, korea_html: str) -> None:
    md = korea_brief.to_markdown()
    for _, _, shown in parse(korea_html).nums:
        assert shown in md


def test_html_is_self_contained_and_small(korea_html: str) -> None:
    assert korea_html.startswith("<!DOCTYPE html>")
    assert "<style>" in korea_html
    assert len(korea_html.encode()) < 2_000_000


def test_json_holds_settings_sections_and_analyses(korea_json: dict[str, Any]) -> None:
    assert korea_json["scenario"] == "korea-2018"
    assert korea_json["meta"]["seed"] == 0
    assert [s["number"] for s in korea_json["sections"]] == list(range(1, 10))
    assert set(korea_json["analyses"]) == {
        "forecast",
        "space",
        "check",
        "simulate",
        "sensitivity",
        "recommend",
    }


def test_talking_points_trace_to_sections(korea_brief: BriefResult, korea_html: str) -> None:
    talking = korea_html[
        korea_html.index('id="sec-talking"') : korea_html.index('id="sec-sources"')
    ]
    items = re.findall(r"<li>(.*?)</li>", talking, flags=re.S)
    assert items
    for item in items:
        assert re.search(r'href="#sec-(parties|issues|space|deals|after|sensitivity)"', item)


def test_sources_list_every_uncertain_input(korea_brief: BriefResult) -> None:
    from accord.brief.sections.sources import inputs

    scenario = __import__("accord").load("korea-2018")
    table = next(b for b in korea_brief.section("sources").blocks if type(b).__name__ == "Table")
    assert len(table.rows) == sum(1 for _ in inputs(scenario))


@pytest.mark.parametrize(
    "kind,value,text",
    [
        ("pct", 0.456, "46%"),
        ("scale", 59.6, "60"),
        ("util", 0.5, "0.50"),
        ("signed", 0.123, "+0.12"),
        ("int", 200.0, "200"),
        ("num", 2.5, "2.5"),
        ("pct", None, "–"),
    ],
)
def test_fmt(kind: str, value: float | None, text: str) -> None:
    assert fmt(value, kind) == text
