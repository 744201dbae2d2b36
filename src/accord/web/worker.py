"""What runs in a job's process: one long analysis of one revision, reporting to the store.

The job's row is the source of truth: the worker marks it running, writes progress at most a
few times a second, checks the row's cancel flag at each progress report, and stores the
result (and, for a brief, its files) before marking it done. A cancelled job stops at its next
progress report; a failure is stored with its message.
"""

from __future__ import annotations

import contextlib
import json
import time
from typing import Any

from sqlalchemy import Engine, create_engine, select, update
from sqlalchemy.orm import Session

import accord
from accord.errors import AccordError
from accord.web.analyses import plain
from accord.web.store import Revisions
from accord.web.store.tables import Artifact, Job, now

__all__ = ["Cancelled", "run_job"]

_EVERY = 0.2  # seconds between progress writes


class Cancelled(Exception):  # noqa: N818 - a signal, not an error
    """Raised inside a job whose cancel flag is set."""


def run_job(url: str, job_id: str, scheduler: str | None = None) -> str:
    """Run job ``job_id`` of the store at ``url``; return its final status."""
    engine = create_engine(url)
    try:
        return _run(engine, job_id, scheduler)
    finally:
        engine.dispose()


def _run(engine: Engine, job_id: str, scheduler: str | None) -> str:
    with Session(engine) as session:
        job = session.get(Job, job_id)
        if job is None or job.cancel or job.status != "queued":
            return _finish(engine, job_id, "cancelled") if job and job.cancel else "gone"
        kind, params, sid, number = job.kind, json.loads(job.params), job.scenario_id, job.revision
    _set(engine, job_id, status="running")
    started = time.perf_counter()
    try:
        scenario = Revisions(engine).get(sid, number).scenario_object()
        report = _Reporter(engine, job_id)
        result, files = _KINDS[kind](scenario, params, report, scheduler)
    except Cancelled:
        return _finish(engine, job_id, "cancelled")
    except AccordError as err:
        return _finish(engine, job_id, "failed", error=str(err))
    except Exception as err:  # a bug: stored for the user to report, never a silent loss
        error = f"internal error (a bug in Accord): {type(err).__name__}: {err}"[:500]
        return _finish(engine, job_id, "failed", error=error)
    _store_files(engine, job_id, files)
    return _finish(
        engine, job_id, "done", result=json.dumps(result), seconds=time.perf_counter() - started
    )


class _Reporter:
    """Progress callback: writes to the job row, throttled; raises when cancelled."""

    def __init__(self, engine: Engine, job_id: str) -> None:
        self.engine, self.job_id, self.last = engine, job_id, 0.0

    def __call__(self, done: int, total: int) -> None:
        t = time.monotonic()
        if t - self.last < _EVERY and done < total:
            return
        self.last = t
        _set(self.engine, self.job_id, done=int(done), total=int(total))
        with Session(self.engine) as session:
            if session.scalar(select(Job.cancel).where(Job.id == self.job_id)):
                raise Cancelled


def _set(engine: Engine, job_id: str, **values: Any) -> None:
    with Session(engine) as session, session.begin():
        session.execute(update(Job).where(Job.id == job_id).values(**values))


def _finish(engine: Engine, job_id: str, status: str, **values: Any) -> str:
    _set(engine, job_id, status=status, finished_at=now(), **values)
    return status


def _store_files(engine: Engine, job_id: str, files: dict[str, tuple[str, bytes]]) -> None:
    with Session(engine) as session, session.begin():
        for name, (media, data) in sorted(files.items()):
            session.add(Artifact(job_id=job_id, name=name, media_type=media, data=data))


Files = dict[str, tuple[str, bytes]]


def _simulate(
    scenario: accord.Scenario, params: dict[str, Any], report: _Reporter, scheduler: str | None
) -> tuple[dict[str, Any], Files]:
    extra = {"executor": "dask", "scheduler": scheduler} if scheduler else {}
    result = accord.simulate(
        scenario,
        params.get("deal"),
        runs=int(params.get("runs", 20_000)),
        seed=int(params.get("seed", 0)),
        progress=report,
        **extra,  # type: ignore[arg-type]
    )
    data = plain(result.to_dict())
    data["p_conflict"] = {d: v["p_conflict"] for d, v in sorted(data["deals"].items())}
    return data, {}


def _sensitivity(
    scenario: accord.Scenario, params: dict[str, Any], report: _Reporter, _scheduler: str | None
) -> tuple[dict[str, Any], Files]:
    result = accord.sensitivity(
        scenario,
        params.get("deal"),
        method=params.get("method", "morris"),
        reps=int(params.get("reps", 8)),
        seed=int(params.get("seed", 0)),
        progress=report,
    )
    return plain(result.to_dict()), {}


def _brief(
    scenario: accord.Scenario, params: dict[str, Any], report: _Reporter, _scheduler: str | None
) -> tuple[dict[str, Any], Files]:
    report(0, 3)
    b = accord.brief(scenario, runs=int(params.get("runs", 2000)), seed=int(params.get("seed", 0)))
    report(1, 3)
    files: Files = {
        "brief.html": ("text/html; charset=utf-8", b.to_html().encode()),
        "brief.md": ("text/markdown; charset=utf-8", b.to_markdown().encode()),
        "brief.json": ("application/json", b.to_json().encode()),
    }
    report(2, 3)
    with contextlib.suppress(ImportError, OSError):  # WeasyPrint or its libraries missing
        files["brief.pdf"] = ("application/pdf", b.to_pdf())
    report(3, 3)
    return {"files": sorted(files)}, files


_KINDS = {"simulate": _simulate, "sensitivity": _sensitivity, "brief": _brief}
