"""The fitted layer of the deal check: what the case library says about clauses like this.

The structural judgement (deliver x keep x believe, :mod:`accord.feasibility.judge`) gives a
probability ``p``. This layer is a cumulative-logit (ordinal) model of the 0..3 outcome over
``logit(p)`` and a few attributes knowable at signing (:data:`FEATURES`)::

    P(outcome >= j) = sigmoid(theta_j + slope * logit(p) + sum_f w_f x_f),  j = 1, 2, 3

so it returns both P(implemented) = P(>= 2) and P(fully implemented) = P(3). The weights are
fitted by penalised maximum likelihood: a Gaussian prior (ridge) pulls ``slope`` towards 1
and every attribute weight towards 0, so that with no data the layer returns the structural
judgement unchanged (up to the thresholds). How well it does on agreements it was not fitted
on is measured by leave-one-agreement-out cross-validation
(:mod:`accord.backtest.agreements`); the shipped weights (``history.json``) are fitted once on
the whole library by ``python -m accord.feasibility.history`` and carry the library's size.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit

from accord.feasibility.spec import ClauseSpec
from accord.scenario.model import Instrument

__all__ = [
    "FEATURES",
    "IDENTITY",
    "RIDGE",
    "History",
    "attributes",
    "fit",
    "logit",
    "shipped",
    "similar_key",
]

FEATURES = (
    "monitored",
    "coercive_or_guarantor",
    "hostile",
    "cooperative",
    "linkage",
    "one_off",
    "vague",
    "declaration",
)
"""Attributes of the fitted layer, each 0/1 and knowable at signing (see :func:`attributes`)."""

RIDGE = 1.0
"""Prior precision of every weight (fixed before any cross-validation was run)."""

_EPS = 1e-4


def logit(p: np.ndarray) -> np.ndarray:
    """Log-odds, clipped to [1e-4, 1 - 1e-4] so that a certainty stays finite."""
    q = np.clip(np.asarray(p, dtype=float), _EPS, 1.0 - _EPS)
    return np.asarray(np.log(q / (1.0 - q)), dtype=float)


def attributes(spec: ClauseSpec) -> np.ndarray:
    """Return the clause's :data:`FEATURES` as a 0/1 vector."""
    return np.array(
        [
            spec.monitored,
            spec.enforcement in ("coercive", "guarantor"),
            spec.relations == "hostile",
            spec.relations == "cooperative",
            spec.linkage,
            spec.duration == 0.0 or not spec.reversible,
            not spec.precise,
            spec.instrument is Instrument.political_declaration,
        ],
        dtype=float,
    )


def similar_key(spec: ClauseSpec) -> str:
    """Group of 'similar clauses' for the library's track record: verification x wording."""
    verified = spec.verification.value in ("data_exchange", "on_site", "continuous")
    return f"{'verified' if verified else 'unverified'}-{'precise' if spec.precise else 'vague'}"


@dataclass(frozen=True)
class History:
    """Fitted weights of the ordinal layer, and what they were fitted on."""

    thresholds: tuple[float, float, float]
    slope: float
    weights: tuple[float, ...]
    n_agreements: int = 0
    n_clauses: int = 0
    similar: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Similar-clause group -> (clauses in the library, implemented)."""
    agreements: tuple[str, ...] = ()
    """Ids of the agreements it was fitted on."""

    def eta(self, lp: np.ndarray, x: np.ndarray) -> np.ndarray:
        """Linear predictor ``slope * logit(p) + x . w``; ``lp`` (..., K), ``x`` (K, F)."""
        return np.asarray(self.slope * lp + x @ np.asarray(self.weights), dtype=float)

    def p_at_least(self, level: int, lp: np.ndarray, x: np.ndarray) -> np.ndarray:
        """P(outcome >= level), level in 1..3."""
        return np.asarray(expit(self.thresholds[level - 1] + self.eta(lp, x)), dtype=float)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``history.json``."""
        d = asdict(self)
        d["features"] = list(FEATURES)
        d["similar"] = {k: list(v) for k, v in sorted(self.similar.items())}
        d["agreements"] = list(self.agreements)
        return d


IDENTITY = History((4.0, 0.0, -1.0), 1.0, (0.0,) * len(FEATURES))
"""The prior mean: slope 1, no attribute effect (P(>= 2) = the structural P)."""


def _unpack(w: np.ndarray) -> tuple[np.ndarray, float, np.ndarray]:
    t1 = w[0]
    t2 = t1 - np.exp(w[1])
    t3 = t2 - np.exp(w[2])
    return np.array([t1, t2, t3]), float(w[3]), w[4:]


def _nll(w: np.ndarray, lp: np.ndarray, x: np.ndarray, y: np.ndarray, ridge: float) -> float:
    theta, slope, beta = _unpack(w)
    eta = slope * lp + x @ beta
    cum = expit(theta[None, :] + eta[:, None])  # P(>= 1), P(>= 2), P(>= 3)
    upper = np.column_stack([np.ones_like(eta), cum])
    lower = np.column_stack([cum, np.zeros_like(eta)])
    prob = np.clip((upper - lower)[np.arange(len(y)), y], 1e-12, 1.0)
    penalty = 0.5 * ridge * ((slope - 1.0) ** 2 + float(beta @ beta))
    return float(-np.log(prob).sum() + penalty)


def fit(lp: np.ndarray, x: np.ndarray, y: np.ndarray, ridge: float = RIDGE) -> History:
    """Fit the ordinal layer by penalised maximum likelihood.

    Parameters
    ----------
    lp
        ``logit`` of the structural P(implemented), shape ``(n,)``.
    x
        Attributes, shape ``(n, len(FEATURES))``.
    y
        Outcomes 0..3, shape ``(n,)``.
    ridge
        Prior precision on ``slope - 1`` and on every attribute weight.
    """
    y = np.asarray(y, dtype=int)
    start = np.concatenate([[2.0, np.log(2.0), np.log(1.0), 1.0], np.zeros(x.shape[1])])
    res = minimize(_nll, start, args=(lp, x, y, ridge), method="L-BFGS-B")
    theta, slope, beta = _unpack(res.x)
    return History(
        (float(theta[0]), float(theta[1]), float(theta[2])),
        float(slope),
        tuple(float(b) for b in beta),
        n_clauses=len(y),
    )


@cache
def shipped() -> History | None:
    """Return the weights fitted once on the whole case library (``history.json``), if present."""
    path = resources.files("accord.feasibility").joinpath("history.json")
    if not path.is_file():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    return History(
        tuple(d["thresholds"]),
        float(d["slope"]),
        tuple(float(w) for w in d["weights"]),
        int(d["n_agreements"]),
        int(d["n_clauses"]),
        {k: (int(v[0]), int(v[1])) for k, v in d["similar"].items()},
        tuple(d.get("agreements", ())),
    )
