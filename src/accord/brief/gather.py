"""Run the analyses a brief needs once each, and hand each result to those that need it.

The deal check runs once per deal (one run count, one seed); the simulation and the
sensitivity analysis are handed its results instead of checking again, and the
recommendation is derived from the one space analysis and the one check. So every number
that appears in two sections comes from one computation. The brief keeps each result object
and its ``.to_dict()`` data.

An analysis that needs an optional extra that is not installed (or raises
``NotImplementedError``) becomes an :class:`Unavailable` with the reason; the sections that
need it say so. Every other error propagates: a user error as
:class:`~accord.errors.AccordError`, a bug (an ``ImportError`` inside Accord included) as itself.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
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

#: The brief's sensitivity design: Morris screening, 2 trajectories, 24 runs per design point,
#: 256 runs per end of each tornado bar (Monte Carlo error about ±1.5 points at 3%);
#: ``accord sensitivity`` runs the full Sobol analysis.
SENSITIVITY: dict[str, Any] = {"method": "morris", "samples": 2, "reps": 24, "sweep_reps": 256}

NO_DEALS = "the scenario has no candidate deals"
_EXTRAS = {"SALib": "sensitivity", "pandas": "pandas", "dask": "dask"}
#: Analysis -> the optional package (see :data:`_EXTRAS`) it cannot run without.
_REQUIRES = {"sensitivity": "SALib"}


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
    forecast_runs: int = 50
    model: str = "all"
    check_runs: int = 2000

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the JSON brief."""
        return {
            "deals": list(self.deals),
            "side": self.side,
            "runs": self.runs,
            "check_runs": self.check_runs,
            "forecast_runs": self.forecast_runs,
            "seed": self.seed,
            "model": self.model,
        }


@dataclass(frozen=True)
class Analyses:
    """The analyses' result objects (or :class:`Unavailable`) and their plain data."""

    results: dict[str, Any]
    data: dict[str, Any] = field(default_factory=dict)
    space_arrays: Any = None

    def get(self, name: str) -> Any:
        """Return the ``.to_dict()`` data of an analysis, or its :class:`Unavailable`."""
        return self.data[name]

    def available(self, name: str) -> bool:
        """Whether the analysis produced a result."""
        return not isinstance(self.data.get(name), Unavailable)


def missing_extra(name: str) -> Unavailable | None:
    """Return why an analysis cannot run here when the optional package it needs is absent.

    The analysis itself would raise a user error naming the extra; in a brief that is not the
    user's mistake, so the section says what to install instead.
    """
    package = _REQUIRES.get(name)
    if package is None or importlib.util.find_spec(package) is not None:
        return None
    hint = f"pip install 'accord[{_EXTRAS[package]}]'"
    return Unavailable(name, f"needs the package {package!r}, not installed ({hint})")


def attempt(name: str, call: Callable[[], Any]) -> Any:
    """Run one analysis; turn "not shipped in this version" into :class:`Unavailable`."""
    lacking = missing_extra(name)
    if lacking is not None:
        return lacking
    try:
        return call()
    except NotImplementedError as err:
        return Unavailable(name, f"not available in this version ({err or 'not implemented'})")
    except ImportError as err:
        missing = (err.name or "").split(".")[0]
        if missing in ("", "accord"):
            raise  # a broken import inside Accord is a bug, never "not available"
        extra = _EXTRAS.get(missing)
        hint = f"pip install 'accord[{extra}]'" if extra else f"pip install {missing}"
        return Unavailable(name, f"needs the package {missing!r}, not installed ({hint})")


def gather(scenario: Scenario, settings: Settings) -> Analyses:
    """Run every analysis of the brief on ``scenario`` with ``settings``, each once."""
    from accord.recommend import recommend
    from accord.space.analysis import analyse

    seed = settings.seed
    arrays = attempt("space", lambda: analyse(scenario))
    checks = _checks(scenario, settings)
    after = checks if isinstance(checks, dict) else None
    results: dict[str, Any] = {
        "forecast": attempt(
            "forecast",
            lambda: accord.forecast(
                scenario, model=settings.model, runs=settings.forecast_runs, seed=seed
            ),
        ),
        "space": arrays if isinstance(arrays, Unavailable) else arrays.result,
        "check": checks
        if isinstance(checks, Unavailable)
        else {d: checks[d] for d in settings.deals},
        "simulate": _after_signing(
            "simulate",
            settings,
            after,
            lambda: accord.simulate(
                scenario, list(settings.deals), runs=settings.runs, seed=seed, checks=after
            ),
        ),
        "sensitivity": _after_signing(
            "sensitivity",
            settings,
            after,
            lambda: accord.sensitivity(
                scenario, list(settings.deals), seed=seed, checks=after, **SENSITIVITY
            ),
        ),
    }
    if after is not None and not isinstance(arrays, Unavailable):
        results["recommend"] = recommend(
            scenario, side=settings.side, space=arrays, checks=after, deals=settings.deals
        )
    else:
        results["recommend"] = Unavailable("recommend", _why_not(arrays, checks))
    data = {k: v if isinstance(v, Unavailable) else _plain(v) for k, v in results.items()}
    return Analyses(
        results=results,
        data=data,
        space_arrays=None if isinstance(arrays, Unavailable) else arrays,
    )


def _why_not(arrays: Any, checks: Any) -> str:
    for r in (checks, arrays):
        if isinstance(r, Unavailable):
            return r.reason
    return NO_DEALS


def _after_signing(
    name: str, settings: Settings, checks: dict[str, Any] | None, call: Callable[[], Any]
) -> Any:
    """Simulate only when there are deals: no deal alone says nothing about signing one."""
    if not settings.deals:
        return Unavailable(name, NO_DEALS)
    if checks is None:
        return Unavailable(name, "the deal check is not available")
    return attempt(name, call)


def _checks(scenario: Scenario, settings: Settings) -> Any:
    """Check every deal of the scenario once (third parties named by any deal hedge in all)."""
    if not settings.deals:
        return Unavailable("check", NO_DEALS)
    out: dict[str, Any] = {}
    for deal in scenario.deals:
        res = attempt(
            "check",
            partial(accord.check, scenario, deal.id, runs=settings.check_runs, seed=settings.seed),
        )
        if isinstance(res, Unavailable):
            return res
        out[deal.id] = res
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
