"""``accord.sensitivity``: which assumptions the simulated outcome hangs on.

Every uncertain input — each simulation parameter's plausible range (:data:`~accord.dynamics.
params.PARAMETERS`) and each clause's P(implemented) band from the deal check — is a factor.
Variance-based (Sobol 2001; Saltelli et al. 2010) first-order and total indices, or Morris
(1991) elementary effects, are computed with SALib (Herman & Usher 2017) over a joint design;
a one-at-a-time sweep gives the tornado chart and the thresholds at which the ranking of deals
flips. Every design point is simulated ``reps`` times with common random numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import numpy as np

from accord.dynamics.executors import Progress
from accord.dynamics.inputs import NO_DEAL, EngineInputs
from accord.dynamics.params import PARAMETERS, resolve_params
from accord.dynamics.sa_eval import OUTPUTS, Factor, evaluate, factors
from accord.dynamics.sa_flip import flips, paired_se, sweep_design, swings
from accord.dynamics.sa_result import Index, SensitivityResult
from accord.dynamics.simulate import _horizon, check_sizes, deal_inputs
from accord.errors import AccordError, Problem
from accord.feasibility import CheckResult
from accord.scenario import Scenario

__all__ = ["sensitivity"]

Method = Literal["sobol", "morris"]
DEFAULT_SAMPLES = {"sobol": 16, "morris": 8}
#: Runs behind the nominal estimates that fix the ranking.
NOMINAL_REPS = 4096
#: Most runs per design point (all of a point's runs are simulated at once).
MAX_REPS = 16384
#: Most runs a design may ask for per deal (design points x reps): minutes per deal.
MAX_DESIGN_RUNS = 5_000_000


def sensitivity(
    scenario: Scenario,
    deal: str | Sequence[str] | None = None,
    *,
    method: Method = "sobol",
    outputs: Sequence[str] = ("p_conflict",),
    samples: int | None = None,
    reps: int = 32,
    horizon: int | None = None,
    seed: int = 0,
    params: Mapping[str, Any] | None = None,
    arms: bool = False,
    progress: Progress | None = None,
    checks: Mapping[str, CheckResult] | None = None,
    sweep_reps: int | None = None,
) -> SensitivityResult:
    """Sensitivity indices, tornado swings and ranking flips for the deals of a scenario.

    Parameters
    ----------
    scenario, deal
        The scenario, and a deal id (or several; None = every deal). No deal is always
        included as the baseline.
    method
        ``"sobol"`` (first-order and total indices; ``samples`` x (D + 2) design points) or
        ``"morris"`` (``samples`` trajectories of D + 1 points).
    outputs
        Any of ``p_conflict``, ``p_intact``, ``p_hedge``, ``d_conflict`` (deal minus no deal).
    samples, reps
        Design size (Sobol: a power of two) and runs per design point (the one-at-a-time
        sweep uses ``sweep_reps``, by default ``4 * reps``: its Monte Carlo error sets how
        stable the tornado's ranking is).
    horizon, seed, params, arms, checks
        As for :func:`accord.simulate` (hand it the deal check's results so that the clause
        bands are the check's, not a second draw).
    progress
        Called with (stages done, stages in all).
    """
    _check(method, outputs, samples, reps)
    sweep = 4 * reps if sweep_reps is None else sweep_reps
    if isinstance(sweep, int) and sweep > MAX_REPS:
        raise AccordError(
            Problem(
                "too many runs per sweep point",
                path="sweep_reps",
                expected=f"<= {MAX_REPS}",
                found=str(sweep),
            )
        )
    check_sizes(seed=seed, sweep_reps=sweep, **({} if horizon is None else {"horizon": horizon}))
    inputs = deal_inputs(scenario, deal, checks=checks, seed=seed)
    values = resolve_params(scenario, params)
    names = (
        {k: spec.label for k, spec in PARAMETERS.items()}
        | {d.id: d.name for d in scenario.deals}
        | {NO_DEAL: "no deal"}
        | _clause_names(scenario)
    )
    return analyse(
        inputs,
        values,
        method=method,
        outputs=tuple(outputs),
        samples=samples or DEFAULT_SAMPLES[method],
        reps=reps,
        sweep_reps=sweep,
        horizon=_horizon(scenario, horizon),
        seed=seed,
        arms=arms,
        names=names,
        scenario=scenario.id,
        progress=progress,
    )


def analyse(
    inputs: Sequence[EngineInputs],
    values: Mapping[str, Any],
    *,
    method: Method,
    outputs: tuple[str, ...],
    samples: int,
    reps: int,
    horizon: int,
    seed: int,
    arms: bool,
    names: Mapping[str, str],
    scenario: str,
    progress: Progress | None = None,
    sweep_reps: int | None = None,
) -> SensitivityResult:
    """Run the joint design and the sweep over engine inputs and build the result."""
    fs = factors(inputs, values, arms=arms)
    problem = {
        "num_vars": len(fs),
        "names": [f.name for f in fs],
        "bounds": [[f.low, f.high] for f in fs],
    }
    _check_design(method, samples, reps, len(fs))
    # one stream per stage, all children of the seed: the design, the joint runs, the sweep,
    # the nominal runs and the bootstrap of the indices
    design, joint_ss, sweep_ss, nominal_ss, boot = np.random.SeedSequence(seed).spawn(5)
    X = _design(problem, method, samples, design)
    joint = evaluate(inputs, fs, X, values, seed=joint_ss, reps=reps, horizon=horizon, arms=arms)
    if progress:
        progress(1, 2)
    S = sweep_design(fs)
    sweep = evaluate(
        inputs,
        fs,
        S,
        values,
        seed=sweep_ss,
        reps=4 * reps if sweep_reps is None else sweep_reps,
        horizon=horizon,
        arms=arms,
    )
    at_nominal = evaluate(
        inputs, fs, S[:1], values, seed=nominal_ss, reps=NOMINAL_REPS, horizon=horizon, arms=arms
    )
    if progress:
        progress(2, 2)
    idx = {
        x.deal: {
            o: _indices(problem, method, X, joint[x.deal][o], boot)
            for o in outputs
            if not (x.deal == NO_DEAL and o == "d_conflict")
        }
        for x in inputs
    }
    tornado = {x.deal: {o: swings(fs, sweep[x.deal][o]) for o in idx[x.deal]} for x in inputs}
    nominal = {d: {o: round(float(v[o][0]), 6) for o in OUTPUTS} for d, v in at_nominal.items()}
    ranking = tuple(sorted(nominal, key=lambda d: nominal[d]["p_conflict"]))
    return SensitivityResult(
        scenario=scenario,
        method=method,
        outputs=outputs,
        samples=len(X),
        reps=reps,
        horizon=horizon,
        seed=seed,
        factors=tuple(fs),
        indices=idx,
        tornado=tornado,
        nominal=nominal,
        ranking=ranking,
        flips=flips(
            fs,
            sweep,
            {d: v["p_conflict"] for d, v in joint.items()},
            X,
            names,
            ranking,
            _ties(at_nominal, ranking),
        ),
    )


def _clause_names(scenario: Scenario) -> dict[str, str]:
    """Factor ``p:<clause>`` -> a reader's name for it (the clause's text, shortened)."""
    out = {}
    for d in scenario.deals:
        for c in d.clauses:
            text = c.text.rstrip(".")
            short = text if len(text) <= 48 else text[:46].rsplit(" ", 1)[0] + "…"
            out[f"p:{c.id}"] = f"P(implemented) of “{short}”"
    return out


def _ties(
    at: Mapping[str, Mapping[str, np.ndarray]],
    ranking: Sequence[str],
) -> dict[tuple[str, str], float]:
    """Pairs whose nominal difference is within two paired Monte Carlo errors."""
    out = {}
    for i, a in enumerate(ranking):
        for b in ranking[i + 1 :]:
            d = float(at[b]["p_conflict"][0] - at[a]["p_conflict"][0])
            se = float(paired_se(at[a]["runs_conflict"], at[b]["runs_conflict"])[0])
            if d <= 2 * se:
                out[(a, b)] = round(d, 6)
    return out


def _design(
    problem: dict[str, Any], method: Method, samples: int, seed: np.random.SeedSequence
) -> np.ndarray:
    """Draw the joint design from its own ``Generator`` (never the global RNG)."""
    rng = np.random.default_rng(seed)
    if method == "sobol":
        from SALib.sample import sobol

        return np.asarray(sobol.sample(problem, samples, calc_second_order=False, seed=rng))
    from SALib.sample import morris

    return np.asarray(morris.sample(problem, samples, num_levels=4, seed=rng))


def _indices(
    problem: dict[str, Any],
    method: Method,
    X: np.ndarray,
    y: np.ndarray,
    seed: np.random.SeedSequence,
) -> tuple[Index, ...]:
    import warnings

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        if method == "sobol":
            from SALib.analyze import sobol

            # SALib reads seed=0 as "unseeded" (global RNG): hand it a seeded Generator
            rng = np.random.default_rng(seed)
            r = sobol.analyze(problem, y, calc_second_order=False, num_resamples=100, seed=rng)
            rows = [
                Index(n, *(float(r[k][j]) for k in ("S1", "S1_conf", "ST", "ST_conf")))
                for j, n in enumerate(problem["names"])
            ]
        else:
            from SALib.analyze import morris

            rng = np.random.default_rng(seed)
            r = morris.analyze(problem, X, y, num_resamples=100, seed=rng)
            rows = [
                Index(
                    n,
                    mu_star=float(r["mu_star"][j]),
                    mu_star_conf=float(r["mu_star_conf"][j]),
                    sigma=float(r["sigma"][j]),
                )
                for j, n in enumerate(problem["names"])
            ]
    return tuple(sorted(rows, key=lambda i: -np.nan_to_num(i.key, nan=-1.0)))


def _check(method: str, outputs: Sequence[str], samples: int | None, reps: int) -> None:
    problems = []
    if method not in DEFAULT_SAMPLES:
        problems.append(
            Problem("unknown method", path="method", expected="sobol or morris", found=method)
        )
    problems += [
        Problem("unknown output", path="outputs", expected=", ".join(OUTPUTS), found=o)
        for o in outputs
        if o not in OUTPUTS
    ]
    if not outputs:
        problems.append(Problem("no output asked for", path="outputs", expected=", ".join(OUTPUTS)))
    for name, v in (("samples", samples), ("reps", reps)):
        if v is not None and (not isinstance(v, int) or v < 2):
            problems.append(Problem("too small", path=name, expected=">= 2", found=str(v)))
    if isinstance(reps, int) and reps > MAX_REPS:
        problems.append(
            Problem(
                "too many runs per design point",
                path="reps",
                expected=f"<= {MAX_REPS}",
                found=str(reps),
            )
        )
    if method == "sobol" and isinstance(samples, int) and samples >= 2 and samples & (samples - 1):
        problems.append(
            Problem(
                "Sobol sampling needs a power of two",
                path="samples",
                expected="2, 4, 8, 16, 32, ...",
                found=str(samples),
            )
        )
    try:
        import SALib  # noqa: F401
    except ImportError:
        problems.append(
            Problem(
                "sensitivity analysis needs SALib", expected="pip install 'accord[sensitivity]'"
            )
        )
    if problems:
        raise AccordError(problems)


def _check_design(method: Method, samples: int, reps: int, n_factors: int) -> None:
    """Refuse a design whose runs per deal would exhaust memory or run for hours."""
    points = samples * (n_factors + (2 if method == "sobol" else 1))
    if points * reps > MAX_DESIGN_RUNS:
        raise AccordError(
            Problem(
                "design too large",
                path="samples, reps",
                expected=f"design points x reps <= {MAX_DESIGN_RUNS:,} runs per deal",
                found=f"{points:,} points ({samples} samples, {n_factors} factors) x {reps} reps",
            )
        )


__all__ += ["Factor"]
