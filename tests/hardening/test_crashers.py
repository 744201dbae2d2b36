"""Regression tests for every crash site of issue 15: exit 2 with a located message, or a
correct result; never a traceback, never exit 1 or 70.

The reproducers in ``fixtures/`` are copies of ``../shared/fixtures/crashers``; the two
200 KB CSVs are generated here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib
import pytest

import accord
from accord.cli import run
from accord.errors import AccordError

FIX = Path(__file__).parent / "fixtures"
Capsys = pytest.CaptureFixture[str]


def _fails(capsys: Capsys, argv: list[str], *needles: str) -> str:
    """Run the CLI, expect exit 2, an error header and every needle in stderr."""
    code = run(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert "error:" in err and "Traceback" not in err
    for needle in needles:
        assert needle in err, (needle, err)
    return err


def _located(err: str, name: str) -> None:
    """The message names the file and a line (``file:LINE``)."""
    assert re.search(re.escape(name) + r":\d+", err), err


# -- 1. rich markup in user text ------------------------------------------------------------
@pytest.mark.parametrize("name", ["markup_title.yaml", "markup_actor_only.yaml"])
@pytest.mark.parametrize(
    "argv",
    [
        ["show"],
        ["forecast", "--model", "weighted-mean"],
        ["check", "--explain", "--runs", "50"],
        ["simulate", "--runs", "200", "--horizon", "6"],
        ["space"],
    ],
)
def test_markup_prints_literally(capsys: Capsys, name: str, argv: list[str]) -> None:
    path = str(FIX / name)
    code = run([*argv[:1], path, *argv[1:]])
    out = capsys.readouterr()
    assert code == 0, out.err
    if argv[0] in {"show", "forecast"}:
        assert "A [/x]" in out.out


def test_internal_error_with_markup_in_message(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("bad [/x] thing")

    monkeypatch.setattr(accord, "load", boom)
    assert run(["forecast", "korea-2018"]) == 70
    err = capsys.readouterr().err
    assert "internal error:" in err and "bad [/x] thing" in err


# -- 2. magnitudes the models cannot compute -------------------------------------------------
@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("nan_capability.yaml", "actors[0].capability"),
        ("nan_capability_trade.yaml", "actors[0].capability"),
        ("huge_scale.yaml", "issues[0].scale.lo"),
        ("tiny_scale.yaml", "issues[0].scale"),
    ],
)
@pytest.mark.parametrize("command", ["validate", "forecast", "space", "check", "simulate"])
def test_unbounded_numbers_refused(capsys: Capsys, name: str, field: str, command: str) -> None:
    err = _fails(capsys, [command, str(FIX / name)], field)
    _located(err, name)


def test_json_errors_for_unbounded_numbers(capsys: Capsys) -> None:
    assert run(["forecast", str(FIX / "nan_capability.yaml"), "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert {p["path"] for p in data["problems"]} == {"actors[0].capability", "actors[1].capability"}


def test_non_finite_results_are_refused_not_printed() -> None:
    from accord.cli.app import print_json, refuse_non_finite

    refuse_non_finite({"a": [1.0, 2.0], "b": {"c": 0.5}})
    with pytest.raises(AccordError) as info:
        refuse_non_finite({"a": [1.0, float("nan")], "b": {"c": float("inf")}})
    assert {p.path for p in info.value.problems} == {"a[1]", "b.c"}
    with pytest.raises(AccordError):
        print_json({"x": float("-inf")})


def test_solutions_survive_nan_scores() -> None:
    import numpy as np

    from accord.space.solutions import _best

    rows = _best(np.array([np.nan, 1.0, np.nan]), lambda r: r)
    assert list(rows) == [1]
    rows = _best(np.array([np.nan, np.nan]), lambda r: -r)
    assert list(rows) == [0]


# -- 3. clause ids shared between deals -------------------------------------------------------
def test_clause_id_shared_between_deals(capsys: Capsys) -> None:
    err = _fails(
        capsys,
        ["validate", str(FIX / "shared_clause_id.yaml")],
        "duplicate clause id 'cut'",
        "deals[1].clauses[0].id",
    )
    _located(err, "shared_clause_id.yaml")


# -- 4. mathtext in user text -------------------------------------------------------------------
def _math_bad(tmp_path: Path) -> Path:
    """math_bad.yaml with its second deal's clause renamed (it reuses an id, see 3.)."""
    text = (FIX / "math_bad.yaml").read_text().split("\n")
    last = max(i for i, line in enumerate(text) if line.strip() == "- id: k1")
    text[last] = text[last].replace("k1", "k9")
    path = tmp_path / "math_bad.yaml"
    path.write_text("\n".join(text))
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["forecast", "--plot", "{out}.svg"],
        ["forecast", "--plot", "{out}.png"],
        ["simulate", "--runs", "200", "--horizon", "6", "--plot", "{out}.svg"],
        ["space", "--plot", "{out}.svg"],
    ],
)
@pytest.mark.parametrize("which", ["math_bad", "math_trade"])
def test_mathtext_drawn_literally(
    capsys: Capsys, tmp_path: Path, argv: list[str], which: str
) -> None:
    path = _math_bad(tmp_path) if which == "math_bad" else FIX / "math_trade.yaml"
    backend = matplotlib.get_backend()
    rc = dict(matplotlib.rcParams)
    out = str(tmp_path / "chart")
    code = run([argv[0], str(path), *(a.format(out=out) for a in argv[1:])])
    assert code == 0, capsys.readouterr().err
    assert Path(argv[-1].format(out=out)).stat().st_size > 1000
    assert matplotlib.get_backend() == backend  # no matplotlib.use
    assert dict(matplotlib.rcParams) == rc  # no global rcParams change


# -- 5. YAML and JSON edge cases ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("ctrl_del.yaml", "character 0x007f"),
        ("tag_int_abc.yaml", "!!int"),
        ("tag_bool_maybe.yaml", "!!bool"),
        ("tag_timestamp_small.yaml", "!!timestamp"),
        ("hugeint.yaml", "4,300 digits"),
        ("deep_list_1000.yaml", "nesting"),
        ("deep_map_1000.yaml", "nested too deeply"),
    ],
)
def test_yaml_edge_cases_located(capsys: Capsys, name: str, needle: str) -> None:
    err = _fails(capsys, ["validate", str(FIX / name)], needle)
    _located(err, name)


@pytest.mark.parametrize(
    ("name", "needle"),
    [("hugeint.json", "4,300 digits"), ("deep_list_1000.json", "nested too deeply")],
)
def test_json_edge_cases(capsys: Capsys, name: str, needle: str) -> None:
    _fails(capsys, ["validate", str(FIX / name)], needle, name)


def test_duplicate_yaml_key(capsys: Capsys, tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text((FIX / "markup_title.yaml").read_text().replace("id: t1\n", "id: t1\nid: t2\n"))
    err = _fails(capsys, ["validate", str(path)], "duplicate key 'id'")
    _located(err, "dup.yaml")


def test_duplicate_json_key(capsys: Capsys, tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"id": "a", "id": "b"}')
    _fails(capsys, ["validate", str(path)], "duplicate key 'id'")


def test_deep_nesting_under_the_parser_limit(capsys: Capsys, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("id: x\ncontext: " + "[" * 200 + "]" * 200 + "\n")
    _fails(capsys, ["validate", str(path)], "nested too deeply")


# -- 6. importers ---------------------------------------------------------------------------------
def test_csv_field_over_the_limit(capsys: Capsys, tmp_path: Path) -> None:
    bdm = tmp_path / "bdm.csv"
    bdm.write_text("Actor,Capability,Position,Salience\n" + "A" * 200_000 + ",1,2,3\n")
    err = _fails(capsys, ["validate", str(bdm)], "not readable as CSV", "131,072")
    _located(err, "bdm.csv")
    ktab = tmp_path / "ktab.csv"
    ktab.write_text("T" * 200_000 + ",d,2,1\nActor,Desc,Cap,P,S\nA,a,1,2,3\n")
    _fails(capsys, ["validate", str(ktab)], "not readable as CSV")


def test_ktab_negative_dimensions(capsys: Capsys) -> None:
    err = _fails(capsys, ["validate", str(FIX / "ktab_neg_dims.csv")], "dimensions", "found -1")
    _located(err, "ktab_neg_dims.csv")


def test_deu3_bad_cell(capsys: Capsys, tmp_path: Path) -> None:
    cols = ["prnr", "prname", "isnr", "rp", "out", "pcom", "scom", "pep", "sep"]
    rows = [cols, [""] * len(cols), ["1", "P", "1", "50", "x7", "10", "80", "zz", "50"]]
    tsv = tmp_path / "deu3.tsv"
    tsv.write_text("\n".join("\t".join(r) for r in rows) + "\n")
    err = _fails(
        capsys, ["convert", str(tsv), str(tmp_path / "out")], "'out' is not a number", "'pep'"
    )
    _located(err, "deu3.tsv")
    assert not (tmp_path / "out").exists()  # nothing half-written


# -- 7. accepted silently before ------------------------------------------------------------------
_DEAL = """
deals:
  - id: d
    name: D
    clauses:
      - {id: c1, text: one, obligated: [a], depends_on: [c2]}
      - {id: c2, text: two, obligated: [b], depends_on: [c1]%s}
"""


def test_circular_depends_on(capsys: Capsys, tmp_path: Path) -> None:
    path = tmp_path / "cycle.yaml"
    path.write_text((FIX / "markup_title.yaml").read_text() + _DEAL % "")
    err = _fails(capsys, ["validate", str(path)], "circular depends_on", "c1 -> c2 -> c1")
    _located(err, "cycle.yaml")


def test_third_party_effect_on_unknown_actor(capsys: Capsys, tmp_path: Path) -> None:
    path = tmp_path / "tpe.yaml"
    text = (FIX / "markup_title.yaml").read_text() + _DEAL % ", third_party_effects: {zz: 0.5}"
    path.write_text(text.replace("depends_on: [c2]", "depends_on: []"))
    err = _fails(capsys, ["validate", str(path)], "unknown actor 'zz'", "third_party_effects")
    _located(err, "tpe.yaml")


@pytest.mark.parametrize(
    ("dynamics", "needle"),
    [("{params: {nosuch: 0.5}}", "dynamics.params.nosuch"), ("{start: nowhere}", "unknown rung")],
)
def test_validate_runs_the_simulation_input_checks(
    capsys: Capsys, tmp_path: Path, dynamics: str, needle: str
) -> None:
    path = tmp_path / "dyn.yaml"
    path.write_text((FIX / "markup_title.yaml").read_text() + f"dynamics: {dynamics}\n")
    err = _fails(capsys, ["validate", str(path)], needle)
    assert err.count(needle) == 1


def test_validate_empty_name(capsys: Capsys) -> None:
    err = _fails(capsys, ["validate", ""], "the name is empty")
    assert "folder" not in err


# -- 8. usage errors in Accord's format ----------------------------------------------------------
@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["forecast", "--runs", "-5"], "--runs"),
        (["space", "--top", "-1"], "--top"),
        (["forecast", "--runs", "many"], "--runs"),
    ],
)
def test_usage_errors_in_accord_format(capsys: Capsys, argv: list[str], flag: str) -> None:
    err = _fails(capsys, argv, flag, "invalid value")
    assert "╭" not in err and "Usage:" not in err


def test_usage_error_as_json(capsys: Capsys) -> None:
    assert run(["forecast", "--runs", "-5", "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["problems"][0]["path"] == "--runs"
    assert data["problems"][0]["found"] == "'-5'"


# -- found by the fuzz campaign ----------------------------------------------------------------
def test_brief_on_the_fuzz_campaign_reproducer(capsys: Capsys, tmp_path: Path) -> None:
    """The analysis campaign saw exit 70 (a template's missing 'side_phrase') on this file."""
    path = str(FIX / "fuzz_brief_side_phrase.yaml")
    argv = ["brief", path, "--runs", "50", "--format", "json,md,html", "--out", str(tmp_path)]
    assert run(argv) in (0, 2), capsys.readouterr().err
