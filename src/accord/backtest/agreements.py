"""Backtest of the deal check on historical agreements (the case library).

Every clause of every case file is judged by :func:`accord.feasibility.check` from its coded
attributes only, with the fitted layer switched off (``history=False``): the structural
judgement has no parameter fitted to the cases. The recorded outcome (0..3; "implemented" =
outcome >= 2) is read afterwards. Everything fitted is scored by grouped cross-validation,
leave-one-agreement-out (LOAO): for each agreement, fitted on all the others, applied to it.

- the fitted layer (:mod:`accord.feasibility.history`): ordinal model of the 0..3 outcome
  over the structural P and a few attributes; gives P(>= 2) and P(3);
- a two-parameter logistic recalibration of the structural P (Platt 1999);
- the base rate of the other agreements (a constant: AUC 0.5);
- the best one-line rule (:mod:`accord.backtest.agreement_rules`), chosen on the others;
- the old fixed rule "verified and precise => implemented".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from accord.backtest import binary_metrics as bm
from accord.backtest.agreement_rows import Rows, fit_library, library_rows
from accord.backtest.agreement_rules import RULES, best_rule_loao, rule_rates
from accord.feasibility.history import IDENTITY, fit, logit, shipped

__all__ = ["AgreementsBacktest", "ClauseRow", "backtest_agreements", "fit_library", "library_rows"]

_OLD_RULE = list(RULES).index("verified and precise")


@dataclass(frozen=True)
class ClauseRow:
    """One clause: its judgement, the LOAO predictions, and what happened."""

    case: str
    category: str
    id: str
    p_implemented: float
    p_shipped: float
    p_fitted: float
    p_full: float
    p_recalibrated: float
    p_base_rate: float
    p_rule: float
    p_best_rule: float
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
    rules_chosen: dict[str, int]
    in_sample: int = 0
    """How many of the folder's agreements the shipped layer was fitted on."""

    def _col(self, name: str) -> np.ndarray:
        return np.array([getattr(r, name) for r in self.rows], dtype=float)

    def scores(self, name: str, target: str = "implemented") -> dict[str, float | None]:
        """AUC, Brier score and log loss of a column of probabilities (AUC None: one class)."""
        y = self._col("outcome") >= 3 if target == "full" else self._col("implemented")
        return _scores(self._col(name), y)

    def by_category(self) -> dict[str, dict[str, Any]]:
        """Per kind of agreement: clauses, base rate, and the LOAO scores of the model."""
        cats = np.array([r.category for r in self.rows])
        y = self._col("implemented")
        out = {}
        for cat in sorted(set(cats)):
            sel = cats == cat
            out[str(cat)] = {
                "n_clauses": int(sel.sum()),
                "implemented": round(float(y[sel].mean()), 4),
                "fitted_loao": _scores(self._col("p_fitted")[sel], y[sel]),
                "structural": _scores(self._col("p_implemented")[sel], y[sel]),
                "base_rate_loao": _scores(self._col("p_base_rate")[sel], y[sel]),
            }
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the backtest as plain data (every figure out of sample except 'structural')."""
        y = self._col("implemented")
        full = self._col("outcome") >= 3
        model = self.scores("p_implemented")
        return {
            "dataset": "agreements",
            "folder": self.folder,
            "n_agreements": self.n_agreements,
            "n_clauses": len(self.rows),
            "base_rate": round(float(y.mean()), 4),
            "full_rate": round(float(full.mean()), 4),
            "auc": model["auc"],
            "brier": model["brier"],
            "log_loss": model["log_loss"],
            "fitted_loao": self.scores("p_fitted"),
            "shipped": {
                **self.scores("p_shipped"),
                "in_sample": self.in_sample,
                "note": "the layer fitted once on the whole shipped library; out of sample "
                "only on a folder of agreements outside it",
            },
            "fitted_full_loao": self.scores("p_full", "full"),
            "recalibrated_loao": self.scores("p_recalibrated"),
            "baselines": {
                "base_rate_loao": _constant(self.scores("p_base_rate")),
                "best_rule_loao": self.scores("p_best_rule"),
                "rule_verified_and_precise_loao": self.scores("p_rule"),
                "full_base_rate_loao": _constant(_scores(_base_full(self), full)),
            },
            "rules_chosen": self.rules_chosen,
            "by_category": self.by_category(),
            "calibration": bm.calibration_table(self._col("p_implemented"), y),
            "reliability_fitted_loao": bm.reliability(self._col("p_fitted"), y),
            "runs": self.runs,
            "seed": self.seed,
            "notes": list(self.notes),
            "clauses": [
                {
                    "case": r.case,
                    "id": r.id,
                    "p_implemented": r.p_implemented,
                    "p_shipped": r.p_shipped,
                    "p_fitted": r.p_fitted,
                    "p_full": r.p_full,
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


def _scores(p: np.ndarray, y: np.ndarray) -> dict[str, float | None]:
    return {
        "auc": _finite(bm.auc(p, y)),
        "brier": round(bm.brier(p, y), 4),
        "log_loss": round(bm.log_loss(p, y), 4),
    }


def _constant(scores: dict[str, float | None]) -> dict[str, float | None]:
    """Give a base rate (one number for every clause) its AUC of 0.5, by definition.

    (Scored leave-one-agreement-out, the base rate moves against the agreement left out, which
    would give an AUC below 0.5 that says nothing about ranking.)
    """
    return {**scores, "auc": 0.5}


def _base_full(b: AgreementsBacktest) -> np.ndarray:
    """LOAO base rate of full implementation (outcome 3)."""
    cases = np.array([r.case for r in b.rows])
    full = np.array([r.outcome >= 3 for r in b.rows], dtype=float)
    return np.array([full[cases != c].mean() if (cases != c).any() else 0.5 for c in cases])


def _r4(x: float) -> float:
    return round(float(x), 4)


def _finite(x: float) -> float | None:
    """Round for JSON; None where the score is undefined (NaN is not JSON)."""
    return round(x, 4) if np.isfinite(x) else None


def backtest_agreements(
    cases: str | Path | None = None, *, runs: int = 1000, seed: int = 0
) -> AgreementsBacktest:
    """Judge every clause of every case file in ``cases`` (default: the shipped library)."""
    rows = library_rows(cases, runs=runs, seed=seed)
    group, y = rows.group, (rows.outcome >= 2).astype(float)
    base, ruled, recal, fitted, full = _loao(rows)
    best, _, chosen = best_rule_loao(group, y, rows.flags)
    layer = shipped() or IDENTITY
    shipped_p = layer.p_at_least(2, logit(rows.p), rows.x)
    out = []
    for k, (g, case_id, cid) in enumerate(rows.ids):
        out.append(
            ClauseRow(
                case=case_id,
                category=rows.cases[g].category,
                id=cid,
                p_implemented=float(rows.p[k]),
                p_shipped=_r4(shipped_p[k]),
                p_fitted=_r4(fitted[k]),
                p_full=_r4(full[k]),
                p_recalibrated=_r4(recal[k]),
                p_base_rate=_r4(base[k]),
                p_rule=_r4(ruled[k]),
                p_best_rule=_r4(best[k]),
                rule=bool(rows.flags[k, _OLD_RULE]),
                outcome=int(rows.outcome[k]),
                implemented=bool(y[k]),
                verdict=rows.verdicts[k],
            )
        )
    notes = tuple(f"{Path(c.file).name}: {n}" for c in rows.cases for n in c.notes)
    return AgreementsBacktest(
        str(cases or "built-in case library"),
        len(rows.cases),
        tuple(out),
        runs,
        seed,
        notes,
        chosen,
        len({c.scenario.id for c in rows.cases} & set(layer.agreements)),
    )


def _loao(rows: Rows) -> tuple[np.ndarray, ...]:
    """Leave-one-agreement-out base rate, old-rule rates, recalibration and fitted layer."""
    group, p, y = rows.group, rows.p, (rows.outcome >= 2).astype(float)
    flag = rows.flags[:, _OLD_RULE]
    lp = logit(p)
    base, ruled, recal, fitted, full = (np.zeros_like(p) for _ in range(5))
    for g in np.unique(group):
        test, train = group == g, group != g
        base[test] = y[train].mean() if train.any() else 0.5
        hit, miss = rule_rates(train, y, flag)
        ruled[test] = np.where(flag[test], hit, miss)
        a, b = bm.fit_platt(p[train], y[train]) if train.any() else (0.0, 1.0)
        recal[test] = bm.platt(p[test], a, b)
        h = fit(lp[train], rows.x[train], rows.outcome[train]) if train.any() else IDENTITY
        fitted[test] = h.p_at_least(2, lp[test], rows.x[test])
        full[test] = h.p_at_least(3, lp[test], rows.x[test])
    return base, ruled, recal, fitted, full
