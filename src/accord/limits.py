"""Limits instead of hangs: estimate an analysis's work before starting, refuse what is too big.

Each check raises :class:`~accord.errors.AccordError` naming the limit, the estimate and how to
narrow the question (fewer actors, a coarser grid, fewer runs). The figures are calibrated on
a 2-core machine (see docs/explanation/limits.md) so that what is accepted answers within about
a minute; they are estimates, kept deliberately on the safe side.

The agreement space cannot be estimated from sizes alone (its cost follows the size of the
Pareto frontier, which depends on the data), so :func:`check_space` replays the frontier merge
on the integer utility tables with a cap on the candidates of each step: it stops as soon as a
step would exceed the cap, and costs at most about as much as the merge itself when it does
not.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from accord.errors import AccordError, Problem
from accord.scenario import Scenario

__all__ = [
    "MAX_CANDIDATES",
    "MAX_COMPARISONS",
    "MAX_FRONTIER",
    "MAX_MEMORY_BYTES",
    "MAX_SECONDS",
    "check_forecast",
    "check_simulate",
    "check_space",
    "suggest_actors",
]

#: The estimated running time an analysis may take before it is refused.
MAX_SECONDS = 45.0
#: The largest array a model may allocate.
MAX_MEMORY_BYTES = 2**30
#: Candidate packages one step of the frontier merge may filter.
MAX_CANDIDATES = 4_000_000
#: Pairwise comparisons the whole merge may need with four actors or more.
MAX_COMPARISONS = 1e10

# Seconds per unit of work, measured on the reference machine (docs/explanation/limits.md):
# EUM per actor pair and issue and draw, SMP per actor triple and draw, the post-signing
# simulation per run, actor and month of each deal (and of no deal).
_EUM = 2.5e-5
_SMP = 1.5e-5
_SMP_BYTES = 8.0
_SIMULATE = 2.5e-7


def check_forecast(s: Scenario, model: str, runs: int) -> None:
    """Refuse a forecast whose estimated time or memory is beyond the limits."""
    n = len(s.actors)
    k = len(s.issues)
    draws = 1 + max(runs, 0)
    chosen = {"eum", "smp"} if model == "all" else {model}
    problems = []
    if "eum" in chosen:
        problems += _time("the EUM forecast", _EUM * n * n * k * draws, _FORECAST_HINT)
    if "smp" in chosen:
        problems += _time("the SMP forecast", _SMP * n**3 * draws, _FORECAST_HINT)
        problems += _memory("the SMP forecast", _SMP_BYTES * n**3, _FORECAST_HINT)
    if problems:
        raise AccordError(problems)


_FORECAST_HINT = (
    "fewer actors (keep those with the most capability x salience), fewer --runs, or a "
    "faster model (--model weighted-mean, weighted-median or nash)"
)


def check_simulate(s: Scenario, runs: int, horizon: int | None, deals: int | None = None) -> None:
    """Refuse a post-signing simulation whose estimated time is beyond the limit."""
    n_deals = len(s.deals) if deals is None else deals
    months = 60 if horizon is None else horizon
    per_run = _SIMULATE * len(s.actors) * months * (n_deals + 1)
    seconds = per_run * runs
    if seconds <= MAX_SECONDS:
        return
    fit = max(1, int(MAX_SECONDS / per_run))
    raise AccordError(
        _time(
            "the simulation",
            seconds,
            f"fewer --runs (about {fit:,} fit), a shorter --horizon, or one --deal",
        )
    )


def check_space(
    s: Scenario,
    *,
    actors: Sequence[str] | None = None,
    grid: int | Mapping[str, int] = 11,
    only_limits: bool = False,
    advice: str | None = None,
    **params: Any,
) -> None:
    """Refuse an agreement space whose exact frontier is too large to compute.

    Parameters
    ----------
    s
        The scenario.
    actors, grid, **params
        As for :func:`accord.space` (``shape``, ``red_lines``, ``penalty``, ``exclude``,
        ``batna``); other parameters do not change the frontier's size.
    only_limits
        Raise only for size: a space that cannot be built at all (no actor cares, say) is
        left for the analysis to report (the brief shows it as a missing section).
    advice
        How to narrow the question, when the caller's options differ from the CLI's
        ``--actors``/``--grid`` (default: those options, with the principals named).
    """
    from accord.space.problem import build_problem

    keep = {k: v for k, v in params.items() if k in _PROBLEM_PARAMS and v is not None}
    try:
        p = build_problem(s, actors, grid=grid, **keep)
    except AccordError:
        if only_limits:
            return
        raise
    step = _merge_probe([b.table for b in p.blocks])
    if step is None:
        return
    cand, compare = step
    d = len(p.actors)
    found = f"{cand:,} candidate packages in one step" + (
        f", more than {compare:.1e} comparisons" if compare else ""
    )
    limit = f"at most {MAX_CANDIDATES:,} candidates per step, a frontier of {_fold(d)[1]:,}" + (
        f" and {MAX_COMPARISONS:.0e} comparisons" if d >= 4 else ""
    )
    raise AccordError(
        Problem(
            f"the exact Pareto frontier over {d} actors and {len(s.issues)} issues is too "
            "large to compute in reasonable time; narrow the question: "
            + (
                advice
                or f"--actors {','.join(suggest_actors(s))} (the principals), a coarser --grid "
                "(e.g. 5 or 11), or fewer issues"
            ),
            path="space",
            expected=limit,
            found=found,
        )
    )


_PROBLEM_PARAMS = frozenset({"shape", "red_lines", "penalty", "exclude", "batna"})


def _merge_probe(tables: list[np.ndarray]) -> tuple[int, float] | None:
    """Replay the frontier merge on utilities; return the step that breaks a cap, or None.

    Each step's candidates are folded into the frontier in chunks, counting the pairwise
    comparisons a fold needs (with four actors or more the filter compares blocks of points);
    the replay stops as soon as the count or the frontier passes its cap, so it never runs
    much longer than an accepted analysis.
    """
    from accord.space.pareto import nondominated

    if not tables or any(len(t) == 0 for t in tables):
        return None
    d = tables[0].shape[1]
    util = _front(nondominated, tables[0])
    work = 0.0
    for table in tables[1:]:
        opt = _front(nondominated, table)
        cand = len(util) * len(opt)
        if cand > MAX_CANDIDATES:
            return cand, work
        front = util[:0]
        chunk, cap = _fold(d)
        chunk_rows = max(1, chunk // len(opt))
        for start in range(0, len(util), chunk_rows):
            sums = (util[start : start + chunk_rows, None, :] + opt[None, :, :]).reshape(-1, d)
            merged = np.concatenate([front, sums])
            front = _front(nondominated, merged)
            if d >= 4:
                work += float(len(merged)) * len(front) * d
            if work > MAX_COMPARISONS or len(front) > cap:
                return cand, work
        util = front
    return None


_CHUNK = 16_384
#: The largest frontier the merge may carry (with two actors; fewer with more, see below).
MAX_FRONTIER = 200_000
#: Worst-case comparisons of one fold of candidates into the frontier (four actors or more).
_FOLD = 1.2e10


def _fold(d: int) -> tuple[int, int]:
    """Return (chunk, frontier cap) so that one fold costs at most :data:`_FOLD` comparisons."""
    if d < 4:
        return _CHUNK, MAX_FRONTIER
    size = int(math.sqrt(_FOLD / d))  # frontier + chunk of one fold
    chunk = max(1, min(_CHUNK, size // 4))
    return chunk, min(MAX_FRONTIER, size - chunk)


def _front(nondominated: Any, table: np.ndarray) -> np.ndarray:
    n = len(table)
    return np.asarray(nondominated(table, np.arange(n), np.ones(n, np.int64)).utility)


def suggest_actors(s: Scenario, n: int = 3) -> list[str]:
    """Return the ``n`` actors with the most capability x total salience (ties by id)."""
    weight: dict[str, float] = {}
    for actor in s.actors:
        row = s.stances.get(actor.id, {})
        weight[actor.id] = actor.capability.point * sum(st.salience.point for st in row.values())
    return sorted(weight, key=lambda a: (-weight[a], a))[:n]


def _time(what: str, seconds: float, hint: str) -> list[Problem]:
    if seconds <= MAX_SECONDS:
        return []
    return [
        Problem(
            f"{what} would take too long (estimated {_duration(seconds)}); narrow the "
            f"question: {hint}",
            expected=f"an estimated time of at most {MAX_SECONDS:.0f} s",
            found=f"about {_duration(seconds)}",
        )
    ]


def _memory(what: str, size: float, hint: str) -> list[Problem]:
    if size <= MAX_MEMORY_BYTES:
        return []
    return [
        Problem(
            f"{what} would need too much memory; narrow the question: {hint}",
            expected=f"at most {MAX_MEMORY_BYTES / 2**30:.0f} GiB",
            found=f"about {size / 2**30:.1f} GiB",
        )
    ]


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{math.ceil(seconds)} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
