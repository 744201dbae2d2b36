"""DEU III backtest: every forecasting model on the 353 EU issues with a recorded outcome.

Data: Arregui & Perarnaud (2021), the DEU III dataset (doi:10.34810/data53), read by
:mod:`accord.scenario.formats.deu3`. Each registered model runs at its defaults on all issues
at once (one padded batch per capability choice); the result scores each model (n, mean and
median absolute error, share within 10 points) beside the baselines of the dataset's README:
reference point, Commission and Parliament positions, salience-weighted mean and median,
unweighted mean and GDP x salience mean.

Tuned forecasts (``cv=True``): the candidates are the registered models under each
capability choice (equal, Nice voting weights, GDP); a rule picks or combines them on nine
folds and forecasts the tenth (10-fold cross-validation, folds by proposal):
``cv-select`` (the best single candidate), ``cv-top3`` (the mean of the three best),
``cv-stack`` (convex weights minimising the absolute error). ``median-ensemble`` (the median
of all candidates) fits nothing; it was chosen among these rules after seeing their scores,
which the documentation says beside its figure.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from accord.backtest import metrics_deu3 as mt
from accord.errors import AccordError, Problem
from accord.models import registry
from accord.models.base import Batch
from accord.models.run import batch_from_scenarios
from accord.models.weighted import weighted_mean, weighted_median

__all__ = ["CAPABILITIES", "Deu3Backtest", "Tuned", "default_data", "run"]

CAPABILITIES = ("equal", "nice", "gdp")
FloatArray = mt.FloatArray


@dataclass(frozen=True)
class Tuned:
    """A forecast tuned on DEU III, scored out of sample."""

    score: mt.Score
    rule: str
    folds: int
    seed: int
    fitted: bool = True

    def to_dict(self) -> dict[str, Any]:
        """Return plain JSON-able data."""
        cv = f"{self.folds}-fold by proposal, seed {self.seed}" if self.fitted else "none"
        return {**self.score.to_dict(), "rule": self.rule, "cross_validation": cv}


@dataclass(frozen=True)
class Deu3Backtest:
    """Scores of every model and baseline on DEU III (``accord backtest deu3``)."""

    data: str
    n_issues: int
    capability: str
    models: Mapping[str, mt.Score]
    baselines: Mapping[str, mt.Score]
    tuned: Mapping[str, Tuned] = field(default_factory=dict)
    seconds: Mapping[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract of ``accord backtest deu3 --json``."""
        return {
            "dataset": "deu3",
            "n_issues": self.n_issues,
            "capability": self.capability,
            "models": {k: v.to_dict() for k, v in self.models.items()},
            "baselines": {k: v.to_dict() for k, v in self.baselines.items()},
            "tuned": {k: v.to_dict() for k, v in self.tuned.items()},
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }

    def to_frame(self) -> Any:
        """Return a pandas DataFrame: one row per model, baseline and tuned forecast."""
        from accord._frame import pandas

        pd = pandas()
        rows = [
            {"kind": kind, "name": name, **s.to_dict()}
            for kind, table in (("model", self.models), ("baseline", self.baselines))
            for name, s in table.items()
        ]
        rows += [{"kind": "tuned", "name": k, **t.score.to_dict()} for k, t in self.tuned.items()]
        return pd.DataFrame(rows)


def default_data() -> Path:
    """Find ``deu3.tsv`` in the shared data folder (see :func:`data_candidates`)."""
    candidates = data_candidates()
    for path in candidates:
        if path.is_file():
            return path
    looked = " or ".join(str(p) for p in dict.fromkeys(candidates))
    raise AccordError(
        Problem(
            f"the DEU III data file deu3.tsv is not in {looked}; pass its path with "
            "--data PATH, or set ACCORD_SHARED to the folder that holds data/deu3/deu3.tsv"
        )
    )


def data_candidates() -> list[Path]:
    """Where ``deu3.tsv`` is looked for, in order.

    ``$ACCORD_SHARED/data/deu3/deu3.tsv`` when that variable is set; else
    ``../shared/data/deu3/deu3.tsv`` beside the project a source checkout runs from, then
    beside the current folder (an installed package has no project folder of its own).
    """
    tail = Path("data") / "deu3" / "deu3.tsv"
    if "ACCORD_SHARED" in os.environ:
        return [Path(os.environ["ACCORD_SHARED"]) / tail]
    out = []
    project = Path(__file__).resolve().parents[3]
    if (project / "pyproject.toml").is_file():
        out.append(project.parent / "shared" / tail)
    out.append(Path.cwd().resolve().parent / "shared" / tail)
    return out


@lru_cache(maxsize=6)
def _issues(path: str, mtime: float, capability: str) -> tuple[Batch, FloatArray, tuple[str, ...]]:
    from accord.scenario.formats import deu3

    scenarios = deu3.read(path, capability, with_outcome=True)  # type: ignore[arg-type]
    batch = batch_from_scenarios([(s, "issue") for s in scenarios])
    outcome = np.array([s.issues[0].outcome for s in scenarios], dtype=float)
    return batch, outcome, tuple(str(s.context["proposal"]) for s in scenarios)


def _load(
    path: Path, capability: str, subset: int | None
) -> tuple[Batch, FloatArray, tuple[str, ...]]:
    if not path.is_file():
        raise AccordError(Problem("no such file", file=str(path), expected="deu3.tsv"))
    batch, outcome, proposals = _issues(str(path.resolve()), path.stat().st_mtime, capability)
    if subset is None or subset >= batch.size:
        return batch, outcome, proposals
    rows = np.unique(np.linspace(0, batch.size - 1, subset).round().astype(np.intp))
    return batch.take(rows), outcome[rows], tuple(proposals[i] for i in rows)


def _column(batch: Batch, actor: str) -> FloatArray:
    if actor not in batch.actors:
        return np.full(batch.size, np.nan)
    j = batch.actors.index(actor)
    return np.where(batch.present[:, j], batch.position[:, j], np.nan)


def _baselines(batches: Mapping[str, Batch], outcome: FloatArray) -> dict[str, mt.Score]:
    eq = batches["equal"]
    w_s: FloatArray = eq.salience * eq.present
    out = {
        "reference-point": mt.score(eq.reference, outcome),
        "commission": mt.score(_column(eq, "com"), outcome),
        "parliament": mt.score(_column(eq, "ep"), outcome),
        "salience-weighted-mean": mt.score(weighted_mean(eq.position, w_s), outcome),
        "salience-weighted-median": mt.score(weighted_median(eq.position, w_s), outcome),
        "unweighted-mean": mt.score(weighted_mean(eq.position, eq.present.astype(float)), outcome),
    }
    if "gdp" in batches:
        g = batches["gdp"]
        out["gdp-salience-mean"] = mt.score(
            weighted_mean(g.position, g.capability * g.salience * g.present), outcome
        )
    return out


def _tuned(
    candidates: FloatArray, outcome: FloatArray, proposals: Sequence[str], folds: int, seed: int
) -> dict[str, Tuned]:
    ids = mt.fold_ids(proposals, folds, seed)
    rules = {"cv-select": mt.rule_select, "cv-top3": mt.rule_top_mean(3), "cv-stack": mt.rule_lad}
    out = {
        name: Tuned(
            mt.score(mt.cv_predict(candidates, outcome, ids, rule), outcome),
            rule=name,
            folds=folds,
            seed=seed,
        )
        for name, rule in rules.items()
    }
    out["median-ensemble"] = Tuned(
        mt.score(np.median(candidates, axis=1), outcome),
        rule="median of all candidates",
        folds=folds,
        seed=seed,
        fitted=False,
    )
    return out


def _check_counts(*, folds: int, subset: int | None, seed: int) -> None:
    """Raise one problem per setting out of range (folds >= 2, subset >= 1, seed >= 0)."""
    bad = [
        Problem(f"{name} out of range", path=name, expected=expected, found=str(value))
        for name, value, expected, ok in (
            ("folds", folds, ">= 2", folds >= 2),
            ("subset", subset, ">= 1 (or none)", subset is None or subset >= 1),
            ("seed", seed, ">= 0", seed >= 0),
        )
        if not ok
    ]
    if bad:
        raise AccordError(bad)


def run(
    data: str | Path | None = None,
    *,
    capability: str = "equal",
    subset: int | None = None,
    cv: bool = True,
    folds: int = 10,
    seed: int = 0,
    models: Sequence[str] | None = None,
) -> Deu3Backtest:
    """Run every model on every DEU III issue with an outcome and score it.

    Parameters
    ----------
    data
        Path of ``deu3.tsv`` (default: :func:`default_data`).
    capability
        Capability choice for the models table: ``equal`` (default), ``nice`` or ``gdp``.
    subset
        Score only this many issues, evenly spread (a smoke test).
    cv
        Also score the tuned forecasts (runs every model under all three capabilities).
    folds, seed
        Cross-validation folds (by proposal) and the seed that deals proposals to folds.
    models
        Model names (default: every registered model).
    """
    if capability not in CAPABILITIES:
        raise AccordError(
            Problem(
                "unknown capability choice",
                path="capability",
                expected=", ".join(CAPABILITIES),
                found=repr(capability),
            )
        )
    _check_counts(folds=folds, subset=subset, seed=seed)
    path = Path(data) if data is not None else default_data()
    names = list(models) if models is not None else registry.names()
    caps = CAPABILITIES if cv else tuple(dict.fromkeys(("equal", capability)))
    loaded = {c: _load(path, c, subset) for c in caps}
    outcome, proposals = loaded["equal"][1], loaded["equal"][2]
    batches = {c: v[0] for c, v in loaded.items()}
    seconds: dict[str, float] = {}
    forecasts: dict[tuple[str, str], FloatArray] = {}
    for c in caps:
        for name in names:
            start = time.perf_counter()
            forecasts[(c, name)] = registry.create(name).solve(batches[c]).forecast
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start
    scores = {n: mt.score(forecasts[(capability, n)], outcome) for n in names}
    tuned = {}
    if cv:
        cand = np.stack([forecasts[(c, n)] for c in caps for n in names], axis=1)
        tuned = _tuned(cand, outcome, proposals, folds, seed)
    return Deu3Backtest(
        str(path),
        int(outcome.size),
        capability,
        scores,
        _baselines(batches, outcome),
        tuned,
        seconds,
    )
