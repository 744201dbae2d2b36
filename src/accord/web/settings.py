"""How one workspace server is configured (what ``accord serve`` passes in)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LOCAL_HOSTS", "Settings", "default_data_dir"]

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def default_data_dir() -> Path:
    """Return the user's data directory for Accord (``$XDG_DATA_HOME/accord`` or the platform's)."""
    if os.name == "nt":  # pragma: no cover - not tested on Windows
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "accord"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "accord"


@dataclass(frozen=True)
class Settings:
    """Configuration of one workspace server.

    Attributes
    ----------
    db_url
        SQLAlchemy URL of the store (SQLite file or PostgreSQL).
    host
        Address the server binds to; anything but localhost needs users.
    author
        Who saves, when bound to localhost (no login there).
    open_scenario
        Built-in scenario imported into an empty store.
    workers
        Processes of the local job pool.
    scheduler
        A Dask scheduler address: simulations then run their chunks on that cluster.
    max_upload
        Largest request body accepted, in bytes.
    rate_per_minute
        Changing requests (POST) one client may make per minute.
    """

    db_url: str
    host: str = "127.0.0.1"
    author: str = "analyst"
    open_scenario: str | None = "korea-2018"
    workers: int = 1
    scheduler: str | None = None
    max_upload: int = 2 * 2**20
    rate_per_minute: int = 600

    @property
    def local(self) -> bool:
        """Whether the server is reachable from this machine only."""
        return self.host in LOCAL_HOSTS
