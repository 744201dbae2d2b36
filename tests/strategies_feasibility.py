"""Hypothesis strategies for the deal check's formulas."""

from __future__ import annotations

from hypothesis import strategies as st

prob = st.floats(0.001, 0.999, allow_nan=False)
positive = st.floats(0.01, 20.0, allow_nan=False)
discount = st.floats(0.5, 0.98, allow_nan=False)
shift = st.floats(0.0, 0.5, allow_nan=False)
