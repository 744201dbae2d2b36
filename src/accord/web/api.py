"""The JSON API (``/api``); its OpenAPI document is at ``/openapi.json``.

Errors answer ``{"ok": false, "problems": [...]}`` with the CLI's problems (field, expected,
found): 422 for invalid input, 404 for something that does not exist, 409 for a save based on
a revision that is no longer the newest (with what changed since and what the save changes).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from accord.errors import AccordError, Problem
from accord.web.jobs import FINAL
from accord.web.workspace import Workspace

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

Sid = Annotated[str, Path(min_length=1, max_length=120)]
Rev = Annotated[int, Path(ge=1, le=1_000_000)]
JobId = Annotated[str, Path(min_length=1, max_length=36)]
Edits = dict[Annotated[str, Field(max_length=300)], Annotated[str, Field(max_length=10_000)]]


class Upload(BaseModel):
    """A scenario file's text."""

    text: str = Field(max_length=2 * 2**20)
    format: Literal["yaml", "json"] = "yaml"
    message: str = Field("", max_length=2000)


class Save(BaseModel):
    """Edits to save on top of revision ``base``."""

    base: int = Field(ge=1, le=1_000_000)
    edits: Edits = Field(default_factory=dict)
    message: str = Field("", max_length=2000)


class Restore(BaseModel):
    """Restore on top of revision ``base``."""

    base: int = Field(ge=1, le=1_000_000)


class WhatIfIn(BaseModel):
    """Edits to try on revision ``base``, unsaved."""

    base: int = Field(ge=1, le=1_000_000)
    edits: Edits = Field(default_factory=dict)
    deal: str | None = Field(None, max_length=120)


class JobIn(BaseModel):
    """A job to start."""

    kind: Literal["simulate", "sensitivity", "brief"]
    params: dict[Annotated[str, Field(max_length=40)], int | str | None] = Field(
        default_factory=dict
    )


def _ws(request: Request) -> Workspace:
    ws: Workspace = request.app.state.ws
    return ws


@router.get("/scenarios")
def scenarios(request: Request) -> list[dict[str, Any]]:
    """List every scenario's newest revision."""
    return [s.summary() for s in _ws(request).revisions.scenarios()]


@router.post("/scenarios", status_code=201)
def import_scenario(request: Request, body: Upload) -> dict[str, Any]:
    """Import a scenario (YAML or JSON text) as a new scenario's revision 1."""
    raw = body.text.encode("utf-8")
    saved = _ws(request).upload(raw, f"upload.{body.format}", request.state.user)
    return saved.summary()


@router.get("/scenarios/{sid}")
def scenario(request: Request, sid: Sid) -> dict[str, Any]:
    """Return the newest revision with its inputs."""
    head = _ws(request).head(sid)
    return {**head.summary(), "data": head.data}


@router.get("/scenarios/{sid}/revisions")
def history(request: Request, sid: Sid) -> list[dict[str, Any]]:
    """List every revision, newest first."""
    _ws(request).head(sid)
    return [r.summary() for r in _ws(request).revisions.history(sid)]


@router.get("/scenarios/{sid}/revisions/{number}")
def revision(request: Request, sid: Sid, number: Rev) -> dict[str, Any]:
    """Return one revision with its inputs."""
    saved = _ws(request).revisions.get(sid, number)
    return {**saved.summary(), "data": saved.data}


@router.post("/scenarios/{sid}/revisions", status_code=201)
def save(request: Request, sid: Sid, body: Save) -> dict[str, Any]:
    """Save edits as a new revision (409 if ``base`` is not the newest)."""
    saved, new = _ws(request).save(sid, body.base, body.edits, request.state.user, body.message)
    return {**saved.summary(), "new": new}


@router.post("/scenarios/{sid}/revisions/{number}/restore", status_code=201)
def restore(request: Request, sid: Sid, number: Rev, body: Restore) -> dict[str, Any]:
    """Save an old revision's inputs as the newest revision."""
    return _ws(request).restore(sid, number, body.base, request.state.user).summary()


@router.post("/scenarios/{sid}/whatif")
def whatif(request: Request, sid: Sid, body: WhatIfIn) -> dict[str, Any]:
    """Run forecast, space and check on edited inputs, unsaved, beside the base revision."""
    return _ws(request).whatif(sid, body.base, body.edits, body.deal).to_dict()


@router.get("/scenarios/{sid}/diff")
def compare(
    request: Request,
    sid: Sid,
    a: Annotated[int, Query(ge=1, le=1_000_000)],
    b: Annotated[int, Query(ge=1, le=1_000_000)],
) -> dict[str, Any]:
    """Return what changed from revision ``a`` to ``b``, in the inputs and the results."""
    return _ws(request).compare(sid, a, b)


@router.get("/scenarios/{sid}/revisions/{number}/results")
def results(
    request: Request,
    sid: Sid,
    number: Rev,
    deal: Annotated[str | None, Query(max_length=120)] = None,
) -> dict[str, Any]:
    """Return the fast results (forecast, space, check) of a revision."""
    ws = _ws(request)
    saved = ws.revisions.get(sid, number)
    return ws.results(saved, _known_deal(saved.data, deal))


def _known_deal(data: dict[str, Any], deal: str | None) -> str | None:
    ids = sorted(d["id"] for d in data.get("deals", []))
    if deal is not None and deal not in ids:
        raise AccordError(
            Problem("no such deal", path="deal", expected=" | ".join(ids), found=deal)
        )
    return deal


@router.get("/scenarios/{sid}/revisions/{number}/trace")
def trace(
    request: Request,
    sid: Sid,
    number: Rev,
    deal: Annotated[str, Query(min_length=1, max_length=120)],
    clause: Annotated[str, Query(min_length=1, max_length=120)],
) -> dict[str, Any]:
    """Trace a clause's verdict to its inputs and where each was last changed."""
    return _ws(request).trace(sid, number, deal, clause)


@router.post("/scenarios/{sid}/revisions/{number}/jobs", status_code=201)
def start_job(request: Request, sid: Sid, number: Rev, body: JobIn) -> dict[str, Any]:
    """Start a simulation, sensitivity analysis or brief of a revision."""
    ws = _ws(request)
    ws.revisions.get(sid, number)
    job = ws.jobs.start(sid, number, body.kind, dict(body.params), request.state.user)
    return job.to_dict()


@router.get("/jobs/{job_id}")
def job(request: Request, job_id: JobId) -> dict[str, Any]:
    """Return a job's state and, when done, its result."""
    return _ws(request).jobs.get(job_id).to_dict(with_result=True)


@router.post("/jobs/{job_id}/cancel")
def cancel(request: Request, job_id: JobId) -> dict[str, Any]:
    """Ask a job to stop."""
    return _ws(request).jobs.cancel(job_id, request.state.user).to_dict()


@router.get("/jobs/{job_id}/files/{name}")
def job_file(
    request: Request, job_id: JobId, name: Annotated[str, Path(max_length=80)]
) -> Response:
    """Download a file a job produced (a brief as HTML, PDF, Markdown or JSON)."""
    media, data = _ws(request).jobs.artifact(job_id, name)
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(data, media_type=media, headers=headers)


@router.get("/jobs/{job_id}/events", response_class=StreamingResponse)
def events(request: Request, job_id: JobId) -> StreamingResponse:
    """Stream a job's progress as server-sent events until it ends."""
    ws = _ws(request)
    ws.jobs.get(job_id)
    return StreamingResponse(_stream(ws, job_id), media_type="text/event-stream")


async def _stream(ws: Workspace, job_id: str) -> AsyncIterator[str]:
    last = None
    while True:
        view = await asyncio.to_thread(ws.jobs.get, job_id)
        state = view.to_dict()
        if state != last:
            yield f"event: progress\ndata: {json.dumps(state)}\n\n"
            last = state
        if view.status in FINAL:
            yield f"event: end\ndata: {json.dumps(state)}\n\n"
            return
        await asyncio.sleep(0.25)


@router.get("/audit")
def audit(request: Request) -> list[dict[str, Any]]:
    """Return the newest entries of the audit log (admins only when users are configured)."""
    return _ws(request).audit()
