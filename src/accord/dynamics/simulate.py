"""``accord.simulate``: what happens after signing, for each deal and for no deal."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from accord.dynamics.executors import ExecutorName, Progress, make_jobs, run_jobs
from accord.dynamics.inputs import NO_DEAL, EngineInputs, actor_ids, from_check, no_deal, roles
from accord.dynamics.ladder import ladder_for
from accord.dynamics.params import ParamValue, resolve_params
from accord.dynamics.result import SimulationResult, compare, outcome
from accord.errors import AccordError, Problem
from accord.feasibility import CheckResult, check_all
from accord.scenario import Scenario
from accord.scenario.quantity import Quantity

__all__ = ["MAX_HORIZON", "MAX_RUNS", "check_sizes", "deal_inputs", "simulate", "simulate_inputs"]

Seed = int | np.random.SeedSequence
#: Most Monte Carlo runs per deal: the standard error is then below 0.0001.
MAX_RUNS = 100_000_000
#: Longest horizon, in months (a century).
MAX_HORIZON = 1200


def simulate(
    scenario: Scenario,
    deal: str | Sequence[str] | None = None,
    *,
    runs: int = 20_000,
    horizon: int | None = None,
    seed: Seed = 0,
    executor: ExecutorName = "local",
    workers: int = 1,
    scheduler: str | None = None,
    params: Mapping[str, Any] | None = None,
    bands: bool = True,
    arms: bool = False,
    progress: Progress | None = None,
    checks: Mapping[str, CheckResult] | None = None,
) -> SimulationResult:
    """Simulate the months after signing each deal, and the no-deal path beside them.

    Parameters
    ----------
    scenario
        The scenario (its deals are judged by :func:`accord.feasibility.check`).
    deal
        A deal id, several, or None for every deal.
    runs, horizon
        Monte Carlo runs per deal; months (default: the scenario's
        ``context.default_horizon_months``, else 60).
    seed
        Seed (int or ``SeedSequence``); the same seed gives the same numbers on every
        executor and any number of workers.
    executor, workers, scheduler
        ``"local"`` (in-process, or a process pool when ``workers > 1``) or ``"dask"``
        (a scheduler address, or a ``LocalCluster`` of ``workers`` workers).
    params
        Overrides of :data:`accord.dynamics.params.PARAMETERS`: numbers, or ranges
        ``(low, high)`` / ``(low, mode, high)`` drawn per run.
    bands
        Draw each clause's P(implemented) per run from the check's band (else use its
        estimate).
    arms
        Add Richardson arms dynamics between the two main parties.
    progress
        Called with (runs done, runs in all) as blocks finish.
    checks
        The deal check's results (deal id -> :class:`~accord.feasibility.CheckResult`) to
        simulate from, so that the simulation and the check show the same numbers; by
        default every deal is checked here with the check's default runs and ``seed``.

    Returns
    -------
    SimulationResult
    """
    check_sizes(runs=runs, workers=workers, seed=seed)  # before the check draws with ``seed``
    inputs = deal_inputs(scenario, deal, checks=checks, seed=seed)
    values = resolve_params(scenario, params)
    return simulate_inputs(
        inputs,
        values=values,
        scenario=scenario.id,
        runs=runs,
        horizon=_horizon(scenario, horizon),
        seed=seed,
        executor=executor,
        workers=workers,
        scheduler=scheduler,
        bands=bands,
        arms=arms,
        progress=progress,
        names={d.id: d.name for d in scenario.deals} | {NO_DEAL: "no deal"},
    )


def deal_inputs(
    scenario: Scenario,
    deal: str | Sequence[str] | None = None,
    *,
    checks: Mapping[str, CheckResult] | None = None,
    seed: Seed = 0,
) -> list[EngineInputs]:
    """Engine inputs for the deals asked for, then for no deal (always last).

    ``checks`` are the deal check's results to build them from (every deal of the scenario,
    since third parties named by any deal hedge in all); without them every deal is checked
    once here, with the check's default runs and ``seed``.
    """
    wanted = [deal] if isinstance(deal, str) else list(deal or [d.id for d in scenario.deals])
    for d in wanted:
        scenario.deal(d)  # unknown deal: AccordError listing the known ones
    if checks is None:
        checks = check_all(scenario, seed=seed)
    missing = [d.id for d in scenario.deals if d.id not in checks]
    if missing:
        raise AccordError(
            Problem(
                "the deal check's results do not cover every deal",
                path="checks",
                expected="one result per deal of the scenario",
                found="missing: " + ", ".join(missing),
            )
        )
    principals, hedgers = roles(scenario, [checks[d.id] for d in scenario.deals])
    chosen = [from_check(scenario, checks[d], principals, hedgers) for d in wanted]
    return [*chosen, no_deal(actor_ids(scenario), principals, hedgers, ladder_for(scenario))]


def simulate_inputs(
    inputs: Sequence[EngineInputs],
    *,
    values: Mapping[str, ParamValue] | None = None,
    scenario: str = "arrays",
    runs: int = 20_000,
    horizon: int = 60,
    seed: Seed = 0,
    executor: ExecutorName = "local",
    workers: int = 1,
    scheduler: str | None = None,
    bands: bool = True,
    arms: bool = False,
    progress: Progress | None = None,
    names: Mapping[str, str] | None = None,
    group: int | None = None,
    processes: bool = True,
) -> SimulationResult:
    """Simulate engine inputs directly.

    The last input with ``deal == "no_deal"`` is the baseline; without one, an empty no-deal
    path among the same actors is added.
    """
    check_sizes(runs=runs, horizon=horizon, workers=workers, seed=seed)
    _check_executor(executor, scheduler)
    inputs = _with_baseline(inputs)
    values = dict(values) if values is not None else resolve_params()
    root = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
    blocks = -(-runs // 16384)
    jobs = make_jobs(
        inputs,
        values,
        runs=runs,
        horizon=horizon,
        seed=root,
        group=group or max(1, -(-blocks // (4 * max(workers, 1)))),
        bands=bands,
        arms=arms,
    )
    totals = run_jobs(
        jobs,
        executor=executor,
        workers=workers,
        scheduler=scheduler,
        progress=progress,
        processes=processes,
    )
    names = names or {}
    outcomes = [
        outcome(x, names.get(x.deal, x.deal), t) for x, t in zip(inputs, totals, strict=True)
    ]
    base, deals = outcomes[-1], {o.deal: o for o in outcomes[:-1]}
    return SimulationResult(
        scenario=scenario,
        runs=runs,
        horizon=horizon,
        seed=seed if isinstance(seed, int) else str(seed.entropy),
        params={k: _plain(v) for k, v in sorted(values.items())},
        deals=deals,
        no_deal=base,
        comparison=tuple(compare(o, base) for o in deals.values()),
        notes=_notes(values, arms),
    )


def _with_baseline(inputs: Sequence[EngineInputs]) -> list[EngineInputs]:
    if not inputs:
        raise AccordError(
            Problem(
                "nothing to simulate",
                path="inputs",
                expected="at least one deal or the no-deal path",
            )
        )
    ids = [x.deal for x in inputs]
    twice = sorted({d for d in ids if ids.count(d) > 1})
    if twice:  # each deal's random streams and results are keyed by its id
        raise AccordError(
            Problem(
                "deal ids must be unique",
                path="inputs",
                expected="one input per deal id",
                found=", ".join(twice),
            )
        )
    if inputs[-1].deal == NO_DEAL:
        return list(inputs)
    x = inputs[0]
    return [*inputs, no_deal(x.actors, x.principals, x.hedgers, x.ladder)]


def check_sizes(*, seed: Seed = 0, **sizes: int) -> None:
    """Raise :class:`AccordError` listing every size out of range and a negative seed.

    ``sizes`` are positive whole numbers by name (``runs``, ``horizon``, ``workers``,
    ``reps``...); ``runs`` is capped at :data:`MAX_RUNS` and ``horizon`` at
    :data:`MAX_HORIZON`, so a typo cannot exhaust memory or run for days.
    """
    problems = [
        Problem("must be a positive whole number", path=name, expected=">= 1", found=str(value))
        for name, value in sizes.items()
        if not isinstance(value, int | np.integer) or value < 1
    ]
    for name, cap, what in (("runs", MAX_RUNS, "runs"), ("horizon", MAX_HORIZON, "months")):
        value = sizes.get(name)
        if isinstance(value, int | np.integer) and value > cap:
            problems.append(
                Problem(
                    "too large",
                    path=name,
                    expected=f"<= {cap:,} {what}",
                    found=f"{value:,}",
                )
            )
    if isinstance(seed, bool) or (isinstance(seed, int | np.integer) and seed < 0):
        problems.append(
            Problem("must be a whole number >= 0", path="seed", expected=">= 0", found=str(seed))
        )
    if problems:
        raise AccordError(problems)


def _check_executor(executor: str, scheduler: str | None) -> None:
    if scheduler is not None and executor != "dask":
        raise AccordError(
            Problem(
                "a scheduler address is only used by the dask executor",
                path="scheduler",
                expected="executor 'dask', or no scheduler",
                found=f"executor {executor!r}",
            )
        )


def _horizon(scenario: Scenario, horizon: int | None) -> int:
    if horizon is not None:
        return horizon
    value = scenario.context.get("default_horizon_months", 60)
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 60


def _plain(value: ParamValue) -> float | dict[str, float]:
    if isinstance(value, Quantity):
        low, high = value.bounds
        return {"low": low, "mode": value.point, "high": high}
    return float(value)


def _notes(values: Mapping[str, ParamValue], arms: bool) -> tuple[str, ...]:
    notes = []
    if arms:
        a, b, m, n = (float(_point(values[k])) for k in ("arms_a", "arms_b", "arms_m", "arms_n"))
        if m * n <= a * b:
            notes.append(
                f"Richardson arms race unstable at the point values (m n = {m * n:g} "
                f"<= a b = {a * b:g}): arms grow without bound."
            )
    if os.environ.get("OPENBLAS_NUM_THREADS") not in (None, "1"):
        notes.append("OPENBLAS_NUM_THREADS > 1 slows the small matrix products down.")
    return tuple(notes)


def _point(value: ParamValue) -> float:
    return value.point if isinstance(value, Quantity) else float(value)
