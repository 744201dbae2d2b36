"""Each class of bad input gets one fixture; the message must name the right line and field.

Every YAML fixture states on its first line what the loader must say:
``# expect: LINE | FIELD PATH | TEXT`` (``-`` for a line that is not asserted).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import accord
from accord.errors import AccordError
from accord.scenario.locate import MAX_BYTES

BAD = Path(__file__).parent / "fixtures" / "bad"
DECLARED = sorted(p for p in BAD.glob("*.yaml") if p.read_bytes().startswith(b"# expect:"))


def _expectation(path: Path) -> tuple[int | None, str, str]:
    head = path.read_text().splitlines()[0].removeprefix("# expect:")
    line, field, text = (part.strip() for part in head.split("|"))
    return (None if line == "-" else int(line)), field, text


@pytest.mark.parametrize("path", DECLARED, ids=lambda p: p.stem)
def test_bad_file_names_line_and_field(path: Path) -> None:
    line, field, text = _expectation(path)
    with pytest.raises(AccordError) as info:
        accord.load(path)
    matching = [p for p in info.value.problems if text in p.message]
    assert matching, f"no problem mentions {text!r}: {info.value}"
    problem = matching[0]
    assert problem.file == str(path)
    assert problem.path == field
    if line is not None:
        assert problem.line == line


def test_all_fixture_classes_are_declared() -> None:
    # the undeclared ones (empty, binary, JSON) are tested below
    assert len(DECLARED) >= 15


def test_every_problem_reported_at_once(tmp_path: Path) -> None:
    text = (BAD / "salience-range.yaml").read_text().replace("position: 5", "position: 99")
    text = text.replace("capability: 2", "capability: -1")
    path = tmp_path / "two.yaml"
    path.write_text(text)
    with pytest.raises(AccordError) as info:
        accord.load(path)
    messages = " / ".join(p.message for p in info.value.problems)
    assert "capability must be > 0" in messages
    # field errors stop before cross-checks; fix capability and the two cross-check errors show
    path.write_text(text.replace("capability: -1", "capability: 1"))
    with pytest.raises(AccordError) as info:
        accord.load(path)
    paths = {p.path for p in info.value.problems}
    assert {"stances.north.tariff.salience", "stances.north.tariff.position"} <= paths


def test_empty_file() -> None:
    with pytest.raises(AccordError, match="empty"):
        accord.load(BAD / "empty.yaml")


def test_binary_file() -> None:
    with pytest.raises(AccordError, match="binary"):
        accord.load(BAD / "binary.yaml")


def test_broken_json_names_line() -> None:
    with pytest.raises(AccordError) as info:
        accord.load(BAD / "broken.json")
    (problem,) = info.value.problems
    assert "not valid JSON" in problem.message
    assert problem.line == 4


def test_oversized_file_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# padding\n" * (MAX_BYTES // 10 + 1))
    with pytest.raises(AccordError) as info:
        accord.load(path)
    (problem,) = info.value.problems
    assert problem.message == "file too large"


def test_unknown_builtin_or_missing_file() -> None:
    with pytest.raises(AccordError, match="no such scenario"):
        accord.load("korea-2019")


def test_recursive_alias(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("a: &a [*a]\n")
    with pytest.raises(AccordError, match="refers to itself"):
        accord.load(path)


def test_problem_text_has_file_line_field_expected_found() -> None:
    with pytest.raises(AccordError) as info:
        accord.load(BAD / "deal-off-scale.yaml")
    text = str(info.value.problems[0])
    assert text.startswith(f"{BAD / 'deal-off-scale.yaml'}:20:")
    assert "deals[0].clauses[0].sets.tariff" in text
    assert "expected a value within the scale [0, 40]" in text
    assert "found -5" in text
