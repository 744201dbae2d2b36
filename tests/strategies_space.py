"""Hypothesis strategies for agreement-space tests: small random bargaining scenarios."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from accord.errors import AccordError
from accord.scenario import Scenario, validate_data

GRID = 4  # grid points per continuous issue: keeps enumeration cheap


@st.composite
def scenario_data(
    draw: st.DrawFn,
    actors: tuple[int, int] = (2, 4),
    issues: tuple[int, int] = (2, 5),
    red_lines: bool = True,
    grid_values: bool = True,
) -> dict[str, Any]:
    """A scenario as plain data: continuous 0..100 and discrete issues, random stances.

    With ``grid_values`` positions sit on the grid (many exact ties), else anywhere.
    """
    n_a = draw(st.integers(*actors))
    n_i = draw(st.integers(*issues))
    actor_ids = [f"a{i}" for i in range(n_a)]
    out: dict[str, Any] = {
        "id": "random",
        "title": "random",
        "actors": [
            {"id": a, "name": a, "capability": draw(st.floats(0.1, 1.0))} for a in actor_ids
        ],
        "issues": [],
        "stances": {a: {} for a in actor_ids},
    }
    for k in range(n_i):
        discrete = draw(st.booleans())
        issue: dict[str, Any] = {"id": f"i{k}", "name": f"i{k}"}
        if discrete:
            m = draw(st.integers(2, 4))
            issue["options"] = [{"id": f"o{j}"} for j in range(m)]
            values: list[Any] = [f"o{j}" for j in range(m)]
            issue["reference"] = draw(st.sampled_from(values))
        else:
            issue["scale"] = {"lo": 0, "hi": 100}
            step = 100 / (GRID - 1)
            values = [round(j * step, 6) for j in range(GRID)] if grid_values else []
            issue["reference"] = draw(_number(values))
        out["issues"].append(issue)
        for a in actor_ids:
            if draw(st.integers(0, 5)) == 0:
                continue  # no stance: the actor does not care
            stance: dict[str, Any] = {
                "position": draw(st.sampled_from(values)) if discrete else draw(_number(values)),
                "salience": draw(
                    st.sampled_from([0.0, 0.25, 0.5, 1.0]) if grid_values else st.floats(0.0, 1.0)
                ),
            }
            if red_lines and not discrete and draw(st.integers(0, 3)) == 0:
                stance["red_line"] = draw(_number(values))
            out["stances"][a][f"i{k}"] = stance
    for a in actor_ids:  # every actor cares about something
        if not any(st_["salience"] > 0 for st_ in out["stances"][a].values()):
            issue = out["issues"][0]
            values = [o["id"] for o in issue["options"]] if "options" in issue else [0.0]
            out["stances"][a]["i0"] = {"position": draw(st.sampled_from(values)), "salience": 1.0}
    return out


def _number(values: list[float]) -> st.SearchStrategy[float]:
    if values:
        return st.sampled_from(values)
    return st.floats(0.0, 100.0, allow_nan=False)


@st.composite
def scenarios(draw: st.DrawFn, **kwargs: Any) -> Scenario:
    """A validated random scenario (see :func:`scenario_data`).

    Red lines the scenario checks reject (on the far side from every other actor) are dropped.
    """
    data = draw(scenario_data(**kwargs))
    try:
        return validate_data(data)
    except AccordError:
        for row in data["stances"].values():
            for stance in row.values():
                stance.pop("red_line", None)
        return validate_data(data)
