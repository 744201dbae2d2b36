"""No result depends on the order in which a scenario lists its actors, issues, deals or clauses.

Every analysis computes in id order (``accord.scenario.canonical``, the models' batches, the
check's and the simulation's streams keyed by id). These tests list the same scenario in
other orders — reversed and shuffled — and require identical results (to 1e-9) from every
registered forecasting model, the agreement space and offers, the deal check, the simulation
and the sensitivity analysis, with the same seed. The DEU III test runs every model over all
353 issues with each issue's actors permuted and the issues themselves reordered; on the code
before this test existed it failed on ``deu3-d07013i5`` (the expected-utility model forecast
6.68 in file order and 0.55 reversed).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import accord
from accord.models import registry
from accord.models.run import batch_from_scenarios
from accord.scenario import Quantity, Scenario

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
SCENARIOS = {
    "korea-2018": "korea-2018",
    "trade-talks": str(EXAMPLES / "trade-talks.yaml"),
    "ktab-example": str(EXAMPLES / "ktab-example.csv"),
}
TOL = 1e-9


def permuted(s: Scenario, seed: int) -> Scenario:
    """The same scenario listed in another order (seed 0: everything reversed)."""
    rng = random.Random(seed)

    def order(xs: Any) -> list[Any]:
        xs = list(xs)
        if seed == 0:
            return xs[::-1]
        rng.shuffle(xs)
        return xs

    deals = [
        d.model_copy(
            update={
                "clauses": [
                    c.model_copy(
                        update={
                            "obligated": order(c.obligated),
                            "beneficiaries": order(c.beneficiaries),
                            "depends_on": order(c.depends_on),
                            "sets": dict(order(c.sets.items())),
                            "third_party_effects": dict(order(c.third_party_effects.items())),
                        }
                    )
                    for c in order(d.clauses)
                ]
            }
        )
        for d in order(s.deals)
    ]
    stances = {a: dict(order(row.items())) for a, row in order(s.stances.items())}
    return s.model_copy(
        update={
            "actors": order(s.actors),
            "issues": order(s.issues),
            "deals": deals,
            "stances": stances,
            "sources": order(s.sources),
        }
    )


def normalised(x: Any) -> Any:
    """Plain data with every list put in one order (results may list items in file order)."""
    if isinstance(x, dict):
        return {k: normalised(v) for k, v in sorted(x.items())}
    if isinstance(x, list | tuple):
        items = [normalised(v) for v in x]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, default=str))
    return x


def differences(a: Any, b: Any, path: str = "") -> list[str]:
    """Where two normalised results differ (floats by more than ``TOL``)."""
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            return [f"{path}: keys {sorted(set(a) ^ set(b))}"]
        return [d for k in a for d in differences(a[k], b[k], f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items against {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in differences(x, y)]
    if isinstance(a, float) and isinstance(b, float):
        same = a == b or abs(a - b) <= TOL or (np.isnan(a) and np.isnan(b))
        return [] if same else [f"{path}: {a!r} against {b!r}"]
    return [] if a == b else [f"{path}: {a!r} against {b!r}"]


def _forecasts(s: Scenario) -> Any:
    return {m: accord.forecast(s, model=m, runs=20, seed=1).to_dict() for m in registry.names()}


def _space(s: Scenario) -> Any:
    out = {"space": accord.space(s, seed=2).to_dict()}
    for d in s.deals:
        out[d.id] = accord.offer(s, d.id).to_dict()
    return out


def _check(s: Scenario) -> Any:
    return {d.id: accord.check(s, deal=d.id, runs=400, seed=3).to_dict() for d in s.deals}


def _simulate(s: Scenario) -> Any:
    return accord.simulate(s, runs=1500, seed=4).to_dict()


def _sensitivity(s: Scenario) -> Any:
    first = sorted(d.id for d in s.deals)[0]
    return accord.sensitivity(s, deal=first, samples=8, reps=4, seed=5).to_dict()


ANALYSES: dict[str, Callable[[Scenario], Any]] = {
    "forecast": _forecasts,
    "space": _space,
    "check": _check,
    "simulate": _simulate,
    "sensitivity": _sensitivity,
}


CASES = [
    (name, analysis)
    for name, deals in (("korea-2018", True), ("trade-talks", True), ("ktab-example", False))
    for analysis in ANALYSES
    if deals or analysis in ("forecast", "space")  # the KTAB example has no deals
]


@pytest.mark.parametrize(("name", "analysis"), CASES)
def test_every_analysis_ignores_the_listing_order(name: str, analysis: str) -> None:
    s = accord.load(SCENARIOS[name])
    run = ANALYSES[analysis]
    base = normalised(run(s))
    for seed in (0, 1):
        found = differences(base, normalised(run(permuted(s, seed))))
        assert not found, f"{analysis} of {name} changed with the order (seed {seed}): {found[:5]}"


def test_the_permutation_really_reorders() -> None:
    s = accord.load("korea-2018")
    p = permuted(s, 0)
    assert [a.id for a in p.actors] == [a.id for a in s.actors][::-1]
    assert [c.id for c in p.deals[0].clauses] == [c.id for c in s.deals[-1].clauses][::-1]
    assert differences(normalised(s.to_dict()), normalised(p.to_dict())) == []


def test_a_different_scenario_is_told_apart() -> None:
    """The comparison can fail: moving one position changes the normalised forecast."""
    s = accord.load("korea-2018")
    usa = s.stances["usa"]
    issue = next(iter(usa))
    lo, hi = s.issue(issue).bounds
    far = hi if usa[issue].position.point < (lo + hi) / 2 else lo  # type: ignore[union-attr]
    moved = usa[issue].model_copy(update={"position": Quantity(value=far)})
    other = s.model_copy(update={"stances": {**s.stances, "usa": {**usa, issue: moved}}})
    assert differences(normalised(_forecasts(s)), normalised(_forecasts(other)))


@pytest.mark.slow
def test_deu3_forecasts_ignore_actor_and_issue_order(shared_data: Path) -> None:
    from accord.scenario.formats import deu3

    scenarios = deu3.read(shared_data / "deu3" / "deu3.tsv", "equal", with_outcome=True)
    assert len(scenarios) == 353
    models = {name: registry.create(name) for name in registry.names()}

    def forecast(items: list[Scenario]) -> dict[str, dict[str, float]]:
        batch = batch_from_scenarios([(s, "issue") for s in items])
        out = {}
        for name, model in models.items():
            values = model.solve(batch).forecast
            out[name] = {s.id: float(v) for s, v in zip(items, values, strict=True)}
        return out

    base = forecast(scenarios)
    for seed in (0, 1):
        rng = random.Random(seed)
        shuffled = [permuted(s, seed) for s in scenarios]
        rng.shuffle(shuffled)
        other = forecast(shuffled)
        for name in models:
            bad = {
                k: (base[name][k], other[name][k])
                for k in base[name]
                if abs(base[name][k] - other[name][k]) > TOL
            }
            assert not bad, f"{name}: {len(bad)} issues changed, e.g. {list(bad.items())[:3]}"
