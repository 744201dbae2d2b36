"""How the brief behaves: missing analyses, user errors, seeds, Jupyter display."""

from __future__ import annotations

import json

import pytest

import accord
from accord.brief import gather
from accord.brief.context import counterpart
from accord.brief.gather import Unavailable, attempt
from accord.brief.labels import describe_point


def _raise(err: BaseException):  # type: ignore[no-untyped-def]
    def call(*args: object, **kwargs: object) -> None:
        raise err

    return call


def test_not_implemented_analysis_makes_its_section_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gather.accord, "simulate", _raise(NotImplementedError("later")))
    b = accord.brief("korea-2018", runs=10)
    after = b.section("after")
    assert after.status == "unavailable" and after.waiting_on == ("simulate",)
    assert "not available in this version" in b.to_html()
    assert b.section("bluf").status == "partial"


def test_a_broken_import_inside_accord_is_a_bug_not_a_missing_feature() -> None:
    err = ModuleNotFoundError("No module named 'accord.dynamics'", name="accord.dynamics")
    with pytest.raises(ModuleNotFoundError):
        attempt("simulate", _raise(err))
    with pytest.raises(ImportError):
        attempt("simulate", _raise(ImportError("cannot import name 'x' from 'accord.space'")))


def test_missing_optional_dependency_names_the_extra() -> None:
    res = attempt("sensitivity", _raise(ModuleNotFoundError("no SALib", name="SALib")))
    assert isinstance(res, Unavailable)
    assert "pip install 'accord[sensitivity]'" in res.reason


def test_sensitivity_without_salib_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    real = gather.importlib.util.find_spec
    monkeypatch.setattr(
        gather.importlib.util, "find_spec", lambda name: None if name == "SALib" else real(name)
    )
    res = attempt("sensitivity", _raise(AssertionError("must not be called")))
    assert isinstance(res, Unavailable) and "accord[sensitivity]" in res.reason


def test_real_errors_are_not_hidden() -> None:
    with pytest.raises(ZeroDivisionError):
        attempt("space", _raise(ZeroDivisionError("bug")))
    with pytest.raises(accord.AccordError):
        attempt("space", _raise(accord.AccordError("bad input")))


def test_unknown_deal_side_and_runs_are_user_errors() -> None:
    with pytest.raises(accord.AccordError) as info:
        accord.brief("korea-2018", deals=["no-such-deal"], side="nobody", runs=0)
    paths = {p.path for p in info.value.problems}
    assert paths == {"deals", "side", "runs"}


@pytest.mark.usefixtures("fast")
def test_deal_selection_limits_the_deals_section() -> None:
    b = accord.brief("korea-2018", deals=["modest-agenda"], runs=10)
    assert b.meta["deals"] == ["modest-agenda"]
    data = b.section("deals").data
    if b.section("deals").status != "unavailable":
        assert "modest-agenda" in data and "grand-bargain" not in data


@pytest.mark.usefixtures("fast")
def test_same_seed_same_brief() -> None:
    a = accord.brief("korea-2018", runs=10, seed=3, forecast_runs=5)
    b = accord.brief("korea-2018", runs=10, seed=3, forecast_runs=5)
    assert a.to_json() == b.to_json()
    assert a.to_html() == b.to_html()


@pytest.mark.slow
def test_same_seed_same_brief_with_every_analysis(korea_brief: accord.brief.BriefResult) -> None:
    again = accord.brief("korea-2018", runs=korea_brief.meta["runs"], seed=0)
    assert again.to_json() == korea_brief.to_json()


@pytest.mark.usefixtures("fast")
def test_side_changes_the_view() -> None:
    c = accord.brief("korea-2018", runs=10, seed=3, side="dprk", forecast_runs=5)
    assert c.meta["side"] == "dprk" and c.meta["counterpart"] != "dprk"
    titles = [getattr(b, "title", None) for b in c.section("parties").blocks]
    assert "North Korea (this brief's side)" in titles


def test_counterpart_is_the_most_distant_actor() -> None:
    s = accord.load("korea-2018")
    assert counterpart(s, "usa") == "dprk"
    assert counterpart(s, "dprk") in {"usa", "jpn"}


def test_describe_point_names_an_anchor_only_when_the_value_is_on_it() -> None:
    issue = accord.load("korea-2018").issue("nuclear_arsenal")
    assert describe_point(issue, 50) == "arsenal capped at its current size, verified"
    assert describe_point(issue, 60) == (
        "between 'arsenal capped at its current size, verified' (50) and "
        "'unconstrained arsenal' (100)"
    )
    assert describe_point(issue, 25).startswith("between")


def test_repr_html_and_components_render_results(korea_brief: accord.brief.BriefResult) -> None:
    from accord.brief.components import render_html

    assert 'class="accord-brief"' in korea_brief._repr_html_()
    fc = accord.forecast("korea-2018", model="weighted-mean")
    html = render_html(fc)
    assert "Issue by issue" in html and "<svg" in html


def test_to_frame_lists_every_number(korea_brief: accord.brief.BriefResult) -> None:
    pytest.importorskip("pandas")
    frame = korea_brief.to_frame()
    data = json.loads(korea_brief.to_json())["data"]
    assert len(frame) > 100
    row = frame.iloc[0]
    node = data
    for key in row["path"].split("/"):
        node = node[key]
    assert node == row["value"]


@pytest.mark.parametrize(
    "make",
    [
        lambda s: accord.check(s, "modest-agenda", runs=200),
        lambda s: accord.simulate(s, deal="modest-agenda", runs=200, horizon=12),
    ],
)
def test_components_render_check_and_simulation(make) -> None:  # type: ignore[no-untyped-def]
    from accord.brief.components import render_html

    s = accord.load("korea-2018")
    html = render_html(make(s), s)
    assert 'class="accord-brief"' in html and "not available" not in html


def test_compact_points_cut_anchor_labels_in_the_between_form() -> None:
    issue = accord.load("korea-2018").issue("nuclear_arsenal")
    assert describe_point(issue, 50, compact=True) == (
        "arsenal capped at its current size, verified"
    )
    assert describe_point(issue, 60, compact=True) == (
        "between 'arsenal capped at…' (50) and 'unconstrained arsenal' (100)"
    )
