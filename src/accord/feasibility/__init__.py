"""Deal check: can each side deliver each clause, will it keep it, will the other believe it.

For every clause, P(implemented) = P(deliverable) x P(kept | deliverable) x (1 - management
hazard) x P(the clauses it waits on), with a band from the input uncertainty, a verdict,
reasons ranked by how much each lowers the probability, and remedies re-judged on the same
draws (Putnam 1988; Chayes & Chayes 1993; Downs, Rocke & Barsoom 1996; Fearon 1995; Kydd
1997; Powell 2006). Defaults live in :mod:`accord.feasibility.defaults`.

>>> import accord
>>> r = accord.check("korea-2018", deal="modest-agenda", runs=200)
>>> r.clause("ma-cbm").verdict
'sound'
"""

from accord.feasibility.check import check, check_all, verdict
from accord.feasibility.result import (
    CheckResult,
    ClauseJudgement,
    Reason,
    Remedy,
    Step,
    ThirdPartyEffect,
)

__all__ = [
    "CheckResult",
    "ClauseJudgement",
    "Reason",
    "Remedy",
    "Step",
    "ThirdPartyEffect",
    "check",
    "check_all",
    "verdict",
]
