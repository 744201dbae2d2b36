"""Forecasting: where bargaining lands on each issue (MODELS.md §1).

Every model is a plug-in behind one small protocol (:class:`~accord.models.base.Model`:
``name``, parameters in the constructor, ``solve`` over a batch of one-dimensional problems)
and registers itself by name (:mod:`accord.models.registry`). :func:`forecast` runs one model,
or ``"all"``, on a scenario and returns a frozen :class:`~accord.models.result.Forecast`.

>>> import accord
>>> f = accord.forecast("korea-2018", model="weighted-mean")
>>> sorted(f.to_dict()["models"])
['weighted-mean']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from accord.errors import AccordError, Problem
from accord.models import registry
from accord.models.base import Batch, Model, Solution
from accord.models.result import Forecast, IssueForecast, ModelForecast
from accord.scenario.model import Scenario

# --- model modules: each import registers its model(s); order = the order of "all" ---------
# isort: off
from accord.models import weighted  # weighted-mean, weighted-median
from accord.models import nash
from accord.models import eum
from accord.models import smp  # the SMP engineer's package (accord/models/smp/)
# isort: on
# --- end of model modules ----------------------------------------------------------------

__all__ = [
    "Batch",
    "Forecast",
    "IssueForecast",
    "Model",
    "ModelForecast",
    "Solution",
    "build",
    "forecast",
    "registry",
]

_ = (weighted, nash, eum, smp)


def build(model: str, **params: Any) -> list[Model]:
    """Build the models named by ``model`` (a registered name or ``"all"``) with ``params``.

    With ``"all"`` each model receives the parameters it accepts; a parameter no model
    accepts is an error.
    """
    if model != "all":
        return [registry.create(model, **params)]
    names = registry.names()
    known = {p for n in names for p in registry.accepted_params(n)}
    unknown = sorted(set(params) - known)
    if unknown:
        raise AccordError(
            [
                Problem(
                    "no model accepts this parameter",
                    path=k,
                    expected="one of: " + ", ".join(sorted(known)),
                )
                for k in unknown
            ]
        )
    return [
        registry.create(n, **{k: v for k, v in params.items() if k in registry.accepted_params(n)})
        for n in names
    ]


def forecast(
    scenario: Scenario,
    model: str = "eum",
    *,
    runs: int = 0,
    seed: int | np.random.SeedSequence | None = 0,
    issues: Sequence[str] | None = None,
    **params: Any,
) -> Forecast:
    """Forecast where bargaining lands on each issue of ``scenario``.

    Parameters
    ----------
    scenario
        The negotiation (the facade :func:`accord.forecast` also takes a name or path).
    model
        A registered model name (see :func:`accord.models.registry.names`) or ``"all"``.
    runs
        Uncertainty draws: with N > 0, ranged inputs are drawn N times and each forecast
        reports P10/P50/P90.
    seed
        Seed of the draws; the same seed gives the same result.
    issues
        Issue ids to forecast (default: every issue someone holds a stance on).
    **params
        The model's parameters (e.g. ``k=2`` for nash, ``Q=1.0`` for eum).

    Returns
    -------
    Forecast
        Frozen result with ``.to_dict()`` and ``.to_frame()``.
    """
    from accord.models.run import run_models

    return run_models(scenario, build(model, **params), runs=runs, seed=seed, issues=issues)
