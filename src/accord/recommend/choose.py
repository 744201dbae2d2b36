"""Choose the recommended package: the best combination of clauses on the table, by rules.

Rules, in order (docs/how-to/brief.md states them for a reader):

1. Only clauses the deal check does not judge unrealistic, each with every clause it waits on
   and with its counterparts (:func:`counterparts`): the core clauses of the same deal owed by
   other parties, when they are eligible too — an exchange travels whole.
2. No two chosen clauses set one issue to different values; every issue no clause sets stays
   at no deal.
3. Inside every party's red lines, and better than no deal for every party (the ZOPA test of
   ``accord offer``).
4. Among the packages left, the largest Nash product of the parties' gains over no deal (Nash
   1950) — so no package left is better for every party; ties go to fewer clauses, then to
   the clause ids in sorted order.

Whether the chosen package is Pareto-efficient in the whole agreement space (and, if not, the
nearest efficient package that is better for every party) is reported by its test.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from accord.recommend.assess import clause_values
from accord.scenario.model import Clause, Scenario
from accord.space.analysis import Analysis

__all__ = ["MAX_CLAUSES", "Candidate", "best_package", "counterparts", "nearest_package"]

#: Most clauses combined exhaustively (2**12 packages); beyond, the most likely to be
#: implemented are kept (ties by id) and the brief says so.
MAX_CLAUSES = 12


@dataclass(frozen=True)
class Candidate:
    """Positions (in the pool) of the chosen clauses, and the package they set."""

    members: tuple[int, ...]
    values: np.ndarray


def _subsets(pool: Sequence[tuple[str, Clause]], scenario: Scenario) -> list[Candidate]:
    """Every non-empty, dependency-closed, clash-free combination of the pool's clauses."""
    keys = [(deal, c.id) for deal, c in pool]
    partners = counterparts(pool)
    out = []
    for size in range(1, len(pool) + 1):
        for members in combinations(range(len(pool)), size):
            chosen = {keys[m] for m in members}
            if any(
                (pool[m][0], dep) not in chosen for m in members for dep in pool[m][1].depends_on
            ) or any(n not in members for m in members for n in partners[m]):
                continue
            values = clause_values(scenario, [pool[m][1] for m in members])
            if values is not None:
                out.append(Candidate(members, values))
    return out


def counterparts(pool: Sequence[tuple[str, Clause]]) -> list[tuple[int, ...]]:
    """Per clause of the pool, the positions of its counterparts.

    Two core clauses of one deal are counterparts when no party owes both: each is the other
    side's matching step (a freeze for a freeze), so neither is chosen without the other.
    """
    out = []
    for deal, c in pool:
        mine = set(c.obligated)
        out.append(
            tuple(
                n
                for n, (d, other) in enumerate(pool)
                if d == deal
                and other.id != c.id
                and c.core
                and other.core
                and not mine & set(other.obligated)
            )
        )
    return out


def _scores(analysis: Analysis, cands: Sequence[Candidate]) -> tuple[np.ndarray, np.ndarray]:
    """Per candidate: whether it is in the ZOPA, and its Nash product (log scale)."""
    p = analysis.problem
    values = np.array([c.values for c in cands])
    units = p.utility(values)  # (A, P)
    crossed = np.zeros(len(cands), bool)
    for k, t in enumerate(p.tables):
        crossed |= t.crossed(values[:, k]).any(axis=0)
    gain = units - p.batna[:, None]
    inside = ~crossed & np.all(gain > 0, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.where(inside, np.log(np.maximum(gain, 1)).sum(axis=0), -np.inf)
    return inside, score


def best_package(
    analysis: Analysis, scenario: Scenario, pool: Sequence[tuple[str, Clause]]
) -> tuple[Candidate | None, int]:
    """Return the package chosen by the rules (or None), and how many were weighed."""
    cands = _subsets(pool, scenario)
    if not cands:
        return None, 0
    inside, score = _scores(analysis, cands)
    if not inside.any():
        return None, len(cands)
    keys = [f"{deal}/{c.id}" for deal, c in pool]
    best = min(
        (int(r) for r in np.flatnonzero(inside)),
        key=lambda r: (
            -round(float(score[r]), 9),
            len(cands[r].members),
            sorted(keys[m] for m in cands[r].members),
        ),
    )
    return cands[best], len(cands)


def nearest_package(
    analysis: Analysis, scenario: Scenario, pool: Sequence[tuple[str, Clause]]
) -> Candidate | None:
    """Return the package of clauses on the table that comes closest to meeting rule 3.

    Fewest red lines crossed, then fewest parties no better off than no deal, then the
    largest smallest gain (in each party's own utility range); ties to fewer clauses.
    """
    cands = _subsets(pool, scenario)
    if not cands:
        return None
    p = analysis.problem
    values = np.array([c.values for c in cands])
    units = p.utility(values)
    crossings = sum(t.crossed(values[:, k]).sum(axis=0) for k, t in enumerate(p.tables))
    gain = (units - p.batna[:, None]) / np.where(p.total > 0, p.total, 1)[:, None]
    short = (gain <= 0).sum(axis=0)
    worst = gain.min(axis=0)
    order = np.lexsort((np.array([len(c.members) for c in cands]), -worst, short, crossings))
    return cands[int(order[0])]
