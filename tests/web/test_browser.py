"""The analysts' flow in a real browser (Debian's chromium driven by Playwright).

open korea-2018 -> change a clause's verification -> its verdict and the bottom line change
-> save -> diff against the previous revision -> run a simulation and watch its progress ->
download the brief. Screenshots go to ``out/playwright/`` (look at them).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "out" / "playwright"


def _chromium() -> str:
    path = os.environ.get("ACCORD_TEST_CHROMIUM") or shutil.which("chromium") or ""
    if not path:
        pytest.skip("no chromium (apt-get install chromium, or run .ci/services.sh)")
    return path


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A real workspace server on a free loopback port."""
    import uvicorn

    from accord.web.app import create_app
    from accord.web.settings import Settings
    from accord.web.store import database_url

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(Settings(db_url=database_url(None, tmp_path), author="ana"))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield base
    srv.should_exit = True
    thread.join(timeout=10)


def _a_clause_that_flips(base: str) -> tuple[str, str, str, str, str]:
    """Find (deal, clause, verification, verdict before, verdict after) by asking the API."""
    scenario = httpx.get(f"{base}/api/scenarios/korea-2018").json()["data"]
    for deal in sorted(scenario["deals"], key=lambda d: d["id"]):
        for clause in deal["clauses"]:
            for v in ("none", "continuous"):
                path = f"deals/{deal['id']}/clauses/{clause['id']}/verification"
                body = {"base": 1, "deal": deal["id"], "edits": {path: v}}
                out = httpx.post(f"{base}/api/scenarios/korea-2018/whatif", json=body, timeout=60)
                was = out.json()["bottom_line_before"]["clauses"][clause["id"]][0]
                now = out.json()["bottom_line"]["clauses"][clause["id"]][0]
                if now != was:
                    return deal["id"], clause["id"], v, was, now
    raise AssertionError("no clause of korea-2018 changes verdict with its verification")


@pytest.mark.slow  # a browser and two jobs
def test_analyst_flow_in_chromium(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    chromium = _chromium()
    SHOTS.mkdir(parents=True, exist_ok=True)
    deal, clause, verification, was, now = _a_clause_that_flips(server)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.goto(f"{server}/s/korea-2018?deal={deal}")
        expect(page.get_by_test_id("title")).to_contain_text("North Korea")
        expect(page.get_by_test_id(f"verdict-{clause}")).to_have_text(was)
        p_before = page.get_by_test_id("p-all-core").inner_text()
        page.screenshot(path=SHOTS / "01-open.png", full_page=True)

        page.get_by_test_id(f"verification-{clause}").select_option(verification)
        expect(page.get_by_test_id(f"verdict-{clause}")).to_have_text(now, timeout=30_000)
        expect(page.get_by_test_id("p-all-core")).not_to_have_text(p_before)
        expect(page.get_by_test_id("bottom-line")).to_contain_text("(revision 1:")
        page.get_by_test_id("bottom-line").scroll_into_view_if_needed()
        page.screenshot(path=SHOTS / "02-whatif.png", full_page=True)

        page.get_by_test_id("message").fill(f"{clause}: verification {verification}")
        page.get_by_test_id("save").click()
        expect(page.get_by_test_id("saved")).to_contain_text("Saved revision 2")
        expect(page.locator("#head-meta")).to_contain_text(f"{clause}: verification")
        page.screenshot(path=SHOTS / "03-saved.png", full_page=True)

        page.get_by_test_id("diff-link").click()
        expect(page.get_by_test_id("diff-inputs")).to_contain_text(
            f"deals.{deal}.clauses.{clause}.verification"
        )
        expect(page.get_by_test_id("diff-results")).to_contain_text(f"deal {deal}.{clause}")
        page.screenshot(path=SHOTS / "04-diff.png", full_page=True)

        page.goto(f"{server}/s/korea-2018?deal={deal}")
        page.get_by_test_id("job-kind").select_option("simulate")
        page.get_by_test_id("job-runs").fill("20000")
        page.get_by_test_id("start-job").click()
        job = page.get_by_test_id("job").filter(has_text="simulate of revision")
        page.wait_for_function(
            "() => { const b = document.querySelector('[data-testid=job] progress');"
            " return b && b.value > 0 && b.value < b.max; }",
            timeout=120_000,
        )
        job.scroll_into_view_if_needed()
        page.screenshot(path=SHOTS / "05-progress.png", full_page=True)
        expect(job.get_by_test_id("job-status")).to_have_text("done", timeout=180_000)
        expect(job).to_contain_text("P(conflict)", timeout=30_000)  # the final state swapped in
        page.screenshot(path=SHOTS / "06-simulated.png", full_page=True)

        page.get_by_test_id("job-kind").select_option("brief")
        page.get_by_test_id("job-runs").fill("200")
        page.get_by_test_id("start-job").click()
        brief = page.get_by_test_id("job").filter(has_text="brief of revision")
        expect(brief.get_by_test_id("job-status")).to_have_text("done", timeout=240_000)
        expect(brief.get_by_test_id("file-brief.html")).to_be_visible(timeout=30_000)
        with page.expect_download() as download:
            brief.get_by_test_id("file-brief.html").click()
        saved = SHOTS / "brief.html"
        download.value.save_as(saved)
        assert "<html" in saved.read_text(encoding="utf-8")
        page.screenshot(path=SHOTS / "07-brief.png", full_page=True)
        browser.close()
