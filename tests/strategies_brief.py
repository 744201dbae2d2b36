"""Hypothesis strategies for brief tests: small negotiations with deals on the table."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from accord.errors import AccordError
from accord.scenario import Scenario, validate_data
from tests.strategies_space import scenario_data


def _values(issue: dict[str, Any]) -> list[Any]:
    if "options" in issue:
        return [o["id"] for o in issue["options"]]
    return [0.0, 25.0, 50.0, 75.0, 100.0]


@st.composite
def negotiations(draw: st.DrawFn) -> Scenario:
    """A validated scenario with 1-3 deals of 1-3 clauses each (some waiting on others)."""
    data = draw(scenario_data(actors=(2, 4), issues=(1, 3)))
    actor_ids = [a["id"] for a in data["actors"]]
    deals = []
    for j in range(draw(st.integers(1, 3))):
        clauses: list[dict[str, Any]] = []
        for k in range(draw(st.integers(1, 3))):
            chosen = draw(st.lists(st.sampled_from(data["issues"]), min_size=1, max_size=2))
            clause: dict[str, Any] = {
                "id": f"d{j}c{k}",
                "text": f"Clause {k} of deal {j}.",
                "obligated": draw(
                    st.lists(st.sampled_from(actor_ids), min_size=1, max_size=2, unique=True)
                ),
                "sets": {i["id"]: draw(st.sampled_from(_values(i))) for i in chosen},
                "core": draw(st.booleans()) if k else True,
            }
            if clauses and draw(st.booleans()):
                clause["depends_on"] = [clauses[-1]["id"]]
            clauses.append(clause)
        deals.append({"id": f"deal{j}", "name": f"Deal {j}", "clauses": clauses})
    data["deals"] = deals
    try:
        return validate_data(data)
    except AccordError:
        for row in data["stances"].values():
            for stance in row.values():
                stance.pop("red_line", None)
        return validate_data(data)
