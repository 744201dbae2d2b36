"""``offer()``: one package judged against the agreement space.

A package is a deal of the scenario (its clauses' ``sets`` values; every issue no clause sets
stays at its reference point, or the middle of its scale where the issue has none) or a
mapping issue id -> value (unset issues likewise at the reference point). Values need not lie
on the grid: utilities are computed at the exact values. The offer is *dominated* when a
feasible package of the grid is at least as good for every actor and better for one; the
*improvements* are the frontier points that leave every actor at least as well off, nearest
first (Euclidean distance in normalised utilities; ties in frontier order).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from accord.errors import AccordError, Problem
from accord.scenario.model import Scenario
from accord.space.analysis import analyse, package_dict, utility_of
from accord.space.problem import Instance
from accord.space.result import OfferResult
from accord.space.tables import parse_value

__all__ = ["offer", "offer_values"]


def offer(
    scenario: Scenario,
    package: str | Mapping[str, float | str],
    *,
    nearest: int = 3,
    **params: Any,
) -> OfferResult:
    """Analyse one offer: utilities, gains over BATNAs, red lines, dominance, counter-offers.

    Parameters
    ----------
    scenario
        The scenario.
    package
        A deal id of the scenario, or a mapping issue id -> value.
    nearest
        How many Pareto-improving frontier packages to return.
    **params
        As for :func:`accord.space.space` (``actors``, ``grid``, ``red_lines``, ...).

    Examples
    --------
    >>> import accord
    >>> r = accord.offer("korea-2018", "grand-bargain", actors=["usa", "dprk"])
    >>> r.in_zopa, any(x["actor"] == "dprk" for x in r.red_lines)
    (False, True)
    """
    params = {**params, "trades": False, "zopa": False}
    a = analyse(scenario, **params)
    p, front = a.problem, a.frontier
    values, source = offer_values(scenario, package)
    units = p.utility(values)[:, 0]
    better = np.all(front.utility >= units, axis=1) & np.any(front.utility > units, axis=1)
    scale = np.where(p.total > 0, p.total, 1).astype(float)
    dist = np.linalg.norm((front.utility - units) / scale, axis=1)
    picks = np.flatnonzero(better)
    picks = picks[np.argsort(dist[picks], kind="stable")][: max(0, nearest)]
    named = a.result.batna
    crossed = _crossed(p, values)
    hard = params.get("red_lines", "hard") == "hard"
    acceptable = not (hard and any(c["actor"] in p.actors for c in crossed))
    return OfferResult(
        scenario=scenario.id,
        package=package_dict(p, values),
        utilities=_named(p, units),
        batna=named,
        gains=_named(p, units - p.batna),
        red_lines=tuple(crossed),
        in_zopa=acceptable and bool(np.all(units > p.batna)),
        dominated=bool(better.any()),
        improvements=tuple(a.result.frontier[int(r)] for r in picks),
        source=source,
    )


def _named(p: Instance, units: np.ndarray) -> dict[str, float]:
    return {a: utility_of(p, i, units[i]) for i, a in enumerate(p.actors)}


def offer_values(s: Scenario, package: str | Mapping[str, float | str]) -> tuple[np.ndarray, str]:
    """Return the offer's value on every issue's numeric scale, and where it came from."""
    from accord.space.tables import reference_values

    values = reference_values(s)
    index = {issue.id: k for k, issue in enumerate(s.issues)}
    if isinstance(package, str):
        sets = _deal_sets(s, package)
        source = f"deal {package}"
    else:
        sets, source = dict(package), "package"
    problems = [
        Problem(f"unknown issue {i!r}", path=f"package.{i}", expected=f"one of: {', '.join(index)}")
        for i in sets
        if i not in index
    ]
    if problems:
        raise AccordError(problems)
    for issue_id, value in sets.items():
        k = index[issue_id]
        values[k] = parse_value(s.issues[k], value, f"package.{issue_id}")
    return values, source


def _deal_sets(s: Scenario, deal_id: str) -> dict[str, float | str]:
    deal = s.deal(deal_id)
    sets: dict[str, float | str] = {}
    for clause in deal.clauses:
        for issue_id, value in clause.sets.items():
            if issue_id in sets and sets[issue_id] != value:
                raise AccordError(
                    Problem(
                        "two clauses set the same issue to different values",
                        path=f"deals.{deal_id}.{clause.id}.sets.{issue_id}",
                        found=f"{sets[issue_id]!r} and {value!r}",
                    )
                )
            sets[issue_id] = value
    return sets


def _crossed(p: Instance, values: np.ndarray) -> list[dict[str, Any]]:
    out = []
    for k, t in enumerate(p.tables):
        hit = t.crossed(values[k : k + 1])[:, 0]
        for i in np.flatnonzero(hit):
            out.append(
                {
                    "actor": p.actors[i],
                    "issue": t.issue.id,
                    "red_line": _show(t, float(t.red_line[i])),
                    "value": _show(t, float(values[k])),
                }
            )
    return out


def _show(t: Any, x: float) -> float | str:
    if t.issue.options is not None:
        return str(t.issue.options[round(x)].id)
    return float(f"{x:.12g}")
