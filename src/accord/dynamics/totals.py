"""Counts a block of runs adds up, merged exactly across blocks (integers, fixed order)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.dynamics.ladder import LADDER

__all__ = ["Finals", "Totals"]


@dataclass
class Totals:
    """Per-period sums over runs for one deal.

    Counts are integers (so sums do not depend on how runs are grouped); ``frustration`` and
    ``trust`` are float64 sums, merged in block order.
    """

    runs: int
    intact: np.ndarray  # (T,) deal intact at the end of month t
    conflict: np.ndarray  # (T,) the ladder's top rung reached by month t
    hedge_any: np.ndarray  # (T,) some third party hedging by month t
    hedge_actor: np.ndarray  # (T, A)
    rungs: np.ndarray  # (T, R) runs on each rung at month t
    clause_kept: np.ndarray  # (T, K) clause delivered in month t
    clause_unbroken: np.ndarray  # (T, K) clause not broken by month t
    frustration: np.ndarray  # (T, A) sum of frustration
    trust: np.ndarray  # (T, A) sum of trust
    abandoned: np.ndarray  # (T,) deal abandoned (crisis reached) by month t

    @classmethod
    def zeros(
        cls, horizon: int, n_actors: int, n_clauses: int, n_rungs: int = len(LADDER)
    ) -> Totals:
        """Empty totals of the right shapes."""
        T, A, K = horizon, n_actors, n_clauses
        i = np.int64
        return cls(
            0,
            np.zeros(T, i),
            np.zeros(T, i),
            np.zeros(T, i),
            np.zeros((T, A), i),
            np.zeros((T, n_rungs), i),
            np.zeros((T, K), i),
            np.zeros((T, K), i),
            np.zeros((T, A)),
            np.zeros((T, A)),
            np.zeros(T, i),
        )

    def __add__(self, other: Totals) -> Totals:
        return Totals(
            self.runs + other.runs, *(getattr(self, f) + getattr(other, f) for f in _ARRAYS)
        )


_ARRAYS = (
    "intact",
    "conflict",
    "hedge_any",
    "hedge_actor",
    "rungs",
    "clause_kept",
    "clause_unbroken",
    "frustration",
    "trust",
    "abandoned",
)


@dataclass
class Finals:
    """Per-run outcomes at the horizon (kept only when asked: sensitivity analysis)."""

    intact: np.ndarray
    conflict: np.ndarray
    hedge: np.ndarray
