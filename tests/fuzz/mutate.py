"""Hypothesis strategies for fuzzing: valid scenarios, enriched, then mutated.

:func:`fuzz_scenarios` draws a valid scenario from :mod:`tests.strategies`, adds the optional
parts the analyses read (deal-check attributes, dependencies, third-party effects, red lines,
BATNAs, a domain, a ladder start), then applies a few mutations: a value replaced by one from
a pool of hostile values (extreme and tiny magnitudes, NaN, rich markup, mathtext, HTML, huge
text, wrong types), a key dropped, a list item duplicated (repeated ids). About half of the
mutated scenarios still validate, and those are the ones that reach the analyses.
"""

from __future__ import annotations

import copy
import random
from typing import Any

from hypothesis import strategies as st

from tests.strategies import scenarios

__all__ = ["HOSTILE", "enriched", "fuzz_scenarios", "mutants"]

HOSTILE: tuple[Any, ...] = (
    0,
    -0.0,
    1,
    -1,
    0.5,
    2,
    100,
    1e15,
    -1e15,
    1e16,
    1e308,
    -1e308,
    5e-324,
    1e-300,
    float("nan"),
    float("inf"),
    10**30,
    True,
    None,
    "",
    " ",
    "[/x]",
    "[bold]x[/bold]",
    "$\\undefinedcmd{x}$",
    "$x^2$",
    "<script>alert(1)</script>",
    "a\n# heading",
    "a|b",
    ":smile:",
    "x" * 300,
    "none",
    "a",
    [],
    {},
    ["a"],
    {"low": 2, "high": 1},
    {"low": 0, "mode": 0.5, "high": 1},
)

_CLAUSE_EXTRAS: dict[str, st.SearchStrategy[Any]] = {
    "instrument": st.sampled_from(
        ["executive", "political_declaration", "legislation", "treaty", "third_party"]
    ),
    "verification": st.sampled_from(["none", "ntm", "data_exchange", "on_site", "continuous"]),
    "detection": st.floats(0, 1),
    "false_alarm": st.floats(0, 1),
    "gain_from_cheating": st.floats(0, 50),
    "punishment": st.floats(0, 50),
    "enforcement": st.sampled_from(["none", "reciprocal_suspension", "snapback", "guarantor"]),
    "power_shift": st.one_of(st.floats(0, 1), st.sampled_from(["none", "low", "high"])),
    "horizon_years": st.floats(0, 30),
    "capacity_required": st.floats(0, 100),
    "capacity_available": st.floats(0, 100),
    "core": st.booleans(),
    "reciprocal": st.booleans(),
    "needs_ratification": st.booleans(),
    "funding_needed": st.booleans(),
    "precision": st.sampled_from(["precise", "vague"]),
    "track_record": st.floats(0, 1),
}


@st.composite
def enriched(draw: st.DrawFn) -> dict[str, Any]:
    """A valid scenario with the optional parts the analyses read."""
    data = draw(scenarios())
    actor_ids = [a["id"] for a in data["actors"]]
    if draw(st.booleans()):
        data["domain"] = draw(st.sampled_from(["security", "trade", "environment", "other"]))
    for actor in data["actors"]:
        if draw(st.booleans()):
            actor["risk"] = draw(st.floats(-1, 1))
    for deal in data.get("deals", []):
        ids = [c["id"] for c in deal["clauses"]]
        for k, clause in enumerate(deal["clauses"]):
            for key in draw(st.lists(st.sampled_from(sorted(_CLAUSE_EXTRAS)), max_size=6)):
                clause[key] = draw(_CLAUSE_EXTRAS[key])
            if k and draw(st.booleans()):
                clause["depends_on"] = [ids[draw(st.integers(0, k - 1))]]
            if draw(st.booleans()):
                clause["beneficiaries"] = [draw(st.sampled_from(actor_ids))]
            if draw(st.booleans()):
                clause["third_party_effects"] = {draw(st.sampled_from(actor_ids)): 0.3}
    return data


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            out.extend(_paths(value, (*path, key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out.extend(_paths(value, (*path, i)))
    return out


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


_KINDS = ("replace", "replace", "replace", "drop", "duplicate")


def _mutate(data: Any, path: tuple[Any, ...], kind: str, value: Any) -> None:
    parent, key = _parent(data, path), path[-1]
    if kind == "replace":
        parent[key] = copy.deepcopy(value)
    elif kind == "drop" and isinstance(parent, dict):
        del parent[key]
    elif kind == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))


@st.composite
def fuzz_scenarios(draw: st.DrawFn, max_mutations: int = 3) -> dict[str, Any]:
    """An enriched scenario with 0..``max_mutations`` hostile mutations."""
    data = copy.deepcopy(draw(enriched()))
    for _ in range(draw(st.integers(0, max_mutations))):
        path = draw(st.sampled_from(_paths(data)))
        _mutate(data, path, draw(st.sampled_from(_KINDS)), draw(st.sampled_from(HOSTILE)))
    return data


def mutants(data: dict[str, Any], rng: random.Random, k: int, max_mutations: int = 3) -> list[Any]:
    """``k`` mutants of ``data`` drawn with ``rng`` (cheap: for the long campaign)."""
    out = []
    for _ in range(k):
        mutant = copy.deepcopy(data)
        for _ in range(rng.randint(1, max_mutations)):
            paths = _paths(mutant)
            if not paths:
                break
            _mutate(mutant, rng.choice(paths), rng.choice(_KINDS), rng.choice(HOSTILE))
        out.append(mutant)
    return out
