"""Every input of the simulation in plain words, with its value, range and source, as data.

:func:`parameter_table` is what a presenter prints in a "sources of every input" section:
one row per parameter, the value a scenario's run uses (the domain's default, the scenario's
override or the caller's), its plausible range, and where it comes from (the scenario's source
when the scenario overrides it, else the default's: a published figure and its derivation, a
convention, or judgement).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from accord.dynamics.ladder import ladder_for
from accord.dynamics.params import defaults, resolve_params
from accord.scenario.quantity import Quantity

__all__ = ["parameter_table"]


def parameter_table(
    scenario: Any = None, params: Mapping[str, Any] | None = None, *, arms: bool = False
) -> tuple[dict[str, Any], ...]:
    """One row per simulation parameter, in the order of :data:`~accord.dynamics.PARAMETERS`.

    Parameters
    ----------
    scenario
        The scenario (its domain, ladder and ``dynamics.params``), or None for the defaults.
    params
        The caller's overrides, as for :func:`accord.simulate`.
    arms
        Include the Richardson arms parameters (used only with ``arms=True``).

    Returns
    -------
    tuple of dict
        ``name``, ``label``, ``meaning``, ``value``, ``low``, ``high``, ``basis``
        (``data``, ``judgement``, ``convention`` or ``scenario``/``caller``), ``source``,
        ``figure``, ``derivation``.
    """
    values = resolve_params(scenario, params)
    specs = defaults(ladder_for(scenario) if scenario is not None else None)
    dyn = getattr(scenario, "dynamics", None)
    given = dict(dyn.params) if dyn is not None else {}
    titles = {s.id: s.title for s in getattr(scenario, "sources", [])}
    rows = []
    for name, spec in specs.items():
        if name.startswith("arms") and not arms:
            continue
        value = values[name]
        low, high = value.bounds if isinstance(value, Quantity) else (spec.low, spec.high)
        row = {**spec.to_dict(), "value": _point(value), "low": low, "high": high}
        if params and name in params:
            row.update(basis="caller", source="set by the caller", figure="", derivation="")
        elif name in given:
            q = given[name]
            src = titles.get(q.source or "", q.source or "the scenario file")
            row.update(basis="scenario", source=src, figure="", derivation="")
        rows.append(row)
    return tuple(rows)


def _point(value: Any) -> float:
    return float(value.point) if isinstance(value, Quantity) else float(value)
