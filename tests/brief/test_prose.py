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
