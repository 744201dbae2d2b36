"""Schemathesis against the OpenAPI document: generated requests never cause a server error.

Every operation of the document gets requests generated from its schema (valid and invalid
bodies, paths and queries); the check is schemathesis' ``not_a_server_error``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from accord.web.app import create_app
from accord.web.settings import Settings
from accord.web.store import database_url

KNOWN = {"sid": "korea-2018", "number": 1}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder: Path = tmp_path_factory.mktemp("schema")
    app = create_app(Settings(db_url=database_url(None, folder), rate_per_minute=100_000))
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.ws.close()


@pytest.mark.slow  # some hundred generated requests
def test_every_operation_answers_without_a_server_error(api_schema: Any) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    seen: dict[int, int] = {}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: Any) -> None:
            for real in (False, True):  # as generated, then on the scenario that exists
                if real and case.path_parameters:
                    case.path_parameters.update(
                        {k: v for k, v in KNOWN.items() if k in case.path_parameters}
                    )
                response = case.call()
                seen[response.status_code] = seen.get(response.status_code, 0) + 1
                case.validate_response(response, checks=[not_a_server_error])

        check()
    print(sorted(seen.items()))
    assert sum(n for code, n in seen.items() if code < 300) > 0  # not only refusals
