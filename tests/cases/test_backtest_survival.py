"""`accord backtest survival`: coding of every case, outcomes, scores, JSON shape, errors."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from accord.backtest.survival import HORIZONS, backtest_survival, read_survival
from accord.cases import case_files
from accord.cli import run
from accord.errors import AccordError

LIBRARY = Path(str(resources.files("accord.cases")))


def test_every_case_is_coded_with_a_source():
    for path in case_files():
        s = read_survival(path)
        assert s.source and s.status in ("intact", "ended"), path.name
        assert (s.ended is None) == (s.status == "intact"), path.name


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("cases")
    for name in ("abm-treaty-1972", "paris-agreement-iran-2004", "panmunjom-declaration-2018"):
        shutil.copy(LIBRARY / f"{name}.yaml", folder)
    return backtest_survival(folder, runs=300, seed=1).to_dict()


def test_outcomes_follow_the_coded_dates(small: dict) -> None:
    standing = {c["case"]: c["standing"] for c in small["cases"]}
    assert standing["abm-treaty-1972"] == [True, True, True]  # withdrawal after 30 years
    assert standing["paris-agreement-iran-2004"] == [False, False, False]  # 9 months
    assert standing["panmunjom-declaration-2018"] == [True, False, False]  # 2 years


def test_scores_and_the_leave_one_out_base_rate(small: dict) -> None:
    assert [h["years"] for h in small["horizons"]] == list(HORIZONS)
    one = small["horizons"][0]
    assert one["n"] == 3 and one["base_rate"] == pytest.approx(2 / 3, abs=1e-4)
    paris = next(c for c in small["cases"] if c["case"].startswith("paris"))
    assert paris["p_base_rate_loao"][0] == 1.0  # the other two stood at one year
    for c in small["cases"]:
        assert all(0 <= p <= 1 for p in c["p_intact"] + c["p_standing"])
        # intact (every core clause delivered) implies not abandoned
        assert all(a <= b + 1e-9 for a, b in zip(c["p_intact"], c["p_standing"], strict=True))


def test_a_case_without_coding_is_reported_with_its_file(tmp_path: Path) -> None:
    text = (LIBRARY / "sort-2002.yaml").read_text()
    (tmp_path / "sort.yaml").write_text(text[: text.index("survival:")])
    with pytest.raises(AccordError) as err:
        backtest_survival(tmp_path, runs=100)
    assert "sort.yaml" in str(err.value) and "survival" in str(err.value)


def test_the_command_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(LIBRARY / "sort-2002.yaml", tmp_path)
    assert run(["backtest", "survival", "--cases", str(tmp_path), "--runs", "200", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dataset"] == "survival" and data["n_agreements"] == 1


def test_dates_are_checked() -> None:
    assert read_survival(LIBRARY / "inf-treaty-1987.yaml").ended == dt.date(2019, 8, 2)
