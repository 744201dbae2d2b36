"""The workspace's operations, shared by the pages and the JSON API.

Each operation reads revisions from the store, runs analyses through the cache and returns
plain data; nothing here renders HTML or knows about HTTP.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

import accord
from accord.errors import AccordError, Problem
from accord.scenario import Scenario, load_text
from accord.web.analyses import code_version, fast_results, summary
from accord.web.edits import apply_edits
from accord.web.jobs import Jobs
from accord.web.settings import Settings
from accord.web.store import (
    Cache,
    Change,
    ConflictError,
    Revisions,
    Saved,
    diff,
    flatten,
    open_engine,
)
from accord.web.store.tables import Audit

__all__ = ["WhatIf", "Workspace", "bottom_line"]


@dataclass(frozen=True)
class WhatIf:
    """A what-if: the edited inputs' results beside the revision they start from."""

    base: Saved
    deal: str | None
    changes: list[Change]
    results: dict[str, Any]
    before: dict[str, Any]
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """Return the what-if as plain data."""
        return {
            "scenario": self.base.scenario,
            "base": self.base.number,
            "deal": self.deal,
            "changes": [c.to_dict() for c in self.changes],
            "bottom_line": bottom_line(self.results, self.deal),
            "bottom_line_before": bottom_line(self.before, self.deal),
            "summary": summary(self.results),
            "seconds": round(self.seconds, 4),
        }


def bottom_line(results: Mapping[str, Any], deal: str | None) -> dict[str, Any] | None:
    """Return the deal check's bottom line for ``deal``: P(all core clauses), verdict counts.

    ``None`` when the scenario has no deal to check.
    """
    if deal is None:
        return None
    check = results["check"][deal]
    verdicts = [c["verdict"] for c in check["clauses"]]
    return {
        "deal": deal,
        "p_all_core": check["p_all_core"],
        "weakest": (check.get("weakest") or [None])[0],
        "verdicts": {v: verdicts.count(v) for v in ("sound", "fragile", "unrealistic")},
        "clauses": {c["id"]: [c["verdict"], c["p_implemented"]] for c in check["clauses"]},
    }


class Workspace:
    """One store, its cache and its jobs, with the operations the app offers."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine: Engine = open_engine(settings.db_url)
        self.revisions = Revisions(self.engine)
        self.cache = Cache(self.engine, code_version())
        self.jobs = Jobs(self.engine, settings.db_url, settings.workers, settings.scheduler)
        if settings.open_scenario and not self.revisions.scenarios():
            self.import_scenario(accord.load(settings.open_scenario), settings.author, "built-in")

    def close(self) -> None:
        """Stop the job pool and release the database."""
        self.jobs.close()
        self.engine.dispose()

    def import_scenario(self, scenario: Scenario, author: str, message: str) -> Saved:
        """Save a new scenario as its revision 1 (:class:`AccordError` if its id is taken)."""
        if self.revisions.head(scenario.id) is not None:
            raise AccordError(
                Problem(
                    f"a scenario with id {scenario.id!r} is already in the workspace",
                    path="id",
                    expected="a new id (or open that scenario and save a revision of it)",
                    found=scenario.id,
                )
            )
        saved, _ = self.revisions.save(scenario, base=None, author=author, message=message)
        return saved

    def upload(self, raw: bytes, filename: str, author: str) -> Saved:
        """Import an uploaded YAML, JSON or CSV file (validated as the CLI validates it)."""
        name = re.sub(r"[^A-Za-z0-9._-]", "_", filename.replace("\\", "/").rsplit("/", 1)[-1])
        name = name.lstrip(".")[:120] or "upload"
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if suffix in {"csv", "tsv", "txt"}:
            scenario = _read_table(raw, name)
        elif suffix in {"yaml", "yml", "json"}:
            scenario = load_text(raw, name, as_json=suffix == "json")
        else:
            raise AccordError(
                Problem(
                    "unknown file type",
                    file=name,
                    expected=".yaml, .yml, .json, .csv or .tsv",
                    found=suffix or "no suffix",
                )
            )
        return self.import_scenario(scenario, author, f"uploaded {name}")

    def head(self, sid: str) -> Saved:
        """Return the newest revision (:class:`AccordError` for an unknown scenario)."""
        head = self.revisions.head(sid)
        if head is None:
            raise AccordError(Problem("no such scenario", path="scenario", found=sid[:120]))
        return head

    def results(self, saved: Saved, deal: str | None = None) -> dict[str, Any]:
        """Fast results of a revision (every deal unless one is named), cached."""
        return fast_results(saved.scenario_object(), self.cache, deal)

    def whatif(self, sid: str, base: int, edits: Mapping[str, str], deal: str | None) -> WhatIf:
        """Apply ``edits`` to revision ``base`` and run the fast analyses."""
        t = time.perf_counter()
        saved = self.revisions.get(sid, base)
        scenario = apply_edits(saved.data, edits, f"<{sid} what-if>")
        deal = _deal(scenario, deal)
        results = fast_results(scenario, self.cache, deal)
        before = fast_results(saved.scenario_object(), self.cache, deal)
        changes = diff(saved.data, scenario.to_dict())
        return WhatIf(saved, deal, changes, results, before, time.perf_counter() - t)

    def save(
        self, sid: str, base: int, edits: Mapping[str, str], author: str, message: str
    ) -> tuple[Saved, bool]:
        """Save ``edits`` on top of revision ``base`` (refused if someone saved since)."""
        saved = self.revisions.get(sid, base)
        scenario = apply_edits(saved.data, edits, f"<{sid} edit>")
        return self._save(saved, scenario, author, message)

    def _save(
        self, base: Saved, scenario: Scenario, author: str, message: str
    ) -> tuple[Saved, bool]:
        try:
            return self.revisions.save(scenario, base=base.number, author=author, message=message)
        except ConflictError as err:
            err.theirs = [c.to_dict() for c in diff(base.data, err.head.data)]
            err.yours = [c.to_dict() for c in diff(base.data, scenario.to_dict())]
            raise

    def save_text(self, sid: str, base: int, text: str, author: str, message: str) -> Saved:
        """Save a whole scenario typed as YAML on top of revision ``base``."""
        saved = self.revisions.get(sid, base)
        scenario = load_text(text.encode("utf-8"), f"<{sid} edit>")
        if scenario.id != sid:
            raise AccordError(
                Problem("the id cannot change here", path="id", expected=sid, found=scenario.id)
            )
        return self._save(saved, scenario, author, message)[0]

    def restore(self, sid: str, number: int, base: int, author: str) -> Saved:
        """Save revision ``number``'s inputs again, on top of revision ``base``."""
        old = self.revisions.get(sid, number)
        message = f"restore revision {number}"
        return self._save(self.revisions.get(sid, base), old.scenario_object(), author, message)[0]

    def compare(self, sid: str, a: int, b: int) -> dict[str, Any]:
        """Return what changed from revision ``a`` to ``b``: in the inputs and in the results."""
        ra, rb = self.revisions.get(sid, a), self.revisions.get(sid, b)
        sa, sb = self._summary(ra), self._summary(rb)
        return {
            "scenario": sid,
            "a": ra.summary(),
            "b": rb.summary(),
            "inputs": [c.to_dict() for c in diff(ra.data, rb.data)],
            "results": [c.to_dict() for c in diff(sa, sb)],
        }

    def _summary(self, saved: Saved) -> dict[str, Any]:
        results = self.results(saved)
        conflict = self._p_conflict(saved)
        return summary({**results, "p_conflict": conflict})

    def _p_conflict(self, saved: Saved) -> dict[str, float]:
        """P(conflict) from the newest finished simulation of this revision, if any."""
        for job in self.jobs.of_scenario(saved.scenario):
            if job.kind == "simulate" and job.revision == saved.number and job.status == "done":
                full = self.jobs.get(job.id).result or {}
                return dict(full.get("p_conflict", {}))
        return {}

    def trace(self, sid: str, number: int, deal: str, clause: str) -> dict[str, Any]:
        """Return a clause's P(implemented), its reasons, its inputs and where each last changed."""
        saved = self.revisions.get(sid, number)
        scenario = saved.scenario_object()
        known = _deal(scenario, deal or "?")
        if known is None:
            raise AccordError(Problem("this scenario has no deals", path="deal", found=deal))
        check = self.results(saved, known)["check"][known]
        found = [c for c in check["clauses"] if c["id"] == clause]
        if not found:
            raise AccordError(Problem("no such clause", path="clause", found=clause[:120]))
        prefixes = [f"deals.{deal}.clauses.{clause}."]
        obliged = next(c for d in scenario.deals for c in d.clauses if c.id == clause).obligated
        prefixes += [f"actors.{a}." for a in obliged]
        inputs = {k: v for k, v in flatten(saved.data).items() if k.startswith(tuple(prefixes))}
        return {
            "scenario": sid,
            "revision": number,
            "deal": deal,
            "clause": found[0],
            "inputs": [
                {"path": k, "value": v, **self._last_change(sid, number, k)}
                for k, v in sorted(inputs.items())
            ],
        }

    def _last_change(self, sid: str, number: int, path: str) -> dict[str, Any]:
        history = [r for r in reversed(self.revisions.history(sid)) if r.number <= number]
        last, previous = history[0], object()
        for rev in history:
            value = flatten(rev.data).get(path)
            if value != previous:
                last, previous = rev, value
        return {"changed_in": last.number, "changed_by": last.author, "changed_at": last.created_at}

    def audit(self, limit: int = 200) -> list[dict[str, Any]]:
        """Return the newest entries of the audit log."""
        with Session(self.engine) as session:
            rows = session.scalars(select(Audit).order_by(Audit.id.desc()).limit(limit)).all()
            return [
                {
                    "at": r.at.isoformat(timespec="seconds") + "Z",
                    "user": r.user,
                    "action": r.action,
                    "target": r.target,
                    "detail": r.detail,
                }
                for r in rows
            ]


def _deal(scenario: Scenario, deal: str | None) -> str | None:
    ids = sorted(d.id for d in scenario.deals)
    if deal is None or deal == "":
        return ids[0] if ids else None
    if deal not in ids:
        raise AccordError(
            Problem("no such deal", path="deal", expected=" | ".join(ids), found=deal[:120])
        )
    return deal


def _read_table(raw: bytes, name: str) -> Scenario:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(raw)
        return accord.load(path)
