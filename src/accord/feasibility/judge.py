"""Evaluate the factors of every clause on arrays of draws (runs x clauses).

:func:`evaluate_deal` draws nothing itself: it takes uniforms ``U`` of shape
``(runs, K, len(INPUTS))`` and returns every factor of P(implemented) as a ``(runs, K)``
array. A factor is a probability in [0, 1] and P(implemented) is their product, so the
weight of each factor in the verdict is measurable: P without it minus P with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from accord.feasibility import defaults as dfl
from accord.feasibility import formulas as fm
from accord.feasibility.history import History, attributes, logit
from accord.feasibility.inputs import Input, draw
from accord.feasibility.spec import ClauseSpec

__all__ = [
    "DELIVERABLE",
    "HAZARDS",
    "INPUTS",
    "KEPT",
    "Evaluation",
    "evaluate_clauses",
    "evaluate_deal",
]

INPUTS = (
    "detection",
    "false_alarm",
    "gain",
    "punishment",
    "power_shift",
    "horizon",
    "political_horizon",
    "track_record",
    "ratify",
    "capacity_required",
    "capacity_available",
)
DELIVERABLE = ("ratification", "capacity", "control", "funding", "third_party")
KEPT = ("incentive", "power_shift", "turnover", "reciprocity")
HAZARDS = ("ambiguity", "sequencing", "timeline", "parties")

Array = np.ndarray
_ONE = Input.fixed(1.0, "unused")


@dataclass(frozen=True, eq=False)
class Evaluation:
    """Every factor and derived quantity, each an array ``(runs, K)``.

    ``factors`` maps a factor name (DELIVERABLE, KEPT, ``1 - hazard`` for each of HAZARDS,
    and ``dependencies``) to its array; ``draws`` maps each input name to its draws.
    """

    factors: dict[str, Array]
    draws: dict[str, Array]
    credibility: Array
    binds: Array
    threshold: Array
    layer: tuple[History, Array] | None = None
    """The fitted layer and the clauses' attributes ``(K, F)``; None = structural only."""
    _memo: dict[tuple[str, ...], Array] = field(default_factory=dict, repr=False)

    @property
    def p(self) -> Array:
        """P(implemented) per draw: the product of all factors (the structural judgement)."""
        return self.product(tuple(self.factors))

    def history(self, level: int = 2) -> Array:
        """Return the fitted layer's P(outcome >= level) per draw (NaN without the layer)."""
        if self.layer is None:
            return np.full_like(self.p, np.nan)
        h, x = self.layer
        return h.p_at_least(level, logit(self.p), x)

    def product(self, names: tuple[str, ...]) -> Array:
        """Product of the named factors (computed once, for all clauses)."""
        if names not in self._memo:
            self._memo[names] = np.asarray(
                np.prod(np.stack([self.factors[n] for n in names]), axis=0), dtype=float
            )
        return self._memo[names]

    def with_factor(self, name: str, value: Array) -> Evaluation:
        """Return the evaluation with one more factor."""
        return replace(self, factors={**self.factors, name: value}, _memo={})

    def lowering(self) -> dict[str, Array]:
        """For each factor: mean P with the factor set to 1, minus mean P; shape ``(K,)``."""
        names = tuple(self.factors)
        key = ("lowering", *names)
        if key not in self._memo:
            p = self.p.mean(axis=0)
            self._memo[key] = np.stack(
                [self.product(tuple(m for m in names if m != n)).mean(axis=0) - p for n in names]
            )
        return dict(zip(names, self._memo[key], strict=True))


def _draws(specs: list[ClauseSpec], U: Array) -> dict[str, Array]:
    out = {}
    for j, name in enumerate(INPUTS):
        if name in ("ratify", "capacity_required", "capacity_available"):
            got = [getattr(s, name) or _ONE for s in specs]
        else:
            got = [s.inputs[name] for s in specs]
        out[name] = draw(got, U[:, :, j])
    return out


def _col(specs: list[ClauseSpec], fn: object) -> Array:
    return np.array([fn(s) for s in specs], dtype=float)  # type: ignore[operator]


def _deliverable(
    specs: list[ClauseSpec], d: dict[str, Array], pm: dict[str, float]
) -> dict[str, Array]:
    thr = _col(specs, lambda s: s.threshold if s.threshold is not None else np.nan)
    support = fm.p_ratify(d["ratify"], np.nan_to_num(thr), pm["vote_sigma"])
    ratify = np.where(np.isnan(thr), d["ratify"], support)
    has_cap = _col(
        specs, lambda s: s.capacity_required is not None and s.capacity_available is not None
    ).astype(bool)
    cap = fm.p_capacity(d["capacity_available"], d["capacity_required"], pm["capacity_sigma"])
    ones = np.ones_like(ratify)
    return {
        "ratification": np.clip(ratify, 0.0, 1.0),
        "capacity": np.where(has_cap, cap, 1.0),
        "control": ones * _col(specs, lambda s: s.controlled),
        "funding": ones * _col(specs, lambda s: pm["funding_factor"] if s.funding else 1.0),
        "third_party": ones
        * _col(specs, lambda s: pm["third_party_factor"] if s.third_party else 1.0),
    }


def _kept(
    specs: list[ClauseSpec], d: dict[str, Array], pm: dict[str, float], counter: Array
) -> tuple[dict[str, Array], Array, Array]:
    delta = pm["discount"]
    L = d["punishment"] * counter + _col(specs, lambda s: s.obligation)
    q = d["detection_effective"]
    se = fm.p_self_enforcing(q, L, d["gain"], delta, pm["shock_sigma"])
    offset = _col(
        specs,
        lambda s: (
            (pm["mutual_offset"] if s.mutual else 1.0)
            * (pm["reversible_offset"] if s.reversible else 1.0)
        ),
    )
    binds = fm.powell_binds(
        d["power_shift"] * offset,
        _col(specs, lambda s: s.power_share),
        delta,
        pm["war_cost"],
        pm["powell_sigma"],
    )
    settle = _col(
        specs,
        lambda s: (
            0.0
            if not s.reversible
            else min(pm["settle_years"], s.duration if s.duration is not None else np.inf)
        ),
    )
    exposure = d["horizon"] + settle  # a long duration is not a long time to implement
    turnover = fm.p_survives_turnover(
        exposure, d["political_horizon"], _col(specs, lambda s: s.reversal)
    )
    track = d["track_record"]
    factors = {
        "incentive": track + (1.0 - track) * se,
        "power_shift": 1.0 - pm["powell_bite"] * binds,
        "turnover": turnover,
    }
    return factors, binds, fm.threshold_value(q, L, delta)


def evaluate_clauses(
    specs: list[ClauseSpec],
    U: Array,
    pm: dict[str, float],
    counter: Array | None = None,
    waits: Array | None = None,
    history: History | None = None,
) -> Evaluation:
    """Evaluate clauses on their own (no dependency chain).

    Parameters
    ----------
    specs
        K resolved clauses.
    U
        Uniforms, shape ``(runs, K, len(INPUTS))``.
    pm
        Model constants (see :data:`accord.feasibility.defaults.PARAMETERS`).
    counter
        ``(runs, K)`` credibility of the matching steps, scaling the punishment of a
        reciprocal suspension (a reward nobody believes deters nothing); 1 if None.
    waits
        ``(K,)`` number of clauses each waits on; from the specs if None.
    history
        The fitted layer (:mod:`accord.feasibility.history`); None = structural only.
    """
    d = _draws(specs, U)
    monitor = _col(specs, lambda s: pm["monitor_detection"] if s.monitored else 0.0)
    seen = 1.0 - (1.0 - d["detection"]) * (1.0 - monitor)
    d["detection_effective"] = seen * _col(
        specs, lambda s: 1.0 if s.precise else pm["vague_detection"]
    )
    counter = np.ones_like(d["gain"]) if counter is None else counter
    deliver = _deliverable(specs, d, pm)
    kept, binds, threshold = _kept(specs, d, pm, counter)
    n_waits = waits if waits is not None else _col(specs, lambda s: len(s.depends_on))
    h = fm.hazard(
        _col(specs, lambda s: not s.precise).astype(bool),
        n_waits,
        d["horizon"],
        _col(specs, lambda s: len(s.obligated)),
        pm,
    )
    prior = kept["incentive"] * kept["power_shift"] * kept["turnover"]
    cred = fm.bayes_credibility(prior, d["detection_effective"], d["false_alarm"])
    reciprocal = _col(specs, lambda s: s.reciprocal).astype(bool)
    kept["reciprocity"] = np.where(reciprocal, 1.0 - pm["unravel"] * (1.0 - cred), 1.0)
    factors = {**deliver, **kept, **{k: 1.0 - v for k, v in h.items()}}
    layer = None if history is None else (history, np.stack([attributes(s) for s in specs]))
    return Evaluation(factors, d, cred, binds, threshold, layer)


def _counter_credibility(specs: list[ClauseSpec], cred: Array) -> Array:
    ids = [s.id for s in specs]
    out = np.ones_like(cred)
    for k, s in enumerate(specs):
        idx = [ids.index(c) for c in s.counterparts]
        if idx and s.enforcement == "reciprocal_suspension":
            out[:, k] = cred[:, idx].mean(axis=1)
    return out


def chain(specs: list[ClauseSpec], own: Array, floor: float = 0.4) -> Array:
    """Return the dependency factor: ``floor + (1 - floor) x`` the weakest awaited own P.

    One level deep; a mutual wait is an exchange, not a sequence, and is left out. The
    weakest link counts, not the product of the links, and the factor never falls below
    ``floor``: a clause whose prerequisite fails may still be carried out late or in part,
    so dependency effects are bounded and do not compound.
    """
    ids = [s.id for s in specs]
    out = np.ones_like(own)
    for k, s in enumerate(specs):
        for dep in s.depends_on:
            j = ids.index(dep)
            if s.id not in specs[j].depends_on:
                out[:, k] = np.minimum(out[:, k], own[:, j])
    return floor + (1.0 - floor) * out


def evaluate_deal(
    specs: list[ClauseSpec], U: Array, pm: dict[str, float], history: History | None = None
) -> tuple[Evaluation, Array]:
    """Evaluate a whole deal: couple reciprocal clauses, then chain the dependencies.

    Returns the evaluation (with a ``dependencies`` factor) and the counterpart-credibility
    array used, so that remedies can be re-evaluated in the same context.
    """
    first = evaluate_clauses(specs, U, pm)
    counter = _counter_credibility(specs, first.credibility)
    ev = evaluate_clauses(specs, U, pm, counter, history=history)
    deps = chain(specs, ev.p, pm["dependency_floor"])
    return ev.with_factor("dependencies", deps), counter


def constants(overrides: dict[str, float] | None = None) -> dict[str, float]:
    """All model constants, with any overrides applied."""
    return {name: dfl.parameter(name, overrides) for name in dfl.PARAMETERS}
