"""Render a brief to HTML (self-contained) or Markdown with the Jinja2 templates.

Numbers are printed by :func:`accord.brief.blocks.fmt`; in HTML each carries its JSON path
(``<span class="n" data-p="deals/modest-agenda/p_all_core" data-f="pct">64%</span>``) so a
reader's tool, or a test, can trace it to the JSON brief.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from accord.brief.blocks import Link, Num, Section, Text

if TYPE_CHECKING:
    from jinja2 import Environment

    from accord.brief.result import BriefResult

__all__ = ["css", "fragment", "html", "markdown", "md_escape"]

LIGHTS = {"sound": "🟢", "fragile": "🟡", "unrealistic": "🔴"}


@cache
def _env(kind: str) -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("accord.brief", "templates"),
        autoescape=kind == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["t"] = _html_text if kind == "html" else _md_text
    env.filters["cell"] = _md_cell
    env.filters["md"] = md_escape
    env.globals["kind"] = _kind
    env.globals["lights"] = LIGHTS
    return env


def _kind(block: Any) -> str:
    return type(block).__name__.lower()


def _html_text(t: Text | str) -> Any:
    from markupsafe import Markup, escape

    if isinstance(t, str):
        return escape(t)
    out = []
    for f in t:
        if isinstance(f, Num):
            out.append(
                f'<span class="n" data-p="{escape(f.path)}" data-f="{f.kind}">'
                f"{escape(str(f))}</span>"
            )
        elif isinstance(f, Link):
            out.append(f'<a href="#sec-{escape(f.section)}">{escape(f.label)}</a>')
        else:
            out.append(str(escape(f)))
    return Markup("".join(out))


#: Characters that would make scenario text into Markdown or HTML: escaped with a backslash
#: (``<``, ``>`` and ``&`` as entities), so a name renders as written and cannot inject raw
#: HTML, a script, a link, a remote image or emphasis.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}!|#~])")
_LINE_START = re.compile(r"^(\s*)([-+>]|\d+[.)])(?=\s)")


def md_escape(text: str) -> str:
    """Escape scenario text for Markdown: one line, no markup, no HTML, no links."""
    # one line: a newline can't start a heading, a list or a table row
    one_line = re.sub(r"[\r\n\t\v\f\x85\u2028\u2029]+", " ", text)
    out = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out = _MD_SPECIAL.sub(r"\\\1", out)
    out = re.sub(r"(?i)javascript:", "javascript&#58;", out)
    return _LINE_START.sub(r"\1\\\2", out)


def _md_text(t: Text | str) -> str:
    if isinstance(t, str):
        return md_escape(t)
    return "".join(_md_fragment(f) for f in t)


def _md_fragment(f: Num | Link | str) -> str:
    return md_escape(f) if isinstance(f, str) else str(f)


def _md_cell(t: Text | str) -> str:
    return _md_text(t)


def css() -> str:
    """Return the brief's stylesheet (screen and print)."""
    return files("accord.brief").joinpath("templates/brief.css").read_text(encoding="utf-8")


def html(brief: BriefResult) -> str:
    """Render the whole brief as one self-contained HTML document."""
    return _env("html").get_template("brief.html.j2").render(b=brief, css=css())


def fragment(sections: Sequence[Section]) -> str:
    """Sections as an HTML fragment with scoped style (for Jupyter's ``_repr_html_``)."""
    return _env("html").get_template("fragment.html.j2").render(sections=sections, css=css())


def markdown(brief: BriefResult) -> str:
    """Render the brief as Markdown."""
    return _env("md").get_template("brief.md.j2").render(b=brief)
