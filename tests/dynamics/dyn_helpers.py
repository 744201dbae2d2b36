"""Small engine inputs built by hand for the dynamics tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from accord.dynamics.inputs import EngineInputs

ACTORS = ("us", "them", "ally")


def deal(
    p: float | list[float],
    *,
    name: str = "d",
    benefit: float = 0.5,
    q: float = 0.5,
    alpha: float = 0.02,
    credibility: float = 0.8,
    band: float = 0.0,
    hedge: float = 0.0,
    **overrides: Any,
) -> EngineInputs:
    """Two-sided deal: clause k is owed by side k % 2 to the other side (and the ally)."""
    p_arr = np.atleast_1d(np.asarray(p, float))
    K, A = len(p_arr), len(ACTORS)
    obligors = np.zeros((K, A), bool)
    obligors[np.arange(K), np.arange(K) % 2] = True
    beneficiaries = np.zeros((K, A), bool)
    beneficiaries[np.arange(K), 1 - np.arange(K) % 2] = True
    beneficiaries[:, 2] = True
    fields: dict[str, Any] = dict(
        deal=name,
        actors=ACTORS,
        clauses=tuple(f"{name}-{k}" for k in range(K)),
        p_implemented=p_arr,
        p_low=np.clip(p_arr - band, 0, 1),
        p_high=np.clip(p_arr + band, 0, 1),
        life_months=np.zeros(K),
        reversible=np.ones(K, bool),
        detection=np.full(K, q),
        false_alarm=np.full(K, alpha),
        credibility=np.full(K, credibility),
        obligors=obligors,
        beneficiaries=beneficiaries,
        benefit=beneficiaries * benefit,
        core=np.ones(K, bool),
        depends=np.zeros((K, K), bool),
        hedge=np.zeros((K, A)) + np.array([0, 0, hedge]),
        principals=np.array([True, True, False]),
        hedgers=np.array([False, False, True]),
    )
    fields.update(overrides)
    fields["benefit"] = np.asarray(fields["beneficiaries"], bool) * benefit
    return EngineInputs(**fields)


QUIET = dict(
    base_up=0.0,
    base_down=0.0,
    reciprocity=0.0,
    incentive=0.0,
    hedge_base=0.0,
    hedge_crisis=0.0,
    hedge_guarantee=0.0,
)
