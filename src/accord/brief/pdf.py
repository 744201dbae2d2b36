"""PDF rendering with WeasyPrint (the ``[pdf]`` extra).

Page numbers, a contents list with page references, and the SVG charts kept as vectors.
"""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING, Any

from accord.errors import AccordError, Problem

if TYPE_CHECKING:
    from accord.brief.result import BriefResult

__all__ = ["PDF_CSS", "available", "document", "pdf"]

#: Print-only additions that WeasyPrint understands: page references in the contents list.
PDF_CSS = """
.toc ol { columns: 1 !important; }
.toc a::after { content: leader('.') target-counter(attr(href), page); }
h2 { break-before: auto; }
"""

INSTALL = "pip install 'accord[pdf]'"
_NUM_SPAN = re.compile(r'<span class="n" data-p="[^"]*" data-f="[^"]*">([^<]*)</span>')


_SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def _svg_image(match: re.Match[str]) -> str:
    data = base64.b64encode(match.group(0).encode("utf-8")).decode("ascii")
    return f'<img class="chart" alt="" src="data:image/svg+xml;base64,{data}">'


def available() -> bool:
    """Whether WeasyPrint can be imported (with its system libraries)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def document(brief: BriefResult) -> Any:
    """Lay the brief out as a WeasyPrint ``Document`` (pages, bookmarks); see :func:`pdf`."""
    try:
        from weasyprint import CSS, HTML
    except (ImportError, OSError) as err:
        raise AccordError(
            Problem(
                "PDF output needs WeasyPrint and its system libraries (Pango)",
                path="format",
                expected=INSTALL,
                found=f"{type(err).__name__}: {err}",
            )
        ) from None
    # Number tags matter on screen only, and charts as images keep their hundreds of SVG
    # elements out of the CSS cascade: both make WeasyPrint much faster. Charts stay vectors.
    html = _SVG.sub(_svg_image, _NUM_SPAN.sub(r"\1", brief.to_html()))
    return HTML(string=html, base_url=None).render(stylesheets=[CSS(string=PDF_CSS)])


def pdf(brief: BriefResult) -> bytes:
    """Render the brief as PDF bytes; :class:`AccordError` naming the extra if missing."""
    out = document(brief).write_pdf()
    assert out is not None
    return bytes(out)
