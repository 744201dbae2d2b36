"""Alembic migrations of the workspace store (run by :func:`accord.web.store.engine.migrate`)."""
