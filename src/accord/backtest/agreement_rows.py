"""The case library as arrays for the agreements backtest and the fit of the layer.

Each clause with a recorded outcome is judged by the structural deal check alone (the fitted
layer off), and described by the attributes of :mod:`accord.feasibility.history` and the
one-line rules of :mod:`accord.backtest.agreement_rules`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from accord.backtest.agreement_rules import flags
from accord.cases import Case, load_cases
from accord.feasibility.check import judge_deal
from accord.feasibility.history import History, attributes, fit, logit, similar_key
from accord.feasibility.judge import constants
from accord.feasibility.spec import resolve_deal
from accord.scenario.canonical import canonical

__all__ = ["Rows", "fit_library", "library_rows"]


@dataclass(frozen=True)
class Rows:
    """The library as arrays: one entry per clause with a recorded outcome."""

    cases: Sequence[Case]
    ids: list[tuple[int, str, str]]  # (group, case id, clause id)
    p: np.ndarray
    x: np.ndarray
    flags: np.ndarray
    outcome: np.ndarray
    keys: list[str]
    verdicts: Sequence[str]

    @property
    def group(self) -> np.ndarray:
        """Agreement index of every clause."""
        return np.array([g for g, _, _ in self.ids])


def library_rows(cases: str | Path | None = None, *, runs: int = 1000, seed: int = 0) -> Rows:
    """Judge every clause of a folder of cases (structural judgement only)."""
    loaded = load_cases(cases)
    ids, p, x, fl, y, keys, verdicts = [], [], [], [], [], [], []
    pm = constants()
    for g, case in enumerate(loaded):
        result = judge_deal(
            case.scenario, case.deal, runs=runs, seed=seed, history=False, params={}
        )
        s = canonical(case.scenario)
        specs = {sp.id: sp for sp in resolve_deal(s, s.deal(case.deal), pm)}
        for j in result.clauses:
            if j.id not in case.outcomes:
                continue
            ids.append((g, case.scenario.id, j.id))
            p.append(j.p_implemented)
            x.append(attributes(specs[j.id]))
            fl.append(flags(specs[j.id]))
            y.append(case.outcomes[j.id].outcome_0to3)
            keys.append(similar_key(specs[j.id]))
            verdicts.append(j.verdict)
    return Rows(
        loaded,
        ids,
        np.array(p),
        np.array(x).reshape(len(ids), -1),
        np.array(fl).reshape(len(ids), -1),
        np.array(y, dtype=int),
        keys,
        verdicts,
    )


def fit_library(rows: Rows) -> History:
    """Fit the layer on every clause of ``rows`` (what ships), with its track records."""
    h = fit(logit(rows.p), rows.x, rows.outcome)
    similar: dict[str, tuple[int, int]] = {}
    for key, out in zip(rows.keys, rows.outcome, strict=True):
        n, k = similar.get(key, (0, 0))
        similar[key] = (n + 1, k + int(out >= 2))
    return History(
        h.thresholds,
        h.slope,
        h.weights,
        len(rows.cases),
        len(rows.outcome),
        similar,
        tuple(sorted(c.scenario.id for c in rows.cases)),
    )
