"""Hypothesis strategies for forecasting models: raw one-issue problems as plain lists."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st


@st.composite
def eum_problems(draw: st.DrawFn, min_actors: int = 2, max_actors: int = 7) -> dict[str, Any]:
    """Actors with capability, position on a 0..100 grid of 21 points, and salience."""
    n = draw(st.integers(min_actors, max_actors))
    grid = st.integers(0, 20).map(lambda v: 5.0 * v)
    return {
        "x": draw(st.lists(grid, min_size=n, max_size=n)),
        "c": draw(st.lists(st.floats(0.05, 1.0), min_size=n, max_size=n)),
        "s": draw(st.lists(st.floats(0.05, 1.0), min_size=n, max_size=n)),
    }


def scenario_data(
    x: list[float],
    c: list[float],
    s: list[float],
    *,
    lo: float = 0.0,
    hi: float = 100.0,
    reference: float | None = None,
) -> dict[str, Any]:
    """A one-issue scenario (plain data) from position, capability and salience lists."""
    issue: dict[str, Any] = {"id": "issue", "name": "Issue", "scale": {"lo": lo, "hi": hi}}
    if reference is not None:
        issue["reference"] = reference
    return {
        "id": "generated",
        "title": "Generated",
        "actors": [
            {"id": f"a{i:03d}", "name": f"A{i:03d}", "capability": ci} for i, ci in enumerate(c)
        ],
        "issues": [issue],
        "stances": {
            f"a{i:03d}": {"issue": {"position": xi, "salience": si}}
            for i, (xi, si) in enumerate(zip(x, s, strict=True))
        },
    }
