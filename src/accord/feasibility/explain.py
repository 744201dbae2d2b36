"""The ``--explain`` chain: every number of a clause's judgement, traced to its inputs."""

from __future__ import annotations

import numpy as np

from accord.feasibility.history import FEATURES, History
from accord.feasibility.judge import DELIVERABLE, HAZARDS, KEPT, Evaluation
from accord.feasibility.result import Step
from accord.feasibility.spec import ClauseSpec

__all__ = ["steps"]


def _inputs(spec: ClauseSpec) -> list[Step]:
    named = dict(spec.inputs)
    for key in ("ratify", "capacity_required", "capacity_available"):
        got = getattr(spec, key)
        if got is not None:
            named["ratifier support" if key == "ratify" and spec.threshold is not None else key] = (
                got
            )
    out = []
    for name, inp in named.items():
        src = f"; source {inp.source}" if inp.source else ""
        out.append(Step(name, "input", round(inp.point, 4), f"{inp.text()} ({inp.origin}{src})"))
    return out


def _formulas(spec: ClauseSpec, pm: dict[str, float]) -> dict[str, str]:
    dl = pm["discount"]
    rat = (
        "Phi((support - threshold) / sigma_vote), threshold "
        f"{spec.threshold:.3g}, sigma_vote {pm['vote_sigma']}"
        if spec.threshold is not None
        else "default P(ratified) of the instrument"
        if spec.needs_ratification
        else "1 (no ratification needed)"
    )
    return {
        "ratification": rat,
        "capacity": "Phi((available / required - 1) / sigma_capacity)"
        if spec.capacity_required is not None
        else "1 (no capacity data)",
        "control": f"instrument {spec.instrument.value}: P(obligor controls it)",
        "funding": "funding_factor" if spec.funding else "1 (no funding needed)",
        "third_party": "third_party_factor" if spec.third_party else "1 (no third party)",
        "incentive": "pi + (1 - pi) * Phi((ln T - ln g) / sigma_shock), pi = track_record, "
        f"g = gain, T = deterrence threshold (delta {dl})",
        "power_shift": f"1 - {pm['powell_bite']} * Phi((delta*shift_eff - (1-delta)(1 - p + c))"
        f" / sigma), p = {spec.power_share:.2f}, shift_eff = shift"
        f"{' * mutual_offset' if spec.mutual else ''}"
        f"{' * reversible_offset' if spec.reversible else ''}",
        "turnover": f"1 - {spec.reversal} * (1 - exp(-exposure / political_horizon))",
        "reciprocity": f"1 - {pm['unravel']} * (1 - credibility)"
        if spec.reciprocal
        else "1 (not reciprocal)",
        "ambiguity": "1 - hazard_" + ("precise" if spec.precise else "vague"),
        "sequencing": "(1 - hazard_sequence) ^ clauses waited on",
        "timeline": "exp(-hazard_per_year * horizon)",
        "parties": "1 - hazard_per_party * (obligated parties - 2)",
        "dependencies": f"{pm['dependency_floor']} + (1 - {pm['dependency_floor']}) x "
        "the lowest own P(implemented) of the clauses waited on",
    }


def steps(
    spec: ClauseSpec, ev: Evaluation, k: int, pm: dict[str, float], counter: np.ndarray
) -> tuple[Step, ...]:
    """Return the chain: inputs (origin, source), each factor and formula, the totals."""
    forms = _formulas(spec, pm)
    out = _inputs(spec)
    out.append(
        Step(
            "matching-step credibility",
            "mean credibility of "
            + (", ".join(spec.counterparts) or "none")
            + " (scales a reciprocal suspension only)",
            round(float(counter[:, k].mean()), 4),
            f"enforcement: {spec.enforcement}",
        )
    )
    out.append(
        Step(
            "deterrence threshold T",
            "q_eff * delta / (1 - delta) * (punishment * matching-step credibility + "
            "cost of a breach)",
            round(float(ev.threshold[:, k].mean()), 4),
            f"delta {pm['discount']}; q_eff = q"
            + ("" if spec.precise else f" * vague_detection {pm['vague_detection']}")
            + f"; cost of a breach {spec.obligation} ({spec.instrument.value})",
        )
    )
    for name, arr in ev.factors.items():
        out.append(Step(name, forms[name], round(float(arr[:, k].mean()), 4), "factor"))

    def prod(names: tuple[str, ...]) -> float:
        return round(float(ev.product(names)[:, k].mean()), 4)

    out += [
        Step("P(deliverable)", " x ".join(DELIVERABLE), prod(DELIVERABLE), "mean over draws"),
        Step("P(kept | deliverable)", " x ".join(KEPT), prod(KEPT), "mean over draws"),
        Step(
            "management hazard",
            "1 - " + " x ".join(HAZARDS),
            round(1 - prod(HAZARDS), 4),
            "mean over draws",
        ),
        Step(
            "P(implemented)",
            "deliverable x kept x (1 - hazard) x dependencies",
            round(float(ev.p[:, k].mean()), 4),
            "mean over draws",
        ),
        Step(
            "credibility",
            "pi_k (1 - alpha) / (pi_k (1 - alpha) + (1 - pi_k)(1 - q)), pi_k = P(kept)",
            round(float(ev.credibility[:, k].mean()), 4),
            "Bayes",
        ),
    ]
    if ev.layer is not None:
        out.append(_layer_step(ev.layer, ev, k))
    return tuple(out)


def _layer_step(layer: tuple[History, np.ndarray], ev: Evaluation, k: int) -> Step:
    h, x = layer
    used = [f"{n} {w:+.2f}" for n, w, v in zip(FEATURES, h.weights, x[k], strict=True) if v]
    return Step(
        "P(implemented), the library's view",
        f"sigmoid({h.thresholds[1]:.2f} + {h.slope:.2f} logit(P)"
        + (" + " + " ".join(used) if used else "")
        + ")",
        round(float(ev.history(2)[:, k].mean()), 4),
        f"fitted layer, fitted once on the case library ({h.n_agreements} agreements, "
        f"{h.n_clauses} clauses); shown beside P, does not set the verdict",
    )
