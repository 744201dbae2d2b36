"""The escalation ladder: ordinal rungs from cooperation to armed conflict.

The rungs condense Kahn's (1965) escalation ladder and the hostility levels of the Correlates
of War militarised-dispute data (Jones, Bremer & Singer 1996) to six steps a briefing can name.
The simulation moves one rung at a time; the top rung is absorbing.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CONFLICT", "CRISIS", "LADDER", "Rung"]


@dataclass(frozen=True)
class Rung:
    """One step of the escalation ladder."""

    level: int
    name: str
    meaning: str


LADDER: tuple[Rung, ...] = (
    Rung(0, "cooperation", "Agreements kept and extended; regular talks; joint projects."),
    Rung(1, "detente", "Wary calm: talks continue, no threats, occasional friction."),
    Rung(2, "tension", "Harsh rhetoric, new sanctions, tests or exercises as signals."),
    Rung(3, "crisis", "Explicit threats, mobilisation, alerts; agreements suspended."),
    Rung(4, "clashes", "Shows of force with incidents: shots fired, limited strikes."),
    Rung(5, "armed_conflict", "Sustained use of force between the parties (absorbing)."),
)

#: The rung from which a deal counts as abandoned (every clause suspended).
CRISIS = 3
#: The absorbing top rung.
CONFLICT = len(LADDER) - 1
