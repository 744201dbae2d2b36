"""Backtest of the post-signing simulation: did agreements survive as it said they would.

Every case file of the library records, besides its clauses, when (if ever) the agreement broke
down, was suspended, abandoned or withdrawn from (``survival:``, coded from the historical
record, blind to the model; an agreement that expired or was superseded as designed counts as
surviving). Each agreement is simulated from its coded clauses alone
(:func:`accord.simulate`, no parameter fitted to the cases), and its P(intact) at 1, 3 and 5
years is scored against what happened:

* ``p_intact``: the simulation's P(deal intact) (every core clause delivered, the deal not
  abandoned);
* ``p_standing``: the simulation's P(deal not abandoned) (the crisis rung never reached),
  closer to what the coding records;
* ``p_recalibrated``: ``p_standing`` passed through a two-parameter logistic recalibration
  (Platt 1999) fitted, per horizon, on the *other* agreements only;
* the base rate: the share of the *other* agreements still standing at that horizon
  (leave-one-agreement-out, so no agreement scores its own outcome).

Scores: the Brier score (Brier 1950) of each, the skill against the base rate
(1 - Brier / Brier of the base rate; above 0 beats it) and a reliability table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from accord.backtest import binary_metrics as bm
from accord.cases import Case, case_files, load_case
from accord.errors import AccordError, Problem
from accord.scenario.locate import parse_text

__all__ = ["HORIZONS", "CaseRow", "SurvivalBacktest", "backtest_survival", "read_survival"]

#: Years after signing at which survival is scored.
HORIZONS = (1, 3, 5)
_MONTHS = {1: 11, 3: 35, 5: 59}  # index of the month that ends each year


@dataclass(frozen=True)
class Survival:
    """What became of an agreement: ``ended`` is None while it stands."""

    status: str
    ended: dt.date | None
    how: str | None
    source: str
    note: str


@dataclass(frozen=True)
class CaseRow:
    """One agreement: predictions and outcome at each horizon (1, 3, 5 years)."""

    case: str
    signed: dt.date
    ended: dt.date | None
    how: str | None
    p_intact: tuple[float, ...]
    p_standing: tuple[float, ...]
    p_base: tuple[float, ...]
    standing: tuple[bool, ...]
    p_recalibrated: tuple[float, ...] = ()


def read_survival(path: str | Path) -> Survival:
    """Read a case file's ``survival:`` block; every problem at once, with file and line."""
    located = parse_text(Path(path).read_bytes(), str(path))
    data = located.data.get("survival") if isinstance(located.data, dict) else None
    if not isinstance(data, dict):
        raise AccordError(
            Problem(
                "no survival coding",
                file=str(path),
                path="survival",
                expected="survival: {status, ended, how, source, note}",
            )
        )
    ended, problems = data.get("ended"), []
    if ended is not None and not isinstance(ended, dt.date):
        problems.append(located.problem(("survival", "ended"), "not a date", found=repr(ended)))
    if data.get("status") not in ("intact", "ended"):
        problems.append(
            located.problem(
                ("survival", "status"),
                "bad status",
                expected="intact or ended",
                found=repr(data.get("status")),
            )
        )
    if (data.get("status") == "ended") != (ended is not None) or not data.get("source"):
        problems.append(
            located.problem(
                ("survival",),
                "incomplete coding",
                expected="status ended with a date (intact without), and a source",
            )
        )
    if problems:
        raise AccordError(problems)
    return Survival(
        data["status"], ended, data.get("how"), str(data["source"]), str(data.get("note", ""))
    )


def _standing(signed: dt.date, ended: dt.date | None, years: int) -> bool:
    return ended is None or ended > signed.replace(year=signed.year + years)


def _simulate(case: Case, runs: int, seed: int) -> tuple[list[float], list[float]]:
    from accord.dynamics import simulate

    r = simulate(case.scenario, deal=case.deal, runs=runs, horizon=60, seed=seed)
    o = r.deals[case.deal]
    intact = [o.p_intact[_MONTHS[h]] for h in HORIZONS]
    standing = [1.0 - o.p_abandoned[_MONTHS[h]] for h in HORIZONS]
    return intact, standing


def backtest_survival(
    cases: str | Path | None = None, *, runs: int = 4000, seed: int = 0
) -> SurvivalBacktest:
    """Simulate every agreement of ``cases`` (default: the library) and score its survival."""
    files = case_files(cases)
    loaded, codes, problems = [], [], []
    for path in files:
        try:
            loaded.append(load_case(path))
            codes.append(read_survival(path))
        except AccordError as err:
            problems += err.problems
    if problems:
        raise AccordError(problems)
    sims = [_simulate(c, runs, seed) for c in loaded]
    y = np.array(
        [
            [_standing(_date(c), s.ended, h) for h in HORIZONS]
            for c, s in zip(loaded, codes, strict=True)
        ]
    )
    base = np.array([(y.sum(axis=0) - y[i]) / max(len(y) - 1, 1) for i in range(len(y))])
    recal = _recalibrate(np.array([s[1] for s in sims]), y)
    rows = tuple(
        CaseRow(
            c.scenario.id,
            _date(c),
            s.ended,
            s.how,
            tuple(round(v, 4) for v in sim[0]),
            tuple(round(v, 4) for v in sim[1]),
            tuple(round(float(v), 4) for v in base[i]),
            tuple(bool(v) for v in y[i]),
            tuple(round(float(v), 4) for v in recal[i]),
        )
        for i, (c, s, sim) in enumerate(zip(loaded, codes, sims, strict=True))
    )
    return SurvivalBacktest(str(cases or "built-in case library"), rows, runs, seed)


def _recalibrate(p: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Leave-one-agreement-out Platt recalibration of ``p`` (cases x horizons)."""
    out = np.zeros_like(p)
    for i in range(len(p)):
        train = np.arange(len(p)) != i
        for j in range(p.shape[1]):
            a, b = bm.fit_platt(p[train, j], y[train, j].astype(float))
            out[i, j] = bm.platt(p[i : i + 1, j], a, b)[0]
    return out


def _date(case: Case) -> dt.date:
    if case.scenario.date is None:
        raise AccordError(Problem("case without a date", file=case.file, path="date"))
    return case.scenario.date


@dataclass(frozen=True)
class SurvivalBacktest:
    """Scores of the simulation's survival curves on the case library."""

    folder: str
    rows: tuple[CaseRow, ...]
    runs: int
    seed: int

    def _col(self, name: str, j: int) -> np.ndarray:
        return np.array([getattr(r, name)[j] for r in self.rows], dtype=float)

    def horizon(self, j: int) -> dict[str, Any]:
        """Scores at ``HORIZONS[j]`` years."""
        y = self._col("standing", j)
        base = bm.brier(self._col("p_base", j), y)
        out: dict[str, Any] = {"years": HORIZONS[j], "n": len(y), "base_rate": _r(y.mean())}
        out["brier_base_rate_loao"] = _r(base)
        for name in ("p_intact", "p_standing", "p_recalibrated"):
            score = bm.brier(self._col(name, j), y)
            out[f"brier_{name}"] = _r(score)
            out[f"skill_{name}"] = _r(1 - score / base) if base > 0 else None
            auc = bm.auc(self._col(name, j), y)
            out[f"auc_{name}"] = _r(auc) if np.isfinite(auc) else None
        return out

    def reliability(self, name: str = "p_standing") -> list[dict[str, float]]:
        """Reliability table over every agreement and horizon (five equal-width bins)."""
        p = np.concatenate([self._col(name, j) for j in range(len(HORIZONS))])
        y = np.concatenate([self._col("standing", j) for j in range(len(HORIZONS))])
        return bm.calibration_table(p, y)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data: per-horizon scores, reliability tables, per-case rows."""
        return {
            "dataset": "survival",
            "folder": self.folder,
            "n_agreements": len(self.rows),
            "runs": self.runs,
            "seed": self.seed,
            "horizons": [self.horizon(j) for j in range(len(HORIZONS))],
            "reliability": {n: self.reliability(n) for n in ("p_intact", "p_standing")},
            "cases": [
                {
                    "case": r.case,
                    "signed": r.signed.isoformat(),
                    "ended": r.ended.isoformat() if r.ended else None,
                    "how": r.how,
                    "p_intact": list(r.p_intact),
                    "p_standing": list(r.p_standing),
                    "p_base_rate_loao": list(r.p_base),
                    "p_recalibrated_loao": list(r.p_recalibrated),
                    "standing": list(r.standing),
                }
                for r in self.rows
            ],
        }


def _r(x: float) -> float:
    return round(float(x), 4)
