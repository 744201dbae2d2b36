"""Exchange with NegMAS (Mohammad et al., NegMAS 0.16): export a scenario, import one back.

*Export* gives a ``negmas.Scenario``: one discrete issue per Accord issue, holding the grid
values left after hard red lines (option ids for discrete issues), and per actor a
``LinearAdditiveUtilityFunction`` with weight 1 per issue and a value table of our exact
integer units times ``2**-40``. Those numbers are dyadic, so NegMAS's sums are exact too and
its utilities are ours times ``total / 2**40`` (a factor within ``1e-11`` of 1); the reserved
value is the BATNA's. Exclusions between issues cannot be expressed in a Cartesian outcome
space and are refused.

*Import* reads linear-additive utility functions back into an Accord scenario: every issue
becomes a discrete issue whose options are its values in order; an actor's position is the
option with the highest value, its salience the issue's weight times the value table's spread
(largest = 1). Only tables that fall linearly with the distance (in options) from the position
can be represented; any other table is refused, naming the issue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from accord.errors import AccordError, Problem
from accord.scenario.model import Scenario
from accord.space.problem import build_problem

__all__ = ["SCALE", "from_negmas", "to_negmas"]

SCALE = 2.0**-40
"""NegMAS utility per integer unit of ours."""


def _negmas() -> Any:
    try:
        import negmas
    except ImportError:
        raise AccordError(
            Problem("this needs NegMAS", expected="pip install 'accord[bench]'")
        ) from None
    return negmas


def to_negmas(s: Scenario, actors: Sequence[str] | None = None, **params: Any) -> Any:
    """Export ``s`` for ``actors`` as a ``negmas.Scenario`` (see the module docstring).

    ``params`` are those of :func:`accord.space.problem.build_problem` (grid, shape, ...).
    """
    if params.get("exclude"):
        raise AccordError(Problem("exclusions cannot be exported to NegMAS", path="exclude"))
    negmas = _negmas()
    from negmas.preferences import LinearAdditiveUtilityFunction

    p = build_problem(s, actors, **params)
    issues, tables = [], []
    for block in p.blocks:
        (k,) = block.members
        t = p.tables[k]
        if len(block.combos) == 0:
            raise AccordError(Problem("no option respects the red lines", path=t.issue.id))
        keys = [_key(t, int(j)) for j in block.combos[:, 0]]
        issues.append(negmas.make_issue(values=keys, name=t.issue.id))
        tables.append((t.issue.id, keys, block.table))
    space = negmas.make_os(issues, name=s.id)
    ufuns = tuple(
        LinearAdditiveUtilityFunction(
            values={
                name: {key: float(table[r, i]) * SCALE for r, key in enumerate(keys)}
                for name, keys, table in tables
            },
            weights={name: 1.0 for name, _, _ in tables},
            outcome_space=space,
            reserved_value=float(p.batna[i]) * SCALE,
            name=a,
        )
        for i, a in enumerate(p.actors)
    )
    return negmas.Scenario(outcome_space=space, ufuns=ufuns, name=s.id)


def _key(t: Any, j: int) -> float | str:
    if t.issue.options is not None:
        return str(t.issue.options[j].id)
    return float(t.values[j])


def from_negmas(scenario: Any, scenario_id: str = "from-negmas") -> Scenario:
    """Import a ``negmas.Scenario`` of linear-additive utility functions (see module doc)."""
    from accord.scenario import validate_data

    issues = list(scenario.outcome_space.issues)
    names = [str(getattr(u, "name", None) or f"actor{i}") for i, u in enumerate(scenario.ufuns)]
    data: dict[str, Any] = {
        "id": scenario_id,
        "title": f"Imported from NegMAS ({scenario_id})",
        "actors": [
            {"id": _id(n, f"actor{i}"), "name": n, "capability": 1.0} for i, n in enumerate(names)
        ],
        "issues": [_issue(issue) for issue in issues],
        "stances": {},
    }
    problems: list[Problem] = []
    for actor, ufun in zip(data["actors"], scenario.ufuns, strict=True):
        data["stances"][actor["id"]] = _stances(ufun, issues, data["issues"], problems)
    if problems:
        raise AccordError(problems)
    return validate_data(data)


def _id(text: str, fallback: str) -> str:
    clean = re.sub(r"[^A-Za-z0-9_.\-]", "_", text)
    return clean if re.match(r"^[A-Za-z0-9]", clean) and len(clean) <= 80 else fallback


def _issue(issue: Any) -> dict[str, Any]:
    values = list(issue.all)
    return {
        "id": _id(str(issue.name), "issue"),
        "name": str(issue.name),
        "options": [{"id": f"o{j}", "label": str(v)} for j, v in enumerate(values)],
    }


def _stances(
    ufun: Any, issues: list[Any], out_issues: list[dict[str, Any]], problems: list[Problem]
) -> dict[str, Any]:
    rows: dict[str, dict[str, Any]] = {}
    spreads: list[float] = []
    for k, issue in enumerate(issues):
        fun, weight = ufun.values[k], float(ufun.weights[k])
        v = weight * np.array([float(fun(x)) for x in issue.all])
        spreads.append(float(np.ptp(v)))
        pos = int(np.argmax(v))
        if not _linear(v, pos):
            problems.append(
                Problem(
                    "value table is not linear loss from one option",
                    path=f"{ufun.name}.{issue.name}",
                    expected="values falling linearly from the best option",
                )
            )
        rows[out_issues[k]["id"]] = {"position": f"o{pos}", "salience": float(np.ptp(v))}
    top = max(spreads) if spreads and max(spreads) > 0 else 1.0
    for row in rows.values():
        row["salience"] = row["salience"] / top
    return rows


def _linear(v: np.ndarray, pos: int) -> bool:
    m = len(v)
    if np.ptp(v) == 0:
        return True
    dist = np.abs(np.arange(m) - pos).astype(float)
    fit = v[pos] - np.ptp(v) * dist / dist.max()
    return bool(np.allclose(fit, v, rtol=0, atol=1e-9 * max(1.0, float(np.abs(v).max()))))
