"""``space()``: the agreement space of a scenario, from the grid to the solutions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from accord.errors import AccordError, Problem
from accord.scenario.model import Scenario
from accord.space.frontier import (
    Frontier,
    count_zopa,
    enumerate_frontier,
    merge_frontier,
    sample_zopa,
)
from accord.space.problem import Instance, RedLines, build_problem
from accord.space.result import FrontierPoint, Package, Solution, SpaceResult, Trade
from accord.space.solutions import solve
from accord.space.trades import RawTrade, find_trades

__all__ = ["Analysis", "analyse", "package_dict", "space", "utility_of"]

Method = Literal["auto", "merge", "enumerate"]
MAX_ENUMERATE = 10**7
DIGITS = 10
"""Decimals reported for utilities (the integer tables are exact to about 1e-11)."""


@dataclass(frozen=True)
class Analysis:
    """The arrays behind a :class:`SpaceResult` (used by offers and plots)."""

    scenario: Scenario
    problem: Instance
    frontier: Frontier
    result: SpaceResult


def space(scenario: Scenario, **params: Any) -> SpaceResult:
    """Map the agreement space: ZOPA, exact Pareto frontier, solutions and trades.

    Parameters
    ----------
    scenario
        The scenario.
    **params
        ``actors`` (ids; default every actor with a positive salience), ``grid`` (points per
        continuous issue, or a mapping issue -> points; default 11), ``shape`` (loss exponent,
        default 1 = linear), ``red_lines`` (``"hard"`` or ``"penalty"``), ``penalty`` (cost
        per red line crossed, in utility ranges; default 1), ``exclude`` (sets of issue values
        that cannot occur together), ``batna`` (actor -> issue -> value overrides),
        ``method`` (``"auto"`` = merge, ``"merge"``, ``"enumerate"``), ``nash``
        (``"symmetric"`` or ``"capability"``), ``zopa`` (count the ZOPA; default true),
        ``zopa_samples`` and ``seed`` (ZOPA estimate beyond ``max_enumerate`` packages),
        ``trades`` (find logrolls; default true), ``max_enumerate`` (default ``10**7``).

    Returns
    -------
    SpaceResult
        Frozen; ``.to_dict()`` for JSON, ``.to_frame()`` for the frontier as a table.

    Examples
    --------
    >>> import accord
    >>> r = accord.space("korea-2018", actors=["usa", "dprk"])
    >>> r.method, r.n_packages > 0, len(r.frontier) > 0
    ('merge', True, True)
    """
    return analyse(scenario, **params).result


def analyse(
    scenario: Scenario,
    *,
    actors: Sequence[str] | None = None,
    grid: int | Mapping[str, int] = 11,
    shape: float = 1.0,
    red_lines: RedLines = "hard",
    penalty: float = 1.0,
    exclude: Sequence[Mapping[str, float | str]] = (),
    batna: Mapping[str, Mapping[str, float | str]] | None = None,
    method: Method = "auto",
    nash: Literal["symmetric", "capability"] = "symmetric",
    zopa: bool = True,
    zopa_samples: int = 200_000,
    seed: int | np.random.SeedSequence = 0,
    trades: bool = True,
    max_enumerate: int = MAX_ENUMERATE,
) -> Analysis:
    """Compute everything :func:`space` reports, keeping the arrays (see :func:`space`)."""
    _check_choice("method", method, ("auto", "merge", "enumerate"))
    _check_choice("nash", nash, ("symmetric", "capability"))
    p = build_problem(
        scenario,
        actors,
        grid=grid,
        shape=shape,
        red_lines=red_lines,
        penalty=penalty,
        exclude=exclude,
        batna=batna,
    )
    chosen = "merge" if method == "auto" else method
    if chosen == "enumerate" and p.n_packages > max_enumerate:
        raise AccordError(
            Problem(
                "too many packages to enumerate",
                path="method",
                expected=f"at most {max_enumerate}",
                found=str(p.n_packages),
            )
        )
    front = _frontier(p, chosen)
    size, exact, error = _zopa(p, front, zopa, zopa_samples, seed, max_enumerate)
    weights = p.capability if nash == "capability" else None
    settings = {
        "grid": grid if isinstance(grid, int) else dict(grid),
        "shape": shape,
        "red_lines": red_lines,
        "penalty": penalty,
        "nash": nash,
        "exclude": [dict(e) for e in exclude],
    }
    result = SpaceResult(
        scenario=scenario.id,
        actors=p.actors,
        issues=tuple(i.id for i in scenario.issues),
        n_grid=p.n_grid,
        n_packages=p.n_packages,
        method=chosen,
        zopa_size=size,
        zopa_exact=exact,
        zopa_error=error,
        batna=_named(p, p.batna),
        frontier=_points(p, front),
        solutions=_solutions(p, front, weights),
        trades=tuple(_trade(p, t) for t in (find_trades(p, red_lines == "hard") if trades else [])),
        blocked=_blocked(p),
        settings=settings,
    )
    return Analysis(scenario, p, front, result)


def _frontier(p: Instance, method: str) -> Frontier:
    """Compute the exact frontier; running out of memory is a user error (grid too fine)."""
    try:
        return enumerate_frontier(p) if method == "enumerate" else merge_frontier(p)
    except MemoryError:
        raise AccordError(
            Problem(
                "the agreement space is too large for this machine's memory",
                path="grid",
                expected="a coarser grid (e.g. 11 points per issue) or fewer actors",
                found=f"{p.n_grid:,} packages on the grid",
            )
        ) from None


def _check_choice(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise AccordError(
            Problem(f"unknown {name}", path=name, expected=" or ".join(allowed), found=repr(value))
        )


def _zopa(
    p: Instance,
    front: Frontier,
    wanted: bool,
    samples: int,
    seed: int | np.random.SeedSequence,
    limit: int,
) -> tuple[int | None, bool, float | None]:
    if not wanted:
        return None, False, None
    if front.zopa is not None:
        return front.zopa, True, 0.0
    if p.n_packages <= limit:
        return count_zopa(p), True, 0.0
    estimate, error = sample_zopa(p, samples, seed)
    return round(estimate), False, error


def _named(p: Instance, values: np.ndarray) -> dict[str, float]:
    return {a: utility_of(p, i, values[i]) for i, a in enumerate(p.actors)}


def utility_of(p: Instance, i: int, units: int | np.integer) -> float:
    """Normalised utility of actor ``i`` for ``units`` integer units (rounded to DIGITS)."""
    return round(float(units) / float(p.total[i]), DIGITS) if p.total[i] > 0 else 0.0


def package_dict(p: Instance, values: np.ndarray) -> Package:
    """Return a package as issue id -> value (an option id for a discrete issue)."""
    out: Package = {}
    for t, x in zip(p.tables, values, strict=True):
        if t.issue.options is not None:
            out[t.issue.id] = t.issue.options[round(x)].id
        else:
            out[t.issue.id] = float(f"{x:.12g}")
    return out


def _points(p: Instance, front: Frontier) -> tuple[FrontierPoint, ...]:
    values = p.package_values(front.choice) if len(front.choice) else np.zeros((0, 0))
    inside = np.all(front.utility > p.batna, axis=1)
    return tuple(
        FrontierPoint(
            package_dict(p, values[r]),
            _named(p, front.utility[r]),
            int(front.count[r]),
            bool(inside[r]),
        )
        for r in range(len(front.utility))
    )


def _solutions(p: Instance, front: Frontier, weights: np.ndarray | None) -> dict[str, Any]:
    order = np.empty(len(front.choice), np.int64)
    order[np.lexsort(front.choice.T[::-1])] = np.arange(len(front.choice))
    picks = solve(front.utility, order, p.batna, p.total, weights)
    out: dict[str, Solution | None] = {}
    for name, r in picks.items():
        if r is None:
            out[name] = None
            continue
        util = front.utility[r]
        out[name] = Solution(
            package_dict(p, p.package_values(front.choice[r])[0]),
            _named(p, util),
            _named(p, util - p.batna),
        )
    return out


def _trade(p: Instance, t: RawTrade) -> Trade:
    (i, j), (k, m) = t.actors, t.issues
    a, b = p.actors[i], p.actors[j]
    ik, im = p.tables[k].issue, p.tables[m].issue
    before = package_dict(p, p.reference)
    after_values = p.reference.copy()
    after_values[k] = p.tables[k].values[t.options[0]]
    after_values[m] = p.tables[m].values[t.options[1]]
    after = package_dict(p, after_values)
    # the actor whose utility on issue k falls is the one conceding on k
    k_loser = a if _issue_gain(p, i, k, after_values) < 0 else b
    return Trade(
        actors=(a, b),
        issues=(ik.id, im.id),
        before={ik.id: before[ik.id], im.id: before[im.id]},
        after={ik.id: after[ik.id], im.id: after[im.id]},
        gains={a: utility_of(p, i, t.gains[0]), b: utility_of(p, j, t.gains[1])},
        concessions={k_loser: ik.id, (b if k_loser == a else a): im.id},
    )


def _issue_gain(p: Instance, i: int, k: int, values: np.ndarray) -> int:
    t = p.tables[k]
    q = t.quantise(np.array([values[k], p.reference[k]]))[i]
    return int(q[0] - q[1])


def _blocked(p: Instance) -> dict[str, list[str]]:
    """Issues on which the actors' red lines leave no option, with the actors holding them."""
    out = {}
    for i, t in enumerate(p.tables):
        if any(i in b.members and len(b.combos) == 0 for b in p.blocks):
            out[t.issue.id] = [
                a for a, r in zip(p.actors, t.red_line, strict=True) if not np.isnan(r)
            ]
    return out
