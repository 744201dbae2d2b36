"""One brief of the default scenario, built once for the whole test module set."""

from __future__ import annotations

import json
from typing import Any

import pytest

import accord
from accord.brief import BriefResult

RUNS = 20


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave out the two slowest analyses (their sections say "not available")."""
    from accord.brief import gather

    def unavailable(*args: object, **kwargs: object) -> None:
        raise NotImplementedError("left out to keep this test fast")

    monkeypatch.setattr(gather.accord, "sensitivity", unavailable)
    monkeypatch.setattr("accord.space.analysis.analyse", unavailable)


@pytest.fixture(scope="session")
def korea_brief() -> BriefResult:
    return accord.brief("korea-2018", runs=RUNS, seed=0)


@pytest.fixture(scope="session")
def korea_html(korea_brief: BriefResult) -> str:
    return korea_brief.to_html()


@pytest.fixture(scope="session")
def korea_json(korea_brief: BriefResult) -> dict[str, Any]:
    return json.loads(korea_brief.to_json())
