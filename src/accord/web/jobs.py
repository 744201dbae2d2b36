"""Start, list and cancel jobs; they run on a local process pool (or a Dask cluster).

Starting a job writes its row first, then hands its id to a worker process
(:func:`accord.web.worker.run_job`); everything the page shows comes from the row. When the
server starts, jobs a previous server left queued or running are marked ``interrupted``:
finished results stay, unfinished ones are never shown as done.
"""

from __future__ import annotations

import json
import multiprocessing
import uuid
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from accord.errors import AccordError, Problem
from accord.web.store.tables import Artifact, Audit, Job, now
from accord.web.worker import run_job

__all__ = ["KINDS", "JobView", "Jobs"]

#: Job kinds and the parameters each accepts (name -> type).
KINDS: dict[str, dict[str, type]] = {
    "simulate": {"deal": str, "runs": int, "seed": int},
    "sensitivity": {"deal": str, "method": str, "reps": int, "seed": int},
    "brief": {"runs": int, "seed": int},
}
_LIMITS = {"runs": (1, 200_000), "reps": (1, 64), "seed": (0, 2**32 - 1)}
FINAL = ("done", "failed", "cancelled", "interrupted")


@dataclass(frozen=True)
class JobView:
    """A job's row as plain data."""

    id: str
    scenario: str
    revision: int
    kind: str
    params: dict[str, Any]
    status: str
    done: int
    total: int
    author: str
    error: str | None
    result: dict[str, Any] | None
    files: list[str]
    seconds: float | None

    def to_dict(self, *, with_result: bool = False) -> dict[str, Any]:
        """Return the job as plain data (the result only when asked)."""
        out = dict(self.__dict__)
        if not with_result:
            out.pop("result")
        return out


class Jobs:
    """The job table and the process pool that works it off."""

    def __init__(self, engine: Engine, url: str, workers: int, scheduler: str | None) -> None:
        self.engine, self.url, self.scheduler = engine, url, scheduler
        ctx = multiprocessing.get_context("spawn")  # no state copied from the server's threads
        self.pool = ProcessPoolExecutor(max_workers=max(1, workers), mp_context=ctx)
        self.futures: dict[str, Future[str]] = {}
        self._interrupt_leftovers()

    def start(
        self, scenario: str, revision: int, kind: str, params: dict[str, Any], author: str
    ) -> JobView:
        """Record a job and hand it to the pool."""
        clean = _check(kind, params)
        job_id = str(uuid.uuid4())
        with Session(self.engine) as session, session.begin():
            session.add(
                Job(
                    id=job_id,
                    scenario_id=scenario,
                    revision=revision,
                    kind=kind,
                    params=json.dumps(clean, sort_keys=True),
                    status="queued",
                    done=0,
                    total=0,
                    cancel=0,
                    author=author,
                )
            )
            session.add(Audit(user=author, action="job", target=job_id, detail=f"{kind} {clean}"))
        future = self.pool.submit(run_job, self.url, job_id, self.scheduler)
        future.add_done_callback(partial(self._crashed, job_id))
        self.futures[job_id] = future
        return self.get(job_id)

    def _crashed(self, job_id: str, future: Future[str]) -> None:
        """Mark a job failed when its worker process died instead of finishing it."""
        if future.cancelled() or future.exception() is None:
            return
        with Session(self.engine) as session, session.begin():
            session.execute(
                update(Job)
                .where(Job.id == job_id, Job.status.in_(("queued", "running")))
                .values(
                    status="failed",
                    finished_at=now(),
                    error="the worker process stopped (out of memory, or killed); start it again",
                )
            )

    def cancel(self, job_id: str, author: str) -> JobView:
        """Ask a job to stop; a queued one stops at once."""
        job = self.get(job_id)
        with Session(self.engine) as session, session.begin():
            session.execute(update(Job).where(Job.id == job_id).values(cancel=1))
            if job.status == "queued":
                session.execute(
                    update(Job)
                    .where(Job.id == job_id, Job.status == "queued")
                    .values(status="cancelled", finished_at=now())
                )
            session.add(Audit(user=author, action="cancel", target=job_id, detail=""))
        return self.get(job_id)

    def get(self, job_id: str) -> JobView:
        """Return the job (:class:`AccordError` if there is none)."""
        with Session(self.engine) as session:
            job = session.get(Job, job_id)
            if job is None:
                raise AccordError(Problem("no such job", path="job", found=job_id[:40]))
            names = session.scalars(
                select(Artifact.name).where(Artifact.job_id == job_id).order_by(Artifact.name)
            ).all()
            return _view(job, list(names))

    def of_scenario(self, scenario: str) -> list[JobView]:
        """Jobs of ``scenario``, newest first."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(Job).where(Job.scenario_id == scenario).order_by(Job.created_at.desc())
            ).all()
            return [_view(j, []) for j in rows]

    def artifact(self, job_id: str, name: str) -> tuple[str, bytes]:
        """Return a file the job produced: (media type, bytes)."""
        with Session(self.engine) as session:
            row = session.scalars(
                select(Artifact).where(Artifact.job_id == job_id, Artifact.name == name)
            ).first()
            if row is None:
                raise AccordError(Problem("no such file for this job", path="file", found=name))
            return row.media_type, row.data

    def close(self) -> None:
        """Stop the pool: its jobs end now and are marked interrupted, as after a crash."""
        for process in list((self.pool._processes or {}).values()):  # no public way to stop it
            process.terminate()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self._interrupt_leftovers(list(self.futures))

    def _interrupt_leftovers(self, ids: list[str] | None = None) -> None:
        """Mark unfinished jobs interrupted (``ids``: only those; default: every one)."""
        where = [Job.status.in_(("queued", "running"))]
        if ids is not None:
            where.append(Job.id.in_(ids))
        with Session(self.engine) as session, session.begin():
            session.execute(
                update(Job)
                .where(*where)
                .values(
                    status="interrupted",
                    finished_at=now(),
                    error="the server stopped before this job finished; start it again",
                )
            )


def _check(kind: str, params: dict[str, Any]) -> dict[str, Any]:
    if kind not in KINDS:
        raise AccordError(
            Problem("unknown job kind", path="kind", expected=" | ".join(KINDS), found=kind[:40])
        )
    problems, clean = [], {}
    for name, value in sorted(params.items()):
        want = KINDS[kind].get(name)
        if want is None or value in (None, ""):
            if want is None:
                problems.append(
                    Problem("unknown parameter", path=name[:40], expected=", ".join(KINDS[kind]))
                )
            continue
        try:
            clean[name] = want(value)
        except (TypeError, ValueError):
            problems.append(
                Problem("invalid value", path=name, expected=want.__name__, found=repr(value)[:40])
            )
            continue
        lo, hi = _LIMITS.get(name, (None, None))
        if lo is not None and not lo <= clean[name] <= hi:
            problems.append(
                Problem("out of range", path=name, expected=f"{lo}..{hi}", found=str(value))
            )
    if problems:
        raise AccordError(problems)
    return clean


def _view(job: Job, files: list[str]) -> JobView:
    return JobView(
        id=job.id,
        scenario=job.scenario_id,
        revision=job.revision,
        kind=job.kind,
        params=json.loads(job.params),
        status=job.status,
        done=job.done,
        total=job.total,
        author=job.author,
        error=job.error,
        result=json.loads(job.result) if job.result else None,
        files=files,
        seconds=job.seconds,
    )
