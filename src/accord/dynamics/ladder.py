"""Escalation ladders: ordinal rungs from cooperation to the worst outcome of a domain.

A scenario's ``domain`` picks the ladder; a scenario may bring its own (``dynamics: ladder:``).
The simulation moves one rung at a time; the top rung is absorbing; from the ``crisis`` rung
on, the deal is abandoned.

* ``security`` condenses Kahn's (1965) escalation ladder and the hostility levels of the
  Correlates of War militarised-dispute data (Jones, Bremer & Singer 1996); its top rung is
  armed conflict, the only one reported as a war.
* ``trade`` follows a trade dispute from formal complaint through retaliation to a trade war
  (the stages of the WTO dispute procedure and of retaliation under it).
* ``environment`` runs from compliance through open non-compliance to withdrawal from the
  regime; ``other`` from friction to a rupture of relations.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

__all__ = [
    "CONFLICT",
    "CRISIS",
    "LADDER",
    "LADDERS",
    "SECURITY",
    "Ladder",
    "Rung",
    "ladder_for",
]


@dataclass(frozen=True)
class Rung:
    """One step of an escalation ladder."""

    level: int
    name: str
    meaning: str


@dataclass(frozen=True)
class Ladder:
    """An escalation ladder and how a presenter names its top rung.

    Attributes
    ----------
    domain
        ``security``, ``trade``, ``environment`` or ``other`` (whose base rates apply).
    rungs
        Lowest first; the last is absorbing.
    crisis
        Index of the rung from which the deal is abandoned.
    start
        Index of the rung at signing.
    top_label
        The top rung in the domain's words, for a sentence ("trade war").
    custom
        Whether the scenario brought its own rungs.
    """

    domain: str
    rungs: tuple[Rung, ...]
    crisis: int
    start: int
    top_label: str
    custom: bool = False

    @property
    def top(self) -> int:
        """Index of the absorbing top rung."""
        return len(self.rungs) - 1

    @property
    def size(self) -> int:
        """Number of rungs."""
        return len(self.rungs)

    @property
    def war(self) -> bool:
        """Whether the top rung is armed conflict (only the security ladder's is)."""
        return self.domain == "security"

    @property
    def names(self) -> tuple[str, ...]:
        """Rung names, lowest first."""
        return tuple(r.name for r in self.rungs)

    def to_dict(self) -> dict[str, Any]:
        """Plain data: domain, rungs, crisis, start, top and its label."""
        return {
            "domain": self.domain,
            "rungs": [{"name": r.name, "meaning": r.meaning} for r in self.rungs],
            "crisis": self.rungs[self.crisis].name,
            "start": self.rungs[self.start].name,
            "top": self.rungs[self.top].name,
            "top_label": self.top_label,
            "war": self.war,
            "custom": self.custom,
        }


def _ladder(domain: str, label: str, rows: tuple[tuple[str, str], ...]) -> Ladder:
    rungs = tuple(Rung(i, n, m) for i, (n, m) in enumerate(rows))
    return Ladder(domain, rungs, crisis=3, start=2, top_label=label)


SECURITY = _ladder(
    "security",
    "armed conflict",
    (
        ("cooperation", "Agreements kept and extended; regular talks; joint projects."),
        ("detente", "Wary calm: talks continue, no threats, occasional friction."),
        ("tension", "Harsh rhetoric, new sanctions, tests or exercises as signals."),
        ("crisis", "Explicit threats, mobilisation, alerts; agreements suspended."),
        ("clashes", "Shows of force with incidents: shots fired, limited strikes."),
        ("armed_conflict", "Sustained use of force between the parties (absorbing)."),
    ),
)
TRADE = _ladder(
    "trade",
    "trade war",
    (
        ("cooperation", "Commitments kept and extended; barriers coming down."),
        ("normal_trade", "Routine frictions settled in committees."),
        ("dispute", "Formal complaints, consultations, threats of tariffs."),
        ("retaliation_announced", "Retaliation lists and deadlines; the deal suspended."),
        ("retaliation", "Tariffs or quotas imposed in retaliation and answered."),
        ("trade_war", "Sustained tit-for-tat across sectors (absorbing)."),
    ),
)
ENVIRONMENT = _ladder(
    "environment",
    "withdrawal from the regime",
    (
        ("cooperation", "Commitments met and strengthened."),
        ("compliance", "Commitments met; reviews pass with remarks."),
        ("backsliding", "Targets missed; reviews critical."),
        ("non_compliance", "Open non-compliance; the commitments suspended."),
        ("withdrawal_threat", "Withdrawal announced or threatened."),
        ("withdrawal", "A party leaves the regime (absorbing)."),
    ),
)
OTHER = _ladder(
    "other",
    "rupture of relations",
    (
        ("cooperation", "Commitments kept and extended."),
        ("normal", "Business as usual, occasional friction."),
        ("friction", "Public complaints, counter-measures threatened."),
        ("crisis", "Counter-measures taken; the deal suspended."),
        ("confrontation", "Sanctions, expulsions, retaliation answered in kind."),
        ("rupture", "Relations broken off (absorbing)."),
    ),
)
LADDERS: dict[str, Ladder] = {x.domain: x for x in (SECURITY, TRADE, ENVIRONMENT, OTHER)}

#: The security ladder's rungs (kept for callers that assume it).
LADDER: tuple[Rung, ...] = SECURITY.rungs
#: The rung from which a deal counts as abandoned, on the security ladder.
CRISIS = SECURITY.crisis
#: The absorbing top rung of the security ladder.
CONFLICT = SECURITY.top


def ladder_for(scenario: Any) -> Ladder:
    """Return the ladder a scenario declares (its own, else its domain's; ``other`` if neither).

    Raises
    ------
    AccordError
        When ``dynamics.start`` names no rung of the ladder.
    """
    domain = getattr(scenario, "domain", None) or "other"
    dyn = getattr(scenario, "dynamics", None)
    base = LADDERS[domain]
    own = getattr(dyn, "ladder", None)
    if own:
        rungs = tuple(Rung(i, r.name, r.meaning or "") for i, r in enumerate(own))
        marked = [i for i, r in enumerate(own) if r.crisis]
        crisis = marked[0] if marked else max(1, len(rungs) - 3)
        start = min(max(crisis - 1, 0), len(rungs) - 2)
        base = Ladder(domain, rungs, crisis, start, rungs[-1].name.replace("_", " "), True)
    name = getattr(dyn, "start", None)
    if name is None:
        return base
    if name not in base.names:
        from accord.errors import AccordError, Problem

        raise AccordError(
            Problem(
                "unknown rung",
                path="dynamics.start",
                expected="one of: " + ", ".join(base.names[:-1]),
                found=name,
            )
        )
    return replace(base, start=base.names.index(name))
