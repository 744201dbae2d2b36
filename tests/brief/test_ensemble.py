"""The ensemble's weights come from the DEU III backtest table in the docs, not from memory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accord.brief import ensemble

DOC = Path(__file__).resolve().parents[2] / "docs/explanation/deu3-backtest.md"


def test_weights_use_the_published_out_of_sample_errors() -> None:
    rows = re.findall(r"^\| model \| ([\w-]+) \| \d+ \| ([\d.]+) \|", DOC.read_text(), re.M)
    assert dict((m, float(e)) for m, e in rows) == ensemble.DEU3_MAE


def test_weights_are_inverse_errors_summing_to_one() -> None:
    w = ensemble.weights(["weighted-mean", "nash", "unknown-model"])
    assert set(w) == {"weighted-mean", "nash"} and sum(w.values()) == pytest.approx(1.0)
    assert w["weighted-mean"] / w["nash"] == pytest.approx(38.34 / 23.68)


def test_combine_renormalises_over_the_models_present() -> None:
    w = ensemble.weights(["weighted-mean", "nash"])
    assert ensemble.combine({"nash": 40.0}, w) == pytest.approx(40.0)
    assert ensemble.combine({}, w) is None
    assert ensemble.display("nash") == "Nash model"
