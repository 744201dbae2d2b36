"""Frozen result objects of the recommendation: package tests, clause references, the package."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["ClauseRef", "Crossing", "NotPromise", "PackageTest", "Recommendation"]

Package = dict[str, float | str]


@dataclass(frozen=True)
class ClauseRef:
    """One clause of a deal on the table, with the deal check's verdict on it."""

    deal: str
    clause: str
    text: str
    obligated: tuple[str, ...]
    verdict: str
    p_implemented: float
    core: bool

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {**self.__dict__, "obligated": list(self.obligated)}


@dataclass(frozen=True)
class Crossing:
    """A package value beyond an actor's red line."""

    actor: str
    issue: str
    red_line: float | str
    value: float | str

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class PackageTest:
    """One package put through the same test as every deal on the table.

    Attributes
    ----------
    name
        The deal id, or ``"recommended"``.
    package
        Issue id -> value (an option id for a discrete issue); unset issues at no deal.
    gains
        Actor -> utility over its BATNA (the space's actors; 0..1 units of its own range).
    red_lines
        Every red line the package crosses.
    worse_off
        Actors that gain nothing over no deal (or lose).
    in_zopa
        Inside every red line and better than no deal for every actor (as ``accord offer``).
    dominated
        Some feasible package of the grid is at least as good for every actor and better for
        one; ``improvement`` is the nearest such package of the Pareto frontier.
    undeliverable
        Core clauses the deal check judges unrealistic (the package stands or falls with
        them); ``doubtful`` the other clauses so judged.
    p_all_core
        P(every core clause implemented), when the package is a deal on the table.
    """

    name: str
    package: Package
    gains: dict[str, float]
    red_lines: tuple[Crossing, ...]
    worse_off: tuple[str, ...]
    in_zopa: bool
    dominated: bool
    improvement: Package | None
    undeliverable: tuple[str, ...] = ()
    doubtful: tuple[str, ...] = ()
    p_all_core: float | None = None

    @property
    def passes(self) -> bool:
        """In the ZOPA (inside every red line, every party better off) and deliverable."""
        return self.in_zopa and not self.undeliverable

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "name": self.name,
            "package": dict(self.package),
            "gains": dict(self.gains),
            "red_lines": [c.to_dict() for c in self.red_lines],
            "worse_off": list(self.worse_off),
            "in_zopa": self.in_zopa,
            "dominated": self.dominated,
            "improvement": None if self.improvement is None else dict(self.improvement),
            "undeliverable": list(self.undeliverable),
            "doubtful": list(self.doubtful),
            "p_all_core": self.p_all_core,
            "passes": self.passes,
        }


@dataclass(frozen=True)
class NotPromise:
    """Something the side must not promise: a clause it owes, or a red line.

    For a red line, ``red_line`` is the strictest among the side's and every party's whose red
    line on the issue points the same way (``owners``: whose it is); ``own`` the side's own.
    """

    kind: Literal["unrealistic", "red_line"]
    clause: ClauseRef | None = None
    issue: str | None = None
    red_line: float | str | None = None
    owners: tuple[str, ...] = ()
    own: float | str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "kind": self.kind,
            "clause": None if self.clause is None else self.clause.to_dict(),
            "issue": self.issue,
            "red_line": self.red_line,
            "owners": list(self.owners),
            "own": self.own,
        }


@dataclass(frozen=True)
class Recommendation:
    """The reconciled recommendation for one side, and every deal on the table tested alike.

    ``test`` is the recommended package's test (``None`` when no package meets the rules;
    then ``nearest`` is the closest package built from every clause on the table, and
    ``blockers`` what stops it). ``ask``/``offer`` are the package's clauses owed by others
    and by the side alone (or with its partners); ``mutual`` those the side owes together with
    a party across the table; ``not_promise`` what the side must not promise.
    """

    scenario: str
    side: str
    rules: tuple[str, ...]
    test: PackageTest | None
    clauses: tuple[ClauseRef, ...]
    ask: tuple[ClauseRef, ...]
    offer: tuple[ClauseRef, ...]
    not_promise: tuple[NotPromise, ...]
    deals: dict[str, PackageTest]
    nearest: PackageTest | None = None
    nearest_clauses: tuple[ClauseRef, ...] = ()
    candidates: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    mutual: tuple[ClauseRef, ...] = ()

    @property
    def found(self) -> bool:
        """Whether a package meets every rule."""
        return self.test is not None

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-able data."""
        return {
            "scenario": self.scenario,
            "side": self.side,
            "rules": list(self.rules),
            "found": self.found,
            "test": None if self.test is None else self.test.to_dict(),
            "clauses": [c.to_dict() for c in self.clauses],
            "ask": [c.to_dict() for c in self.ask],
            "offer": [c.to_dict() for c in self.offer],
            "mutual": [c.to_dict() for c in self.mutual],
            "not_promise": [n.to_dict() for n in self.not_promise],
            "deals": {k: v.to_dict() for k, v in self.deals.items()},
            "nearest": None if self.nearest is None else self.nearest.to_dict(),
            "nearest_clauses": [c.to_dict() for c in self.nearest_clauses],
            "candidates": self.candidates,
            "notes": list(self.notes),
        }
