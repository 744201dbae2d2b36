"""Charts for the CLI without touching the host's matplotlib state.

No ``matplotlib.use`` and no pyplot: a :class:`matplotlib.figure.Figure` is created directly
(it carries its own canvas), inside a local ``rc_context`` that turns mathtext off, so a
``$...$`` in an actor's or an issue's name is drawn literally instead of being parsed (or
crashing the chart). The caller's backend and rcParams are the same afterwards.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from accord.errors import AccordError, Problem

__all__ = ["literal_figure", "save"]

_LITERAL: Any = {"text.parse_math": False, "svg.hashsalt": "accord"}


@contextmanager
def literal_figure(**kwargs: Any) -> Iterator[Any]:
    """Yield a new Figure in which every text is literal (no mathtext).

    Raises
    ------
    AccordError
        When matplotlib is not installed.
    """
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - depends on the environment
        raise AccordError(
            Problem("charts need matplotlib", expected="pip install 'accord[plot]'")
        ) from None
    with matplotlib.rc_context(_LITERAL):
        yield Figure(**kwargs)


def save(fig: Any, fmt: str = "svg", **kwargs: Any) -> bytes:
    """Render ``fig`` to bytes in ``fmt`` (svg, png or pdf), mathtext still off."""
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context(_LITERAL):
        fig.savefig(buf, format=fmt, **kwargs)
    return buf.getvalue()
