"""Every user mistake on `accord simulate` / `accord sensitivity`: exit 2, a clear message."""

from __future__ import annotations

import pytest

import accord
from accord.cli import run
from accord.dynamics.params import resolve_params
from accord.dynamics.sa_eval import Factor
from accord.dynamics.sa_flip import _sentence
from accord.errors import AccordError


@pytest.mark.parametrize(
    ("args", "says"),
    [
        # the CLI estimates the work first (accord.limits) and refuses before the runs cap
        (["simulate", "--runs", "1000000000000"], "would take too long"),
        (["simulate", "--runs", "10", "--seed", "-1"], "seed: must be a whole number >= 0"),
        (["simulate", "--runs", "10", "--scheduler", "tcp://127.0.0.1:1"], "dask executor"),
        (["simulate", "--runs", "10", "--param", "=1"], "cannot read --param"),
        (["simulate", "--runs", "10", "--param", "base_up=0.5:0.1"], "low <= mode <= high"),
        (["simulate", "--runs", "10", "--param", "base_up=nan"], "finite"),
        (["sensitivity", "--seed", "-1"], "seed: must be a whole number >= 0"),
        (["sensitivity", "--horizon", "0"], "horizon: must be a positive whole number"),
        (["sensitivity", "--samples", "3"], "power of two"),
        (["sensitivity", "--reps", "100000000"], "reps: too many runs"),
        (["sensitivity", "--samples", "67108864"], "design too large"),
    ],
)
def test_user_mistakes_exit_2_with_a_message(capsys, args, says):
    assert run(args) == 2
    err = capsys.readouterr().err
    assert says in err.replace("\n", " ")
    assert "Traceback" not in err and "pydantic" not in err


def test_the_library_caps_the_runs_itself():
    with pytest.raises(AccordError, match="too large"):
        accord.simulate("korea-2018", runs=10**12)


@pytest.mark.parametrize("name", ["chart.png", "chart.pdf", "."])
def test_plot_path_is_checked_before_any_work(tmp_path, capsys, name):
    target = tmp_path / name
    assert run(["simulate", "--runs", "10", "--plot", str(target)]) == 2
    assert "--plot" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_malformed_dask_address_is_a_user_error():
    pytest.importorskip("distributed")
    with pytest.raises(AccordError, match="cannot reach the Dask scheduler"):
        accord.simulate("korea-2018", runs=10, executor="dask", scheduler="bogus::")


def test_params_reject_reversed_range_plainly():
    with pytest.raises(AccordError) as err:
        resolve_params(None, {"base_up": (0.5, 0.1)})
    assert "errors.pydantic.dev" not in str(err.value)


def test_sobol_seed_zero_reproduces_confidence_intervals():
    pytest.importorskip("SALib")
    kw = {"deal": "modest-agenda", "samples": 2, "reps": 4, "horizon": 6, "seed": 0}
    a = accord.sensitivity("korea-2018", **kw).to_dict()
    b = accord.sensitivity("korea-2018", **kw).to_dict()
    assert a == b


def test_flip_sentences_name_factors_for_readers():
    fs = [Factor("beta_frustration", 0.25, 2.5, 1.0, "parameter")]
    text = _sentence(
        "A",
        "B",
        [("beta_frustration", "above", 1.4, 1.0)],
        0.2,
        [("beta_frustration", "high")],
        fs,
        {},
    )
    assert "beta frustration were above" in text and "beta_frustration" not in text
