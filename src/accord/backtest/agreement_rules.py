"""One-line rules for the agreements backtest, and the choice of the best one out of sample.

A rule says "implemented" or not from one attribute knowable at signing. Its probability for a
clause is the rate of implementation among the training clauses on the same side of the rule
(smoothed by one pseudo-clause at the training base rate). The best rule is chosen inside each
training fold (lowest training Brier score), so the rule reported beside the model is scored
on agreements that played no part in choosing it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from accord.feasibility.spec import ClauseSpec
from accord.scenario.model import Instrument, Verification

__all__ = ["RULES", "best_rule_loao", "flags", "rule_rates"]

_VERIFIED = {Verification.data_exchange, Verification.on_site, Verification.continuous}

RULES: dict[str, Callable[[ClauseSpec], bool]] = {
    "verified and precise": lambda s: s.verification in _VERIFIED and s.precise,
    "verified": lambda s: s.verification in _VERIFIED,
    "precise": lambda s: s.precise,
    "monitored by an outside body": lambda s: s.monitored,
    "parties not hostile": lambda s: s.relations != "hostile",
    "one-off act": lambda s: s.duration == 0.0 or not s.reversible,
    "done within a year": lambda s: s.inputs["horizon"].point <= 1.0,
    "no large power shift": lambda s: s.inputs["power_shift"].point < 0.3,
    "not a political declaration": lambda s: s.instrument is not Instrument.political_declaration,
    "waits on no other clause": lambda s: not s.depends_on,
}
"""Rule name -> the attribute test ("implemented" when true)."""


def flags(spec: ClauseSpec) -> np.ndarray:
    """Every rule's verdict on one clause, in the order of :data:`RULES`."""
    return np.array([rule(spec) for rule in RULES.values()], dtype=bool)


def rule_rates(train: np.ndarray, y: np.ndarray, flag: np.ndarray) -> tuple[float, float]:
    """(P if the rule holds, P if not) from the training clauses, smoothed."""
    rate = float(y[train].mean()) if train.any() else 0.5
    out = []
    for value in (True, False):
        sel = train & (flag == value)
        out.append((float(y[sel].sum()) + rate) / (float(sel.sum()) + 1.0))
    return out[0], out[1]


def _brier_of(train: np.ndarray, y: np.ndarray, flag: np.ndarray) -> float:
    hit, miss = rule_rates(train, y, flag)
    p = np.where(flag, hit, miss)
    return float(np.mean((p[train] - y[train]) ** 2))


def best_rule_loao(
    group: np.ndarray, y: np.ndarray, F: np.ndarray
) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Leave one agreement out: choose the best rule on the others, apply it to the one left.

    Returns the probabilities, the yes/no verdicts, and how often each rule was chosen.
    """
    p, verdict = np.zeros(len(y)), np.zeros(len(y), dtype=bool)
    chosen = dict.fromkeys(RULES, 0)
    names = list(RULES)
    for g in np.unique(group):
        test, train = group == g, group != g
        j = min(range(len(names)), key=lambda i: (_brier_of(train, y, F[:, i]), i))
        chosen[names[j]] += 1
        hit, miss = rule_rates(train, y, F[:, j])
        p[test] = np.where(F[test, j], hit, miss)
        verdict[test] = F[test, j]
    return p, verdict, chosen
