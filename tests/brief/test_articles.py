"""Names that take the article read "the United States" in prose, "The" at a sentence start."""

from __future__ import annotations

import accord
from accord.brief.articles import the, with_articles
from accord.brief.blocks import Link, Paragraph, Section, T


def _one(text: tuple[object, ...]) -> str:
    s = Section("x", 1, "x", (Paragraph(text),), {})  # type: ignore[arg-type]
    out = with_articles((s,), ["United States", "North Korea"])[0].blocks[0]
    assert isinstance(out, Paragraph)
    return "".join(f if isinstance(f, str) else "§" for f in out.text)


def test_the_article_is_added_and_capitalised_at_a_sentence_start() -> None:
    assert _one(T("For United States facing North Korea.")) == (
        "For the United States facing North Korea."
    )
    assert _one(T("United States: capability")) == "The United States: capability"
    assert _one(T("Done (", Link("x", "§1"), "). United States gains.")) == (
        "Done (§). The United States gains."
    )
    assert _one(T("the United States and “The United States withdraws”")) == (
        "the United States and “The United States withdraws”"
    )
    assert the("United States") == "the United States" and the("Japan") == "Japan"


def test_korea_brief_says_the_united_states(korea_brief: accord.brief.BriefResult) -> None:
    md = korea_brief.to_markdown()
    body = md.split("## 1.", 1)[1]
    import re

    bare = re.findall(r"(?<![Tt]he )(?<!\| )United States(?! \|)", body)
    headings = [ln for ln in body.splitlines() if ln.startswith("#") and "United States" in ln]
    assert len(bare) <= len(headings), bare
