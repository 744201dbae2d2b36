"""Frozen result objects of the agreement space and of an offer analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["FrontierPoint", "OfferResult", "Solution", "SpaceResult", "Trade"]

Package = dict[str, float | str]


def _pandas() -> Any:
    from accord._frame import pandas

    return pandas()


@dataclass(frozen=True)
class FrontierPoint:
    """One point of the Pareto frontier and the first package (in package order) reaching it."""

    package: Package
    utilities: dict[str, float]
    n_packages: int
    in_zopa: bool

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "package": dict(self.package),
            "utilities": dict(self.utilities),
            "n_packages": self.n_packages,
            "in_zopa": self.in_zopa,
        }


@dataclass(frozen=True)
class Solution:
    """A bargaining solution: its package, utilities and gains over the BATNAs."""

    package: Package
    utilities: dict[str, float]
    gains: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "package": dict(self.package),
            "utilities": dict(self.utilities),
            "gains": dict(self.gains),
        }


@dataclass(frozen=True)
class Trade:
    """A logroll between two actors over two issues, moving from the reference package."""

    actors: tuple[str, str]
    issues: tuple[str, str]
    before: Package
    after: Package
    gains: dict[str, float]
    concessions: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "actors": list(self.actors),
            "issues": list(self.issues),
            "from": dict(self.before),
            "to": dict(self.after),
            "gains": dict(self.gains),
            "concessions": dict(self.concessions),
        }


@dataclass(frozen=True)
class SpaceResult:
    """The agreement space of a scenario for a set of actors.

    ``n_packages`` counts the feasible packages (after hard red lines and exclusions);
    ``n_grid`` the packages of the grid before them. ``zopa_size`` is exact when
    ``zopa_exact`` (else a sampling estimate, with its standard error); ``None`` when not
    counted. Utilities are normalised per actor: 1 = its best package of the grid, 0 = its
    worst.
    """

    scenario: str
    actors: tuple[str, ...]
    issues: tuple[str, ...]
    n_grid: int
    n_packages: int
    method: str
    zopa_size: int | None
    zopa_exact: bool
    zopa_error: float | None
    batna: dict[str, float]
    frontier: tuple[FrontierPoint, ...]
    solutions: dict[str, Solution | None]
    trades: tuple[Trade, ...]
    blocked: dict[str, list[str]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def zopa(self) -> tuple[FrontierPoint, ...]:
        """The frontier points inside the ZOPA."""
        return tuple(f for f in self.frontier if f.in_zopa)

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-able data (the ``accord space --json`` output)."""
        return {
            "scenario": self.scenario,
            "actors": list(self.actors),
            "issues": list(self.issues),
            "n_grid": self.n_grid,
            "n_packages": self.n_packages,
            "method": self.method,
            "zopa_size": self.zopa_size,
            "zopa_exact": self.zopa_exact,
            "zopa_error": self.zopa_error,
            "batna": dict(self.batna),
            "frontier": [f.to_dict() for f in self.frontier],
            "solutions": {k: (v.to_dict() if v else None) for k, v in self.solutions.items()},
            "trades": [t.to_dict() for t in self.trades],
            "blocked": {k: list(v) for k, v in self.blocked.items()},
            "settings": dict(self.settings),
        }

    def to_frame(self) -> Any:
        """Return the frontier as a pandas DataFrame: one row per point, issues then utilities."""
        pd = _pandas()
        rows = [
            {
                **f.package,
                **{f"u_{a}": u for a, u in f.utilities.items()},
                "n_packages": f.n_packages,
                "in_zopa": f.in_zopa,
            }
            for f in self.frontier
        ]
        return pd.DataFrame(rows)


@dataclass(frozen=True)
class OfferResult:
    """One offer judged against the agreement space."""

    scenario: str
    package: Package
    utilities: dict[str, float]
    batna: dict[str, float]
    gains: dict[str, float]
    red_lines: tuple[dict[str, Any], ...]
    in_zopa: bool
    dominated: bool
    improvements: tuple[FrontierPoint, ...]
    source: str

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-able data (the ``accord offer --json`` output)."""
        return {
            "scenario": self.scenario,
            "source": self.source,
            "package": dict(self.package),
            "utilities": dict(self.utilities),
            "batna": dict(self.batna),
            "gains": dict(self.gains),
            "red_lines": [dict(r) for r in self.red_lines],
            "in_zopa": self.in_zopa,
            "dominated": self.dominated,
            "improvements": [f.to_dict() for f in self.improvements],
        }

    def to_frame(self) -> Any:
        """Per actor: utility, BATNA and gain, as a pandas DataFrame."""
        pd = _pandas()
        return pd.DataFrame({"utility": self.utilities, "batna": self.batna, "gain": self.gains})
