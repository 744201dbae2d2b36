"""A workspace configured with a Dask scheduler runs its simulations' chunks on that cluster."""

from __future__ import annotations

import time
from typing import Any

import pytest


@pytest.mark.slow  # a local Dask cluster and a job process
def test_simulation_job_on_a_dask_cluster(make_client: Any) -> None:
    distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        client = make_client(scheduler=cluster.scheduler_address)
        params = {"deal": "modest-agenda", "runs": 2000}
        api = "/api/scenarios/korea-2018/revisions/1/jobs"
        job = client.post(api, json={"kind": "simulate", "params": params}).json()
        for _ in range(600):
            state = client.get(f"/api/jobs/{job['id']}").json()
            if state["status"] not in ("queued", "running"):
                break
            time.sleep(0.2)
        assert state["status"] == "done", state["error"]
        assert cluster.scheduler.task_prefixes, "no task reached the cluster"
        local = make_client(client.app.state.ws.settings.db_url.replace(".sqlite3", "-2.sqlite3"))
        same = local.post(api, json={"kind": "simulate", "params": params}).json()
        for _ in range(600):
            other = local.get(f"/api/jobs/{same['id']}").json()
            if other["status"] not in ("queued", "running"):
                break
            time.sleep(0.2)
        assert other["result"]["p_conflict"] == state["result"]["p_conflict"]
