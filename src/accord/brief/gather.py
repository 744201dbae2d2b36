"""Run the analyses a brief needs, through the public facade, once each.

A brief never recomputes anything: it calls ``accord.forecast``, ``accord.space``,
``accord.check``, ``accord.simulate`` and ``accord.sensitivity`` and keeps their result
objects and ``.to_dict()`` data. An analysis that this version of Accord does not ship (its
package is missing, or it raises ``NotImplementedError``), or one that needs an optional extra
that is not installed, becomes an :class:`Unavailable` with the reason; the sections that need
it say so. Every other error propagates: a user error as :class:`~accord.errors.AccordError`,
a bug as itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import accord
from accord.scenario.model import Scenario

__all__ = ["ANALYSES", "Analyses", "Settings", "Unavailable", "gather"]

#: Analysis name -> the package that provides it (for messages).
ANALYSES = {
    "forecast": "accord.models",
    "space": "accord.space",
    "check": "accord.feasibility",
    "simulate": "accord.dynamics",
    "sensitivity": "accord.dynamics",
}

_EXTRAS = {"SALib": "sensitivity", "pandas": "pandas", "dask": "dask"}


@dataclass(frozen=True)
class Unavailable:
    """An analysis this installation cannot provide, and why."""

    analysis: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """Plain data for the JSON brief."""
        return {"available": "no", "analysis": self.analysis, "reason": self.reason}


@dataclass(frozen=True)
class Settings:
    """How the analyses of a brief were run."""

    deals: tuple[str, ...]
    side: str
    runs: int
    seed: int
    model: str = "all"

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the JSON brief."""
        return {"deals": list(self.deals), "side": self.side, "runs": self.runs,
                "seed": self.seed, "model": self.model}


@dataclass(frozen=True)
class Analyses:
    """The analyses' result objects (or :class:`Unavailable`) and their plain data."""

    results: dict[str, Any]
    data: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        """The ``.to_dict()`` data of an analysis, or its :class:`Unavailable`."""
        return self.data[name]

    def available(self, name: str) -> bool:
        """Whether the analysis produced a result."""
        return not isinstance(self.data.get(name), Unavailable)


def attempt(name: str, call: Callable[[], Any]) -> Any:
    """Run one analysis; turn "not shipped in this version" into :class:`Unavailable`."""
    try:
        return call()
    except NotImplementedError as err:
        return Unavailable(name, f"not available in this version ({err or 'not implemented'})")
    except ImportError as err:
        missing = (err.name or "").split(".")[0]
        if missing in ("", "accord"):
            return Unavailable(name, "not available in this version")
        extra = _EXTRAS.get(missing)
        hint = f"pip install 'accord[{extra}]'" if extra else f"pip install {missing}"
        return Unavailable(name, f"needs the package {missing!r}, not installed ({hint})")


def gather(scenario: Scenario, settings: Settings) -> Analyses:
    """Run every analysis of the brief on ``scenario`` with ``settings``."""
    runs, seed = settings.runs, settings.seed
    results: dict[str, Any] = {
        "forecast": attempt("forecast", lambda: accord.forecast(
            scenario, model=settings.model, runs=runs, seed=seed)),
        "space": attempt("space", lambda: accord.space(scenario)),
        "check": _checks(scenario, settings.deals, runs, seed),
        "simulate": attempt("simulate", lambda: accord.simulate(
            scenario, deals=list(settings.deals), runs=runs, seed=seed)),
        "sensitivity": attempt("sensitivity", lambda: accord.sensitivity(
            scenario, deals=list(settings.deals), seed=seed)),
    }
    data = {k: v if isinstance(v, Unavailable) else _plain(v) for k, v in results.items()}
    return Analyses(results=results, data=data)


def _checks(scenario: Scenario, deals: Sequence[str], runs: int, seed: int) -> Any:
    if not deals:
        return Unavailable("check", "the scenario has no candidate deals")
    out: dict[str, Any] = {}
    for deal in deals:
        res = attempt("check", lambda d=deal: accord.check(scenario, d, runs=runs, seed=seed))
        if isinstance(res, Unavailable):
            return res
        out[deal] = res
    return out


def _plain(result: Any) -> Any:
    if isinstance(result, dict):
        return {k: _plain(v) for k, v in result.items()}
    return clean(result.to_dict())


def clean(data: Any) -> Any:
    """JSON-safe copy: NaN and infinities become ``None``, tuples become lists."""
    if isinstance(data, dict):
        return {str(k): clean(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [clean(v) for v in data]
    if isinstance(data, float) and not math.isfinite(data):
        return None
    if hasattr(data, "tolist"):
        return clean(data.tolist())
    return data
