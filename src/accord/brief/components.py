"""Render any analysis result as HTML with the brief's own components (for Jupyter).

A result class can offer a rich display by delegating, lazily::

    def _repr_html_(self) -> str:
        from accord.brief.components import render_html
        return render_html(self)

:func:`render_html` finds the section that shows such a result (by the result's class name),
builds only that section from the result's ``.to_dict()`` and returns a styled fragment.
"""

from __future__ import annotations

from typing import Any

from accord.brief.blocks import Section
from accord.brief.context import Context, counterpart
from accord.brief.gather import Analyses, Settings, Unavailable, clean
from accord.brief.labels import Labels
from accord.brief.render import fragment
from accord.brief.sections import after, deals, issues, sensitivity, space
from accord.scenario.model import Scenario

__all__ = ["SECTIONS", "render_html"]

#: Analysis name -> the section module that renders it.
SECTIONS = {
    "forecast": issues,
    "space": space,
    "check": deals,
    "simulate": after,
    "sensitivity": sensitivity,
}

_BY_CLASS = {
    "forecast": "forecast",
    "space": "space",
    "check": "check",
    "simul": "simulate",
    "sensitiv": "sensitivity",
}


def analysis_of(result: Any) -> str:
    """Return the analysis a result object comes from, guessed from its class name."""
    name = type(result).__name__.lower()
    for key, analysis in _BY_CLASS.items():
        if key in name:
            return analysis
    raise TypeError(f"no brief component renders a {type(result).__name__}")


def render_html(result: Any, scenario: Scenario | str | None = None) -> str:
    """Return an HTML fragment showing ``result`` as the brief's section for it would.

    Parameters
    ----------
    result
        A result object of ``accord.forecast``, ``space``, ``check``, ``simulate`` or
        ``sensitivity`` (anything with ``.to_dict()`` and a recognisable class name).
    scenario
        The scenario, for names; by default loaded from the result's ``scenario`` id.
    """
    return fragment([section_for(result, scenario)])


def section_for(result: Any, scenario: Scenario | str | None = None) -> Section:
    """Build the brief section that shows ``result``."""
    import accord

    name = analysis_of(result)
    data = clean(result.to_dict())
    s = (
        scenario
        if isinstance(scenario, Scenario)
        else accord.load(scenario or data.get("scenario") or getattr(result, "scenario", ""))
    )
    if name == "check":
        data = {data.get("deal", "deal"): data}
    none = {k: Unavailable(k, "not part of this view") for k in SECTIONS}
    analyses = Analyses(results={name: result}, data={**none, name: data})
    side = s.actors[0].id
    settings = Settings(deals=tuple(d.id for d in s.deals), side=side, runs=0, seed=0)
    ctx = Context(s, analyses, settings, Labels(s), counterpart(s, side))
    return SECTIONS[name].build(ctx)  # type: ignore[no-any-return]
