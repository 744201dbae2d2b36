"""Scenario revisions: immutable saves, history, restore and optimistic concurrency.

Every save names the revision it was based on. If someone else saved since, the save is
refused with :class:`ConflictError` (and what changed meanwhile), never applied over their work.
Two saves racing for the same revision number are stopped by the database's unique
constraint on (scenario, number), so this holds across processes and machines too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from accord.errors import AccordError, Problem
from accord.scenario import Scenario, validate_data
from accord.web.store.tables import Audit, Revision, ScenarioRow

__all__ = ["ConflictError", "Revisions", "Saved", "content_hash"]


def content_hash(data: dict[str, Any]) -> str:
    """SHA-256 of the scenario's data as canonical JSON (sorted keys, no spaces)."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Saved:
    """A revision as plain data."""

    scenario: str
    number: int
    parent: int | None
    content_hash: str
    author: str
    message: str
    created_at: str
    data: dict[str, Any]

    def scenario_object(self) -> Scenario:
        """Validate the stored inputs back into a :class:`Scenario`."""
        return validate_data(self.data, f"<{self.scenario} revision {self.number}>")

    def summary(self) -> dict[str, Any]:
        """Return everything but the inputs."""
        return {k: v for k, v in self.__dict__.items() if k != "data"}


class ConflictError(AccordError):
    """A save based on a revision that is no longer the newest."""

    def __init__(self, scenario: str, base: int | None, head: Saved) -> None:
        self.head = head
        self.base = base
        self.theirs: list[dict[str, Any]] = []  # what was saved since ``base``
        self.yours: list[dict[str, Any]] = []  # what the refused save would have changed
        super().__init__(
            Problem(
                f"{head.author} saved revision {head.number} of {scenario} "
                f"({head.message or 'no message'}) after the revision you started from; "
                "your save was refused so that nothing is overwritten: review the changes, "
                "then save again on top of the newest revision",
                path="base",
                expected=f"revision {head.number}",
                found=f"revision {base}" if base is not None else "no revision",
            )
        )


class Revisions:
    """Revisions of every scenario in one store."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def scenarios(self) -> list[Saved]:
        """Return the newest revision of each scenario, by scenario id."""
        with Session(self.engine) as session:
            ids = session.scalars(select(ScenarioRow.id).order_by(ScenarioRow.id)).all()
        return [h for h in (self.head(i) for i in ids) if h is not None]

    def head(self, scenario: str) -> Saved | None:
        """Return the newest revision of ``scenario`` (``None`` if there is none)."""
        with Session(self.engine) as session:
            row = session.scalars(
                select(Revision)
                .where(Revision.scenario_id == scenario)
                .order_by(Revision.number.desc())
                .limit(1)
            ).first()
            return None if row is None else _saved(row)

    def get(self, scenario: str, number: int) -> Saved:
        """Return revision ``number`` of ``scenario``; :class:`AccordError` if there is none."""
        with Session(self.engine) as session:
            row = session.scalars(
                select(Revision).where(Revision.scenario_id == scenario, Revision.number == number)
            ).first()
            if row is None:
                raise AccordError(
                    Problem(
                        "no such revision",
                        path="revision",
                        expected=f"a saved revision of {scenario}",
                        found=str(number),
                    )
                )
            return _saved(row)

    def history(self, scenario: str) -> list[Saved]:
        """Return every revision of ``scenario``, newest first."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(Revision)
                .where(Revision.scenario_id == scenario)
                .order_by(Revision.number.desc())
            ).all()
            return [_saved(r) for r in rows]

    def save(
        self, scenario: Scenario, *, base: int | None, author: str, message: str = ""
    ) -> tuple[Saved, bool]:
        """Save ``scenario`` as a new revision on top of revision ``base``.

        ``base`` is the revision the author started from (``None`` for a new scenario).
        Returns the revision and whether it is new (saving unchanged inputs returns the head).

        Raises
        ------
        ConflictError
            If ``base`` is not the newest revision any more.
        """
        data = scenario.to_dict()
        digest = content_hash(data)
        head = self.head(scenario.id)
        if head is None and base is not None:
            raise _no_scenario(scenario.id, base)
        if head is not None and head.number != base:
            raise ConflictError(scenario.id, base, head)
        if head is not None and head.content_hash == digest:
            return head, False
        return self._insert(scenario.id, data, digest, base, author, message), True

    def restore(self, scenario: str, number: int, *, base: int, author: str) -> Saved:
        """Save the inputs of revision ``number`` again as the newest revision."""
        old = self.get(scenario, number)
        saved, _ = self.save(
            old.scenario_object(), base=base, author=author, message=f"restore revision {number}"
        )
        return saved

    def _insert(
        self, sid: str, data: dict[str, Any], digest: str, base: int | None, author: str, msg: str
    ) -> Saved:
        number = (base or 0) + 1
        try:
            with Session(self.engine) as session, session.begin():
                if base is None:
                    session.add(ScenarioRow(id=sid))
                    session.flush()
                session.add(
                    Revision(
                        scenario_id=sid,
                        number=number,
                        parent=base,
                        content_hash=digest,
                        content=json.dumps(data, ensure_ascii=False),
                        author=author,
                        message=msg,
                    )
                )
                session.add(Audit(user=author, action="save", target=f"{sid}@{number}", detail=msg))
        except IntegrityError:
            head = self.head(sid)
            assert head is not None
            raise ConflictError(sid, base, head) from None
        return self.get(sid, number)

    def count(self, scenario: str) -> int:
        """Return how many revisions ``scenario`` has."""
        with Session(self.engine) as session:
            n = session.scalar(select(func.count()).where(Revision.scenario_id == scenario))
            return int(n or 0)


def _no_scenario(sid: str, base: int | None) -> AccordError:
    return AccordError(
        Problem(
            f"there is no saved scenario {sid!r} to base this save on",
            path="base",
            expected="no base revision (a new scenario)",
            found=f"revision {base}",
        )
    )


def _saved(row: Revision) -> Saved:
    return Saved(
        scenario=row.scenario_id,
        number=row.number,
        parent=row.parent,
        content_hash=row.content_hash,
        author=row.author,
        message=row.message,
        created_at=row.created_at.isoformat(timespec="seconds") + "Z",
        data=json.loads(row.content),
    )
