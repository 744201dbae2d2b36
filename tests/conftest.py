"""Shared fixtures: where the shared data lives, and what a missing piece means.

Locally a test that needs ``../shared/data`` (or an optional package) is skipped with its
reason. Under CI (``CI=true``) nothing may be skipped: the reference checks (KTAB, Scholz,
DEU III, the case library) must run, so a missing ``../shared/data`` fails the test that
needs it, and any other skip fails the session with the list of what was skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORD_SHARED", ROOT.parent / "shared"))
IN_CI = os.environ.get("CI", "").lower() == "true"
_SKIPPED: list[str] = []


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The folder ``../shared/data``: skipped when absent locally, a failure under CI."""
    path = SHARED / "data"
    if not path.is_dir():
        reason = f"shared data not found at {path} (set ACCORD_SHARED to its parent)"
        if IN_CI:
            pytest.fail(f"CI=true and {reason}: the reference tests cannot run", pytrace=False)
        pytest.skip(reason)
    return path


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Remember every skipped test (for the CI rule below)."""
    if report.skipped:
        _SKIPPED.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI a skipped test is a failure: print the list and fail the session."""
    if IN_CI and _SKIPPED and exitstatus == 0:
        print(f"\nCI=true: {len(_SKIPPED)} test(s) skipped, which CI does not allow:")
        for nodeid in _SKIPPED:
            print(f"  {nodeid}")
        session.exitstatus = 1
