"""Open a store: an engine for SQLite (embedded) or PostgreSQL (by URL), migrated to head."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url

from accord.errors import AccordError, Problem

__all__ = ["database_url", "migrate", "open_engine", "schema_revision"]


def database_url(db: str | None, data_dir: Path) -> str:
    """Return the SQLAlchemy URL for ``--db`` (a URL) or the SQLite file in ``data_dir``."""
    if not db:
        return f"sqlite:///{data_dir / 'workspace.sqlite3'}"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if db.startswith(("sqlite://", "postgresql+psycopg://")):
        return db
    raise AccordError(
        Problem(
            "unsupported database URL",
            path="--db",
            expected="postgresql://user@host/dbname or sqlite:///path",
            found=repr(db.split("://", 1)[0] + "://…" if "://" in db else db),
        )
    )


def open_engine(url: str) -> Engine:
    """Create the engine and bring its schema to the newest migration."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    migrate(engine)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def migrate(engine: Engine, target: str = "head") -> None:
    """Run the package's Alembic migrations on ``engine`` up to ``target``."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("accord.web.store").joinpath("migrations"))
    )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)


def schema_revision(engine: Engine) -> str | None:
    """Return the migration the database is at (``None`` for an empty database)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return None if row is None else str(row[0])
