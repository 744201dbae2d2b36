"""Who may do what, and the guards every request passes.

Bound to localhost, no login is asked. Bound anywhere else, every request needs a user of
the store (HTTP Basic over the user's password, hashed with Argon2id) whose role allows it:
``viewer`` reads, ``editor`` also saves and starts jobs, ``admin`` also reads the audit log.
Changing requests carry a CSRF token (double submit: a cookie and the ``X-CSRF-Token`` header
HTMX sends from the page), or are JSON (which a foreign page cannot send without a CORS
preflight this server never grants). Bodies are capped, and each client's changing requests
are rate-limited.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
import threading
import time
from collections import deque

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from accord.errors import AccordError, Problem
from accord.web.store.tables import Audit, User

__all__ = [
    "CSRF_COOKIE",
    "ROLES",
    "RateLimiter",
    "add_user",
    "authenticate",
    "csrf_ok",
    "has_users",
    "new_token",
]

ROLES = ("viewer", "editor", "admin")
CSRF_COOKIE = "accord_csrf"
_HASHER = PasswordHasher()


def new_token() -> str:
    """Return a fresh random CSRF token."""
    return secrets.token_urlsafe(32)


def csrf_ok(cookie: str | None, header: str | None) -> bool:
    """Whether the header repeats the cookie's token (compared in constant time)."""
    return bool(cookie and header) and hmac.compare_digest(str(cookie), str(header))


def add_user(engine: Engine, name: str, password: str, role: str, *, by: str = "cli") -> None:
    """Create or update a user; the password is stored only as an Argon2id hash."""
    problems = []
    if role not in ROLES:
        problems.append(
            Problem("unknown role", path="role", expected=" | ".join(ROLES), found=role)
        )
    if len(password) < 10:
        problems.append(Problem("password too short", path="password", expected="10+ characters"))
    if not name.strip() or ":" in name:
        problems.append(Problem("invalid user name", path="name", expected="a name without ':'"))
    if problems:
        raise AccordError(problems)
    with Session(engine) as session, session.begin():
        session.merge(User(name=name, password_hash=_HASHER.hash(password), role=role))
        session.add(Audit(user=by, action="user", target=name, detail=f"role {role}"))


def has_users(engine: Engine) -> bool:
    """Whether any user is configured."""
    with Session(engine) as session:
        return session.scalars(select(User.name).limit(1)).first() is not None


def authenticate(engine: Engine, header: str | None) -> tuple[str, str] | None:
    """Return (user, role) for a valid HTTP Basic ``Authorization`` header, else ``None``."""
    if not header or not header.startswith("Basic "):
        return None
    try:
        name, _, password = base64.b64decode(header[6:], validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    with Session(engine) as session:
        user = session.get(User, name)
        if user is None:
            return None
        stored, role = user.password_hash, user.role
    try:
        _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    return name, role


class RateLimiter:
    """At most ``per_minute`` requests per client in any 60-second window."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.seen: dict[str, deque[float]] = {}
        self.lock = threading.Lock()

    def allow(self, client: str) -> bool:
        """Record a request from ``client``; whether it is within the limit."""
        t = time.monotonic()
        with self.lock:
            q = self.seen.setdefault(client, deque())
            while q and t - q[0] > 60:
                q.popleft()
            if len(q) >= self.per_minute:
                return False
            q.append(t)
            return True
