"""The briefing book as a result object: sections in order, rendered on demand."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from accord.brief.blocks import Bullets, Chart, Paragraph, Section, Table, plain

__all__ = ["BriefResult"]


@dataclass(frozen=True)
class BriefResult:
    """A briefing book (what :func:`accord.brief` returns).

    Attributes
    ----------
    scenario
        Scenario id.
    title
        Scenario title.
    sections
        The nine sections, in order.
    meta
        Settings (deals, side, runs, seed), Accord's version, the scenario's date.
    analyses
        Each analysis' ``.to_dict()`` data (or why it is unavailable).
    """

    scenario: str
    title: str
    sections: tuple[Section, ...]
    meta: dict[str, Any] = field(default_factory=dict)
    analyses: dict[str, Any] = field(default_factory=dict, repr=False)

    def section(self, sid: str) -> Section:
        """Return the section with this id."""
        return next(s for s in self.sections if s.id == sid)

    def to_dict(self) -> dict[str, Any]:
        """Every number of the brief (``data``), its text, and the analyses' full results."""
        return {
            "scenario": self.scenario,
            "title": self.title,
            "meta": self.meta,
            "sections": [_section_dict(s) for s in self.sections],
            "data": {s.id: s.data for s in self.sections},
            "analyses": self.analyses,
        }

    def to_json(self) -> str:
        """Return the JSON brief (``to_dict()`` as indented text)."""
        return (
            json.dumps(
                self.to_dict(), indent=2, ensure_ascii=False, allow_nan=False, default=_default
            )
            + "\n"
        )

    def to_html(self) -> str:
        """One self-contained HTML file: inline CSS and SVG, no external requests."""
        from accord.brief.render import html

        return html(self)

    def to_markdown(self) -> str:
        """Markdown for pasting into a memo or a wiki (charts left out, numbers kept)."""
        from accord.brief.render import markdown

        return markdown(self)

    def to_pdf(self) -> bytes:
        """PDF via WeasyPrint (the ``[pdf]`` extra): page numbers, contents, vector charts."""
        from accord.brief.pdf import pdf

        return pdf(self)

    def render(self, fmt: str) -> str | bytes:
        """Render in one format: ``html``, ``md``, ``json`` or ``pdf``."""
        renderers: dict[str, Callable[[], str | bytes]] = {
            "html": self.to_html,
            "md": self.to_markdown,
            "json": self.to_json,
            "pdf": self.to_pdf,
        }
        return renderers[fmt]()

    def to_frame(self) -> Any:
        """Return a pandas DataFrame of every number: section, path, value."""
        from accord.brief.frame import numbers_frame

        return numbers_frame(self)

    def _repr_html_(self) -> str:
        from accord.brief.render import fragment

        return fragment(self.sections)


def _section_dict(s: Section) -> dict[str, Any]:
    return {
        "id": s.id,
        "number": s.number,
        "title": s.title,
        "status": s.status,
        "waiting_on": list(s.waiting_on),
        "text": [_block_text(b) for b in s.blocks],
    }


def _block_text(b: Any) -> Any:
    if isinstance(b, Paragraph):
        return {"paragraph": plain(b.text)}
    if isinstance(b, Bullets):
        return {"list": b.title, "items": [plain(t) for t in b.items]}
    if isinstance(b, Table):
        return {
            "table": b.title,
            "header": list(b.header),
            "rows": [[plain(c) for c in r] for r in b.rows],
        }
    assert isinstance(b, Chart)
    return {"chart": b.caption}


def _default(obj: Any) -> Any:
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    raise TypeError(f"not JSON-able: {type(obj).__name__}")
