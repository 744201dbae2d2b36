"""Result objects of the deal check: frozen, plain data, ``.to_dict()`` and ``.to_frame()``."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from accord.errors import AccordError, Problem

__all__ = [
    "CheckResult",
    "ClauseJudgement",
    "Reason",
    "Remedy",
    "Step",
    "ThirdPartyEffect",
    "Verdict",
]

Verdict = Literal["sound", "fragile", "unrealistic"]


@dataclass(frozen=True)
class Reason:
    """Why a clause may fail: a factor, in plain words, and how much it lowers P.

    ``lowers`` is P(implemented) with the factor set to 1 minus P with it (0 for reasons that
    inform the table rather than the probability, such as low credibility).
    """

    factor: str
    text: str
    lowers: float


@dataclass(frozen=True)
class Remedy:
    """A change that would make the clause sounder, and the P(implemented) it would reach."""

    action: str
    p_implemented: float
    detail: str


@dataclass(frozen=True)
class Step:
    """One link of the ``--explain`` chain: a named quantity, its formula and its value."""

    name: str
    formula: str
    value: float
    inputs: str


@dataclass(frozen=True)
class ClauseJudgement:
    """The judgement of one clause (field meanings: ``notes/CONTRACT-check.md``).

    ``p_own`` is P(implemented) leaving out the clauses it waits on (``p_implemented`` also
    counts them, one level deep, bounded: see :func:`accord.feasibility.judge.chain`).
    ``p_implemented`` is the structural judgement, which sets the verdict; ``p_history`` and
    ``p_full`` are the fitted layer's view of it (:mod:`accord.feasibility.history`).
    """

    id: str
    text: str
    obligated: tuple[str, ...]
    beneficiaries: tuple[str, ...]
    core: bool
    depends_on: tuple[str, ...]
    p_implemented: float
    p_own: float
    p_low: float
    p_high: float
    p_deliverable: float
    p_kept: float
    credibility: float
    management_hazard: float
    detection: float
    false_alarm: float
    gain_from_cheating: float
    punishment: float
    reversible: bool
    power_shift: float
    horizon_years: float
    verdict: Verdict
    reasons: tuple[Reason, ...]
    remedies: tuple[Remedy, ...]
    releases: tuple[str, ...]
    explain: tuple[Step, ...]
    p_history: float | None = None
    """What the case library says: P(implemented) from the fitted layer (None without it)."""
    p_full: float | None = None
    """What the case library says: P(fully implemented, outcome 3) (None without it)."""
    similar: tuple[int, int] | None = None
    """The library's track record for clauses like it: (clauses, of which implemented)."""

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """Plain data; the ``--explain`` chain only when asked."""
        data = asdict(self)
        data["reasons"] = [r.text for r in self.reasons]
        data["reason_weights"] = [{"factor": r.factor, "lowers": r.lowers} for r in self.reasons]
        for key in ("obligated", "beneficiaries", "depends_on", "releases"):
            data[key] = list(data[key])
        data["similar"] = None if self.similar is None else list(self.similar)
        if not explain:
            data.pop("explain")
        return data


@dataclass(frozen=True)
class ThirdPartyEffect:
    """A second-order effect: a clause that weakens a third party's guarantee."""

    actor: str
    clause: str
    kind: str
    magnitude: float
    expected: float
    reason: str


@dataclass(frozen=True)
class CheckResult:
    """The judgement of one deal.

    ``p_all_core`` is P(every core clause is implemented), from the joint draws (clauses
    independent given the inputs, coupled through shared inputs and dependencies);
    ``weakest`` lists core clauses from the least likely up.
    """

    scenario: str
    deal: str
    p_all_core: float
    p_all_core_low: float
    p_all_core_high: float
    clauses: tuple[ClauseJudgement, ...]
    third_party_effects: tuple[ThirdPartyEffect, ...]
    weakest: tuple[str, ...]
    runs: int
    seed: int | None

    def clause(self, clause_id: str) -> ClauseJudgement:
        """Return the judgement of one clause."""
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise AccordError(
            Problem(f"unknown clause {clause_id!r}", expected=", ".join(c.id for c in self.clauses))
        )

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """Return the issue's JSON shape (plus a few fields)."""
        return {
            "scenario": self.scenario,
            "deal": self.deal,
            "p_all_core": self.p_all_core,
            "p_all_core_band": [self.p_all_core_low, self.p_all_core_high],
            "weakest": list(self.weakest),
            "runs": self.runs,
            "seed": self.seed,
            "clauses": [c.to_dict(explain) for c in self.clauses],
            "third_party_effects": [asdict(t) for t in self.third_party_effects],
        }

    def to_frame(self) -> Any:
        """One row per clause (needs pandas)."""
        from accord._frame import pandas

        pd = pandas()
        cols = (
            "id",
            "core",
            "p_implemented",
            "p_low",
            "p_high",
            "p_deliverable",
            "p_kept",
            "credibility",
            "management_hazard",
            "verdict",
        )
        rows = [{k: getattr(c, k) for k in cols} for c in self.clauses]
        for row, c in zip(rows, self.clauses, strict=True):
            row["reason"] = c.reasons[0].text if c.reasons else ""
        return pd.DataFrame(rows).set_index("id")
