"""Pool the experts' distributions item by item, and measure how much they disagree.

The pool is the linear opinion pool (Stone 1961): the weighted mixture of the experts'
fitted distributions, equal weights by default or Cooke's performance weights. A linear pool
keeps disagreement as uncertainty: two experts sure of different values give a pool wide
enough to hold both. For each item the result keeps who answered, their weights, the pooled
5/50/95 % quantiles, the triangle the scenario will carry, the *spread* — the range of the
experts' medians as a share of the pooled 90 % interval (0: they agree; near 1: their
medians span the whole interval) — and the *outliers*, experts whose median lies outside the
90 % interval of the pool of the others.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from accord.elicit.fit import Fitted, fit_triangle, fit_triple, pool_quantiles, support
from accord.elicit.panel import Estimate, ExpertAnswers, Panel

__all__ = ["Pooled", "fit_round", "pool_round"]


@dataclass(frozen=True)
class Pooled:
    """The pool of one item."""

    item: str
    experts: tuple[str, ...]
    weights: tuple[float, ...]
    estimates: tuple[Estimate, ...]
    quantiles: tuple[float, float, float]
    triangle: tuple[float, float, float]
    spread: float
    outliers: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the pool as plain data."""
        return {
            "item": self.item,
            "experts": list(self.experts),
            "weights": list(self.weights),
            "estimates": [list(e.triple) for e in self.estimates],
            "quantiles": list(self.quantiles),
            "triangle": list(self.triangle),
            "spread": self.spread,
            "outliers": list(self.outliers),
        }


def fit_round(panel: Panel, answers: Sequence[ExpertAnswers]) -> dict[str, dict[str, Fitted]]:
    """Fit every answer of a round: item -> expert -> distribution (experts sorted by name).

    The support of an item's open sides is the intrinsic range of *all* the round's answers,
    so that leaving an expert out later changes the pool, not the others' distributions.
    """
    out: dict[str, dict[str, Fitted]] = {}
    for item_id, item in panel.items.items():
        given = {a.expert: a.items[item_id] for a in answers if item_id in a.items}
        if not given:
            continue
        lo, hi = support(item.lo, item.hi, [e.triple for e in given.values()])
        out[item_id] = {name: fit_triple(*e.triple, lo, hi) for name, e in sorted(given.items())}
    return out


def pool_round(
    panel: Panel,
    answers: Sequence[ExpertAnswers],
    fits: Mapping[str, Mapping[str, Fitted]],
    weights: Mapping[str, float] | None = None,
    *,
    leave_out: Sequence[str] = (),
) -> dict[str, Pooled]:
    """Pool every answered item (without the experts in ``leave_out``); item -> pool."""
    by_name = {a.expert: a for a in answers}
    out = {}
    for item_id, fitted in sorted(fits.items()):
        names = [n for n in sorted(fitted) if n not in leave_out]
        if not names:
            continue
        w = [1.0 if weights is None else weights.get(n, 0.0) for n in names]
        if sum(w) <= 0:  # nobody here has a performance weight: the answers count equally
            w = [1.0] * len(names)
        w = [x / sum(w) for x in w]
        out[item_id] = _pool_item(panel, item_id, names, w, by_name, fitted)
    return out


def _pool_item(
    panel: Panel,
    item_id: str,
    names: list[str],
    w: list[float],
    by_name: Mapping[str, ExpertAnswers],
    fitted: Mapping[str, Fitted],
) -> Pooled:
    item = panel.items[item_id]
    q = pool_quantiles([fitted[n] for n in names], w)
    medians = [by_name[n].items[item_id].p50 for n in names]
    width = float(q[2] - q[0])
    spread = (max(medians) - min(medians)) / width if width > 0 else 0.0
    return Pooled(
        item_id,
        tuple(names),
        tuple(w),
        tuple(by_name[n].items[item_id] for n in names),
        (float(q[0]), float(q[1]), float(q[2])),
        fit_triangle(q.tolist(), item.lo, item.hi),
        min(float(spread), 1.0),
        _outliers(names, w, medians, fitted),
    )


def _outliers(
    names: list[str], w: list[float], medians: list[float], fitted: Mapping[str, Fitted]
) -> tuple[str, ...]:
    if len(names) < 3:
        return ()
    out = []
    for k, name in enumerate(names):
        rest = [n for n in names if n != name]
        rest_w = [w[j] for j, n in enumerate(names) if n != name]
        if sum(rest_w) <= 0:
            continue
        q = pool_quantiles([fitted[n] for n in rest], rest_w)
        if not q[0] <= medians[k] <= q[2]:
            out.append(name)
    return tuple(out)
