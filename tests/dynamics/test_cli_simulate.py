"""`accord simulate` and `accord sensitivity` from the command line."""

from __future__ import annotations

import json

import pytest

from accord.cli import run


def test_simulate_json_has_the_issue_shape(capsys):
    assert run(["simulate", "--runs", "300", "--horizon", "12", "--seed", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"scenario", "runs", "horizon", "seed", "deals", "no_deal"} <= set(data)
    d = data["deals"]["modest-agenda"]
    assert {"p_intact", "p_conflict", "p_hedge", "se", "escalation"} <= set(d)
    assert len(d["escalation"]) == 12 and len(d["escalation"][0]) == 6
    assert data["no_deal"]["p_intact"] is None


def test_simulate_one_deal_table_and_plot(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    svg = tmp_path / "sim.svg"
    assert (
        run(
            [
                "simulate",
                "--deal",
                "grand-bargain",
                "--runs",
                "200",
                "--horizon",
                "12",
                "--param",
                "beta_frustration=0.5:2",
                "--plot",
                str(svg),
            ]
        )
        == 0
    )
    assert "Grand bargain < no deal" in capsys.readouterr().out.replace("\n", " ")
    assert svg.read_text().lstrip().startswith("<?xml")


def test_sensitivity_json_and_tornado(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    svg = tmp_path / "tornado.svg"
    assert (
        run(
            [
                "sensitivity",
                "--deal",
                "freeze-for-freeze",
                "--method",
                "morris",
                "--samples",
                "2",
                "--reps",
                "4",
                "--horizon",
                "12",
                "--json",
                "--plot",
                str(svg),
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "morris" and data["sentences"]
    assert svg.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["simulate", "--deal", "nope", "--json"],
        ["simulate", "--runs", "0"],
        ["simulate", "--param", "beta=1", "--runs", "10"],
        ["simulate", "--param", "oops", "--runs", "10"],
        ["simulate", "--executor", "mpi", "--runs", "10"],
        ["sensitivity", "--outputs", "p_war"],
    ],
)
def test_user_mistakes_exit_2(argv, capsys):
    assert run(argv) == 2


def test_ctrl_c_stops_cleanly_and_writes_nothing(tmp_path, monkeypatch):
    import accord.dynamics.executors as ex

    def interrupted(job):
        raise KeyboardInterrupt

    monkeypatch.setattr(ex, "compute", interrupted)
    svg = tmp_path / "never.svg"
    assert run(["simulate", "--runs", "100", "--horizon", "3", "--plot", str(svg)]) == 130
    assert not svg.exists() and list(tmp_path.iterdir()) == []


def test_results_become_data_frames():
    pytest.importorskip("pandas")
    import accord

    r = accord.simulate("korea-2018", deal="modest-agenda", runs=200, horizon=6)
    frame = r.to_frame()
    assert set(frame["deal"]) == {"modest-agenda", "no_deal"} and len(frame) == 12
