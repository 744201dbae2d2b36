"""The figures in docs/explanation/deu3-backtest.md are what `accord backtest deu3` measures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accord.backtest import deu3

PAGE = Path(__file__).resolve().parents[2] / "docs" / "explanation" / "deu3-backtest.md"
ROW = re.compile(
    r"^\| (model|baseline|tuned) \| ([\w-]+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \| "
    r"([\d.]+)% \|$",
    re.M,
)
CAP_ROW = re.compile(
    r"^\| (equal|nice|gdp) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| "
    r"([\d.]+) \|$",
    re.M,
)


@pytest.mark.slow
def test_results_table_matches_a_fresh_run(shared_data: Path) -> None:
    r = deu3.run(shared_data / "deu3" / "deu3.tsv")
    tables = {
        "model": r.models,
        "baseline": r.baselines,
        "tuned": {k: v.score for k, v in r.tuned.items()},
    }
    rows = ROW.findall(PAGE.read_text())
    assert len(rows) == sum(len(t) for t in tables.values())
    for kind, name, n, mae, med, within in rows:
        s = tables[kind][name]
        assert s.n == int(n)
        assert s.mae == pytest.approx(float(mae), abs=0.005)
        assert s.median_ae == pytest.approx(float(med), abs=0.005)
        assert 100 * s.within10 == pytest.approx(float(within), abs=0.05)


@pytest.mark.slow
def test_capability_table_matches(shared_data: Path) -> None:
    rows = CAP_ROW.findall(PAGE.read_text())
    assert [r[0] for r in rows] == ["equal", "nice", "gdp"]
    for cap, *maes in rows:
        r = deu3.run(shared_data / "deu3" / "deu3.tsv", capability=cap, cv=False)
        assert [round(s.mae, 2) for s in r.models.values()] == [float(m) for m in maes]
