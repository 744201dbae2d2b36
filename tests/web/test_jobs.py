"""Jobs: progress over SSE, results persisted, cancel, restart, brief files."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from sqlalchemy.orm import Session

from accord.web.store.tables import Job

API = "/api/scenarios/korea-2018/revisions/1/jobs"


def _wait(client: Any, job_id: str, until: tuple[str, ...], timeout: float = 120) -> dict[str, Any]:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in until:
            return dict(job)
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still {job['status']} after {timeout} s")


def _events(client: Any, job_id: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    with client.stream("GET", f"/api/jobs/{job_id}/events") as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        kind = ""
        for line in stream.iter_lines():
            if line.startswith("event: "):
                kind = line[7:]
            elif line.startswith("data: "):
                out.append((kind, json.loads(line[6:])))
    return out


def test_simulation_job_streams_progress_and_keeps_its_result(make_client: Any) -> None:
    client = make_client()
    params = {"deal": "modest-agenda", "runs": 4000, "seed": 0}
    job = client.post(API, json={"kind": "simulate", "params": params}).json()
    events = _events(client, job["id"])
    assert events[-1][0] == "end" and events[-1][1]["status"] == "done"
    done = [e["done"] for k, e in events if k == "progress"]
    assert done == sorted(done) and done[-1] == events[-1][1]["total"] > 0
    result = client.get(f"/api/jobs/{job['id']}").json()["result"]
    assert 0 <= result["p_conflict"]["modest-agenda"] <= 1
    # the job is in the store: a new server on the same database still has it
    url = client.app.state.ws.settings.db_url
    again = make_client(url)
    assert again.get(f"/api/jobs/{job['id']}").json()["result"] == result
    # its P(conflict) joins the results diff of revision 1 with itself: no change
    assert again.get("/api/scenarios/korea-2018/diff?a=1&b=1").json()["results"] == []


def test_cancel_stops_a_running_job(make_client: Any) -> None:
    client = make_client()
    params = {"deal": "modest-agenda", "runs": 200_000}
    job = client.post(API, json={"kind": "simulate", "params": params}).json()
    _wait(client, job["id"], ("running",))
    while client.get(f"/api/jobs/{job['id']}").json()["done"] == 0:
        time.sleep(0.1)
    assert client.post(f"/api/jobs/{job['id']}/cancel").json()["id"] == job["id"]
    stopped = _wait(client, job["id"], ("cancelled", "done"), timeout=60)
    assert stopped["status"] == "cancelled" and stopped["done"] < stopped["total"]


def test_restart_marks_unfinished_jobs_interrupted(make_client: Any) -> None:
    client = make_client()
    engine = client.app.state.ws.engine
    with Session(engine) as session, session.begin():
        session.add(
            Job(
                id="left-running",
                scenario_id="korea-2018",
                revision=1,
                kind="simulate",
                params="{}",
                status="running",
                done=3,
                total=10,
                cancel=0,
                author="ana",
            )
        )
    again = make_client(client.app.state.ws.settings.db_url)
    job = again.get("/api/jobs/left-running").json()
    assert job["status"] == "interrupted" and "start it again" in job["error"]


def test_bad_job_parameters_are_problems(make_client: Any) -> None:
    client = make_client()
    out = client.post(API, json={"kind": "simulate", "params": {"runs": 0, "colour": "red"}})
    assert out.status_code == 422
    assert {p["path"] for p in out.json()["problems"]} == {"runs", "colour"}
    assert client.get("/api/jobs/nope").status_code == 404


@pytest.mark.slow  # the whole briefing book, PDF included
def test_brief_job_offers_every_format(make_client: Any) -> None:
    client = make_client()
    job = client.post(API, json={"kind": "brief", "params": {"runs": 200}}).json()
    done = _wait(client, job["id"], ("done", "failed"))
    assert done["status"] == "done", done["error"]
    assert {"brief.html", "brief.md", "brief.json", "brief.pdf"} <= set(done["files"])
    html = client.get(f"/api/jobs/{job['id']}/files/brief.html")
    assert html.headers["content-type"].startswith("text/html") and "<html" in html.text
    pdf = client.get(f"/api/jobs/{job['id']}/files/brief.pdf")
    assert pdf.content.startswith(b"%PDF")
    assert json.loads(client.get(f"/api/jobs/{job['id']}/files/brief.json").text)["scenario"]
