"""``accord space`` and ``accord offer``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.cli import run


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict:
    assert run(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_space_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, ["space", "--actors", "usa,dprk", "--grid", "6", "--json"])
    assert data["scenario"] == "korea-2018" and data["actors"] == ["usa", "dprk"]
    assert data["method"] == "merge" and data["frontier"] and data["solutions"]["nash"]
    assert {"nash", "kalai_smorodinsky", "utilitarian", "egalitarian"} == set(data["solutions"])


def test_space_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["space", "korea-2018", "--actors", "usa,dprk"]) == 0
    out = capsys.readouterr().out
    assert "frontier points" in out and "nash" in out and "trades" in out


def test_space_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    target = tmp_path / "frontier.svg"
    assert run(["space", "--actors", "usa,dprk", "--plot", str(target), "--json"]) == 0
    json.loads(capsys.readouterr().out)  # still only JSON on stdout
    assert target.read_text().lstrip().startswith("<?xml")


def test_offer_deal_and_package(capsys: pytest.CaptureFixture[str]) -> None:
    deal = _json(capsys, ["offer", "--deal", "grand-bargain", "--actors", "usa,dprk", "--json"])
    assert deal["dominated"] and not deal["in_zopa"] and deal["red_lines"]
    pkg = _json(capsys, ["offer", "--package", "cbm=80,tech_export=0", "--json"])
    assert pkg["package"]["cbm"] == 80 and pkg["source"] == "package"
    assert run(["offer", "--deal", "modest-agenda"]) == 0
    assert "better for all" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["offer"],
        ["offer", "--deal", "x", "--package", "cbm=1"],
        ["offer", "--package", "cbm"],
        ["offer", "--deal", "no-such-deal"],
        ["space", "--actors", "usa,nobody"],
        ["space", "--grid", "1"],
        ["space", "--red-lines", "soft"],
    ],
)
def test_user_errors_exit_2_without_traceback(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(argv) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out


def test_error_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["space", "--actors", "nobody", "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["problems"][0]["path"] == "actors"


def test_plot_must_be_svg_and_is_checked_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "frontier.png"
    assert run(["space", "--actors", "usa,dprk", "--plot", str(out)]) == 2
    assert "SVG" in capsys.readouterr().err
    assert not out.exists()


def test_grid_out_of_range_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["space", "--grid", "100000"]) == 2
    assert "2..1001" in capsys.readouterr().err
    assert run(["space", "--top", "-1"]) == 2


def test_out_of_memory_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import accord
    from accord.errors import AccordError

    def exhausted(*_: object) -> None:
        raise MemoryError

    monkeypatch.setattr("accord.space.analysis.merge_frontier", exhausted)
    with pytest.raises(AccordError, match="too large"):
        accord.space("korea-2018", actors=["usa", "dprk"], grid=3)


@pytest.mark.parametrize(
    ("package", "message"),
    [(",", "the package is empty"), ("cbm=20,cbm=30", "an issue is given twice")],
)
def test_offer_package_mistakes(
    package: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["offer", "--package", package, "--actors", "usa,dprk"]) == 2
    assert message in capsys.readouterr().err


def test_offer_prose_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["offer", "--deal", "modest-agenda", "--actors", "usa,dprk", "--grid", "3"]) == 0
    out = capsys.readouterr().out
    assert "in the ZOPA: " in out and "True" not in out and "False" not in out
    assert run(["space", "--actors", "usa", "--grid", "3"]) == 0
    assert "1 frontier point " in capsys.readouterr().out
