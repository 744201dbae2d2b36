"""Importers: expected-utility CSV, KTAB SMP CSV and DEU III read into valid scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest

import accord
from accord.errors import AccordError
from accord.scenario import load_text
from accord.scenario.formats import bdm, deu3, ktab


def test_bdm_car_emissions(shared_data: Path) -> None:
    s = accord.load(shared_data / "bdm" / "car-emissions-1994.csv")
    arrays = s.arrays("issue")
    assert len(s.actors) == 10
    assert (arrays.lo, arrays.hi) == (4.0, 10.0)
    text = (shared_data / "bdm" / "car-emissions-1994.csv").read_text().splitlines()
    first = text[1].split(",")
    assert arrays.capability[0] == float(first[1])
    assert arrays.position[0] == float(first[2])
    assert arrays.salience[0] == float(first[3])
    assert load_text(s.to_yaml()) == s


@pytest.mark.parametrize(
    ("name", "actors", "dims"),
    [("dummyData_3Dim.csv", 7, 3), ("SOE-Pol-Comp.csv", 13, 2), ("dummyData-a080.csv", 80, 1)],
)
def test_ktab(shared_data: Path, name: str, actors: int, dims: int) -> None:
    s = accord.load(shared_data / "ktab" / name)
    assert len(s.actors) == actors
    assert len(s.issues) == dims
    for issue in s.issues:
        a = s.arrays(issue.id)
        assert len(a.actors) == actors
        assert ((a.salience >= 0) & (a.salience <= 1)).all()
    assert load_text(s.to_yaml()) == s


def test_ktab_reads_values_exactly(shared_data: Path) -> None:
    s = ktab.read(shared_data / "ktab" / "SOE-Pol-Comp.csv")
    xj = s.actor("XJ")
    assert xj.capability.point == 100.0
    assert s.stances["XJ"]["policy"].position.point == 30.0
    assert s.stances["XJ"]["competitive"].salience.point == pytest.approx(0.48)


@pytest.mark.parametrize("capability", ["equal", "nice", "gdp"])
def test_deu3(shared_data: Path, capability: str) -> None:
    scenarios = deu3.read(shared_data / "deu3" / "deu3.tsv", capability, with_outcome=True)  # type: ignore[arg-type]
    assert len(scenarios) == 353
    first = scenarios[0]
    assert first.issue("issue").outcome is not None
    assert {"com", "ep"} <= {a.id for a in first.actors}
    if capability == "nice":
        assert first.actor("de").capability.point == 29
    assert load_text(first.to_yaml()) == first


def test_deu3_all_issues(shared_data: Path) -> None:
    assert len(deu3.read(shared_data / "deu3" / "deu3.tsv")) == 364


def test_deu3_reproduces_published_compromise_baseline(shared_data: Path) -> None:
    """The importer's reading gives the README's salience-weighted mean MAE of 23.7."""
    errors = []
    for s in deu3.read(shared_data / "deu3" / "deu3.tsv", with_outcome=True):
        a = s.arrays("issue")
        forecast = (a.salience * a.position).sum() / a.salience.sum()
        errors.append(abs(forecast - s.issue("issue").outcome))
    assert round(sum(errors) / len(errors), 1) == 23.7


def test_bdm_bad_number(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Actor,Capability,Position,Salience\nA,1,2,0.5\nB,one,2,0.5\n")
    with pytest.raises(AccordError) as info:
        bdm.read(path)
    (problem,) = info.value.problems
    assert (problem.line, problem.column, problem.path) == (3, 2, "Capability")


def test_ktab_wrong_actor_count(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text("S,desc,3,1,\nActor,Description,Power,P1,S1,\nA,d,1,10,50,\nB,d,1,20,50,\n")
    with pytest.raises(AccordError, match="number of actors"):
        accord.load(path)


def test_ktab_bad_number_is_located(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text("S,desc,2,1,\nActor,Description,Power,P1,S1,\nA,d,1,10,50,\nB,d,1,x,50,\n")
    with pytest.raises(AccordError) as info:
        ktab.read(path)
    (problem,) = info.value.problems
    assert (problem.line, problem.column, problem.found) == (4, 4, "'x'")
    assert problem.message == "not a number"
