"""Running simulation jobs on Dask (the ``dask`` extra installs ``distributed``).

Connects to a scheduler at an address, or starts a ``LocalCluster`` of ``workers`` single-
threaded workers for the duration of the call. Results come back as they finish and are
summed in block order by the caller, so they equal the local executor's to the last bit.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from accord.errors import AccordError, Problem

__all__ = ["run_dask"]


def run_dask(
    jobs: Sequence[Any],
    compute: Callable[[Any], Any],
    *,
    workers: int,
    scheduler: str | None,
    processes: bool = True,
) -> Iterator[tuple[int, Any]]:
    """Yield ``(job index, result)`` as Dask finishes each job."""
    try:
        dist: Any = importlib.import_module("distributed")  # untyped: keep it Any
    except ImportError:
        raise AccordError(
            Problem(
                "the Dask executor needs the dask extra",
                expected="pip install 'accord[dask]'",
                found="distributed not installed",
            )
        ) from None
    cluster = None
    if scheduler is None:
        cluster = dist.LocalCluster(
            n_workers=max(workers, 1),
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
        )
    try:
        client = dist.Client(cluster if cluster is not None else scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as err:  # ValueError: a malformed address
        raise AccordError(
            Problem(
                "cannot reach the Dask scheduler",
                path="scheduler",
                expected="the address of a running scheduler, e.g. tcp://host:8786",
                found=f"{scheduler}: {err}",
            )
        ) from None
    try:
        futures = client.map(compute, list(jobs), pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        for future in dist.as_completed(futures):
            yield index[future.key], future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
