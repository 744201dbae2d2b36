"""Render the elicitation reports from their Jinja2 templates (``accord/elicit/templates``)."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

__all__ = ["render"]


def _num(v: Any) -> str:
    return f"{v:.3g}" if isinstance(v, int | float) else str(v)


def render(name: str, **context: Any) -> str:
    """Render template ``name`` (autoescaped when it is HTML)."""
    env = Environment(
        loader=PackageLoader("accord.elicit", "templates"),
        autoescape=name.endswith(".html.j2"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = _num
    return env.get_template(name).render(**context)
