"""The deal check: judge every clause of a deal, and the deal as a whole.

:func:`check` resolves each clause (:mod:`accord.feasibility.spec`), draws every uncertain
input at once as a ``(runs, clauses)`` array, evaluates the factors
(:mod:`accord.feasibility.judge`), ranks the reasons, re-judges the remedies, and assembles a
frozen :class:`~accord.feasibility.result.CheckResult`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from accord._streams import as_seed_sequence, keyed_rng
from accord.errors import AccordError, Problem
from accord.feasibility import defaults as dfl
from accord.feasibility.explain import steps
from accord.feasibility.history import shipped, similar_key
from accord.feasibility.judge import DELIVERABLE, HAZARDS, INPUTS, KEPT, Evaluation, evaluate_deal
from accord.feasibility.reasons import reasons
from accord.feasibility.remedies import remedies
from accord.feasibility.result import CheckResult, ClauseJudgement, ThirdPartyEffect, Verdict
from accord.feasibility.spec import ClauseSpec, resolve_deal
from accord.scenario.canonical import canonical
from accord.scenario.model import Deal, Scenario

__all__ = ["check", "check_all", "judge_deal", "verdict"]


def check(
    scenario: Scenario,
    deal: str | None = None,
    *,
    runs: int = 2000,
    seed: int | np.random.SeedSequence | None = 0,
    **params: float,
) -> CheckResult:
    """Judge every clause of one deal.

    Parameters
    ----------
    scenario
        The scenario holding the deal.
    deal
        Deal id; None = the scenario's first deal.
    runs
        Number of joint draws of the uncertain inputs (the band's resolution).
    seed
        Seed of the draws (int or SeedSequence); the same seed gives the same result.
    **params
        Overrides of the model constants in :data:`accord.feasibility.defaults.PARAMETERS`.

    Raises
    ------
    AccordError
        For an unknown deal or parameter, too few runs, or no deals in the scenario.
    """
    return judge_deal(scenario, deal, runs=runs, seed=seed, history=True, params=params)


def judge_deal(
    scenario: Scenario,
    deal: str | None,
    *,
    runs: int,
    seed: int | np.random.SeedSequence | None,
    history: bool,
    params: dict[str, float],
) -> CheckResult:
    """Run :func:`check`, with or without the fitted layer.

    ``history=False`` leaves out the fitted layer (:mod:`accord.feasibility.history`):
    ``p_history`` and ``p_full`` are None. The backtest uses it, so that nothing it scores
    comes from weights fitted on the clause's own outcome.
    """
    pm = _constants(params)
    if runs < 10 or runs > 1_000_000:
        raise AccordError(
            Problem("runs out of range", path="runs", expected="10..1000000", found=str(runs))
        )
    if isinstance(seed, int) and seed < 0:
        raise AccordError(Problem("seed must be >= 0", path="seed", found=str(seed)))
    listed = _deal(scenario, deal)
    scenario = canonical(scenario)  # judged in id order (see accord.scenario.canonical)
    d = scenario.deal(listed.id)
    specs = resolve_deal(scenario, d, pm)
    U = _uniforms(as_seed_sequence(seed), specs, runs)
    ev, counter = evaluate_deal(specs, U, pm, shipped() if history else None)
    clauses = tuple(
        _judgement(scenario, d, specs, k, ev, U, pm, counter) for k in range(len(specs))
    )
    result = _assemble(
        scenario, d, specs, ev, clauses, pm, runs, seed if isinstance(seed, int) else None
    )
    by_id = {c.id: c for c in result.clauses}  # reported in the order the file lists them
    return replace(result, clauses=tuple(by_id[c.id] for c in listed.clauses))


def _uniforms(seed: np.random.SeedSequence, specs: list[ClauseSpec], runs: int) -> np.ndarray:
    """Draw ``(runs, clauses, inputs)`` uniforms, each clause's from the stream of its id."""
    U = np.empty((runs, len(specs), len(INPUTS)))
    for k, spec in enumerate(specs):
        U[:, k, :] = keyed_rng(seed, spec.id).random((runs, len(INPUTS)))
    return U


def check_all(scenario: Scenario, **kwargs: Any) -> dict[str, CheckResult]:
    """Judge every deal of a scenario: deal id -> result."""
    return {d.id: check(scenario, d.id, **kwargs) for d in scenario.deals}


def verdict(p: float, pm: dict[str, float]) -> Verdict:
    """Sound if p >= pm['sound'], unrealistic if p < pm['unrealistic'], else fragile."""
    if p >= pm["sound"]:
        return "sound"
    return "unrealistic" if p < pm["unrealistic"] else "fragile"


def _constants(params: dict[str, float]) -> dict[str, float]:
    unknown = sorted(set(params) - set(dfl.PARAMETERS))
    if unknown:
        raise AccordError(
            [
                Problem(
                    f"unknown parameter {u!r}",
                    path=u,
                    expected="one of: " + ", ".join(dfl.PARAMETERS),
                )
                for u in unknown
            ]
        )
    return {n: dfl.parameter(n, params) for n in dfl.PARAMETERS}


def _deal(s: Scenario, deal: str | None) -> Deal:
    if not s.deals:
        raise AccordError(
            Problem(
                "the scenario has no deals to check", path="deals", expected="at least one deal"
            )
        )
    return s.deals[0] if deal is None else s.deal(deal)


def _judgement(
    s: Scenario,
    d: Deal,
    specs: list[ClauseSpec],
    k: int,
    ev: Evaluation,
    U: np.ndarray,
    pm: dict[str, float],
    counter: np.ndarray,
) -> ClauseJudgement:
    spec = specs[k]
    p = ev.p[:, k]
    lo, hi = np.quantile(p, [(1 - pm["band"]) / 2, (1 + pm["band"]) / 2])
    mean = float(p.mean())
    why = reasons(spec, ev, k, pm)
    m = {name: float(ev.draws[name][:, k].mean()) for name in INPUTS}
    return ClauseJudgement(
        id=spec.id,
        text=spec.text,
        obligated=spec.obligated,
        beneficiaries=spec.beneficiaries,
        core=spec.core,
        depends_on=spec.depends_on,
        p_implemented=_r(mean),
        p_history=_maybe(ev.history(2)[:, k]),
        p_full=_maybe(ev.history(3)[:, k]),
        similar=_similar(spec),
        p_own=_r(ev.product(tuple(n for n in ev.factors if n != "dependencies"))[:, k].mean()),
        p_low=_r(min(lo, mean)),
        p_high=_r(max(hi, mean)),
        p_deliverable=_r(ev.product(DELIVERABLE)[:, k].mean()),
        p_kept=_r(ev.product(KEPT)[:, k].mean()),
        credibility=_r(ev.credibility[:, k].mean()),
        management_hazard=_r(1.0 - ev.product(HAZARDS)[:, k].mean()),
        detection=_r(m["detection"]),
        false_alarm=_r(m["false_alarm"]),
        gain_from_cheating=_r(m["gain"]),
        punishment=_r(m["punishment"]),
        reversible=spec.reversible,
        power_shift=_r(m["power_shift"]),
        horizon_years=_r(m["horizon"]),
        verdict=verdict(mean, pm),
        reasons=why,
        remedies=remedies(s, d, spec, k, why, U, pm, counter, ev),
        releases=spec.counterparts,
        explain=steps(spec, ev, k, pm, counter),
    )


def _maybe(p: np.ndarray) -> float | None:
    """Mean of the fitted layer's draws; None without the layer."""
    return None if np.isnan(p).any() else _r(float(p.mean()))


def _similar(spec: ClauseSpec) -> tuple[int, int] | None:
    """(clauses like it in the library, of which implemented), from the shipped layer."""
    h = shipped()
    return None if h is None else h.similar.get(similar_key(spec))


def _r(x: float) -> float:
    return round(float(min(max(x, 0.0), 1.0e9)), 4)


def _assemble(
    s: Scenario,
    d: Deal,
    specs: list[ClauseSpec],
    ev: Evaluation,
    clauses: tuple[ClauseJudgement, ...],
    pm: dict[str, float],
    runs: int,
    seed: int | None,
) -> CheckResult:
    core = [k for k, c in enumerate(specs) if c.core]
    joint = np.prod(ev.p[:, core], axis=1) if core else np.ones(ev.p.shape[0])
    lo, hi = np.quantile(joint, [(1 - pm["band"]) / 2, (1 + pm["band"]) / 2])
    mean = float(joint.mean())
    weakest = tuple(c.id for c in sorted((clauses[k] for k in core), key=lambda c: c.p_implemented))
    return CheckResult(
        scenario=s.id,
        deal=d.id,
        p_all_core=_r(mean),
        p_all_core_low=_r(min(lo, mean)),
        p_all_core_high=_r(max(hi, mean)),
        clauses=clauses,
        third_party_effects=_third_parties(s, specs, clauses),
        weakest=weakest,
        runs=runs,
        seed=seed,
    )


def _third_parties(
    s: Scenario, specs: list[ClauseSpec], clauses: tuple[ClauseJudgement, ...]
) -> tuple[ThirdPartyEffect, ...]:
    out = []
    for spec, cj in zip(specs, clauses, strict=True):
        for actor, mag in spec.third_party_effects.items():
            name = s.actor(actor).name
            out.append(
                ThirdPartyEffect(
                    actor=actor,
                    clause=spec.id,
                    kind="hedge",
                    magnitude=_r(mag.point),
                    expected=_r(mag.point * cj.p_implemented),
                    reason=f"If {spec.id} is carried out, {name}'s guarantee weakens by about "
                    f"{mag.point:.0%}, raising its incentive to hedge (seek its own deterrent); "
                    f"expected effect {mag.point * cj.p_implemented:.0%}.",
                )
            )
    return tuple(out)
