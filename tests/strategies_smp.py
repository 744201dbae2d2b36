"""Hypothesis strategies for Spatial Model of Politics problems (unit-scale arrays)."""

from __future__ import annotations

import numpy as np
from hypothesis import assume
from hypothesis import strategies as st


@st.composite
def smp_problems(
    draw: st.DrawFn, max_actors: int = 8, max_dims: int = 3, distinct: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(positions, saliences, capabilities)`` as KTAB reads them from a CSV.

    Positions have two decimals on 0..100, saliences are percentages with two decimals whose
    sum per actor lies in (0, 100], capabilities are positive with three decimals. With
    ``distinct``, no two actors share a capability or a position (KTAB breaks ties by actor
    order, so only then is a run independent of the order).
    """
    n = draw(st.integers(3, max_actors))
    d = draw(st.integers(1, max_dims))
    cents = st.integers(0, 10_000)
    pos = np.array([[draw(cents) for _ in range(d)] for _ in range(n)]) / 100.0 / 100.0
    raw = np.array([[draw(st.integers(1, 100)) for _ in range(d)] for _ in range(n)], float)
    share = np.array([draw(st.integers(1, 100)) for _ in range(n)], float) / 100.0
    sal = np.round(raw / raw.sum(axis=1, keepdims=True) * share[:, None] * 1e4) / 1e6
    sal = np.maximum(sal, 1e-4)
    caps = st.lists(st.integers(1, 200_000), min_size=n, max_size=n, unique=distinct)
    cap = np.array(draw(caps)) / 1000.0
    if distinct:
        far = np.linalg.norm(pos[:, None] - pos[None], axis=2) + np.eye(n) > 0.01
        assume(bool(far.all()))
    return pos, sal, cap
