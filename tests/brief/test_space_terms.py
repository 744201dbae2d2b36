"""§4 never equates two packages whose values lie on different sides of a red line."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import accord
from accord.brief.sections.space import _same_side


def _ctx() -> Any:
    return SimpleNamespace(scenario=accord.load("korea-2018"))


def test_values_across_a_red_line_are_not_the_same_terms() -> None:
    # North Korea's red line on the arsenal is 60: a cap at 50 crosses it, 60 does not.
    assert not _same_side(_ctx(), "nuclear_arsenal", 50.0, 60.0)
    assert _same_side(_ctx(), "nuclear_arsenal", 62.0, 60.0)
    assert _same_side(_ctx(), "nuclear_arsenal", 40.0, 50.0)


def test_korea_nash_benchmark_is_not_likened_to_the_arsenal_cap(
    korea_brief: accord.brief.BriefResult,
) -> None:
    md = korea_brief.to_markdown()
    same = [line for line in md.splitlines() if "much the same terms" in line]
    assert not any("caps its nuclear arsenal" in line for line in same)


def test_the_ensemble_is_checked_against_red_lines(korea_brief: accord.brief.BriefResult) -> None:
    """Review 1, contradiction 9: the ensemble crosses red lines too, and is listed."""
    from accord.brief.sections.issues import ensemble_value

    s = accord.load("korea-2018")
    fc = korea_brief.analyses["forecast"]
    md = korea_brief.to_markdown()
    lines = md.split("### Forecasts beyond a party's red line", 1)[1].split("###", 1)[0]
    crossed = 0
    for row in s.stances.values():
        for issue_id, st in row.items():
            x = ensemble_value(fc, issue_id)
            if st.red_line is None or x is None:
                continue
            issue = s.issue(issue_id)
            line, pos = issue.to_number(st.red_line), issue.to_number(st.position)
            if (x - line) * (line - pos) > 1e-9:
                crossed += 1
                name = [ln for ln in lines.splitlines() if ln.startswith(f"- {issue.name}:")]
                assert any("ensemble (" in ln for ln in name), issue_id
    assert crossed >= 3
