"""The simulation's parameters: resolving defaults, the scenario's overrides and the caller's.

Every number the post-deal simulation assumes is listed in :data:`PARAMETERS`
(:mod:`accord.dynamics.basis`) with a plain name, a default, a plausible range (what
:func:`accord.sensitivity` explores), the interval it must lie in, and what it rests on: a
published figure and its derivation, or the analyst's judgement. The escalation rates depend
on the scenario's domain. A scenario overrides a default under ``dynamics: params:`` with a
number or a range and its source (or, as before, in its ``context`` as ``dynamics.<name>:
value``); a caller may pass a number or an uncertain range (``(low, high)``, ``(low, mode,
high)`` or a :class:`~accord.scenario.quantity.Quantity`), which is then drawn per run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np

from accord.dynamics.basis import PARAMETERS, ParamSpec, for_domain
from accord.dynamics.ladder import Ladder, ladder_for
from accord.errors import AccordError, Problem
from accord.scenario.quantity import Quantity

__all__ = [
    "PARAMETERS",
    "ParamSpec",
    "ParamValue",
    "defaults",
    "draw_params",
    "resolve_params",
]

ParamValue = float | Quantity


def defaults(ladder: Ladder | None = None) -> dict[str, ParamSpec]:
    """Every parameter as it applies on a ladder (the security ladder's when None)."""
    if ladder is None:
        return dict(PARAMETERS)
    specs = {k: for_domain(s, ladder.domain) for k, s in PARAMETERS.items()}
    start = specs["start_rung"]
    specs["start_rung"] = replace(
        start, default=ladder.start, low=ladder.start, high=ladder.start, domain=(0, ladder.top - 1)
    )
    return specs


def resolve_params(
    context: Any = None, overrides: Mapping[str, Any] | None = None
) -> dict[str, ParamValue]:
    """Merge the defaults, the scenario's overrides and the caller's, in that order.

    Parameters
    ----------
    context
        A :class:`~accord.scenario.Scenario` (its domain's defaults, its ``dynamics.params``
        and its ``context``'s ``dynamics.*`` entries), or a scenario's ``context`` mapping
        alone (security defaults), or None.
    overrides
        The caller's values by parameter name.

    Raises
    ------
    AccordError
        Listing every unknown name, every value outside its domain and every unknown source.
    """
    scenario = context if hasattr(context, "actors") else None
    ladder = ladder_for(scenario) if scenario is not None else None
    specs = defaults(ladder)
    ctx = scenario.context if scenario is not None else (context or {})
    given: dict[str, tuple[str, Any]] = {}
    for key, value in ctx.items():
        if key.startswith("dynamics."):
            given[key.removeprefix("dynamics.")] = (f"context.{key}", value)
    dyn = getattr(scenario, "dynamics", None)
    for key, value in (dyn.params if dyn is not None else {}).items():
        given[key] = (f"dynamics.params.{key}", value)
    for key, value in (overrides or {}).items():
        given[key] = (f"params.{key}", value)
    values: dict[str, ParamValue] = {k: s.default for k, s in specs.items()}
    problems = _unknown_sources(scenario)
    for name, (path, raw) in given.items():
        value = _check(specs, name, path, raw, problems)
        if value is not None:
            values[name] = value
    if problems:
        raise AccordError(problems)
    return values


def _unknown_sources(scenario: Any) -> list[Problem]:
    dyn = getattr(scenario, "dynamics", None)
    if dyn is None:
        return []
    known = {s.id for s in scenario.sources}
    return [
        Problem(
            "unknown source",
            path=f"dynamics.params.{name}.source",
            expected="the id of an entry in sources: " + (", ".join(sorted(known)) or "none"),
            found=q.source,
        )
        for name, q in dyn.params.items()
        if q.source is not None and q.source not in known
    ]


def _check(
    specs: Mapping[str, ParamSpec], name: str, path: str, raw: Any, problems: list[Problem]
) -> ParamValue | None:
    spec = specs.get(name)
    if spec is None:
        problems.append(
            Problem(
                "unknown simulation parameter",
                path=path,
                expected="one of: " + ", ".join(specs),
                found=name,
            )
        )
        return None
    try:
        value = _as_value(raw)
    except (TypeError, ValueError) as err:
        problems.append(
            Problem(f"not a number or range: {_reason(err)}", path=path, found=repr(raw))
        )
        return None
    lo, hi = value.bounds if isinstance(value, Quantity) else (value, value)
    if not spec.domain[0] <= lo <= hi <= spec.domain[1]:
        problems.append(
            Problem(
                "value outside the parameter's domain",
                path=path,
                expected=f"within [{spec.domain[0]:g}, {spec.domain[1]:g}]",
                found=f"{lo:g}" if lo == hi else f"[{lo:g}, {hi:g}]",
            )
        )
        return None
    return value


def _as_value(raw: Any) -> ParamValue:
    if isinstance(raw, Quantity):
        return raw if raw.uncertain else float(raw.point)
    if isinstance(raw, bool) or raw is None:
        raise TypeError("expected a number")
    if isinstance(raw, tuple | list):
        keys = ("low", "high") if len(raw) == 2 else ("low", "mode", "high")
        if len(raw) not in (2, 3):
            raise ValueError("a range is (low, high) or (low, mode, high)")
        return _as_value(Quantity(**dict(zip(keys, map(float, raw), strict=True))))
    if isinstance(raw, Mapping):
        return _as_value(Quantity(**raw))
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError("expected a finite number")
    return value


def _reason(err: Exception) -> str:
    """Return why a conversion failed, in a few words (pydantic's messages, unframed)."""
    errors = getattr(err, "errors", None)
    if callable(errors):  # pydantic.ValidationError
        return "; ".join(str(e.get("msg", "")).removeprefix("Value error, ") for e in errors())
    return str(err)


def draw_params(
    values: Mapping[str, ParamValue], rng: np.random.Generator, n: int
) -> dict[str, np.ndarray]:
    """Parameter columns, float32: drawn per run (``(n, 1)``) if uncertain, else ``(1, 1)``."""
    out: dict[str, np.ndarray] = {}
    for name in sorted(values):
        value = values[name]
        column = value.draw(rng, n) if isinstance(value, Quantity) else np.array([value])
        out[name] = column.astype(np.float32).reshape(-1, 1)
    return out
