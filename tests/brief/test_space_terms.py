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
