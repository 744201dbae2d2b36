"""What ``accord validate`` checks beyond the scenario format: every input an analysis reads.

The scenario package checks the file on its own terms (types, ranges, cross-references). A few
inputs are only understood by the analysis that reads them: the simulation's parameter names
and ranges (``dynamics.params``, ``context`` entries ``dynamics.*``) and the rung the
escalation ladder starts on. ``validate`` runs those readers too, so that a file it accepts
is one every analysis accepts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from accord.errors import AccordError, Problem
from accord.scenario import Scenario

__all__ = ["preflight"]


def preflight(s: Scenario) -> list[Problem]:
    """Return the problems the analyses' own input readers find in ``s`` (empty: none)."""
    problems: list[Problem] = []
    for reader in _readers():
        try:
            reader(s)
        except AccordError as err:
            problems.extend(p for p in err.problems if p not in problems)
    return problems


def _readers() -> list[Callable[[Scenario], Any]]:
    from accord.dynamics.ladder import ladder_for
    from accord.dynamics.params import resolve_params

    return [resolve_params, ladder_for]
