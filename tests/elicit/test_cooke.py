"""Cooke's classical model: calibration, information and weights."""

from __future__ import annotations

import numpy as np
import pytest

from accord.elicit.cooke import calibration_score, cooke_weights, information_score
from accord.elicit.panel import Estimate, ExpertAnswers, Seed
from accord.errors import AccordError


def _answers(name: str, triples: list[tuple[float, float, float]]) -> ExpertAnswers:
    return ExpertAnswers(name, "", {}, {f"q{k}": Estimate(*t) for k, t in enumerate(triples)})


def test_calibrated_beats_overconfident() -> None:
    rng = np.random.default_rng(0)
    truths = rng.uniform(20, 80, 20)
    centres = truths + rng.normal(0, 10, 20)
    wide = [(c - 16.45, c, c + 16.45) for c in centres]
    narrow = [(c - 2, c, c + 2) for c in centres]
    assert calibration_score(wide, truths) > 0.05
    assert calibration_score(narrow, truths) < 1e-4


def test_narrower_intervals_are_more_informative() -> None:
    assert information_score((45, 50, 55), 0, 100) > information_score((20, 50, 80), 0, 100)


def test_weights_sum_to_one_and_favour_the_unbiased() -> None:
    rng = np.random.default_rng(1)
    truths = rng.uniform(20, 80, 12)
    seeds = {f"q{k}": Seed(f"q{k}", "", 0, 100, float(t)) for k, t in enumerate(truths)}
    noise = rng.normal(0, 8, 12)
    good = _answers(
        "good", [(t + n - 15, t + n, t + n + 15) for t, n in zip(truths, noise, strict=True)]
    )
    biased = _answers("biased", [(t + 25 - 15, t + 25, t + 25 + 15) for t in truths])
    w = cooke_weights([biased, good], seeds)
    assert sum(s.weight for s in w.values()) == pytest.approx(1.0)
    assert w["good"].weight > 0.9 and list(w) == ["biased", "good"]


def test_no_known_answers_is_the_users_error() -> None:
    with pytest.raises(AccordError, match="calibration questions"):
        cooke_weights([_answers("a", [(1, 2, 3)])], {"q0": Seed("q0", "", 0, 10)})
