"""Result types of a forecast: frozen plain data, ``.to_dict()`` and ``.to_frame()``.

``Forecast.to_dict()`` follows the JSON contract of ``accord forecast --json``::

    {"scenario": id,
     "models": {name: {"params": {...},
                       "issues": {issue_id: {"forecast": x, "p10": .., "p50": .., "p90": ..,
                                             "trajectory": [...]}}}}}

P10/P50/P90 are ``null`` unless the forecast was run with uncertainty draws (``runs`` > 0).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from accord.errors import AccordError, Problem

__all__ = ["Forecast", "IssueForecast", "ModelForecast"]


@dataclass(frozen=True)
class IssueForecast:
    """One model's forecast on one issue.

    Attributes
    ----------
    issue
        Issue id.
    forecast
        Forecast on the issue's numeric scale (option index for a discrete issue).
    p10, p50, p90
        Percentiles over the uncertainty draws, or ``None`` without draws.
    trajectory
        Rounds or turns of the model (``{"round": r, "median": .., "mean": ..}`` for eum,
        ``{"turn": t, "positions": {..}}`` for smp); empty for one-shot models.
    option
        For a discrete issue: the id of the option nearest the forecast.
    """

    issue: str
    forecast: float
    p10: float | None = None
    p50: float | None = None
    p90: float | None = None
    trajectory: tuple[Mapping[str, Any], ...] = ()
    option: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        out: dict[str, Any] = {
            "forecast": self.forecast,
            "p10": self.p10,
            "p50": self.p50,
            "p90": self.p90,
            "trajectory": [dict(t) for t in self.trajectory],
        }
        if self.option is not None:
            out["option"] = self.option
        return out


@dataclass(frozen=True)
class ModelForecast:
    """One model's forecasts on every issue of a scenario."""

    model: str
    params: Mapping[str, Any]
    issues: Mapping[str, IssueForecast]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        return {
            "params": dict(self.params),
            "issues": {k: v.to_dict() for k, v in self.issues.items()},
        }


@dataclass(frozen=True)
class Forecast:
    """Forecasts of one or more models on a scenario (what ``accord.forecast`` returns).

    Attributes
    ----------
    scenario
        Scenario id.
    models
        Model name -> :class:`ModelForecast`.
    runs, seed
        Uncertainty draws used (0 = point estimates only) and their seed.
    """

    scenario: str
    models: Mapping[str, ModelForecast]
    runs: int = 0
    seed: int | None = None
    issues: tuple[str, ...] = field(default=())

    def __getitem__(self, model: str) -> ModelForecast:
        return self.models[model]

    def value(self, issue: str, model: str | None = None) -> float:
        """Return the forecast of ``model`` (default: the only or first model) on ``issue``."""
        name = model if model is not None else next(iter(self.models))
        try:
            return self.models[name].issues[issue].forecast
        except KeyError:
            raise AccordError(
                Problem(
                    "no forecast for this model and issue", found=f"model={name!r}, issue={issue!r}"
                )
            ) from None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (the ``--json`` contract)."""
        return {
            "scenario": self.scenario,
            "runs": self.runs,
            "seed": self.seed,
            "models": {k: v.to_dict() for k, v in self.models.items()},
        }

    def to_frame(self) -> Any:
        """Return a pandas DataFrame, one row per model and issue."""
        from accord._frame import pandas

        pd = pandas()
        rows = [
            {
                "model": m,
                "issue": i,
                "forecast": f.forecast,
                "p10": f.p10,
                "p50": f.p50,
                "p90": f.p90,
                "option": f.option,
            }
            for m, mf in self.models.items()
            for i, f in mf.issues.items()
        ]
        return pd.DataFrame(
            rows, columns=["model", "issue", "forecast", "p10", "p50", "p90", "option"]
        )
