"""Human names for the ids in results: actors, issues, deals, clauses, points on a scale."""

from __future__ import annotations

from dataclasses import dataclass

from accord.scenario.model import Issue, Scenario
from accord.scenario.quantity import Quantity

__all__ = ["Labels", "describe_point", "join_names"]


def join_names(names: list[str]) -> str:
    """Join names: ``a``, ``a and b``, ``a, b and c``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def describe_point(issue: Issue, value: float, compact: bool = False) -> str:
    """Describe ``value`` on the issue's scale by its anchors, never by a neighbour's label.

    A value on an anchor (or an option) gets its label; one between two anchors is
    "between 'A' (50) and 'B' (100)"; one beyond the last anchor "beyond 'A' (50)".
    ``compact`` cuts the anchors' labels in the between/beyond forms to their first words.
    """
    if issue.options is not None:
        opt = issue.options[round(min(max(value, 0), len(issue.options) - 1))]
        return opt.label or opt.id
    assert issue.scale is not None
    anchors = sorted(issue.scale.anchors, key=lambda a: a.at)
    if not anchors:
        return ""
    tol = 1e-9 * max(1.0, abs(issue.scale.hi - issue.scale.lo))
    exact = [a for a in anchors if abs(a.at - value) <= tol]
    if exact:
        return exact[0].label
    below = [a for a in anchors if a.at < value]
    above = [a for a in anchors if a.at > value]
    if below and above:
        return f"between {_anchor(below[-1], compact)} and {_anchor(above[0], compact)}"
    return f"beyond {_anchor(below[-1] if below else above[0], compact)}"


#: Words of an anchor's label kept in the compact form.
COMPACT_WORDS = 3


def _anchor(a: object, compact: bool = False) -> str:
    label: str = a.label  # type: ignore[attr-defined]
    words = label.split()
    if compact and len(words) > COMPACT_WORDS:
        label = " ".join(words[:COMPACT_WORDS]).rstrip(",;:") + "…"
    return f"'{label}' ({a.at:g})"  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Labels:
    """Look up display names in a scenario, falling back to the id when unknown."""

    scenario: Scenario

    def actor(self, actor_id: str) -> str:
        """Display name of an actor."""
        return next((a.name for a in self.scenario.actors if a.id == actor_id), actor_id)

    def possessive(self, actor_id: str) -> str:
        """``United States'``, ``North Korea's``."""
        name = self.actor(actor_id)
        return name + ("'" if name.endswith("s") else "'s")

    def actors(self, ids: list[str] | tuple[str, ...]) -> str:
        """Display names of several actors, joined."""
        return join_names([self.actor(a) for a in ids])

    def issue(self, issue_id: str) -> str:
        """Display name of an issue."""
        return next((i.name for i in self.scenario.issues if i.id == issue_id), issue_id)

    def deal(self, deal_id: str) -> str:
        """Display name of a deal."""
        return next((d.name for d in self.scenario.deals if d.id == deal_id), deal_id)

    def clause_text(self, clause_id: str) -> str:
        """Return the text of a clause, searched across all deals."""
        for d in self.scenario.deals:
            for c in d.clauses:
                if c.id == clause_id:
                    return c.text
        return clause_id

    def source(self, source_id: str | None) -> str:
        """Title of a source (or the id, or "unsourced")."""
        if source_id is None:
            return "unsourced"
        return next((s.title for s in self.scenario.sources if s.id == source_id), source_id)

    def paren(self, issue_id: str, value: float) -> str:
        """`` (label)`` of the anchor nearest ``value``, or nothing when there is none."""
        label = self.point(issue_id, value)
        return f" ({label})" if label else ""

    def point(self, issue_id: str, value: float) -> str:
        """Label of the anchor at ``value`` on an issue, or its compact between/beyond form."""
        try:
            return describe_point(self.scenario.issue(issue_id), value, compact=True)
        except Exception:
            return ""


def value_of(q: Quantity | str | None) -> float | None:
    """Point value of a quantity (``None`` for an option id or nothing)."""
    return q.point if isinstance(q, Quantity) else None
