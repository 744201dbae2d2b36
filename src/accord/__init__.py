"""Accord: prepare a negotiating team for a high-stakes negotiation.

The public API is this facade; each function hands the work to the analysis package that owns
it and returns a frozen result object (``.to_dict()``, ``.to_frame()``).

>>> import accord
>>> s = accord.load("korea-2018")
>>> s.actor("usa").name
'United States'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from accord.errors import AccordError, Problem
from accord.scenario import Scenario, builtin_names, load

try:
    __version__ = version("accord")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "AccordError",
    "Problem",
    "Scenario",
    "__version__",
    "brief",
    "builtin_names",
    "check",
    "forecast",
    "load",
    "offer",
    "sensitivity",
    "simulate",
    "space",
]


def _scenario(scenario: Scenario | str | Path) -> Scenario:
    return scenario if isinstance(scenario, Scenario) else load(scenario)


def forecast(scenario: Scenario | str | Path, model: str = "eum", **params: Any) -> Any:
    """Forecast where bargaining lands on each issue (see :mod:`accord.models`)."""
    from accord.models import forecast as run

    return run(_scenario(scenario), model, **params)


def space(scenario: Scenario | str | Path, **params: Any) -> Any:
    """Map the agreement space: ZOPA, Pareto frontier, solutions (see :mod:`accord.space`)."""
    from accord.space import space as run

    return run(_scenario(scenario), **params)


def offer(scenario: Scenario | str | Path, package: Any, **params: Any) -> Any:
    """Analyse one offer against the agreement space (see :mod:`accord.space`)."""
    from accord.space import offer as run

    return run(_scenario(scenario), package, **params)


def check(scenario: Scenario | str | Path, deal: str | None = None, **params: Any) -> Any:
    """Judge every clause of a deal (see :mod:`accord.feasibility`)."""
    from accord.feasibility import check as run

    return run(_scenario(scenario), deal, **params)


def simulate(scenario: Scenario | str | Path, **params: Any) -> Any:
    """Simulate what happens after signing (see :mod:`accord.dynamics`)."""
    from accord.dynamics import simulate as run

    return run(_scenario(scenario), **params)


def sensitivity(scenario: Scenario | str | Path, **params: Any) -> Any:
    """Find which assumptions drive the simulated outcome (see :mod:`accord.dynamics`)."""
    from accord.dynamics import sensitivity as run

    return run(_scenario(scenario), **params)


def brief(scenario: Scenario | str | Path = "korea-2018", **params: Any) -> Any:
    """Assemble the briefing book (see :mod:`accord.brief`)."""
    from accord.brief import brief as run

    return run(_scenario(scenario), **params)


def _show_in_jupyter() -> None:
    from accord._jupyter import register

    register()


_show_in_jupyter()
