"""Test a package against the agreement space: red lines, BATNAs, dominance.

The same arithmetic as :func:`accord.space.offer` (a test pins the two together), over the
arrays of one space analysis, so that every deal on the table and the recommended package are
tested once, alike, without rebuilding the space.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from accord.errors import AccordError
from accord.recommend.result import Crossing, PackageTest
from accord.scenario.model import Clause, Scenario
from accord.space.analysis import Analysis, package_dict, utility_of
from accord.space.tables import parse_value, reference_values

__all__ = ["clause_values", "package_test"]


def clause_values(scenario: Scenario, clauses: Sequence[Clause]) -> np.ndarray | None:
    """Return the package the clauses set (every other issue at no deal), or None on a clash.

    A clash is two clauses setting one issue to different values.
    """
    values = reference_values(scenario)
    index = {issue.id: k for k, issue in enumerate(scenario.issues)}
    seen: dict[int, float] = {}
    for clause in clauses:
        for issue_id, raw in clause.sets.items():
            k = index.get(issue_id)
            if k is None:
                return None
            try:
                x = parse_value(scenario.issues[k], raw, f"{clause.id}.sets.{issue_id}")
            except AccordError:
                return None
            if k in seen and seen[k] != x:
                return None
            seen[k] = values[k] = x
    return values


def package_test(
    analysis: Analysis,
    name: str,
    values: np.ndarray,
    *,
    undeliverable: tuple[str, ...] = (),
    doubtful: tuple[str, ...] = (),
    p_all_core: float | None = None,
) -> PackageTest:
    """Test one package (scale values in scenario issue order) as ``accord offer`` does."""
    p, front = analysis.problem, analysis.frontier
    units = p.utility(values)[:, 0]
    crossings = _crossings(analysis, values)
    in_zopa = not crossings and bool(np.all(units > p.batna))
    better = np.all(front.utility >= units, axis=1) & np.any(front.utility > units, axis=1)
    improvement = None
    if better.any():
        scale = np.where(p.total > 0, p.total, 1).astype(float)
        dist = np.linalg.norm((front.utility - units) / scale, axis=1)
        picks = np.flatnonzero(better)
        best = int(picks[np.argsort(dist[picks], kind="stable")][0])
        improvement = dict(analysis.result.frontier[best].package)
    gains = {a: utility_of(p, i, units[i] - p.batna[i]) for i, a in enumerate(p.actors)}
    return PackageTest(
        name=name,
        package=package_dict(p, values),
        gains=gains,
        red_lines=crossings,
        worse_off=tuple(a for i, a in enumerate(p.actors) if units[i] <= p.batna[i]),
        in_zopa=in_zopa,
        dominated=bool(better.any()),
        improvement=improvement,
        undeliverable=undeliverable,
        doubtful=doubtful,
        p_all_core=p_all_core,
    )


def _crossings(analysis: Analysis, values: np.ndarray) -> tuple[Crossing, ...]:
    p = analysis.problem
    out = []
    for k, t in enumerate(p.tables):
        hit = t.crossed(values[k : k + 1])[:, 0]
        for i in np.flatnonzero(hit):
            out.append(
                Crossing(p.actors[i], t.issue.id, _show(t, t.red_line[i]), _show(t, values[k]))
            )
    return tuple(out)


def _show(t: object, x: float) -> float | str:
    issue = t.issue  # type: ignore[attr-defined]
    if issue.options is not None:
        return str(issue.options[round(float(x))].id)
    return float(f"{float(x):.12g}")
