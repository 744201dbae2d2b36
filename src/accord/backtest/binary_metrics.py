"""Scores for probabilities of a yes/no outcome: AUC, Brier, calibration, recalibration.

Used by the agreements backtest; pure NumPy, no fitting beyond the two-parameter logistic
recalibration (Platt 1999), which callers evaluate out of sample.
"""

from __future__ import annotations

import numpy as np

__all__ = ["auc", "brier", "calibration_table", "fit_platt", "log_loss", "platt", "reliability"]


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """Return the area under the ROC curve.

    P(a random positive scores above a random negative), ties counting one half (the
    Mann–Whitney statistic); NaN when one class is missing.
    """
    p, y = np.asarray(p, float), np.asarray(y, bool)
    pos, neg = p[y], p[~y]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).mean()
    ties = (pos[:, None] == neg[None, :]).mean()
    return float(greater + 0.5 * ties)


def brier(p: np.ndarray, y: np.ndarray) -> float:
    """Mean squared error of the probabilities (Brier 1950)."""
    return float(np.mean((np.asarray(p, float) - np.asarray(y, float)) ** 2))


def calibration_table(p: np.ndarray, y: np.ndarray, bins: int = 5) -> list[dict[str, float]]:
    """Per probability bin of equal width: count, mean predicted, observed rate."""
    p, y = np.asarray(p, float), np.asarray(y, float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    rows = []
    for b in range(bins):
        sel = which == b
        n = int(sel.sum())
        rows.append(
            {
                "bin": f"{edges[b]:.1f}-{edges[b + 1]:.1f}",
                "n": n,
                "mean_p": round(float(p[sel].mean()), 4) if n else None,
                "observed": round(float(y[sel].mean()), 4) if n else None,
            }
        )
    return rows  # type: ignore[return-value]


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.asarray(np.log(p / (1 - p)), dtype=float)


def fit_platt(p: np.ndarray, y: np.ndarray, ridge: float = 1.0) -> tuple[float, float]:
    """Fit ``P(y) = sigmoid(a + b logit(p))`` by Newton's method.

    A ridge pulls towards the identity (a = 0, b = 1), so that small samples cannot produce
    wild fits.
    """
    x, t = _logit(np.asarray(p, float)), np.asarray(y, float)
    X = np.column_stack([np.ones_like(x), x])
    w, prior = np.array([0.0, 1.0]), np.array([0.0, 1.0])
    for _ in range(50):
        mu = 1 / (1 + np.exp(-X @ w))
        grad = X.T @ (mu - t) + ridge * (w - prior)
        hess = X.T @ (X * (mu * (1 - mu))[:, None]) + ridge * np.eye(2)
        step = np.linalg.solve(hess, grad)
        w = w - step
        if np.abs(step).max() < 1e-10:
            break
    return float(w[0]), float(w[1])


def platt(p: np.ndarray, a: float, b: float) -> np.ndarray:
    """Apply a fitted recalibration."""
    return np.asarray(1 / (1 + np.exp(-(a + b * _logit(np.asarray(p, float))))), dtype=float)


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    """Mean negative log-likelihood of the outcomes, probabilities clipped to [1e-4, 1-1e-4]."""
    q = np.clip(np.asarray(p, float), 1e-4, 1 - 1e-4)
    t = np.asarray(y, float)
    return float(-np.mean(t * np.log(q) + (1 - t) * np.log(1 - q)))


def reliability(p: np.ndarray, y: np.ndarray, bins: int = 10) -> list[dict[str, float]]:
    """Return the reliability diagram as a table: :func:`calibration_table` with ``bins`` bins."""
    return calibration_table(p, y, bins)
