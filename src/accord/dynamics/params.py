"""The simulation's parameters: defaults, plausible ranges, meaning and source.

Every number the post-deal simulation assumes is listed in :data:`PARAMETERS` with a default,
a plausible range (what :func:`accord.sensitivity` explores), the domain it must lie in, what
it means and where it comes from. The mechanisms are cited; the *values* are the analyst's
judgement for a monthly period and are not calibrated on data — which is why the sensitivity
analysis exists. A scenario may override a default in its ``context`` (``dynamics.<name>:
value``); a caller may pass a number or an uncertain range (``(low, high)``, ``(low, mode,
high)`` or a :class:`~accord.scenario.quantity.Quantity`), which is then drawn per run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from accord.errors import AccordError, Problem
from accord.scenario.quantity import Quantity

__all__ = ["PARAMETERS", "ParamSpec", "ParamValue", "draw_params", "resolve_params"]

ParamValue = float | Quantity


@dataclass(frozen=True)
class ParamSpec:
    """One parameter: default, plausible range, allowed domain, meaning, source."""

    name: str
    default: float
    low: float
    high: float
    domain: tuple[float, float]
    meaning: str
    source: str


def _p(
    name: str,
    default: float,
    rng: tuple[float, float],
    domain: tuple[float, float],
    meaning: str,
    source: str,
) -> ParamSpec:
    return ParamSpec(name, default, rng[0], rng[1], domain, meaning, source)


_PROB = (0.0, 1.0)
_POS = (0.0, 50.0)
_J = "judgement (uncalibrated; explored by `accord sensitivity`)"

PARAMETERS: dict[str, ParamSpec] = {
    s.name: s
    for s in (
        _p(
            "start_rung",
            2,
            (2, 2),
            (0, 2),
            "Escalation rung at signing (2 = tension).",
            "scenario context; Kahn (1965) ladder",
        ),
        _p(
            "base_up",
            0.03,
            (0.015, 0.06),
            _PROB,
            "Monthly chance of climbing one rung when pressure is zero.",
            _J,
        ),
        _p(
            "base_down",
            0.04,
            (0.02, 0.08),
            _PROB,
            "Monthly chance of stepping one rung down when pressure is zero.",
            _J,
        ),
        _p(
            "firebreak",
            0.3,
            (0.1, 0.8),
            _PROB,
            "Multiplier on climbing from clashes to armed conflict.",
            "Schelling (1966); " + _J,
        ),
        _p(
            "beta_frustration",
            1.0,
            (0.25, 2.5),
            _POS,
            "Escalation log-odds per unit of frustration (benefit units).",
            "Dollard et al. (1939); Gurr (1970) relative deprivation; " + _J,
        ),
        _p(
            "beta_dividend",
            0.8,
            (0.2, 2.0),
            _POS,
            "Escalation log-odds removed per unit of benefit delivered this month.",
            "commercial/liberal peace, Russett & Oneal (2001); " + _J,
        ),
        _p(
            "beta_violation",
            0.4,
            (0.1, 1.0),
            _POS,
            "Escalation log-odds per violation alarm a side sees this month.",
            _J,
        ),
        _p(
            "beta_trust",
            1.0,
            (0.0, 2.5),
            _POS,
            "Escalation log-odds per unit of trust below 1/2.",
            "Kydd (2005); " + _J,
        ),
        _p(
            "beta_hedge",
            0.3,
            (0.0, 1.0),
            _POS,
            "Escalation log-odds added while any third party hedges.",
            _J,
        ),
        _p(
            "beta_arms",
            0.5,
            (0.0, 1.5),
            _POS,
            "Escalation log-odds per unit of arms build-up (relative), with --arms.",
            _J,
        ),
        _p(
            "frustration_decay",
            0.9,
            (0.75, 0.97),
            (0.0, 0.999),
            "Share of last month's frustration that remains (memory).",
            _J,
        ),
        _p(
            "grievance",
            0.5,
            (0.2, 1.0),
            _POS,
            "Frustration beyond which a side feels injured (and suspends its own clauses).",
            _J,
        ),
        _p(
            "distrust",
            0.5,
            (0.3, 0.7),
            _PROB,
            "Trust below which a side feels cheated (and suspends its own clauses).",
            "Kydd (2005): reciprocate when the posterior says the other side is cheating; " + _J,
        ),
        _p(
            "reciprocity",
            0.3,
            (0.05, 0.6),
            _PROB,
            "Monthly chance an injured (cheated or frustrated) side suspends each of its clauses.",
            "graduated reciprocity, Osgood (1962); Axelrod (1984); " + _J,
        ),
        _p(
            "resume",
            0.1,
            (0.02, 0.3),
            _PROB,
            "Monthly chance a suspended clause resumes once its obligor is no longer injured.",
            _J,
        ),
        _p(
            "incentive",
            1.5,
            (0.0, 3.0),
            _POS,
            "Break hazard multiplier exp(incentive x (initial - current trust)) of the obligor.",
            "Downs, Rocke & Barsoom (1996): less reward from the other side, more to gain by "
            "cheating; " + _J,
        ),
        _p(
            "forgetting",
            0.02,
            (0.0, 0.1),
            _PROB,
            "Monthly pull of each belief back toward its prior (credibility).",
            _J,
        ),
        _p(
            "life_months",
            60,
            (36, 120),
            (1, 1200),
            "Months over which P(implemented) applies to a clause without its own horizon.",
            _J,
        ),
        _p(
            "hedge_base",
            0.0005,
            (0.0, 0.002),
            _PROB,
            "Monthly chance a third party starts hedging whatever happens.",
            _J,
        ),
        _p(
            "hedge_guarantee",
            0.03,
            (0.01, 0.08),
            _PROB,
            "Monthly hedging chance per unit of guarantee weakened by an implemented clause.",
            "seed text on a US withdrawal; Monteiro & Debs (2014); " + _J,
        ),
        _p(
            "hedge_crisis",
            0.005,
            (0.0, 0.02),
            _PROB,
            "Extra monthly hedging chance while the parties are at crisis or above.",
            _J,
        ),
        _p(
            "arms_a",
            0.05,
            (0.02, 0.1),
            _POS,
            "Richardson reaction of side 1 to side 2.",
            "Richardson (1960)",
        ),
        _p(
            "arms_b",
            0.05,
            (0.02, 0.1),
            _POS,
            "Richardson reaction of side 2 to side 1.",
            "Richardson (1960)",
        ),
        _p("arms_m", 0.1, (0.05, 0.2), _POS, "Richardson fatigue of side 1.", "Richardson (1960)"),
        _p("arms_n", 0.1, (0.05, 0.2), _POS, "Richardson fatigue of side 2.", "Richardson (1960)"),
        _p(
            "arms_grievance",
            0.05,
            (0.0, 0.15),
            _POS,
            "Richardson grievance term added per unit of a side's frustration.",
            "Richardson (1960); " + _J,
        ),
    )
}


def resolve_params(
    context: Mapping[str, Any] | None = None, overrides: Mapping[str, Any] | None = None
) -> dict[str, ParamValue]:
    """Merge defaults, the scenario's ``dynamics.*`` context and the caller's overrides.

    Raises
    ------
    AccordError
        Listing every unknown name and every value outside its domain.
    """
    values: dict[str, ParamValue] = {k: s.default for k, s in PARAMETERS.items()}
    given: dict[str, tuple[str, Any]] = {}
    for key, value in (context or {}).items():
        if key.startswith("dynamics."):
            given[key.removeprefix("dynamics.")] = (f"context.{key}", value)
    for key, value in (overrides or {}).items():
        given[key] = (f"params.{key}", value)
    problems: list[Problem] = []
    for name, (path, raw) in given.items():
        value = _check(name, path, raw, problems)
        if value is not None:
            values[name] = value
    if problems:
        raise AccordError(problems)
    return values


def _check(name: str, path: str, raw: Any, problems: list[Problem]) -> ParamValue | None:
    spec = PARAMETERS.get(name)
    if spec is None:
        problems.append(
            Problem(
                "unknown simulation parameter",
                path=path,
                expected="one of: " + ", ".join(PARAMETERS),
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
