"""What every section builder receives: the scenario, the analyses' data, whose brief it is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from accord.brief.blocks import Paragraph, Section, text
from accord.brief.gather import Analyses, Settings, Unavailable
from accord.brief.labels import Labels
from accord.recommend import Recommendation
from accord.scenario.model import Scenario

__all__ = ["NAMES", "Context", "counterpart", "unavailable_section"]

#: A reader's name for each analysis.
NAMES = {
    "forecast": "the forecast",
    "space": "the agreement-space analysis",
    "check": "the deal check",
    "simulate": "the simulation",
    "sensitivity": "the sensitivity analysis",
    "recommend": "the recommendation",
}


@dataclass(frozen=True)
class Context:
    """Inputs of the section builders.

    Attributes
    ----------
    scenario
        The negotiation.
    analyses
        The analyses' ``.to_dict()`` data (or :class:`Unavailable`).
    settings
        Deals, side, runs and seed of the brief.
    labels
        Display names.
    other
        The main counterpart of ``settings.side`` (see :func:`counterpart`).
    """

    scenario: Scenario
    analyses: Analyses
    settings: Settings
    labels: Labels
    other: str

    @property
    def side(self) -> str:
        """Id of the actor the brief is written for."""
        return self.settings.side

    def data(self, name: str) -> Any:
        """Return an analysis' data, or its :class:`Unavailable`."""
        return self.analyses.get(name)

    @property
    def top(self) -> str:
        """The escalation ladder's top rung in the domain's words ("armed conflict")."""
        try:
            from accord.dynamics.ladder import ladder_for
        except ImportError:  # pragma: no cover - dynamics ships with accord
            return "armed conflict"
        return str(ladder_for(self.scenario).top_label)

    @property
    def recommendation(self) -> Recommendation | None:
        """The reconciled recommendation (None when the space or the check is unavailable)."""
        rec = self.analyses.results.get("recommend")
        return rec if isinstance(rec, Recommendation) else None


def counterpart(scenario: Scenario, side: str) -> str:
    """Return the actor whose ideal points lie farthest from ``side``'s.

    The distance is the salience-weighted mean gap between ideal points over the issues both
    hold a stance on, in units of each issue's range; ties go to the first actor listed.
    """
    mine = scenario.stances.get(side, {})
    best, best_gap = side, -1.0
    for actor in scenario.actors:
        if actor.id == side:
            continue
        gaps, weights = [], []
        for issue_id, st in scenario.stances.get(actor.id, {}).items():
            if issue_id not in mine:
                continue
            issue = scenario.issue(issue_id)
            lo, hi = issue.bounds
            gap = abs(issue.to_number(st.position) - issue.to_number(mine[issue_id].position))
            gaps.append(gap / max(hi - lo, 1e-12))
            weights.append(st.salience.point + mine[issue_id].salience.point)
        gap = float(np.average(gaps, weights=weights)) if gaps and sum(weights) > 0 else 0.0
        if gap > best_gap:
            best, best_gap = actor.id, gap
    return best


def unavailable_section(sid: str, number: int, title: str, missing: list[Unavailable]) -> Section:
    """Return a section saying which analyses it needs are unavailable."""
    blocks = tuple(
        Paragraph(
            text(f"{NAMES.get(u.analysis, u.analysis).capitalize()} is not available: {u.reason}."),
            kind="unavailable",
        )
        for u in missing
    )
    return Section(
        sid,
        number,
        title,
        blocks,
        {"available": False, "reasons": [u.to_dict() for u in missing]},
        status="unavailable",
        waiting_on=tuple(u.analysis for u in missing),
    )
