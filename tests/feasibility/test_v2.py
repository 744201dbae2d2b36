"""Deal check v2: duration vs time to implement, bounded dependencies, enforcement and
monitoring, relations and linkage, and the fitted layer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from accord.cases import load_case
from accord.feasibility import check
from accord.feasibility.history import FEATURES, IDENTITY, fit, logit, shipped
from accord.feasibility.refit import main as refit


def _p(tmp_path: Path, *clauses: dict[str, Any], **kw: Any) -> dict[str, Any]:
    base = {"obligated": ["a"], "beneficiaries": ["b"], "verification": "none", "reciprocal": False}
    case = {"id": "t", "clauses": [{**base, **c} for c in clauses]}
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(case))
    r = check(load_case(path).scenario, runs=2000, seed=3, **kw)
    return {c.id: c for c in r.clauses}


def test_a_long_duration_is_not_a_long_time_to_implement(tmp_path: Path) -> None:
    got = _p(
        tmp_path,
        {"id": "now", "text": "x"},
        {"id": "lasting", "text": "x", "duration_years": 25},
        {"id": "slow", "text": "x", "horizon_years": 25},
        {"id": "once", "text": "x", "duration_years": 0},
    )
    assert got["lasting"].p_implemented == pytest.approx(got["now"].p_implemented, abs=0.01)
    assert got["slow"].p_implemented < got["now"].p_implemented - 0.1
    assert got["once"].p_implemented >= got["now"].p_implemented


def test_dependencies_are_bounded_and_do_not_compound(tmp_path: Path) -> None:
    hopeless = {"text": "x", "horizon_years": 40, "precision": "vague", "power_shift": "high"}
    got = _p(
        tmp_path,
        {"id": "w1", **hopeless},
        {"id": "w2", **hopeless},
        {"id": "w3", **hopeless},
        {"id": "alone", "text": "x"},
        {"id": "one", "text": "x", "depends_on": ["w1"]},
        {"id": "three", "text": "x", "depends_on": ["w1", "w2", "w3"]},
    )
    assert got["w1"].p_implemented < 0.2
    assert got["three"].p_implemented == pytest.approx(got["one"].p_implemented, abs=0.02)
    # floor 0.4 of its own P, which carries one sequencing hazard (0.1) however many it awaits
    assert got["three"].p_implemented >= 0.4 * 0.9 * got["alone"].p_implemented - 0.01


def test_coercion_monitoring_relations_and_linkage_each_help(tmp_path: Path) -> None:
    cheat = {"text": "x", "power_shift": "low", "reversible": True}
    got = _p(
        tmp_path,
        {"id": "plain", **cheat},
        {"id": "coerced", **cheat, "enforcement": "coercive"},
        {"id": "watched", **cheat, "monitored": True},
        {"id": "linked", **cheat, "linkage": True},
        {"id": "friends", **cheat, "relations": "cooperative"},
        {"id": "foes", **cheat, "relations": "hostile"},
    )
    plain = got["plain"].p_implemented
    for better in ("coerced", "watched", "linked", "friends"):
        assert got[better].p_implemented > plain, better
    assert got["foes"].p_implemented < plain < got["friends"].p_implemented


def test_the_shipped_layer_adds_the_librarys_view_without_changing_p(tmp_path: Path) -> None:
    got = _p(tmp_path, {"id": "c", "text": "x", "verification": "on_site"})["c"]
    layer = shipped()
    assert layer is not None and layer.n_agreements >= 48
    assert got.p_history is not None and got.p_full is not None
    assert 0 < got.p_full <= got.p_history < 1
    assert got.similar is not None and got.similar[0] >= got.similar[1] > 0
    assert any(s.name == "P(implemented), the library's view" for s in got.explain)


def test_the_fit_recovers_known_weights_and_keeps_the_prior_without_data() -> None:
    rng = np.random.default_rng(0)
    n = 4000
    lp = rng.normal(0, 1.5, n)
    x = (rng.random((n, len(FEATURES))) < 0.4).astype(float)
    true_w = np.zeros(len(FEATURES))
    true_w[0], true_w[6] = 1.0, -1.0
    eta = 0.8 * lp + x @ true_w
    u = rng.logistic(size=n)
    y = (eta + u > -2.0).astype(int) + (eta + u > 0.0) + (eta + u > 1.5)
    h = fit(lp, x, y, ridge=1e-6)
    assert h.slope == pytest.approx(0.8, abs=0.08)
    assert h.weights[0] == pytest.approx(1.0, abs=0.15)
    assert h.weights[6] == pytest.approx(-1.0, abs=0.15)
    assert h.thresholds == pytest.approx((2.0, 0.0, -1.5), abs=0.15)
    assert IDENTITY.p_at_least(2, logit(np.array([0.3])), np.zeros((1, len(FEATURES))))[
        0
    ] == pytest.approx(0.3, abs=1e-3)


@pytest.mark.slow
def test_the_shipped_weights_are_a_fresh_fit_on_the_library() -> None:
    assert refit(["--check"]) == 0
