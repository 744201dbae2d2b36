"""Hypothesis strategies for the post-deal simulation: random engine inputs."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from accord.dynamics.inputs import EngineInputs


@st.composite
def engine_inputs(draw: st.DrawFn, max_clauses: int = 4) -> EngineInputs:
    """Random but valid per-clause arrays among 2-4 actors."""
    A = draw(st.integers(2, 4))
    K = draw(st.integers(0, max_clauses))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    p = rng.uniform(0, 1, K)
    low, high = p * rng.uniform(0.5, 1, K), p + (1 - p) * rng.uniform(0, 1, K)
    obligors = np.zeros((K, A), bool)
    obligors[np.arange(K), rng.integers(0, 2, K)] = True
    beneficiaries = ~obligors & (rng.uniform(size=(K, A)) < 0.7)
    depends = np.zeros((K, K), bool)
    if K > 1 and draw(st.booleans()):
        depends[K - 1, 0] = True
    return EngineInputs(
        deal="random",
        actors=tuple(f"a{i}" for i in range(A)),
        clauses=tuple(f"c{k}" for k in range(K)),
        p_implemented=p,
        p_low=low,
        p_high=high,
        life_months=rng.choice([0.0, 12.0, 36.0], K),
        reversible=rng.uniform(size=K) < 0.5,
        detection=rng.uniform(0, 1, K),
        false_alarm=rng.uniform(0, 0.1, K),
        credibility=rng.uniform(0, 1, K),
        obligors=obligors,
        beneficiaries=beneficiaries,
        benefit=beneficiaries * rng.uniform(0, 1, (K, A)),
        core=rng.uniform(size=K) < 0.7,
        depends=depends,
        hedge=rng.uniform(0, 1, (K, A)) * (np.arange(A) >= 2),
        principals=np.arange(A) < 2,
        hedgers=np.arange(A) >= 2,
    )
