"""Fixtures of the workspace tests: a migrated store on SQLite and on PostgreSQL.

The PostgreSQL store is the database in ``ACCORD_TEST_PG_URL`` (``.ci/services.sh`` starts one
and prints the variable); its ``public`` schema is emptied before each test, so every test
migrates up from an empty database. Locally, without the variable, those tests skip with the
reason; under CI a skip fails the run (tests/conftest.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")

from sqlalchemy import Engine, create_engine, text

from accord.web.store import database_url, open_engine

PG_URL = os.environ.get("ACCORD_TEST_PG_URL", "")


def empty_postgres() -> str:
    """The PostgreSQL URL with an emptied schema (skip when none is configured)."""
    if not PG_URL:
        pytest.skip('ACCORD_TEST_PG_URL is not set (run `eval "$(.ci/services.sh)"`)')
    url = database_url(PG_URL, Path("."))
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database's URL: an SQLite file, or the test PostgreSQL emptied."""
    if request.param == "sqlite":
        return database_url(None, tmp_path)
    return empty_postgres()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A store migrated up from an empty database."""
    eng = open_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[Any]:
    """Build TestClients over fresh stores (closed at the end of the test)."""
    from fastapi.testclient import TestClient

    from accord.web.app import create_app
    from accord.web.settings import Settings

    opened: list[TestClient] = []

    def make(db_url: str | None = None, **settings: Any) -> TestClient:
        url = db_url or database_url(None, tmp_path)
        client = TestClient(create_app(Settings(db_url=url, author="ana", **settings)))
        client.__enter__()
        opened.append(client)
        client.get("/")  # sets the CSRF cookie, as opening the page does
        client.headers["X-CSRF-Token"] = client.cookies.get("accord_csrf") or ""
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)
