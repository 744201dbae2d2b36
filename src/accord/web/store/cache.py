"""Analysis results cached by (inputs hash, analysis, parameters, code version).

The inputs hash is the content hash of the part of the scenario the analysis reads (see
:func:`accord.web.analyses.inputs_of`), so a cached result serves every revision and every
unsaved what-if with the same inputs, and a new Accord version never reuses an old result.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from accord.web.store.tables import Result

__all__ = ["Cache", "params_key"]


def params_key(params: dict[str, Any]) -> str:
    """Canonical JSON of the parameters (sorted keys)."""
    return json.dumps(params, sort_keys=True, separators=(",", ":"))


class Cache:
    """Read-through cache of analysis results in the store."""

    def __init__(self, engine: Engine, code_version: str) -> None:
        self.engine = engine
        self.code_version = code_version
        self.hits = 0
        self.misses = 0

    def get(self, digest: str, analysis: str, params: dict[str, Any]) -> dict[str, Any] | None:
        """Return the cached result, or ``None``."""
        key = hashlib.sha256(params_key(params).encode()).hexdigest()
        with Session(self.engine) as session:
            row = session.scalars(
                select(Result.data).where(
                    Result.content_hash == digest,
                    Result.analysis == analysis,
                    Result.params_hash == key,
                    Result.code_version == self.code_version,
                )
            ).first()
        return None if row is None else dict(json.loads(row))

    def put(self, digest: str, analysis: str, params: dict[str, Any], data: dict[str, Any]) -> None:
        """Store a result (a concurrent identical store is harmless)."""
        text = params_key(params)
        try:
            with Session(self.engine) as session, session.begin():
                session.add(
                    Result(
                        content_hash=digest,
                        analysis=analysis,
                        params_hash=hashlib.sha256(text.encode()).hexdigest(),
                        params=text,
                        code_version=self.code_version,
                        data=json.dumps(data, allow_nan=False),
                    )
                )
        except IntegrityError:
            pass

    def through(
        self,
        digest: str,
        analysis: str,
        params: dict[str, Any],
        compute: Callable[[], dict[str, Any]],
    ) -> dict[str, Any]:
        """Return the cached result, computing and storing it on a miss."""
        found = self.get(digest, analysis, params)
        if found is not None:
            self.hits += 1
            return found
        self.misses += 1
        data = compute()
        self.put(digest, analysis, params, data)
        return data
