"""The FastAPI application: guards, error pages, and the routers of pages and API.

>>> from accord.web.app import create_app  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from accord.errors import AccordError, Problem
from accord.web import api, pages
from accord.web.security import CSRF_COOKIE, RateLimiter, authenticate, csrf_ok, has_users
from accord.web.settings import Settings
from accord.web.store import ConflictError
from accord.web.workspace import Workspace

__all__ = ["create_app"]

_SAFE = ("GET", "HEAD", "OPTIONS")
_NEEDS = {"viewer": 0, "editor": 1, "admin": 2}


def create_app(settings: Settings) -> FastAPI:
    """Build the workspace app over the store ``settings.db_url`` names.

    Raises
    ------
    AccordError
        If the server would be reachable beyond localhost with no user configured.
    """
    ws = Workspace(settings)
    if not settings.local and not has_users(ws.engine):
        ws.close()
        raise AccordError(
            Problem(
                f"binding to {settings.host} makes the workspace reachable from other machines, "
                "and no user is configured",
                path="--host",
                expected="127.0.0.1, or users added with `accord serve --add-user NAME:ROLE`",
                found=settings.host,
            )
        )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        ws.close()

    app = FastAPI(
        title="Accord workspace",
        version=ws.cache.code_version,
        description="Versioned scenarios, what-if analyses and jobs over Accord's facade.",
        lifespan=lifespan,
    )
    app.state.ws = ws
    app.state.limiter = RateLimiter(settings.rate_per_minute)
    static = resources.files("accord.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.middleware("http")(_guard)
    app.add_exception_handler(AccordError, _problems)
    return app


async def _guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Size cap, rate limit, login and role, CSRF — in that order."""
    ws: Workspace = request.app.state.ws
    settings = ws.settings
    length = request.headers.get("content-length", "0")
    if not length.isdigit() or int(length) > settings.max_upload:
        return _refuse(413, "request too large", f"at most {settings.max_upload} bytes", length)
    unsafe = request.method not in _SAFE
    client = request.client.host if request.client else "?"
    if unsafe and not request.app.state.limiter.allow(client):
        return _refuse(429, "too many changes from this client", "fewer per minute", client)
    user, role = settings.author, "admin"
    if not settings.local:
        who = authenticate(ws.engine, request.headers.get("authorization"))
        if who is None:
            return Response(
                "login required", status_code=401, headers={"WWW-Authenticate": "Basic"}
            )
        user, role = who
    need = "admin" if "/audit" in request.url.path else ("editor" if unsafe else "viewer")
    if _NEEDS[role] < _NEEDS[need]:
        return _refuse(403, f"this needs the {need} role", need, role)
    if unsafe and not _json(request) and not _csrf(request):
        return _refuse(403, "missing or wrong CSRF token; reload the page", "a token", None)
    request.state.user, request.state.role = user, role
    return await call_next(request)


def _json(request: Request) -> bool:
    return request.headers.get("content-type", "").split(";")[0].strip() == "application/json"


def _csrf(request: Request) -> bool:
    return csrf_ok(request.cookies.get(CSRF_COOKIE), request.headers.get("x-csrf-token"))


def _refuse(status: int, message: str, expected: str, found: str | None) -> Response:
    problem = Problem(message, expected=expected, found=found)
    return JSONResponse({"ok": False, "problems": [problem.to_dict()]}, status_code=status)


async def _problems(request: Request, err: Exception) -> Response:
    assert isinstance(err, AccordError)
    body: dict[str, object] = {"ok": False, "problems": [p.to_dict() for p in err.problems]}
    status = 422
    if isinstance(err, ConflictError):
        status = 409
        body.update(head=err.head.summary(), theirs=err.theirs, yours=err.yours)
    elif any(p.message.startswith("no such") for p in err.problems):
        status = 404
    return JSONResponse(body, status_code=status)
