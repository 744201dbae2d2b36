"""The workspace app through HTTP: what-if, save, conflicts, diff, trace, validation, cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import accord
from accord.errors import AccordError
from accord.scenario import validate_data

VERIFY = "deals/modest-agenda/clauses/ma-relief/verification"


def test_scenario_page_opens_korea(make_client: Any) -> None:
    client = make_client()
    page = client.get("/s/korea-2018")
    assert page.status_code == 200
    assert "US–North Korea summit diplomacy, 2018" in page.text
    assert 'data-testid="bottom-line"' in page.text


def test_whatif_moves_the_clause_and_the_bottom_line(make_client: Any) -> None:
    client = make_client()
    body = {"base": 1, "deal": "modest-agenda", "edits": {VERIFY: "none"}}
    out = client.post("/api/scenarios/korea-2018/whatif", json=body).json()
    before, after = out["bottom_line_before"], out["bottom_line"]
    # removing the verification of a clause makes it less likely to be kept, and the deal too
    assert after["clauses"]["ma-relief"][1] < before["clauses"]["ma-relief"][1]
    assert after["p_all_core"] < before["p_all_core"]
    assert out["changes"] == [
        {
            "path": "deals.modest-agenda.clauses.ma-relief.verification",
            "kind": "changed",
            "before": "continuous",
            "after": "none",
        }
    ]
    html = client.post(
        "/s/korea-2018/whatif", data={"base": "1", "deal": "modest-agenda", VERIFY: "none"}
    ).text
    was = f"{100 * before['p_all_core']:.0f}%"
    assert f"(revision 1: {was})" in html


def test_whatif_edits_that_change_no_forecast_input_reuse_the_cache(make_client: Any) -> None:
    client = make_client()
    body = {"base": 1, "deal": "modest-agenda", "edits": {VERIFY: "ntm"}}
    client.post("/api/scenarios/korea-2018/whatif", json=body)
    cache = client.app.state.ws.cache
    misses = cache.misses
    client.post("/api/scenarios/korea-2018/whatif", json={**body, "edits": {VERIFY: "on_site"}})
    assert cache.misses == misses + 1  # only the deal check ran: forecast and space were cached
    client.post("/api/scenarios/korea-2018/whatif", json={**body, "edits": {VERIFY: "on_site"}})
    assert cache.misses == misses + 1


def test_cached_forecast_equals_a_fresh_one_after_a_clause_edit() -> None:
    # the cache key of the forecast ignores deals: that is only right if deals never move it
    s = accord.load("korea-2018")
    data = s.to_dict()
    data["deals"] = data["deals"][:1]
    assert (
        accord.forecast(validate_data(data)).to_dict()["models"]
        == (accord.forecast(s).to_dict()["models"])
    )


def test_invalid_edit_shows_the_clis_problems(make_client: Any) -> None:
    client = make_client()
    edits = {"stances/usa/cbm/salience": "1.5", "actors/usa/capability": "-2"}
    out = client.post("/api/scenarios/korea-2018/whatif", json={"base": 1, "edits": edits})
    assert out.status_code == 422
    data = accord.load("korea-2018").to_dict()
    data["stances"]["usa"]["cbm"]["salience"].update(mode=1.5, high=1.5)
    data["actors"][0]["capability"].update(mode=-2.0, low=-2.0)
    with pytest.raises(AccordError) as cli:
        validate_data(data, "<korea-2018 what-if>")
    assert out.json()["problems"] == [p.to_dict() for p in cli.value.problems]
    salience = {"stances/usa/cbm/salience": "1.5"}
    html = client.post("/s/korea-2018/whatif", data={"base": "1", **salience})
    assert "stances.usa.cbm.salience" in html.text and "expected a value in [0, 1]" in html.text


def test_unknown_field_is_a_problem_not_an_error(make_client: Any) -> None:
    client = make_client()
    out = client.post(
        "/api/scenarios/korea-2018/whatif",
        json={"base": 1, "edits": {"deals/nope/clauses/x/verification": "none"}},
    )
    assert out.status_code == 422 and out.json()["problems"][0]["message"] == "unknown field"


def test_save_conflict_diff_trace_restore(make_client: Any, db_url: str) -> None:
    client = make_client(db_url)
    api = "/api/scenarios/korea-2018"
    saved = client.post(f"{api}/revisions", json={"base": 1, "edits": {VERIFY: "none"}})
    assert saved.status_code == 201 and saved.json()["number"] == 2
    late = client.post(f"{api}/revisions", json={"base": 1, "edits": {VERIFY: "ntm"}})
    assert late.status_code == 409
    conflict = late.json()
    assert (
        conflict["head"]["number"] == 2
        and "ana saved revision 2" in conflict["problems"][0]["message"]
    )
    assert conflict["theirs"][0]["after"] == "none" and conflict["yours"][0]["after"] == "ntm"
    page = client.post("/s/korea-2018/save", data={"base": "1", VERIFY: "ntm"})
    assert 'data-testid="conflict"' in page.text
    d = client.get(f"{api}/diff", params={"a": 1, "b": 2}).json()
    assert [c["path"] for c in d["inputs"]] == [
        "deals.modest-agenda.clauses.ma-relief.verification"
    ]
    moved = {c["path"]: c for c in d["results"]}
    assert "deal modest-agenda.ma-relief" in moved
    assert "deal modest-agenda.P(all core clauses carried out)" in moved
    assert not any(p.startswith("forecast.") for p in moved)  # a clause edit moves no forecast
    trace = client.get(
        f"{api}/revisions/2/trace", params={"deal": "modest-agenda", "clause": "ma-relief"}
    ).json()
    rows = {r["path"]: r for r in trace["inputs"]}
    assert rows["deals.modest-agenda.clauses.ma-relief.verification"]["changed_in"] == 2
    assert rows["deals.modest-agenda.clauses.ma-relief.text"]["changed_in"] == 1
    assert trace["clause"]["reasons"]
    back = client.post(f"{api}/revisions/1/restore", json={"base": 2})
    assert back.status_code == 201 and back.json()["number"] == 3
    history = client.get(f"{api}/revisions").json()
    assert [(r["number"], r["author"]) for r in history] == [(3, "ana"), (2, "ana"), (1, "ana")]
    audit = client.get("/api/audit").json()
    assert [a["action"] for a in audit[:3]] == ["save", "save", "save"]


def test_diff_and_history_pages_render(make_client: Any) -> None:
    client = make_client()
    client.post("/s/korea-2018/save", data={"base": "1", VERIFY: "none", "message": "no checks"})
    assert "Revision 1 → 2" in client.get("/s/korea-2018/diff?a=1&b=2").text
    assert "no checks" in client.get("/s/korea-2018/history").text
    trace = client.get("/s/korea-2018/r/2/clause/modest-agenda/ma-relief").text
    assert "revision 2 by ana" in trace
    assert client.get("/s/korea-2018/r/1/view?deal=modest-agenda").status_code == 200


def test_yaml_edit_page_validates_like_the_cli(make_client: Any) -> None:
    client = make_client()
    bad = accord.load("korea-2018").to_yaml().replace("title: US", "title:\n  - US", 1)
    out = client.post("/s/korea-2018/edit", data={"base": "1", "text": bad})
    assert 'data-testid="problems"' in out.text and "&lt;korea-2018 edit&gt;:" in out.text
    good = accord.load("korea-2018").to_yaml().replace("title: US", "title: Edited US", 1)
    saved = client.post("/s/korea-2018/edit", data={"base": "1", "text": good, "message": "t"})
    assert "Saved revision 2" in saved.text


def test_uploaded_script_shows_as_text(make_client: Any) -> None:
    client = make_client()
    data = accord.load("korea-2018").to_dict()
    data.update(id="xss", title="<script>alert(1)</script>")
    data["deals"][0]["clauses"][0]["text"] = "<img src=x onerror=alert(2)>"
    out = client.post("/api/scenarios", json={"text": accord.scenario.dump_yaml(data)})
    assert out.status_code == 201
    page = client.get("/s/xss?deal=" + data["deals"][0]["id"]).text
    assert (
        "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    )
    assert "<img src=x" not in page
    upload = client.post(
        "/upload", files={"file": ("t.yaml", accord.scenario.dump_yaml({**data, "id": "x2"}))}
    )
    assert "Imported" in upload.text
    again = client.post("/upload", files={"file": ("t.yaml", b"id: [")})
    assert 'data-testid="problems"' in again.text and "t.yaml" in again.text


def test_a_scenario_without_deals_opens(make_client: Any) -> None:
    client = make_client()
    data = accord.load("korea-2018").to_dict()
    data.update(id="nodeals", deals=[])
    made = client.post("/api/scenarios", json={"text": accord.scenario.dump_yaml(data)})
    assert made.status_code == 201
    page = client.get("/s/nodeals")
    assert page.status_code == 200 and "no deals: nothing to check" in page.text
    out = client.post("/api/scenarios/nodeals/whatif", json={"base": 1, "deal": "x"})
    assert out.status_code == 404 and out.json()["problems"][0]["path"] == "deal"


def test_upload_names_cannot_leave_the_folder(make_client: Any) -> None:
    client = make_client()
    ktab = (
        Path(__file__).resolve().parents[2] / "docs" / "examples" / "ktab-example.csv"
    ).read_bytes()
    out = client.post("/upload", files={"file": ("../../evil/..csv", ktab)})
    assert out.status_code == 200 and ("Imported" in out.text or "problems" in out.text)
    assert "Imported" in client.post("/upload", files={"file": ("k.csv", ktab)}).text
