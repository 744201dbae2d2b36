"""The bargaining problem on a grid: feasible packages, integer utilities, BATNAs.

A :class:`Problem` is the plain-array form every solver works on. Issues tied together by an
exclusion ("this option of one issue rules out that option of another") are fused into one
*block* whose options are the allowed combinations; all other blocks are single issues, so the
feasible space is always the Cartesian product of the blocks' options. With hard red lines
(the default) the options beyond any chosen actor's red line are dropped before that; with
``red_lines="penalty"`` they stay and cost that actor ``penalty`` of its utility range.

Package order, used to break every tie, is lexicographic over blocks in scenario order (an
exclusion's block takes the place of its first issue), options in grid or listed order.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from accord.errors import AccordError, Problem
from accord.scenario.model import Scenario
from accord.space.tables import IssueTable, issue_tables, parse_value, reference_values

__all__ = ["Block", "Instance", "RedLines", "build_problem"]

RedLines = Literal["hard", "penalty"]


@dataclass(frozen=True)
class Block:
    """Issues enumerated together, with their allowed option combinations.

    Attributes
    ----------
    members
        Indices of the issues in the block.
    combos
        ``(m, len(members))`` grid indices of each allowed combination, in package order.
    table
        ``(m, A)`` integer utility of each combination for each actor.
    """

    members: tuple[int, ...]
    combos: np.ndarray
    table: np.ndarray


@dataclass(frozen=True)
class Instance:
    """A bargaining problem as arrays: utility of package = sum over blocks of table rows.

    Attributes
    ----------
    actors
        Actor ids (utility columns).
    tables
        One :class:`~accord.space.tables.IssueTable` per issue, in scenario order.
    blocks
        The feasible space, as a product of blocks.
    low
        ``(n_issues, A)`` offsets subtracted from each issue's integer values.
    total
        ``(A,)`` integer utility of the best package (the worst is 0): ``u = U / total``.
    batna
        ``(A,)`` integer utility of each actor's BATNA package.
    batna_values
        ``(A, n_issues)`` the BATNA packages on the numeric scales.
    reference
        ``(n_issues,)`` the reference package.
    capability
        ``(A,)`` point capabilities.
    penalty
        ``(A,)`` integer cost of each red line crossed (0 with hard red lines).
    n_grid
        Packages of the grid before red lines and exclusions.
    """

    actors: tuple[str, ...]
    tables: tuple[IssueTable, ...]
    blocks: tuple[Block, ...]
    low: np.ndarray
    total: np.ndarray
    batna: np.ndarray
    batna_values: np.ndarray
    reference: np.ndarray
    capability: np.ndarray
    penalty: np.ndarray
    n_grid: int

    @property
    def n_packages(self) -> int:
        """Feasible packages (exact, any size)."""
        return math.prod(len(b.combos) for b in self.blocks)

    def utility(self, values: np.ndarray, *, penalise: bool = True) -> np.ndarray:
        """Integer utilities ``(A, P)`` of packages given as ``(P, n_issues)`` scale values."""
        values = np.atleast_2d(np.asarray(values, dtype=float))
        out = np.zeros((len(self.actors), values.shape[0]), dtype=np.int64)
        for k, t in enumerate(self.tables):
            out += t.quantise(values[:, k]) - self.low[k][:, None]
            if penalise:
                out -= np.where(t.crossed(values[:, k]), self.penalty[:, None], 0)
        return out

    def package_values(self, choice: np.ndarray) -> np.ndarray:
        """Scale values ``(P, n_issues)`` of packages given as block option indices."""
        choice = np.atleast_2d(choice)
        out = np.empty((choice.shape[0], len(self.tables)))
        for b, block in enumerate(self.blocks):
            combos = block.combos[choice[:, b]]
            for j, k in enumerate(block.members):
                out[:, k] = self.tables[k].values[combos[:, j]]
        return out


def build_problem(
    s: Scenario,
    actors: Sequence[str] | None = None,
    *,
    grid: int | Mapping[str, int] = 11,
    shape: float = 1.0,
    red_lines: RedLines = "hard",
    penalty: float = 1.0,
    exclude: Sequence[Mapping[str, float | str]] = (),
    batna: Mapping[str, Mapping[str, float | str]] | None = None,
) -> Instance:
    """Build the :class:`Instance` of ``s`` for ``actors`` (default: every actor that cares).

    Parameters
    ----------
    s
        The scenario.
    actors
        Actor ids; default all actors with a positive salience somewhere.
    grid, shape
        See :func:`accord.space.tables.issue_tables`.
    red_lines
        ``"hard"`` drops options beyond a chosen actor's red line; ``"penalty"`` keeps them at
        a cost of ``penalty`` (in units of that actor's utility range) per red line crossed.
    exclude
        Sets of issue values that cannot occur together, e.g.
        ``{"sanctions_relief": 100, "nuclear_arsenal": 100}``.
    batna
        Override of BATNA packages: actor id -> issue id -> value. By default an actor's BATNA
        is its stance's ``batna`` where given, else the issue's reference point.
    """
    ids = _actors(s, actors)
    if red_lines not in ("hard", "penalty"):
        raise AccordError(
            Problem(
                "unknown red-line mode",
                path="red_lines",
                expected="hard or penalty",
                found=repr(red_lines),
            )
        )
    tables = issue_tables(s, ids, grid, shape)
    low = np.stack([t.grid.min(axis=1) for t in tables])
    total = np.sum([t.grid.max(axis=1) for t in tables], axis=0) - low.sum(axis=0)
    pen = np.zeros(len(ids), np.int64)
    if red_lines == "penalty":
        pen = np.rint(float(penalty) * total).astype(np.int64)
    reference = reference_values(s)
    batna_values = _batnas(s, ids, reference, batna or {})
    proto = Instance(
        tuple(ids),
        tables,
        (),
        low,
        total,
        np.zeros(len(ids), np.int64),
        batna_values,
        reference,
        _capability(s, ids),
        pen,
        math.prod(len(t.values) for t in tables),
    )
    d = np.diagonal(proto.utility(batna_values, penalise=False))
    blocks = _blocks(proto, red_lines, _exclusions(s, tables, exclude))
    return Instance(
        proto.actors,
        tables,
        blocks,
        low,
        total,
        d.astype(np.int64),
        batna_values,
        reference,
        proto.capability,
        pen,
        proto.n_grid,
    )


def _actors(s: Scenario, actors: Sequence[str] | None) -> list[str]:
    if actors is None:
        found = [
            a.id
            for a in s.actors
            if any(st.salience.point > 0 for st in s.stances.get(a.id, {}).values())
        ]
        if not found:
            raise AccordError(
                Problem("no actor has a positive salience on any issue", path="stances")
            )
        return found
    known = {a.id for a in s.actors}
    bad = [a for a in actors if a not in known]
    if bad:
        raise AccordError(
            [
                Problem(
                    f"unknown actor {a!r}",
                    path="actors",
                    expected=f"one of: {', '.join(sorted(known))}",
                )
                for a in bad
            ]
        )
    if len(set(actors)) != len(actors) or not actors:
        raise AccordError(
            Problem(
                "actors must be distinct and at least one", path="actors", found=", ".join(actors)
            )
        )
    return list(actors)


def _capability(s: Scenario, ids: Sequence[str]) -> np.ndarray:
    return np.array([s.actor(a).capability.point for a in ids], dtype=float)


def _batnas(
    s: Scenario,
    ids: Sequence[str],
    reference: np.ndarray,
    override: Mapping[str, Mapping[str, float | str]],
) -> np.ndarray:
    out = np.tile(reference, (len(ids), 1))
    for i, a in enumerate(ids):
        for k, issue in enumerate(s.issues):
            st = s.stances.get(a, {}).get(issue.id)
            if st is not None and st.batna is not None:
                out[i, k] = issue.to_number(st.batna)
        for issue_id, value in override.get(a, {}).items():
            k = [x.id for x in s.issues].index(s.issue(issue_id).id)
            out[i, k] = parse_value(s.issues[k], value, f"batna.{a}.{issue_id}")
    return out


def _exclusions(
    s: Scenario, tables: tuple[IssueTable, ...], exclude: Sequence[Mapping[str, float | str]]
) -> list[dict[int, int]]:
    """Each exclusion as issue index -> grid index."""
    order = [i.id for i in s.issues]
    out = []
    for n, rule in enumerate(exclude):
        if len(rule) < 2:
            raise AccordError(
                Problem(
                    "an exclusion names at least two issues",
                    path=f"exclude[{n}]",
                    found=repr(dict(rule)),
                )
            )
        item = {}
        for issue_id, value in rule.items():
            k = order.index(s.issue(issue_id).id)
            x = parse_value(tables[k].issue, value, f"exclude[{n}].{issue_id}")
            hit = np.flatnonzero(np.isclose(tables[k].values, x, rtol=0, atol=1e-9))
            if hit.size == 0:
                raise AccordError(
                    Problem(
                        "value is not a grid point",
                        path=f"exclude[{n}].{issue_id}",
                        found=f"{x:g}",
                        expected=_grid_text(tables[k]),
                    )
                )
            item[k] = int(hit[0])
        out.append(item)
    return out


def _grid_text(t: IssueTable) -> str:
    return "one of " + ", ".join(f"{v:g}" for v in t.values)


def _blocks(p: Instance, red_lines: RedLines, rules: list[dict[int, int]]) -> tuple[Block, ...]:
    allowed = [_allowed(t, red_lines) for t in p.tables]
    groups = _components(len(p.tables), rules)
    return tuple(_block(p, members, allowed, rules) for members in groups)


def _allowed(t: IssueTable, red_lines: RedLines) -> np.ndarray:
    if red_lines == "penalty":
        return np.arange(len(t.values))
    return np.flatnonzero(~t.crossed(t.values).any(axis=0))


def _components(n: int, rules: list[dict[int, int]]) -> list[tuple[int, ...]]:
    root = list(range(n))

    def find(i: int) -> int:
        while root[i] != i:
            i = root[i]
        return i

    for rule in rules:
        first, *rest = sorted(rule)
        for k in rest:
            root[find(k)] = find(first)
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(find(k), []).append(k)
    return sorted((tuple(g) for g in groups.values()), key=lambda g: g[0])


def _block(
    p: Instance, members: tuple[int, ...], allowed: list[np.ndarray], rules: list[dict[int, int]]
) -> Block:
    combos = np.array(list(itertools.product(*(allowed[k] for k in members))), dtype=np.int64)
    combos = combos.reshape(-1, len(members))
    for rule in rules:
        if set(rule) <= set(members):
            cols = [members.index(k) for k in rule]
            hit = np.all(combos[:, cols] == np.array([rule[k] for k in rule]), axis=1)
            combos = combos[~hit]
    table = np.zeros((len(combos), len(p.actors)), dtype=np.int64)
    for j, k in enumerate(members):
        t = p.tables[k]
        x = t.values[combos[:, j]]
        table += (t.quantise(x) - p.low[k][:, None]).T
        table -= np.where(t.crossed(x), p.penalty[:, None], 0).T
    return Block(members, combos, table)
