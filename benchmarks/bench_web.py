"""Benchmark: the workspace's what-if latency and a bounded load test, on loopback only.

Run:  .venv/bin/python benchmarks/bench_web.py latency [--requests 200]
      .venv/bin/python benchmarks/bench_web.py load [--users 50] [--seconds 60]

Both start `accord`'s workspace in a separate process on 127.0.0.1 (a fresh SQLite store in a
temporary folder) and send it what-if requests on korea-2018 over HTTP; nothing leaves the
machine, and the load test stops after --seconds (at most 120) with at most --users (at most
100) simulated analysts.

latency: one analyst, one request at a time, each edit new (so the cache never answers):
  clause edits (a clause's verification and detection rate: only the deal check re-runs) and
  salience edits (forecast, space and check re-run). Prints p50/p90/p99 per kind.
load: --users analysts, each sending what-if requests back to back, drawn from the edits an
  analyst makes with the page's controls (verification choices, saliences on the slider's 0.05
  grid), so repeats hit the cache as they do in use. Prints requests, errors, p50/p99 and
  throughput. The server's rate limit is raised for this run: every simulated analyst shares
  127.0.0.1, which the limit would otherwise throttle as one client.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import numpy as np

import accord

SERVER = """
import sys, uvicorn
from accord.web.app import create_app
from accord.web.settings import Settings
app = create_app(Settings(db_url=sys.argv[1], rate_per_minute=10**7))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""
KOREA = accord.load("korea-2018")
VERIFICATIONS = ["none", "ntm", "data_exchange", "on_site", "continuous"]


@contextmanager
def server() -> Iterator[str]:
    """A workspace server process on a free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite3"
        proc = subprocess.Popen([sys.executable, "-c", SERVER, url, str(port)])
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    if httpx.get(f"{base}/api/scenarios", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def clause_edit(rng: random.Random, unique: bool) -> tuple[str, dict[str, str]]:
    deal = rng.choice(KOREA.deals)
    clause = rng.choice(deal.clauses)
    path = f"deals/{deal.id}/clauses/{clause.id}"
    edits = {f"{path}/verification": rng.choice(VERIFICATIONS)}
    if unique:
        edits[f"{path}/detection"] = f"{rng.uniform(0.05, 0.95):.6f}"
    return deal.id, edits


def salience_edit(rng: random.Random, unique: bool) -> tuple[str, dict[str, str]]:
    actor = rng.choice(sorted(KOREA.stances))
    issue = rng.choice(sorted(KOREA.stances[actor]))
    value = rng.uniform(0.0, 1.0) if unique else rng.randrange(21) * 0.05
    edits = {f"stances/{actor}/{issue}/salience": f"{value:.6f}"}
    return rng.choice(KOREA.deals).id, edits


def body(deal: str, edits: dict[str, str]) -> dict[str, Any]:
    return {"base": 1, "deal": deal, "edits": edits}


def pct(times: list[float]) -> str:
    a = np.array(times) * 1000
    p50, p90, p99 = np.percentile(a, [50, 90, 99])
    return f"{len(a):5d} | {p50:7.0f} | {p90:7.0f} | {p99:7.0f}"


def latency(n: int) -> None:
    rng = random.Random(0)
    with server() as base, httpx.Client(base_url=base, timeout=60) as client:
        client.post("/api/scenarios/korea-2018/whatif", json={"base": 1})  # warm the imports
        print("edit | requests | p50 ms | p90 ms | p99 ms")
        for name, make in (("clause", clause_edit), ("salience", salience_edit)):
            times = []
            for _ in range(n):
                t = time.perf_counter()
                r = client.post("/api/scenarios/korea-2018/whatif", json=body(*make(rng, True)))
                times.append(time.perf_counter() - t)
                assert r.status_code == 200, r.text[:300]
            print(f"{name:8s} | {pct(times)}")


async def analyst(client: httpx.AsyncClient, seed: int, until: float, out: dict[str, Any]) -> None:
    rng = random.Random(seed)
    while time.monotonic() < until:
        make = clause_edit if rng.random() < 0.7 else salience_edit
        t = time.perf_counter()
        try:
            r = await client.post("/api/scenarios/korea-2018/whatif", json=body(*make(rng, False)))
            ok = r.status_code == 200
        except httpx.HTTPError:
            ok = False
        out["times"].append(time.perf_counter() - t)
        out["errors"] += 0 if ok else 1


async def load(users: int, seconds: float) -> None:
    users, seconds = min(users, 100), min(seconds, 120.0)
    with server() as base:
        limits = httpx.Limits(max_connections=users)
        async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
            await client.post("/api/scenarios/korea-2018/whatif", json={"base": 1})
            out: dict[str, Any] = {"times": [], "errors": 0}
            start = time.monotonic()
            until = start + seconds
            await asyncio.gather(*(analyst(client, k, until, out) for k in range(users)))
            wall = time.monotonic() - start
    print("users | seconds | requests | errors | p50 ms | p90 ms | p99 ms | requests/s")
    a = np.array(out["times"]) * 1000
    p50, p90, p99 = np.percentile(a, [50, 90, 99])
    print(
        f"{users:5d} | {wall:7.0f} | {len(a):8d} | {out['errors']:6d} | {p50:6.0f} | "
        f"{p90:6.0f} | {p99:6.0f} | {len(a) / wall:10.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    lat = sub.add_parser("latency")
    lat.add_argument("--requests", type=int, default=200)
    lo = sub.add_parser("load")
    lo.add_argument("--users", type=int, default=50)
    lo.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    if args.what == "latency":
        latency(args.requests)
    else:
        asyncio.run(load(args.users, args.seconds))


if __name__ == "__main__":
    main()
