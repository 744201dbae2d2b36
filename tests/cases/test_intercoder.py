"""Inter-coder check: Cohen's kappa, and the README's table is a fresh run."""

from __future__ import annotations

from importlib import resources

import pytest

from accord.cases.intercoder import ATTRIBUTES, agreement, kappa


def test_kappa() -> None:
    assert kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"]) == 0.0
    assert kappa(["a", "b"], ["b", "a"]) == pytest.approx(-1.0)


def test_at_least_forty_clauses_each_attribute_and_the_readme_says_so() -> None:
    got = agreement()
    assert set(got) == set(ATTRIBUTES) and all(d["n"] >= 40 for d in got.values())
    readme = resources.files("accord.cases").joinpath("README.md").read_text("utf-8")
    for name, d in got.items():
        row = f"| {name} | {d['n']} | {d['agree']:.2f} | {d['kappa']:.2f} |"
        assert row in readme, row
