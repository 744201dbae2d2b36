"""Aggregate a round into a scenario: pooled ranges, the method, and the experts as the source.

Every item the panel answered gets, in the merged scenario, the triangle fitted to its pool
(``{low, mode, high}``) and a ``source`` naming a new entry of the scenario's sources: the
experts behind the number, the round and the aggregation method. Items no expert answered
keep the scenario's value. The merged scenario is validated like any scenario file.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from accord.elicit.cooke import Score, cooke_weights
from accord.elicit.items import data_path, scenario_items
from accord.elicit.panel import ExpertAnswers, Panel
from accord.elicit.pool import Pooled, fit_round, pool_round
from accord.scenario import Scenario, validate_data

__all__ = ["METHODS", "Merged", "Weights", "merge_round", "merged_scenario"]

Weights = Literal["equal", "performance"]
METHODS = {
    "equal": "equal-weight linear pool",
    "performance": "performance-weighted linear pool (Cooke's classical model)",
}
_CITATION = (
    "Linear opinion pool of beta distributions fitted to each expert's 5/50/95 % quantiles "
    "(accord elicit merge); the range is the triangle whose 5/50/95 % match the pool's."
)


@dataclass(frozen=True)
class Merged:
    """A merged round: the scenario, each item's pool, and the experts' weights."""

    scenario: Scenario
    round: int
    method: Weights
    pooled: dict[str, Pooled]
    scores: dict[str, Score] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the merge as plain data (without the scenario itself)."""
        return {
            "scenario": self.scenario.id,
            "round": self.round,
            "method": METHODS[self.method],
            "scores": {k: v.to_dict() for k, v in self.scores.items()},
            "items": {k: v.to_dict() for k, v in self.pooled.items()},
        }


def merge_round(
    panel: Panel,
    answers: Sequence[ExpertAnswers],
    number: int,
    *,
    weights: Weights = "equal",
    alpha: float = 0.0,
    leave_out: Sequence[str] = (),
) -> Merged:
    """Pool round ``number`` (``answers``) and write the merged scenario."""
    scores = cooke_weights(answers, panel.seeds, alpha=alpha) if weights == "performance" else {}
    w = {k: s.weight for k, s in scores.items()} if scores else None
    pooled = pool_round(panel, answers, fit_round(panel, answers), w, leave_out=leave_out)
    experts = sorted(a.expert for a in answers if a.expert not in leave_out)
    scenario = merged_scenario(panel.scenario, pooled, experts, number, weights)
    return Merged(scenario, number, weights, pooled, scores)


def merged_scenario(
    base: Scenario,
    pooled: Mapping[str, Pooled],
    experts: Sequence[str],
    number: int,
    method: Weights,
) -> Scenario:
    """Return ``base`` with every pooled item replaced by its range and its panel source."""
    data = base.to_dict()
    items = {i.id: i for i in scenario_items(base)}
    taken = {s["id"] for s in data.get("sources", [])}
    ids: dict[tuple[str, ...], str] = {}
    for group in sorted({p.experts for p in pooled.values()}):
        ids[group] = _source_id(group, tuple(sorted(experts)), taken, len(ids))
        taken.add(ids[group])
        data.setdefault("sources", []).append(
            {
                "id": ids[group],
                "title": f"Expert panel ({', '.join(group)}), round {number}: {METHODS[method]}",
                "citation": _CITATION,
            }
        )
    for item_id, p in sorted(pooled.items()):
        bounds = (items[item_id].lo, items[item_id].hi)
        _set(data, data_path(base, item_id), _quantity(p, ids[p.experts], bounds))
    data.setdefault("context", {})["elicitation"] = (
        f"{len(experts)} experts ({', '.join(experts)}), round {number}, {METHODS[method]}"
    )
    return validate_data(data, f"<panel merge of {base.id}>")


def _source_id(group: tuple[str, ...], everyone: tuple[str, ...], taken: set[str], k: int) -> str:
    name = "panel" if group == everyone else "panel-" + "-".join(group)
    if len(name) > 80 or name in taken:
        name = f"panel-group{k + 1}"
    while name in taken:
        name += "x"
    return name


def _quantity(p: Pooled, source: str, bounds: tuple[float, float]) -> dict[str, Any]:
    """Return the range to write: four significant digits of its width, inside the bounds."""
    low, mode, high = p.triangle
    digits = 3 - math.floor(math.log10(high - low)) if high > low else 6
    low, mode, high = (min(max(round(x, digits), bounds[0]), bounds[1]) for x in p.triangle)
    if high - low <= 0:
        return {"value": mode, "source": source}
    return {"low": low, "mode": mode, "high": high, "source": source}


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value
