"""Scenario in, forecast out: batches, uncertainty draws and percentiles for every model.

Uncertainty (MODELS.md §1, "Forecast uncertainty"): with ``runs`` = N > 0 every capability,
position and salience that carries a range is drawn N times (:meth:`Quantity.draw`), each
model solves all N x (issues) problems as one batch, and the result reports P10/P50/P90 of
each issue's forecast. Each quantity draws from its own stream, keyed by the seed and by the
actor and issue ids (``SeedSequence(seed, spawn_key=...)``), so the draws do not depend on
the order of actors or issues in the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from accord._streams import as_seed_sequence, keyed_rng
from accord.models.base import Batch, FloatArray, Model
from accord.models.result import Forecast, IssueForecast, ModelForecast
from accord.scenario.model import Scenario
from accord.scenario.quantity import Quantity

__all__ = ["batch_from_scenarios", "run_models"]

MAX_RUNS = 100_000
"""Most uncertainty draws (each solves every issue once more; P10/P90 settle long before)."""
_FIELDS = {"capability": 0, "position": 1, "salience": 2}


def batch_from_scenarios(items: Sequence[tuple[Scenario, str]]) -> Batch:
    """Build a batch of point-estimate problems, one row per ``(scenario, issue_id)``.

    The actor columns are sorted by id, whatever order the scenario lists the actors in: the
    models' sums and tie-breaks then run in one canonical order, so a forecast never depends
    on how the file is ordered (ties between equal positions or offers go to the actor whose
    id sorts first).
    """
    arrays = [s.arrays(i) for s, i in items]
    actors = tuple(sorted({a for arr in arrays for a in arr.actors}))
    col = {a: j for j, a in enumerate(actors)}
    B, n = len(items), len(actors)
    cap, pos, sal = np.zeros((B, n)), np.full((B, n), np.nan), np.zeros((B, n))
    present = np.zeros((B, n), dtype=bool)
    for b, arr in enumerate(arrays):
        j = [col[a] for a in arr.actors]
        cap[b, j], pos[b, j], sal[b, j], present[b, j] = (
            arr.capability,
            arr.position,
            arr.salience,
            True,
        )
    return Batch(
        actors=actors,
        capability=cap,
        position=pos,
        salience=sal,
        present=present,
        lo=np.array([a.lo for a in arrays]),
        hi=np.array([a.hi for a in arrays]),
        reference=np.array([np.nan if a.reference is None else a.reference for a in arrays]),
        issues=tuple(i for _, i in items),
        contexts=tuple(s.context for s, _ in items),
    )


def _draw(
    q: Quantity | str | None, seed: np.random.SeedSequence, runs: int, *key: str
) -> FloatArray | None:
    if not isinstance(q, Quantity) or not q.uncertain:
        return None
    return q.draw(keyed_rng(seed, *key), runs)


def draw_batch(
    scenario: Scenario, issues: Sequence[str], runs: int, seed: np.random.SeedSequence
) -> Batch:
    """Build ``runs`` x ``len(issues)`` rows (draw-major) with every ranged input drawn."""
    base = batch_from_scenarios([(scenario, i) for i in issues])
    m, n = base.size, len(base.actors)
    out = {f: np.repeat(getattr(base, f)[None], runs, axis=0) for f in _FIELDS}
    for j, actor_id in enumerate(base.actors):
        cap = _draw(scenario.actor(actor_id).capability, seed, runs, actor_id, "capability")
        for b, issue_id in enumerate(issues):
            if not base.present[b, j]:
                continue
            if cap is not None:
                out["capability"][:, b, j] = np.maximum(cap, 1e-12)
            stance = scenario.stances[actor_id][issue_id]
            for f in ("position", "salience"):
                d = _draw(getattr(stance, f), seed, runs, actor_id, issue_id, f)
                if d is not None:
                    out[f][:, b, j] = d
    out["salience"] = np.clip(out["salience"], 0.0, 1.0)
    out["position"] = np.clip(out["position"], base.lo[None, :, None], base.hi[None, :, None])
    flat = {f: v.reshape(runs * m, n) for f, v in out.items()}
    rep = base.take(np.tile(np.arange(m), runs))
    return Batch(
        actors=base.actors,
        present=rep.present,
        lo=rep.lo,
        hi=rep.hi,
        reference=rep.reference,
        issues=rep.issues,
        contexts=rep.contexts,
        **flat,
    )


def _default_issues(scenario: Scenario) -> list[str]:
    held = {i for row in scenario.stances.values() for i in row}
    return [i.id for i in scenario.issues if i.id in held]


def _option(scenario: Scenario, issue_id: str, x: float) -> str | None:
    options = scenario.issue(issue_id).options
    if options is None:
        return None
    return options[int(np.clip(np.rint(x), 0, len(options) - 1))].id


def _one_model(
    model: Model, scenario: Scenario, point: Batch, draws: Batch | None, runs: int
) -> ModelForecast:
    if point.size == 0:
        return ModelForecast(model.name, model.params(), {})
    sol = model.solve(point, want_trajectory=True)
    pct: Any = None
    if draws is not None:
        values = model.solve(draws).forecast.reshape(runs, point.size)
        pct = np.percentile(values, [10, 50, 90], axis=0)
    issues = {}
    for b, issue_id in enumerate(point.issues):
        x = float(sol.forecast[b])
        p = [None] * 3 if pct is None else [float(v) for v in pct[:, b]]
        traj = sol.trajectory[b] if sol.trajectory is not None else ()
        issues[issue_id] = IssueForecast(
            issue_id, x, p[0], p[1], p[2], tuple(traj), _option(scenario, issue_id, x)
        )
    return ModelForecast(model.name, model.params(), issues)


def run_models(
    scenario: Scenario,
    models: Sequence[Model],
    *,
    runs: int = 0,
    seed: int | np.random.SeedSequence | None = 0,
    issues: Sequence[str] | None = None,
) -> Forecast:
    """Run ``models`` on ``scenario`` (see :func:`accord.models.forecast`)."""
    from accord.errors import AccordError, Problem

    if not 0 <= runs <= MAX_RUNS:
        raise AccordError(
            Problem("runs out of range", path="runs", expected=f"0..{MAX_RUNS}", found=str(runs))
        )
    if isinstance(seed, int) and seed < 0:
        raise AccordError(Problem("seed must be >= 0", path="seed", found=str(seed)))
    ids = list(issues) if issues is not None else _default_issues(scenario)
    for i in ids:
        scenario.issue(i)  # unknown issue -> AccordError
    canonical = sorted(ids)  # computed in id order, reported in the order asked for
    point = batch_from_scenarios([(scenario, i) for i in canonical])
    ss = as_seed_sequence(seed)
    draws = draw_batch(scenario, canonical, runs, ss) if runs > 0 and ids else None
    out = {m.name: _one_model(m, scenario, point, draws, runs) for m in models}
    seed_out = seed if isinstance(seed, int) else None
    return Forecast(scenario.id, out, runs=runs, seed=seed_out, issues=tuple(ids))
