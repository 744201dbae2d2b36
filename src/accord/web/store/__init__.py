"""The workspace's store: revisions, cached results, jobs, users and the audit log.

SQLAlchemy 2 over SQLite (embedded) or PostgreSQL; the schema is made and upgraded by the
Alembic migrations shipped in :mod:`accord.web.store.migrations`.
"""

from accord.web.store.cache import Cache
from accord.web.store.diff import Change, diff, flatten
from accord.web.store.engine import database_url, migrate, open_engine, schema_revision
from accord.web.store.revisions import ConflictError, Revisions, Saved, content_hash

__all__ = [
    "Cache",
    "Change",
    "ConflictError",
    "Revisions",
    "Saved",
    "content_hash",
    "database_url",
    "diff",
    "flatten",
    "migrate",
    "open_engine",
    "schema_revision",
]
