"""The server-rendered pages (Jinja2, autoescaped) and their HTMX fragments.

Forms post with HTMX, which sends the page's CSRF token in a header; a fragment answers each
post, with the CLI's problems (field, expected, found) in place of results when the input is
invalid. Nothing from a scenario is rendered unescaped.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

import accord
from accord.errors import AccordError
from accord.scenario import Verification
from accord.scenario.model import Instrument
from accord.web.analyses import FAST
from accord.web.security import CSRF_COOKIE, new_token
from accord.web.store import ConflictError
from accord.web.workspace import Workspace, bottom_line

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("accord.web").joinpath("templates")))
templates.env.autoescape = True  # every template, whatever its file name (*.html.j2)
templates.env.globals["VERIFICATIONS"] = [v.value for v in Verification]
templates.env.globals["INSTRUMENTS"] = [i.value for i in Instrument]
templates.env.globals["FAST"] = FAST

Sid = Annotated[str, Path(min_length=1, max_length=120)]
Rev = Annotated[int, Path(ge=1, le=1_000_000)]
_RESERVED = frozenset({"base", "deal", "message", "author"})


def _ws(request: Request) -> Workspace:
    ws: Workspace = request.app.state.ws
    return ws


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    token = request.cookies.get(CSRF_COOKIE) or new_token()
    context.update(csrf=token, user=request.state.user, local=_ws(request).settings.local)
    response = templates.TemplateResponse(request, name, context)
    if CSRF_COOKIE not in request.cookies:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


def _fragment(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


async def _edits(request: Request) -> tuple[dict[str, str], dict[str, str]]:
    """Split a posted form into scenario edits (paths with '/') and the other fields."""
    form = await request.form()
    fields = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    edits = {k: v for k, v in fields.items() if "/" in k and k not in _RESERVED}
    return edits, fields


def _int(text: str | None, default: int = 0) -> int:
    return int(text) if text and text.isdigit() and len(text) < 8 else default


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    """List the scenarios; import one."""
    ws = _ws(request)
    return _page(
        request, "index.html.j2", heads=ws.revisions.scenarios(), builtins=accord.builtin_names()
    )


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request, file: Annotated[UploadFile, File()]) -> HTMLResponse:
    """Import an uploaded scenario file."""
    raw = await file.read(_ws(request).settings.max_upload + 1)
    try:
        saved = _ws(request).upload(raw, file.filename or "upload", request.state.user)
    except AccordError as err:
        return _fragment(request, "_problems.html.j2", problems=err.problems)
    return _fragment(request, "_imported.html.j2", saved=saved)


@router.post("/import", response_class=HTMLResponse)
def import_builtin(request: Request, name: Annotated[str, Form(max_length=120)]) -> HTMLResponse:
    """Import a built-in scenario."""
    try:
        saved = _ws(request).import_scenario(accord.load(name), request.state.user, "built-in")
    except AccordError as err:
        return _fragment(request, "_problems.html.j2", problems=err.problems)
    return _fragment(request, "_imported.html.j2", saved=saved)


@router.get("/s/{sid}", response_class=HTMLResponse)
def scenario_page(
    request: Request, sid: Sid, deal: Annotated[str | None, Query(max_length=120)] = None
) -> HTMLResponse:
    """Show the workspace of one scenario: what-if form, results, jobs."""
    ws = _ws(request)
    head = ws.head(sid)
    result = ws.whatif(sid, head.number, {}, deal)
    return _page(
        request,
        "scenario.html.j2",
        head=head,
        scenario=head.scenario_object(),
        w=result,
        line=bottom_line(result.results, result.deal),
        was=bottom_line(result.before, result.deal),
        jobs=ws.jobs.of_scenario(sid)[:10],
    )


@router.post("/s/{sid}/whatif", response_class=HTMLResponse)
async def whatif(request: Request, sid: Sid) -> HTMLResponse:
    """Re-run the fast analyses on the form's edits (unsaved)."""
    edits, fields = await _edits(request)
    try:
        w = _ws(request).whatif(sid, _int(fields.get("base"), 1), edits, fields.get("deal"))
    except AccordError as err:
        return _fragment(request, "_problems.html.j2", problems=err.problems)
    line, was = bottom_line(w.results, w.deal), bottom_line(w.before, w.deal)
    return _fragment(request, "_results.html.j2", w=w, line=line, was=was, sid=sid)


@router.post("/s/{sid}/save", response_class=HTMLResponse)
async def save(request: Request, sid: Sid) -> HTMLResponse:
    """Save the form's edits as a new revision, or explain why not."""
    edits, fields = await _edits(request)
    author = _author(request, fields)
    try:
        saved, new = _ws(request).save(
            sid, _int(fields.get("base"), 1), edits, author, fields.get("message", "")[:2000]
        )
    except ConflictError as err:
        return _fragment(request, "_conflict.html.j2", err=err, sid=sid)
    except AccordError as err:
        return _fragment(request, "_problems.html.j2", problems=err.problems)
    return _fragment(request, "_saved.html.j2", saved=saved, new=new)


def _author(request: Request, fields: dict[str, str]) -> str:
    if _ws(request).settings.local and fields.get("author", "").strip():
        return fields["author"].strip()[:120]
    return str(request.state.user)


@router.get("/s/{sid}/history", response_class=HTMLResponse)
def history(request: Request, sid: Sid) -> HTMLResponse:
    """Every revision, with diff, restore and brief."""
    ws = _ws(request)
    head = ws.head(sid)
    return _page(request, "history.html.j2", head=head, revisions=ws.revisions.history(sid))


@router.post("/s/{sid}/restore/{number}", response_class=HTMLResponse)
async def restore(request: Request, sid: Sid, number: Rev) -> HTMLResponse:
    """Save an old revision's inputs again as the newest."""
    _, fields = await _edits(request)
    try:
        saved = _ws(request).restore(
            sid, number, _int(fields.get("base"), 1), _author(request, fields)
        )
    except ConflictError as err:
        return _fragment(request, "_conflict.html.j2", err=err, sid=sid)
    except AccordError as err:
        return _fragment(request, "_problems.html.j2", problems=err.problems)
    return _fragment(request, "_saved.html.j2", saved=saved, new=True)


@router.get("/s/{sid}/diff", response_class=HTMLResponse)
def diff_page(
    request: Request,
    sid: Sid,
    a: Annotated[int, Query(ge=1, le=1_000_000)],
    b: Annotated[int, Query(ge=1, le=1_000_000)],
) -> HTMLResponse:
    """Show what changed between two revisions, in inputs and results."""
    return _page(request, "diff.html.j2", d=_ws(request).compare(sid, a, b), sid=sid)


@router.get("/s/{sid}/edit", response_class=HTMLResponse)
def edit_page(request: Request, sid: Sid) -> HTMLResponse:
    """Edit the whole scenario as YAML."""
    head = _ws(request).head(sid)
    return _page(request, "edit.html.j2", head=head, text=head.scenario_object().to_yaml())


@router.post("/s/{sid}/edit", response_class=HTMLResponse)
async def edit_save(request: Request, sid: Sid) -> HTMLResponse:
    """Validate and save the YAML text."""
    _, fields = await _edits(request)
    try:
        saved = _ws(request).save_text(
            sid,
            _int(fields.get("base"), 1),
            fields.get("text", ""),
            _author(request, fields),
            fields.get("message", "")[:2000],
        )
    except ConflictError as err:
        return _fragment(request, "_conflict.html.j2", err=err, sid=sid)
    except AccordError as err:
        return _fragment(request, "_problems.html.j2", problems=err.problems)
    return _fragment(request, "_saved.html.j2", saved=saved, new=True)


@router.get("/s/{sid}/r/{number}/clause/{deal}/{clause}", response_class=HTMLResponse)
def clause_page(
    request: Request,
    sid: Sid,
    number: Rev,
    deal: Annotated[str, Path(max_length=120)],
    clause: Annotated[str, Path(max_length=120)],
) -> HTMLResponse:
    """Trace a clause's verdict to its inputs and the revisions that last changed them."""
    return _page(request, "clause.html.j2", t=_ws(request).trace(sid, number, deal, clause))


@router.get("/s/{sid}/r/{number}/view", response_class=HTMLResponse)
def view(
    request: Request,
    sid: Sid,
    number: Rev,
    deal: Annotated[str | None, Query(max_length=120)] = None,
) -> HTMLResponse:
    """Show a revision's results drawn with the briefing book's own components."""
    from markupsafe import Markup

    from accord.brief.components import render_html

    saved = _ws(request).revisions.get(sid, number)
    s = saved.scenario_object()
    deal = deal if deal in {d.id for d in s.deals} else (s.deals[0].id if s.deals else None)
    parts = [accord.forecast(s, **FAST["forecast"]), accord.space(s, **FAST["space"])]
    if deal:
        parts.append(accord.check(s, deal, **FAST["check"]))
    html = [Markup(render_html(r, s)) for r in parts]  # the brief escapes its text
    return _page(request, "view.html.j2", saved=saved, parts=html, deal=deal)


@router.post("/s/{sid}/jobs", response_class=HTMLResponse)
async def start_job(request: Request, sid: Sid) -> HTMLResponse:
    """Start a job on a revision and show its progress."""
    _, fields = await _edits(request)
    ws = _ws(request)
    kind = fields.get("kind", "simulate")
    params = {k: fields[k] for k in ("deal", "runs", "seed") if fields.get(k)}
    if kind == "brief":
        params.pop("deal", None)
    try:
        number = _int(fields.get("revision")) or ws.head(sid).number
        ws.revisions.get(sid, number)
        job = ws.jobs.start(sid, number, kind, params, request.state.user)
    except AccordError as err:
        return _fragment(request, "_problems.html.j2", problems=err.problems)
    return _fragment(request, "_job.html.j2", job=job)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_fragment(request: Request, job_id: Annotated[str, Path(max_length=36)]) -> HTMLResponse:
    """Show a job's current state (the page swaps it in when the job ends)."""
    return _fragment(request, "_job.html.j2", job=_ws(request).jobs.get(job_id))


@router.post("/jobs/{job_id}/cancel", response_class=HTMLResponse)
def cancel_job(request: Request, job_id: Annotated[str, Path(max_length=36)]) -> HTMLResponse:
    """Ask a job to stop."""
    job = _ws(request).jobs.cancel(job_id, request.state.user)
    return _fragment(request, "_job.html.j2", job=job)


@router.get("/audit", response_class=HTMLResponse)
def audit(request: Request) -> HTMLResponse:
    """Show the audit log."""
    return _page(request, "audit.html.j2", rows=_ws(request).audit())


@router.get("/favicon.ico")
def favicon() -> Response:
    """No icon."""
    return Response(status_code=204)
