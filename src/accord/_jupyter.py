"""Show analysis results in Jupyter with the briefing's own components.

The analyses must not import the presentation layer (ARCHITECTURE.md), so their result classes
carry no ``_repr_html_``. Instead, when Accord is imported inside IPython/Jupyter, this module
registers an HTML formatter for each result class *by name* (nothing is imported until a
result is shown), which renders it with :func:`accord.brief.components.render_html` — the same
section the briefing book prints.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RESULT_TYPES", "register", "render"]

RESULT_TYPES = (
    ("accord.models.result", "Forecast"),
    ("accord.space.result", "SpaceResult"),
    ("accord.feasibility.result", "CheckResult"),
    ("accord.dynamics.result", "SimulationResult"),
    ("accord.dynamics.sa_result", "SensitivityResult"),
)


def render(result: Any) -> str:
    """Return the HTML fragment the briefing shows for ``result``."""
    from accord.brief.components import render_html

    return render_html(result)


def register(shell: Any = None) -> bool:
    """Register the HTML formatter in ``shell`` (default: the running IPython, if any)."""
    if shell is None:
        try:
            from IPython import get_ipython  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters["text/html"]
    for module, name in RESULT_TYPES:
        formatter.for_type_by_name(module, name, render)
    return True
