"""The case library: faithful to the shared data, outcomes kept apart, easy to write."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from accord.cases import load_case, load_cases
from accord.errors import AccordError

ATTRS = ("instrument", "verification", "precision", "power_shift")
BOOLS = ("needs_ratification", "reversible", "funding_needed", "third_party_needed", "reciprocal")
DEV = ("clauses-dev.csv", "clauses-dev-more.csv")


@pytest.fixture(scope="module")
def library() -> dict:
    cases = load_cases()
    return {
        cid: (case, clause)
        for case in cases
        for clause in case.scenario.deals[0].clauses
        for cid in [clause.id]
    }


def _rows(shared: Path, name: str) -> list[dict[str, str]]:
    with open(shared / "agreements" / name, newline="") as handle:
        return list(csv.DictReader(handle))


def test_library_holds_every_clause_once(library: dict, shared_data: Path) -> None:
    cases = load_cases()
    assert len(library) == sum(len(c.scenario.deals[0].clauses) for c in cases)  # ids unique
    shared = {r["clause_id"] for n in DEV for r in _rows(shared_data, n)}
    assert len(shared) == 87 and shared <= set(library)
    assert len(cases) >= 48 and len(library) >= 184
    assert all(set(c.outcomes) == {x.id for x in c.scenario.deals[0].clauses} for c in cases)


RESERVED = (
    "Comprehensive Military Agreement",
    "JCPOA",
    "Joint Comprehensive Plan",
    "Leap Day",
    "New START",
    "Elimination of Syrian Chemical",
    "June 15",
    "North-South Joint Declaration",
    "SALT II",
    "Denuclearization of the Korean Peninsula",
    "Incidents at Sea",
    "INCSEA",
    "Lahore",
    "missile non-proliferation pledge",
    "Tehran Declaration",
    "CFE Treaty",
    "Conventional Armed Forces in Europe",
    "Pyongyang Joint Declaration",
    "Attack against Nuclear Installations",
    "Launch Notification Agreement",
)


def test_no_reserved_agreement_is_coded() -> None:
    """The issue's blind-evaluation agreements are never cases (their names may appear in a
    source note of another case, as context, but never as a case title or clause)."""
    for case in load_cases():
        coded = " ".join(
            [case.scenario.title] + [c.text for c in case.scenario.deals[0].clauses]
        ).lower()
        hits = [r for r in RESERVED if r.lower() in coded]
        assert not hits, (case.file, hits)


def test_every_new_case_separates_its_passes() -> None:
    """Cases of the v2 library: a category, sources, and outcomes after the attributes."""
    for path in sorted(Path(str(resources.files("accord.cases"))).glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "library:" not in text:
            continue
        assert text.index("PASS 2 (outcomes)") < text.index("\noutcomes:"), path.name
        assert "survival:" in text and "source" in text, path.name


def test_outcomes_match_the_shared_data(library: dict, shared_data: Path) -> None:
    for name in ("clauses-dev.csv", "clauses-dev-more.csv"):
        for row in _rows(shared_data, name):
            case, _ = library[row["clause_id"]]
            got = case.outcomes[row["clause_id"]]
            assert got.outcome_0to3 == int(row["outcome_0to3"])
            assert set(got.cause_codes) == {c for c in row["cause_codes"].split(",") if c != "-"}


def test_coded_attributes_match_the_shared_data(library: dict, shared_data: Path) -> None:
    for row in _rows(shared_data, "clauses-dev-more.csv"):
        _, clause = library[row["clause_id"]]
        for name in ATTRS:
            value = getattr(clause, name)
            assert getattr(value, "value", value) == row[name], (row["clause_id"], name)
        for name in BOOLS:
            assert getattr(clause, name) == (row[name] == "yes"), (row["clause_id"], name)
        assert clause.horizon_years.point == float(row["horizon_years"])
        deps = {d for d in row["depends_on"].split(",") if d != "-"}
        assert set(clause.depends_on) <= deps


def test_every_clause_of_the_first_file_is_coded(library: dict, shared_data: Path) -> None:
    for row in _rows(shared_data, "clauses-dev.csv"):
        _, clause = library[row["clause_id"]]
        assert clause.instrument is not None and clause.verification is not None
        assert clause.precision in {"precise", "vague"} and clause.reversible is not None
        assert clause.power_shift in {"none", "low", "high"}


def test_analyses_never_see_outcomes(library: dict) -> None:
    case, _ = library["AF1"]
    assert "outcome" not in case.scenario.to_yaml()


MINIMAL = """\
id: tiny-case
title: A two-clause test agreement
clauses:
  - id: T1
    text: Both sides open a hotline.
    obligated: [alpha, beta]
    instrument: executive
    verification: continuous
    outcome: {outcome_0to3: 3, cause_codes: [], note: worked}
  - id: T2
    text: Alpha freezes its programme.
    obligated: [alpha]
    depends_on: [T1, X9]
    source: someone-2020
outcomes:
  T2: 1
"""


def test_a_minimal_case_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(MINIMAL)
    case = load_case(path)
    assert {a.id for a in case.scenario.actors} == {"alpha", "beta"}
    assert case.outcomes["T1"].outcome_0to3 == 3 and case.outcomes["T2"].implemented is False
    assert case.scenario.deal("agreement").clauses[1].depends_on == ["T1"]
    assert any("X9" in n for n in case.notes) and any("someone-2020" in n for n in case.notes)


def test_bad_outcomes_are_reported_with_their_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(MINIMAL.replace("T2: 1", "T2: 7\n  T3: 2"))
    with pytest.raises(AccordError) as err:
        load_case(path)
    assert len(err.value.problems) == 2
    assert all(p.file == str(path) and p.line for p in err.value.problems)


def test_an_empty_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(AccordError, match="no case files"):
        load_cases(tmp_path)


def test_the_worked_example_of_the_how_to_loads(tmp_path: Path) -> None:
    page = Path(__file__).resolve().parents[2] / "docs" / "how-to" / "code-an-agreement.md"
    block = page.read_text().split("```yaml\n")[1].split("```")[0]
    path = tmp_path / "hotline.yaml"
    path.write_text(block)
    case = load_case(path)
    shipped = next(c for c in load_cases() if c.scenario.id == "hotline-mou-1963")
    mine = {c.id: c for c in case.scenario.deals[0].clauses}
    for clause in shipped.scenario.deals[0].clauses:
        for name in (
            "instrument",
            "verification",
            "precision",
            "power_shift",
            "reversible",
            "funding_needed",
            "third_party_needed",
            "reciprocal",
            "depends_on",
        ):
            assert getattr(mine[clause.id], name) == getattr(clause, name), name
    assert {k: v.outcome_0to3 for k, v in case.outcomes.items()} == {"HL1": 3, "HL2": 3}


SPREADSHEET = """\
id: copied-from-a-spreadsheet
clauses:
  - clause_id: S1
    agreement: Some accord 1999
    year: 1999
    clause: Both sides notify exercises.
    obligated: US, USSR/Russia
    instrument: executive
    verification: data_exchange
    depends_on: "-"
    outcome_0to3: 2
    cause_codes: CRED,AMB
    source_keys: R1,R2
"""


def test_a_clause_written_with_the_csv_columns_loads(tmp_path: Path) -> None:
    path = tmp_path / "sheet.yaml"
    path.write_text(SPREADSHEET)
    case = load_case(path)
    clause = case.scenario.deals[0].clauses[0]
    assert clause.id == "S1" and clause.obligated == ["US", "USSR_Russia"]
    assert clause.text == "Both sides notify exercises." and clause.source == "R1"
    assert case.outcomes["S1"].outcome_0to3 == 2
    assert case.outcomes["S1"].cause_codes == ("CRED", "AMB")


def test_bad_outcome_problems_name_the_field_and_value(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(MINIMAL.replace("T2: 1", "T2: 7\n  T3: 2"))
    with pytest.raises(AccordError) as err:
        load_case(path)
    level, unknown = err.value.problems
    assert level.path == "outcomes.T2.outcome_0to3" and level.found == "7"
    assert unknown.path == "outcomes.T3" and unknown.found == "'T3'"
    assert "T1" in (unknown.expected or "")
