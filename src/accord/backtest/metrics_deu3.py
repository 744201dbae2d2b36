"""Error measures and cross-validation for the DEU III backtest.

Scores are on the dataset's 0..100 scale: mean and median absolute error and the share of
forecasts within 10 points of the outcome. Anything fitted on DEU III is scored out of
sample by k-fold cross-validation with folds by proposal (all issues of one legislative
proposal fall in the same fold, so related issues never sit on both sides).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "Score",
    "cv_predict",
    "fold_ids",
    "lad_weights",
    "rule_lad",
    "rule_select",
    "rule_top_mean",
    "score",
]

FloatArray = NDArray[np.float64]
#: A tuning rule: (candidate forecasts on training rows, outcomes, candidates on test rows)
#: -> forecasts of the test rows.
Rule = Callable[[FloatArray, FloatArray, FloatArray], FloatArray]


@dataclass(frozen=True)
class Score:
    """How close forecasts came to the outcomes."""

    n: int
    mae: float
    median_ae: float
    within10: float

    def to_dict(self) -> dict[str, Any]:
        """Return plain JSON-able data (rounded to 4 decimals)."""
        return {
            "n": self.n,
            "mae": round(self.mae, 4),
            "median_ae": round(self.median_ae, 4),
            "within10": round(self.within10, 4),
        }


def score(forecast: FloatArray, outcome: FloatArray) -> Score:
    """Score the finite forecasts against their outcomes."""
    ok = np.isfinite(forecast) & np.isfinite(outcome)
    err = np.abs(forecast[ok] - outcome[ok])
    if err.size == 0:
        return Score(0, float("nan"), float("nan"), float("nan"))
    return Score(
        int(err.size), float(err.mean()), float(np.median(err)), float((err <= 10.0).mean())
    )


def fold_ids(groups: Sequence[str], k: int = 10, seed: int = 0) -> NDArray[np.intp]:
    """Fold number of every row: groups (proposals) shuffled with ``seed``, dealt round robin."""
    unique = sorted(set(groups))
    perm = np.random.default_rng(seed).permutation(len(unique))
    fold_of = {unique[p]: i % k for i, p in enumerate(perm)}
    return np.array([fold_of[g] for g in groups], dtype=np.intp)


def cv_predict(
    candidates: FloatArray, outcome: FloatArray, folds: NDArray[np.intp], rule: Rule
) -> FloatArray:
    """Out-of-sample forecasts: each fold predicted by ``rule`` fitted on the other folds."""
    out = np.empty(outcome.shape)
    for f in np.unique(folds):
        test = folds == f
        out[test] = rule(candidates[~test], outcome[~test], candidates[test])
    return out


def _train_mae(train: FloatArray, y: FloatArray) -> FloatArray:
    return np.asarray(np.abs(train - y[:, None]).mean(axis=0), dtype=float)


def rule_select(train: FloatArray, y: FloatArray, test: FloatArray) -> FloatArray:
    """Forecast with the single candidate of lowest training MAE."""
    return np.asarray(test[:, int(np.argmin(_train_mae(train, y)))], dtype=float)


def rule_top_mean(m: int) -> Rule:
    """Build the rule: mean of the ``m`` candidates with the lowest training MAE."""

    def rule(train: FloatArray, y: FloatArray, test: FloatArray) -> FloatArray:
        best = np.argsort(_train_mae(train, y), kind="stable")[:m]
        return np.asarray(test[:, best].mean(axis=1), dtype=float)

    return rule


def lad_weights(P: FloatArray, y: FloatArray) -> FloatArray:
    """Convex weights minimising the mean absolute error of ``P @ w`` (a linear programme)."""
    from scipy.optimize import linprog

    N, K = P.shape
    cost = np.r_[np.zeros(K), np.ones(2 * N)]
    eq = np.vstack(
        [np.hstack([P, np.eye(N), -np.eye(N)]), np.r_[np.ones(K), np.zeros(2 * N)][None, :]]
    )
    res = linprog(cost, A_eq=eq, b_eq=np.r_[y, 1.0], bounds=(0, None), method="highs")
    return np.asarray(res.x[:K], dtype=float)


def rule_lad(train: FloatArray, y: FloatArray, test: FloatArray) -> FloatArray:
    """Stacking: the convex combination of candidates with the lowest training MAE."""
    return np.asarray(test @ lad_weights(train, y), dtype=float)
