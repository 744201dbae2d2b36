"""SMP against KTAB's own logs: every stopping ratio, position and winning probability.

The scenarios go through the KTAB importer (``accord.load(csv)``) and the public
:func:`accord.models.smp.smp_run`; the expected values are parsed from KTAB's logs.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from tests.smp.ktab_log import CASES, KtabLog, mismatches, parse_log, render

import accord
from accord.models.smp import challenge, smp_run

FAST = ["dummyData_3Dim", "SOE-Pol-Comp"]
SLOW = ["dummyData_6Dim", "dummyData-a040", "dummyData-a080"]


def _compare(ktab: Path, name: str) -> tuple[KtabLog, KtabLog]:
    logged = parse_log(ktab / CASES[name])
    result = smp_run(accord.load(ktab / f"{name}.csv"))
    return logged, render(result.positions, result.prob, result.change)


def _check(ktab: Path, name: str) -> None:
    logged, ours = _compare(ktab, name)
    assert logged.turns > 1 and logged.positions and logged.probs  # the parser found them
    problems = (
        mismatches([logged.fractions], [ours.fractions], "Fractional change")
        + mismatches(logged.positions, ours.positions, "position history")
        + mismatches(logged.probs, ours.probs, "winning probability")
    )
    assert ours.turns == logged.turns, f"{ours.turns} turns, KTAB ran {logged.turns}"
    assert not problems, "\n".join(problems[:10])


@pytest.mark.parametrize("name", FAST)
def test_reproduces_ktab_reference_log(shared_data: Path, name: str) -> None:
    _check(shared_data / "ktab", name)


@pytest.mark.slow
@pytest.mark.parametrize("name", SLOW)
def test_reproduces_ktab_reference_run_larger(shared_data: Path, name: str) -> None:
    _check(shared_data / "ktab", name)


def test_log_actor_order_is_the_csv_order(shared_data: Path) -> None:
    ktab = shared_data / "ktab"
    logged = parse_log(ktab / CASES["dummyData_3Dim"])
    scenario = accord.load(ktab / "dummyData_3Dim.csv")
    assert logged.prob_names == [a.name for a in scenario.actors]


def test_reproduction_fails_without_the_bargain_rounding(
    shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SMP.md: dropping KTAB's 1e-4 rounding of bargains changes the trajectory; the
    # comparison above must notice such a change.
    monkeypatch.setattr(challenge, "round4", lambda z: np.asarray(z, dtype=float))
    logged, ours = _compare(shared_data / "ktab", "dummyData_3Dim")
    assert mismatches(logged.positions, ours.positions, "positions") or (
        ours.fractions != logged.fractions
    )
