"""Backtest of the deal check on historical agreements (the case library).

Every clause of every case file is judged by :func:`accord.feasibility.check` from its coded
attributes only; the recorded outcome ("implemented" = PAM outcome >= 2) is read afterwards.
The judgement has no parameter fitted to the cases. Reported beside it, all out of sample by
leave-one-agreement-out (LOAO): the base rate of the other agreements (a constant: AUC 0.5);
a one-line rule
("verified -- data exchange, on-site or continuous -- and precisely worded => implemented",
its AUC from the yes/no rule itself, its Brier score from the other agreements' rate in
each of its two groups); and a two-parameter logistic
recalibration of the judgement fitted on the other agreements (Platt 1999).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from accord.backtest import binary_metrics as bm
from accord.cases import Case, load_cases
from accord.feasibility import check
from accord.scenario.model import Clause, Verification

__all__ = ["AgreementsBacktest", "ClauseRow", "backtest_agreements", "rule"]

_VERIFIED = {Verification.data_exchange, Verification.on_site, Verification.continuous}


@dataclass(frozen=True)
class ClauseRow:
    """One clause: its judgement, the LOAO baselines, and what happened."""

    case: str
    id: str
    p_implemented: float
    p_recalibrated: float
    p_base_rate: float
    p_rule: float
    rule: bool
    outcome: int
    implemented: bool
    verdict: str


@dataclass(frozen=True)
class AgreementsBacktest:
    """Scores of the deal check on a folder of case files."""

    folder: str
    n_agreements: int
    rows: tuple[ClauseRow, ...]
    runs: int
    seed: int
    notes: tuple[str, ...]

    def _col(self, name: str) -> np.ndarray:
        return np.array([getattr(r, name) for r in self.rows], dtype=float)

    def scores(self, name: str) -> dict[str, float | None]:
        """AUC and Brier score of one column of probabilities (AUC None: one class only)."""
        y = self._col("implemented")
        return {
            "auc": _finite(bm.auc(self._col(name), y)),
            "brier": round(bm.brier(self._col(name), y), 4),
        }

    def to_dict(self) -> dict[str, Any]:
        """Return the issue's JSON shape, plus calibration and recalibrated scores."""
        y = self._col("implemented")
        model = self.scores("p_implemented")
        return {
            "dataset": "agreements",
            "folder": self.folder,
            "n_agreements": self.n_agreements,
            "n_clauses": len(self.rows),
            "base_rate": round(float(y.mean()), 4),
            "auc": model["auc"],
            "brier": model["brier"],
            "recalibrated_loao": self.scores("p_recalibrated"),
            "baselines": {
                "base_rate_loao": {"auc": 0.5, "brier": self.scores("p_base_rate")["brier"]},
                "rule_verified_and_precise_loao": {
                    "auc": _finite(bm.auc(self._col("rule"), y)),
                    "brier": self.scores("p_rule")["brier"],
                },
            },
            "calibration": bm.calibration_table(self._col("p_implemented"), y),
            "runs": self.runs,
            "seed": self.seed,
            "notes": list(self.notes),
            "clauses": [
                {
                    "case": r.case,
                    "id": r.id,
                    "p_implemented": r.p_implemented,
                    "p_recalibrated": r.p_recalibrated,
                    "outcome": r.outcome,
                    "implemented": r.implemented,
                    "verdict": r.verdict,
                }
                for r in self.rows
            ],
        }

    def to_frame(self) -> Any:
        """One row per clause (needs pandas)."""
        from accord._frame import pandas

        pd = pandas()
        return pd.DataFrame([r.__dict__ for r in self.rows])


def _finite(x: float) -> float | None:
    """Round for JSON; None where the score is undefined (NaN is not JSON)."""
    return round(x, 4) if np.isfinite(x) else None


def rule(clause: Clause) -> bool:
    """Apply the one-line baseline: verified (data exchange, on-site, continuous), precise."""
    return clause.verification in _VERIFIED and (clause.precision or "precise") != "vague"


def backtest_agreements(
    cases: str | Path | None = None, *, runs: int = 1000, seed: int = 0
) -> AgreementsBacktest:
    """Judge every clause of every case file in ``cases`` (default: the shipped library)."""
    loaded = load_cases(cases)
    raw = [_judge(c, runs, seed) for c in loaded]
    group = np.array([g for g, rows in enumerate(raw) for _ in rows])
    p = np.array([r[1] for rows in raw for r in rows])
    y = np.array([r[2].implemented for rows in raw for r in rows], dtype=float)
    flag = np.array([r[3] for rows in raw for r in rows])
    base, ruled, recal = _loao(group, p, y, flag)
    out, k = [], 0
    for c, rows in zip(loaded, raw, strict=True):
        for cid, pk, outcome, _, verdict in rows:
            out.append(
                ClauseRow(
                    c.scenario.id,
                    cid,
                    pk,
                    round(float(recal[k]), 4),
                    round(float(base[k]), 4),
                    round(float(ruled[k]), 4),
                    bool(flag[k]),
                    outcome.outcome_0to3,
                    outcome.implemented,
                    verdict,
                )
            )
            k += 1
    notes = tuple(f"{Path(c.file).name}: {n}" for c in loaded for n in c.notes)
    return AgreementsBacktest(
        str(cases or "built-in case library"), len(loaded), tuple(out), runs, seed, notes
    )


def _judge(case: Case, runs: int, seed: int) -> list[tuple[str, float, Any, bool, str]]:
    result = check(case.scenario, case.deal, runs=runs, seed=seed)
    clauses = {c.id: c for c in case.scenario.deal(case.deal).clauses}
    return [
        (j.id, j.p_implemented, case.outcomes[j.id], rule(clauses[j.id]), j.verdict)
        for j in result.clauses
        if j.id in case.outcomes
    ]


def _loao(
    group: np.ndarray, p: np.ndarray, y: np.ndarray, flag: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Leave-one-agreement-out base rate, rule rates and recalibration."""
    base, ruled, recal = (np.zeros_like(p) for _ in range(3))
    for g in np.unique(group):
        test, train = group == g, group != g
        rate = y[train].mean() if train.any() else 0.5
        base[test] = rate
        for value in (True, False):
            sel = train & (flag == value)
            ruled[test & (flag == value)] = (y[sel].sum() + rate) / (sel.sum() + 1)
        a, b = bm.fit_platt(p[train], y[train]) if train.any() else (0.0, 1.0)
        recal[test] = bm.platt(p[test], a, b)
    return base, ruled, recal
