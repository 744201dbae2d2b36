"""Where blocks of runs are computed: in this process, a local process pool, or Dask.

Runs are cut into blocks of :data:`BLOCK` runs, a constant: block ``b`` of deal ``d`` always
draws from ``SeedSequence(entropy, spawn_key=key + (stream_key(d), b))``, whoever computes it,
and totals are summed in block order at the end. ``stream_key`` is a fixed hash of the deal's
id, not its position, so a deal's numbers (no deal's too) are the same whichever other deals
are simulated beside it. The numbers therefore depend on the seed, the run count and the
inputs only, never on the executor, the number of workers, how blocks are grouped into tasks,
or which and how many deals are run together.
"""

from __future__ import annotations

import ctypes
import hashlib
import math
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from accord.dynamics.engine import run_block
from accord.dynamics.inputs import EngineInputs
from accord.dynamics.params import ParamValue
from accord.dynamics.totals import Totals
from accord.errors import AccordError, Problem

__all__ = ["BLOCK", "Job", "Progress", "compute", "make_jobs", "run_jobs", "stream_key"]

#: Runs per random-number block (fixed: changing it changes the numbers).
BLOCK = 16384
Progress = Callable[[int, int], None]
ExecutorName = Literal["local", "dask"]


@dataclass(frozen=True)
class Job:
    """Everything a worker needs for some blocks of one deal."""

    inputs: EngineInputs
    values: Mapping[str, ParamValue]
    horizon: int
    entropy: Any
    key: tuple[int, ...]
    blocks: tuple[tuple[int, int], ...]  # (block index, runs in it)
    bands: bool
    arms: bool
    index: int = 0  # position of the deal among the inputs (where its totals are summed)

    @property
    def runs(self) -> int:
        """Runs in this job."""
        return sum(n for _, n in self.blocks)


def compute(job: Job) -> list[Totals]:
    """Run a job's blocks, one after the other, with single-threaded BLAS.

    Block ``b`` of deal ``d`` draws from
    ``SeedSequence(entropy, spawn_key=(*root, stream_key(d), b))`` (``root`` the seed's own
    spawn key): the same stream whichever worker runs it. Nothing here changes the calling
    process: BLAS threads are limited inside a context that restores them.
    """
    with _one_blas_thread():
        return [
            run_block(
                job.inputs,
                job.values,
                n,
                job.horizon,
                np.random.SeedSequence(job.entropy, spawn_key=(*job.key, b)),
                bands=job.bands,
                arms=job.arms,
            )
            for b, n in job.blocks
        ]


_MALLOC_TUNED: list[bool] = []


def compute_in_own_worker(job: Job) -> list[Totals]:
    """Run :func:`compute` in a worker process Accord started itself, with its allocator tuned.

    Only for processes Accord owns (its process pool, a Dask cluster it starts): the caller's
    process and a user's own Dask workers are never re-tuned.
    """
    _keep_freed_memory()
    return compute(job)


def _keep_freed_memory() -> None:
    """Let glibc reuse freed block-sized arrays instead of unmapping them at once.

    Dask workers start with ``MALLOC_TRIM_THRESHOLD_=65536``, which also pins glibc's mmap
    threshold at 128 KiB: every month's temporary arrays (a few hundred KiB each) are then
    mapped and unmapped again, and page faults triple the run time. Raising both thresholds
    (``mallopt``; glibc only, ignored elsewhere) keeps at most a few tens of MiB around.
    """
    if _MALLOC_TUNED or not sys.platform.startswith("linux"):
        return
    _MALLOC_TUNED.append(True)
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-1, 64 << 20)  # M_TRIM_THRESHOLD
        libc.mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        pass


def _one_blas_thread() -> AbstractContextManager[Any]:
    """Tiny matrix products are slower with BLAS threads (they wait on each other)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - optional speed-up
        return nullcontext()
    limits: AbstractContextManager[Any] = threadpool_limits(limits=1, user_api="blas")
    return limits


def stream_key(deal: str) -> int:
    """Return the spawn-key entry of a deal's random streams: 32 bits of SHA-256 of its id.

    A hash, not the deal's position, so that adding, removing or reordering deals leaves every
    other deal's numbers unchanged (Python's ``hash`` is salted per process; this is not).
    """
    return int.from_bytes(hashlib.sha256(deal.encode("utf-8")).digest()[:4], "big")


def make_jobs(
    inputs: Sequence[EngineInputs],
    values: Mapping[str, ParamValue],
    *,
    runs: int,
    horizon: int,
    seed: np.random.SeedSequence,
    group: int,
    bands: bool,
    arms: bool,
) -> list[Job]:
    """Cut every deal's runs into blocks, and blocks into jobs of ``group`` blocks."""
    sizes = [(b, min(BLOCK, runs - b * BLOCK)) for b in range(math.ceil(runs / BLOCK))]
    return [
        Job(
            x,
            values,
            horizon,
            seed.entropy,
            (*seed.spawn_key, stream_key(x.deal)),
            tuple(sizes[i : i + group]),
            bands,
            arms,
            d,
        )
        for d, x in enumerate(inputs)
        for i in range(0, len(sizes), group)
    ]


def run_jobs(
    jobs: Sequence[Job],
    *,
    executor: ExecutorName = "local",
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    processes: bool = True,
) -> list[Totals]:
    """Run jobs and return, per deal (in job order), the totals summed in block order.

    Results are folded in as soon as every earlier job has arrived, so memory holds only
    the jobs that finished out of order, never one entry per block of a long run.
    """
    fold = _InOrder(jobs)
    total, done = sum(j.runs for j in jobs), 0
    for index, block_totals in _dispatch(jobs, executor, workers, scheduler, processes):
        fold.add(index, block_totals)
        done += jobs[index].runs
        if progress is not None:
            progress(done, total)
    return fold.result()


class _InOrder:
    """Sum job results per deal strictly in job (hence block) order, whatever the arrival."""

    def __init__(self, jobs: Sequence[Job]) -> None:
        self.jobs, self.next = jobs, 0
        self.waiting: dict[int, list[Totals]] = {}
        self.sums: dict[int, Totals] = {}

    def add(self, index: int, parts: list[Totals]) -> None:
        self.waiting[index] = parts
        while self.next in self.waiting:
            deal = self.jobs[self.next].index
            for part in self.waiting.pop(self.next):
                self.sums[deal] = self.sums[deal] + part if deal in self.sums else part
            self.next += 1

    def result(self) -> list[Totals]:
        return [self.sums[d] for d in sorted(self.sums)]


def _dispatch(
    jobs: Sequence[Job], executor: str, workers: int, scheduler: str | None, processes: bool
) -> Iterator[tuple[int, list[Totals]]]:
    if executor == "dask":
        from accord.dynamics.dask_executor import run_dask

        own = processes and scheduler is None  # a cluster Accord starts for this run
        yield from run_dask(
            jobs,
            compute_in_own_worker if own else compute,
            workers=workers,
            scheduler=scheduler,
            processes=processes,
        )
    elif executor != "local":
        raise AccordError(
            Problem("unknown executor", path="executor", expected="local or dask", found=executor)
        )
    elif workers <= 1 or len(jobs) == 1:
        for index, job in enumerate(jobs):
            yield index, compute(job)
    else:
        yield from _pool(jobs, workers)


def _pool(jobs: Sequence[Job], workers: int) -> Iterator[tuple[int, list[Totals]]]:
    import multiprocessing as mp

    # BLAS threads are limited per job by compute(); the caller's environment is left alone
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"))
    try:
        futures: dict[Future[list[Totals]], int] = {
            pool.submit(compute_in_own_worker, job): i for i, job in enumerate(jobs)
        }
        for future in as_completed(futures):
            yield futures[future], future.result()
    except BaseException:  # Ctrl-C or a failure: drop what is queued, do not wait
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
