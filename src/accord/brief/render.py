"""Render a brief to HTML (self-contained) or Markdown with the Jinja2 templates.

Numbers are printed by :func:`accord.brief.blocks.fmt`; in HTML each carries its JSON path
(``<span class="n" data-p="deals/modest-agenda/p_all_core" data-f="pct">64%</span>``) so a
reader's tool, or a test, can trace it to the JSON brief.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from accord.brief.blocks import Link, Num, Section, Text

if TYPE_CHECKING:
    from jinja2 import Environment

    from accord.brief.result import BriefResult

__all__ = ["css", "fragment", "html", "markdown"]

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


def _md_text(t: Text | str) -> str:
    return t if isinstance(t, str) else "".join(str(f) for f in t)


def _md_cell(t: Text | str) -> str:
    return _md_text(t).replace("|", "\\|").replace("\n", " ")


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
