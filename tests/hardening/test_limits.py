"""Limits instead of hangs: each scale case of issue 15 answers quickly, with a result or a
refusal that names the limit and how to narrow the question."""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from accord.cli import run
from accord.limits import MAX_SECONDS, check_forecast, check_simulate, suggest_actors
from accord.scenario import validate_data

Capsys = pytest.CaptureFixture[str]


def _scenario(n_actors: int, n_issues: int, seed: int = 0) -> dict[str, Any]:
    rng = random.Random(seed)
    issues = [
        {"id": f"i{j}", "name": f"I{j}", "scale": {"lo": 0, "hi": 100}} for j in range(n_issues)
    ]
    return {
        "id": f"gen{n_actors}x{n_issues}",
        "title": "generated",
        "actors": [
            {"id": f"a{i}", "name": f"A{i}", "capability": rng.uniform(1, 10)}
            for i in range(n_actors)
        ],
        "issues": issues,
        "stances": {
            f"a{i}": {
                iss["id"]: {"position": rng.uniform(0, 100), "salience": rng.uniform(0.1, 1)}
                for iss in issues
            }
            for i in range(n_actors)
        },
        "deals": [
            {
                "id": "d",
                "name": "D",
                "clauses": [{"id": "c", "text": "x", "obligated": ["a0"], "sets": {"i0": 50.0}}],
            }
        ],
    }


def _file(tmp_path: Path, n_actors: int, n_issues: int) -> str:
    path = tmp_path / f"g{n_actors}x{n_issues}.yaml"
    path.write_text(yaml.safe_dump(_scenario(n_actors, n_issues)))
    return str(path)


def _refused(capsys: Capsys, argv: list[str], *needles: str, within: float = 60.0) -> None:
    start = time.perf_counter()
    code = run(argv)
    seconds = time.perf_counter() - start
    err = capsys.readouterr().err
    assert code == 2, err
    assert seconds < within, f"refusal took {seconds:.0f} s"
    for needle in needles:
        assert needle in err, (needle, err)


def test_eum_with_1600_actors_refused_at_once(capsys: Capsys, tmp_path: Path) -> None:
    path = _file(tmp_path, 1600, 1)
    _refused(capsys, ["forecast", path, "--model", "eum"], "EUM", "fewer actors", within=20)


def test_smp_with_800_actors_refused_for_time_and_memory(capsys: Capsys, tmp_path: Path) -> None:
    path = _file(tmp_path, 800, 1)
    _refused(capsys, ["forecast", path, "--model", "smp"], "too much memory", "GiB", within=20)


def test_simulate_with_800_actors_names_the_runs_that_fit(capsys: Capsys, tmp_path: Path) -> None:
    path = _file(tmp_path, 800, 1)
    _refused(capsys, ["simulate", path], "fewer --runs (about", within=20)


def test_space_with_a_fine_grid_refused_with_advice(capsys: Capsys, tmp_path: Path) -> None:
    path = _file(tmp_path, 5, 3)
    _refused(capsys, ["space", path, "--grid", "1001"], "--actors", "coarser --grid")


def test_space_with_many_actors_names_the_principals(capsys: Capsys, tmp_path: Path) -> None:
    path = _file(tmp_path, 30, 5)
    s = validate_data(_scenario(30, 5))
    _refused(capsys, ["space", path], "--actors " + ",".join(suggest_actors(s)))


def test_space_with_200_actors_on_two_issues_answers(capsys: Capsys, tmp_path: Path) -> None:
    assert run(["space", _file(tmp_path, 200, 2), "--json"]) == 0, capsys.readouterr().err


def test_estimates_accept_ordinary_work() -> None:
    s = validate_data(_scenario(20, 3))
    check_forecast(s, "all", 50)
    check_simulate(s, 20_000, None)
    assert MAX_SECONDS < 60


def test_big_csv_refused_before_reading(capsys: Capsys, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = [f"A{i},{1 + i % 7},{i % 100},0.5" for i in range(200_000)]
    path.write_text("Actor,Capability,Position,Salience\n" + "\n".join(rows) + "\n")
    out = str(tmp_path / "out.yaml")
    _refused(capsys, ["convert", str(path), out], "too many actors", within=30)
    assert not (tmp_path / "out.yaml").exists()


def test_red_line_check_is_linear_in_actors() -> None:
    data = _scenario(3000, 2)
    for row in data["stances"].values():
        for stance in row.values():
            stance["red_line"] = stance["position"]
    start = time.perf_counter()
    validate_data(data)
    assert time.perf_counter() - start < 20  # was quadratic: minutes
