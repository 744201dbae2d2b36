"""Security of the workspace: binding, users and roles, CSRF, limits, hashing."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.errors import AccordError
from accord.web.app import create_app
from accord.web.security import add_user
from accord.web.settings import Settings
from accord.web.store import database_url, open_engine
from accord.web.store.tables import User

VERIFY = "deals/modest-agenda/clauses/ma-relief/verification"


def _basic(name: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{name}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def test_binding_beyond_localhost_needs_users(tmp_path: Path) -> None:
    with pytest.raises(AccordError, match="no user is configured"):
        create_app(Settings(db_url=database_url(None, tmp_path), host="0.0.0.0"))


def test_users_roles_and_hashed_passwords(tmp_path: Path, make_client: Any) -> None:
    url = database_url(None, tmp_path)
    engine = open_engine(url)
    add_user(engine, "vic", "viewer-password", "viewer")
    add_user(engine, "eve", "editor-password", "editor")
    with Session(engine) as session:
        stored = session.scalars(select(User.password_hash)).all()
    assert all(h.startswith("$argon2id$") and "password" not in h for h in stored)
    with pytest.raises(AccordError) as err:
        add_user(engine, "x:y", "short", "boss")
    assert len(err.value.problems) == 3
    engine.dispose()
    client = make_client(url, host="0.0.0.0")
    assert client.get("/api/scenarios").status_code == 401
    assert client.get("/api/scenarios", headers=_basic("vic", "wrong-password")).status_code == 401
    assert client.get("/api/scenarios", headers=_basic("vic", "viewer-password")).status_code == 200
    body = {"base": 1, "edits": {VERIFY: "none"}, "message": "m"}
    api = "/api/scenarios/korea-2018/revisions"
    refused = client.post(api, json=body, headers=_basic("vic", "viewer-password"))
    assert refused.status_code == 403 and "editor" in refused.text
    saved = client.post(api, json=body, headers=_basic("eve", "editor-password"))
    assert saved.status_code == 201 and saved.json()["author"] == "eve"
    assert client.get("/api/audit", headers=_basic("eve", "editor-password")).status_code == 403


def test_forms_need_the_csrf_token(make_client: Any) -> None:
    client = make_client()
    form = {"base": "1", VERIFY: "none"}
    assert client.post("/s/korea-2018/save", data=form).status_code == 200
    del client.headers["X-CSRF-Token"]
    refused = client.post("/s/korea-2018/save", data={**form, VERIFY: "ntm"})
    assert refused.status_code == 403 and "CSRF" in refused.text
    forged = client.post("/s/korea-2018/save", data=form, headers={"X-CSRF-Token": "guess"})
    assert forged.status_code == 403
    # the JSON API is not a form: a foreign page cannot send JSON without a CORS preflight
    assert client.post("/api/scenarios/korea-2018/whatif", json={"base": 1}).status_code == 200


def test_upload_size_and_rate_limits(make_client: Any) -> None:
    client = make_client(max_upload=10_000, rate_per_minute=3)
    big = client.post("/upload", files={"file": ("big.yaml", b"x" * 20_000)})
    assert big.status_code == 413
    url = "/api/scenarios/korea-2018/whatif"
    codes = [client.post(url, json={"base": 1}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]  # the refused upload was not counted


def test_audit_log_records_changes(make_client: Any) -> None:
    client = make_client()
    client.post("/s/korea-2018/save", data={"base": "1", VERIFY: "none", "message": "why"})
    rows = client.get("/api/audit").json()
    assert rows[0]["action"] == "save" and rows[0]["target"] == "korea-2018@2"
    assert rows[0]["detail"] == "why" and rows[0]["user"] == "ana"
    assert "korea-2018@2" in client.get("/audit").text
