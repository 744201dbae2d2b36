"""Fuzzing: generated and mutated scenarios through validate and every analysis.

Bounded for CI: 300 scenarios through ``validate``, 20 through every analysis (300 more under
``-m slow``). The long campaign is ``python -m tests.fuzz.campaign`` (docs/how-to/fuzzing.md).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.harness import exercise
from tests.fuzz.mutate import fuzz_scenarios

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


@settings(max_examples=300, deadline=None, suppress_health_check=_QUIET)
@given(fuzz_scenarios())
def test_validate_never_crashes(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        exercise(data, Path(folder), analyse=False)


def _analyse(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        outcome = exercise(data, Path(folder))
    for command, seconds in outcome.seconds.items():
        assert seconds < 60, f"{command} took {seconds:.0f} s on a tiny scenario"


@settings(max_examples=20, deadline=None, suppress_health_check=_QUIET)
@given(fuzz_scenarios(max_mutations=1))
def test_every_analysis_answers_what_validates(data: dict[str, Any]) -> None:
    _analyse(data)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=_QUIET)
@given(fuzz_scenarios(max_mutations=1))
def test_every_analysis_answers_what_validates_long(data: dict[str, Any]) -> None:
    _analyse(data)
