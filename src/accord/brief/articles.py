"""Country names that take the article: "the United States", never "United States" in prose.

A small, data-driven rule (:data:`TAKES_THE`): a name starting with one of these words takes
"the" wherever the brief's own sentences use it (paragraphs, list items, table cells), and
"The" where it opens a sentence. Text already reading "the United States" is left alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from accord.brief.blocks import Block, Bullets, Chart, Fragment, Paragraph, Section, Table, Text

__all__ = ["TAKES_THE", "the", "with_articles"]

#: First words of names that take the definite article in English prose.
TAKES_THE = ("United", "Republic", "People's", "Democratic", "Kingdom", "Netherlands")

_END = re.compile(r"[.!?]\s+$")


def _pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    chosen = sorted({n for n in names if n.split(" ", 1)[0] in TAKES_THE}, key=len, reverse=True)
    if not chosen:
        return None
    alts = "|".join(map(re.escape, chosen))
    return re.compile(r"(?<![Tt]he )(?<![\w'’])(" + alts + r")(?![\w])")


def _text(t: Text, pattern: re.Pattern[str]) -> Text:
    out: list[Fragment] = []
    start = True
    for f in t:
        if not isinstance(f, str):
            out.append(f)
            start = False
            continue

        def repl(m: re.Match[str], opens: bool = start, s: str = f) -> str:
            before = s[: m.start()]
            at_start = (opens and not before.strip()) or bool(_END.search(before))
            return ("The " if at_start else "the ") + m.group(1)

        out.append(pattern.sub(repl, f))
        start = bool(_END.search(f)) or (start and not f.strip())
    return tuple(out)


def _block(b: Block, pattern: re.Pattern[str]) -> Block:
    if isinstance(b, Paragraph):
        return dataclasses.replace(b, text=_text(b.text, pattern))
    if isinstance(b, Bullets):
        return dataclasses.replace(b, items=tuple(_text(i, pattern) for i in b.items))
    if isinstance(b, Table):
        rows = tuple(tuple(_text(c, pattern) for c in row) for row in b.rows)
        return dataclasses.replace(b, rows=rows)
    if isinstance(b, Chart):
        return dataclasses.replace(b, caption=pattern.sub(r"the \1", b.caption))
    return b


def the(name: str) -> str:
    """Return ``name`` with "the" before it when it takes the article (mid-sentence)."""
    pattern = _pattern([name])
    return name if pattern is None else pattern.sub(r"the \1", name)


def with_articles(sections: tuple[Section, ...], names: Iterable[str]) -> tuple[Section, ...]:
    """Return the sections with "the" before every name of ``names`` that takes it."""
    pattern = _pattern(names)
    if pattern is None:
        return sections
    return tuple(
        dataclasses.replace(s, blocks=tuple(_block(b, pattern) for b in s.blocks)) for s in sections
    )
