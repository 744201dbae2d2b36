"""Sentences for a principal: clause names instead of ids, no formula arithmetic."""

from __future__ import annotations

import accord
from accord.brief.prose import readable, short_clause


def test_clause_ids_become_their_text_and_formulas_their_result() -> None:
    s = accord.load("korea-2018")
    text = (
        "It waits on gb-denuclearise, which may not happen. Breaking it can pay: a one-off "
        "gain of 3.9 against a cost of detection 68% x punishment 1 x discounted future 5.7 "
        "= 3.6; the record"
    )
    out = readable(text, s)
    assert "gb-denuclearise" not in out and "“North Korea dismantles" in out
    assert "x punishment" not in out and "an expected cost of 3.6" in out


def test_short_clause_cuts_at_a_word() -> None:
    assert short_clause("a b c.") == "“a b c”"
    assert short_clause("word " * 30).endswith("…”")


def test_korea_brief_shows_no_clause_ids(korea_brief: accord.brief.BriefResult) -> None:
    md = korea_brief.to_markdown()
    ids = [c.id for d in accord.load("korea-2018").deals for c in d.clauses]
    assert not [i for i in ids if i in md]


def test_breaking_it_pays_only_when_the_gain_exceeds_the_cost() -> None:
    s = accord.load("korea-2018")
    cost = "a cost of detection 68% x punishment 1 x discounted future 5.7 = {c}; the record"
    pays = readable("Breaking it can pay: a one-off gain of 3.9 against " + cost.format(c=3.6), s)
    assert pays.startswith("Breaking it can pay") and "gain of 3.9" in pays
    low = readable("Breaking it can pay: a one-off gain of 0.93 against " + cost.format(c=2.3), s)
    assert "can pay" not in low and "does not pay on average" in low
    assert "0.93" in low and "2.3" in low


def test_a_prerequisite_is_named_once_per_sentence() -> None:
    s = accord.load("korea-2018")
    text = (
        "It waits on ma-export-controls, which may not happen (P 84%). "
        "It waits on ma-export-controls: a dispute over who moves first can stall it."
    )
    out = readable(text, s)
    assert out.count("It waits on") == 1 and "who moves first" in out
    assert "probability 84%" in out


def test_korea_brief_prose_has_no_tool_names_paths_or_source_tags(
    korea_brief: accord.brief.BriefResult,
) -> None:
    """Review 1, 'sentences': no commands, file paths, seed tags or raw Markdown in prose."""
    md = korea_brief.to_markdown()
    html = korea_brief.to_html()
    for bad in ("accord backtest", "accord sensitivity", "docs/", "[seed", "[general-knowledge"):
        assert bad not in md.replace("\\[", "["), bad
    assert "*not*" not in html and "<code>" not in html
    assert 'class="screen-only">Every number' in html  # the hover note is not printed
