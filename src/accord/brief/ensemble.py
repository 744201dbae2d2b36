"""The brief's ensemble forecast: the models weighted by their out-of-sample accuracy.

Each model's weight is proportional to the inverse of its mean absolute error on DEU III
(353 issues of EU legislation with a known outcome), scored at the model's default
parameters, none fitted to those issues (``accord backtest deu3``; the table in
``docs/explanation/deu3-backtest.md``, which a test compares with :data:`DEU3_MAE`).
Models without a DEU III score get no weight. Inverse error, not a fitted stack: a stack
fitted on 353 issues does no better out of sample (``cv-stack`` in that table) and would
hide why one model counts more than another.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["DEU3_MAE", "DISPLAY", "SOURCE", "combine", "display", "weights"]

#: Mean absolute error (0..100 scale) of each model on DEU III, capability ``equal``.
DEU3_MAE: dict[str, float] = {
    "weighted-mean": 23.68,
    "weighted-median": 28.36,
    "nash": 38.34,
    "eum": 31.37,
    "smp": 25.09,
}
SOURCE = (
    "its error forecasting 353 decided issues of EU legislation (the DEU III data set), "
    "a test on cases none of the models was fitted to"
)

#: A reader's name for each forecasting model: the ``nash`` model is not the Nash
#: bargaining solution of the agreement space, so it is never called that.
DISPLAY = {
    "weighted-mean": "weighted mean",
    "weighted-median": "weighted median",
    "nash": "Nash model",
    "eum": "expected utility",
    "smp": "spatial model",
}


def display(model: str) -> str:
    """Return a reader's name for a forecasting model."""
    return DISPLAY.get(model, model)


def weights(models: Iterable[str]) -> dict[str, float]:
    """Model -> weight (inverse DEU III error, summing to 1) for the models that have one."""
    inverse = {m: 1.0 / DEU3_MAE[m] for m in models if m in DEU3_MAE}
    total = sum(inverse.values())
    return {m: v / total for m, v in inverse.items()} if total > 0 else {}


def combine(forecasts: Mapping[str, float], w: Mapping[str, float]) -> float | None:
    """Weighted mean of the models' forecasts (renormalised over the models present)."""
    present = {m: w[m] for m in forecasts if m in w}
    total = sum(present.values())
    if total <= 0:
        return None
    return sum(forecasts[m] * x for m, x in present.items()) / total
