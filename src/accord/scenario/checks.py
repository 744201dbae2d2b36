"""Cross-reference checks over a typed scenario, reporting every problem at once.

The pydantic model checks each field on its own; these checks look across fields: duplicate
ids, stances and clauses naming unknown actors or issues, values off an issue's scale,
saliences outside [0, 1], unknown source ids, red lines on the wrong side of a position.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from accord.scenario.model import Issue, Scenario
from accord.scenario.quantity import Quantity

__all__ = ["Finding", "check_scenario"]

Path = tuple[str | int, ...]
# (path, message, expected, found)
Finding = tuple[Path, str, str | None, str | None]


def check_scenario(s: Scenario) -> list[Finding]:
    """Return every cross-reference problem in ``s`` (empty when it is consistent)."""
    return [
        *_duplicates(s),
        *_issues(s),
        *_stances(s),
        *_deals(s),
        *_cycles(s),
        *_domestic(s),
        *_sources(s),
        *_ladder(s),
    ]


def _dupes(items: list[Any], path: Path) -> Iterator[Finding]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            yield ((*path, i, "id"), f"duplicate id {item.id!r}", "ids unique", None)
        seen.add(item.id)


def _duplicates(s: Scenario) -> Iterator[Finding]:
    yield from _dupes(s.actors, ("actors",))
    yield from _dupes(s.issues, ("issues",))
    yield from _dupes(s.deals, ("deals",))
    yield from _dupes(s.sources, ("sources",))
    yield from _clause_dupes(s)
    for i, issue in enumerate(s.issues):
        yield from _dupes(issue.options or [], ("issues", i, "options"))


def _clause_dupes(s: Scenario) -> Iterator[Finding]:
    """Clause ids are unique across all deals: analyses key results and streams by them."""
    first: dict[str, str] = {}
    for d, deal in enumerate(s.deals):
        for c, clause in enumerate(deal.clauses):
            if clause.id in first:
                yield (
                    ("deals", d, "clauses", c, "id"),
                    f"duplicate clause id {clause.id!r} (already used in deal "
                    f"{first[clause.id]!r})",
                    "clause ids unique across all deals",
                    repr(clause.id),
                )
            else:
                first[clause.id] = deal.id


#: The narrowest scale, relative to the magnitude of its ends, that double precision resolves.
MIN_RELATIVE_WIDTH = 1e-9
#: The narrowest scale in absolute terms (distances are squared and divided by the width).
MIN_WIDTH = 1e-9


def _resolution(lo: float, hi: float) -> tuple[str, str] | None:
    """Return (expected, found) when ``hi - lo`` is too small to compute positions on."""
    least = max(MIN_WIDTH, MIN_RELATIVE_WIDTH * max(abs(lo), abs(hi)))
    if hi - lo >= least:
        return None
    return (f"hi - lo of at least {least:g}", f"lo={lo!r}, hi={hi!r}")


def _value_problem(issue: Issue, value: Quantity | str | float) -> tuple[str, str] | None:
    """Return (expected, found) when ``value`` is not a valid value of ``issue``."""
    if issue.options is not None:
        ids = [o.id for o in issue.options]
        if isinstance(value, str) and value in ids:
            return None
        return (f"one of the options {', '.join(ids)}", repr(_plain(value)))
    if isinstance(value, str):
        return (f"a number on the scale [{issue.bounds[0]:g}, {issue.bounds[1]:g}]", repr(value))
    lo, hi = issue.bounds
    low, high = value.bounds if isinstance(value, Quantity) else (value, value)
    if lo <= low and high <= hi:
        return None
    return (f"a value within the scale [{lo:g}, {hi:g}]", repr(_plain(value)))


def _plain(value: Quantity | str | float) -> Any:
    return value.model_dump() if isinstance(value, Quantity) else value


def _issues(s: Scenario) -> Iterator[Finding]:
    for i, issue in enumerate(s.issues):
        path: Path = ("issues", i)
        if (issue.scale is None) == (issue.options is None):
            yield (path, "an issue needs exactly one of 'scale' or 'options'", None, None)
            continue
        if issue.scale is not None:
            if not issue.scale.lo < issue.scale.hi:
                yield (
                    (*path, "scale"),
                    "scale needs lo < hi",
                    "lo < hi",
                    f"lo={issue.scale.lo:g}, hi={issue.scale.hi:g}",
                )
                continue
            if bad := _resolution(issue.scale.lo, issue.scale.hi):
                yield ((*path, "scale"), "scale too narrow for its magnitude", *bad)
                continue
            for a, anchor in enumerate(issue.scale.anchors):
                if not issue.scale.lo <= anchor.at <= issue.scale.hi:
                    yield (
                        (*path, "scale", "anchors", a, "at"),
                        "anchor off the scale",
                        f"within [{issue.scale.lo:g}, {issue.scale.hi:g}]",
                        f"{anchor.at:g}",
                    )
        elif issue.options is not None and len(issue.options) < 2:
            yield (
                (*path, "options"),
                "a discrete issue needs at least two options",
                ">= 2 options",
                str(len(issue.options)),
            )
            continue
        if issue.reference is not None and (bad := _value_problem(issue, issue.reference)):
            yield ((*path, "reference"), "reference point is not a value of the issue", *bad)


def _stances(s: Scenario) -> Iterator[Finding]:
    actors = {a.id for a in s.actors}
    issues = {i.id: i for i in s.issues if (i.scale is None) != (i.options is None)}
    all_issues = {i.id for i in s.issues}
    spread: dict[str, _Spread] = {}
    for actor_id, row in s.stances.items():
        if actor_id not in actors:
            yield (
                ("stances", actor_id),
                f"stance of unknown actor {actor_id!r}",
                _one_of(actors),
                repr(actor_id),
            )
        for issue_id, stance in row.items():
            path: Path = ("stances", actor_id, issue_id)
            if issue_id not in all_issues:
                yield (
                    path,
                    f"stance on unknown issue {issue_id!r}",
                    _one_of(all_issues),
                    repr(issue_id),
                )
                continue
            if issue_id not in issues:
                continue
            issue = issues[issue_id]
            for name in ("position", "red_line", "batna"):
                value = getattr(stance, name)
                if value is not None and (bad := _value_problem(issue, value)):
                    yield (
                        (*path, name),
                        f"{name.replace('_', ' ')} is not a value of the issue",
                        *bad,
                    )
            low, high = stance.salience.bounds
            if not (low >= 0 and high <= 1):
                yield (
                    (*path, "salience"),
                    "salience out of range",
                    "a value in [0, 1]",
                    repr(stance.salience.model_dump()),
                )
            if issue_id not in spread:
                spread[issue_id] = _Spread(s, issue)
            yield from _red_line_side(s, actor_id, issue, spread[issue_id])


class _Spread:
    """The valid positions on one issue, sorted: others' extremes in O(1) per actor."""

    def __init__(self, s: Scenario, issue: Issue) -> None:
        pairs = sorted(
            (issue.to_number(row[issue.id].position), actor)
            for actor, row in s.stances.items()
            if issue.id in row and not _value_problem(issue, row[issue.id].position)
        )
        self.low, self.high = pairs[:2], pairs[-2:][::-1]

    def others(self, actor: str) -> tuple[float, float] | None:
        """(min, max) of the other actors' positions, or None when there are none."""
        low = [x for x, a in self.low if a != actor]
        high = [x for x, a in self.high if a != actor]
        return (low[0], high[0]) if low and high else None


def _red_line_side(s: Scenario, actor_id: str, issue: Issue, spread: _Spread) -> Iterator[Finding]:
    """Flag a red line on the far side of the position from every other actor.

    When every other actor's position lies on one side of this actor's position, a red line
    on the other side bounds a move nobody asks for, which is almost always a sign error.
    """
    stance = s.stances[actor_id][issue.id]
    if stance.red_line is None or (isinstance(stance.red_line, str) and issue.options is None):
        return
    if _value_problem(issue, stance.red_line) or _value_problem(issue, stance.position):
        return
    own, red = issue.to_number(stance.position), issue.to_number(stance.red_line)
    extremes = spread.others(actor_id)
    if extremes is None or red == own:
        return
    sides = {(x > own) - (x < own) for x in extremes} - {0}
    if len(sides) == 1 and (red > own) - (red < own) not in sides:
        toward = "above" if sides == {1} else "below"
        yield (
            ("stances", actor_id, issue.id, "red_line"),
            "red line on the wrong side of the position: every other actor stands "
            f"{toward} {own:g}, so the worst acceptable position lies {toward} it",
            f"a red line {toward} the position {own:g}",
            f"{red:g}",
        )


def _one_of(ids: set[str]) -> str:
    return "one of: " + (", ".join(sorted(ids)) or "none")


def _deals(s: Scenario) -> Iterator[Finding]:
    actors = {a.id for a in s.actors}
    issues = {i.id: i for i in s.issues if (i.scale is None) != (i.options is None)}
    for d, deal in enumerate(s.deals):
        clause_ids = {c.id for c in deal.clauses}
        for c, clause in enumerate(deal.clauses):
            path: Path = ("deals", d, "clauses", c)
            for role in ("obligated", "beneficiaries"):
                for k, who in enumerate(getattr(clause, role)):
                    if who not in actors:
                        yield (
                            (*path, role, k),
                            f"unknown actor {who!r}",
                            _one_of(actors),
                            repr(who),
                        )
            for issue_id, value in clause.sets.items():
                if issue_id not in issues:
                    yield (
                        (*path, "sets", issue_id),
                        f"unknown issue {issue_id!r}",
                        _one_of(set(issues)),
                        repr(issue_id),
                    )
                elif bad := _value_problem(issues[issue_id], value):
                    yield ((*path, "sets", issue_id), "the deal sets a value off the issue", *bad)
            for who, _ in clause.third_party_effects.items():
                if who not in actors:
                    yield (
                        (*path, "third_party_effects", who),
                        f"unknown actor {who!r} named by a third-party effect",
                        _one_of(actors),
                        repr(who),
                    )
            for k, dep in enumerate(clause.depends_on):
                if dep not in clause_ids or dep == clause.id:
                    yield (
                        (*path, "depends_on", k),
                        f"unknown clause {dep!r}",
                        _one_of(clause_ids - {clause.id}),
                        repr(dep),
                    )


def _cycles(s: Scenario) -> Iterator[Finding]:
    """Flag clauses that wait on themselves through a chain of ``depends_on``."""
    for d, deal in enumerate(s.deals):
        deps = {c.id: [x for x in c.depends_on if x != c.id] for c in deal.clauses}
        for c, clause in enumerate(deal.clauses):
            chain = _cycle_from(clause.id, deps)
            if chain:
                yield (
                    ("deals", d, "clauses", c, "depends_on"),
                    "circular depends_on: the clause waits on itself",
                    "clauses that can be carried out in some order",
                    " -> ".join(chain),
                )


def _cycle_from(start: str, deps: dict[str, list[str]]) -> list[str]:
    """Return a dependency chain from ``start`` back to itself, or [] (iterative search)."""
    stack: list[tuple[str, list[str]]] = [(d, [start, d]) for d in deps.get(start, [])]
    seen: set[str] = set()
    while stack:
        node, chain = stack.pop()
        if node == start:
            return chain
        if node in seen:
            continue
        seen.add(node)
        stack.extend((n, [*chain, n]) for n in deps.get(node, []))
    return []


def _ladder(s: Scenario) -> Iterator[Finding]:
    """Check that an own ladder has distinct rung names and ``start`` names one of them."""
    dyn = s.dynamics
    if dyn is None or not dyn.ladder:
        return
    names = [r.name for r in dyn.ladder]
    for k, name in enumerate(names):
        if name in names[:k]:
            yield (
                ("dynamics", "ladder", k, "name"),
                f"duplicate rung name {name!r}",
                "rung names unique",
                repr(name),
            )
    if dyn.start is not None and dyn.start not in names[:-1]:
        yield (
            ("dynamics", "start"),
            f"unknown rung {dyn.start!r}",
            "one of: " + ", ".join(names[:-1]),
            repr(dyn.start),
        )


def _domestic(s: Scenario) -> Iterator[Finding]:
    for a, actor in enumerate(s.actors):
        if actor.domestic is None:
            continue
        path: Path = ("actors", a, "domestic")
        known = set(actor.domestic.ratifiers)
        for name, use in actor.domestic.instruments.items():
            if use.ratifier is not None and use.ratifier not in known:
                yield (
                    (*path, "instruments", name.value, "ratifier"),
                    f"unknown ratifier {use.ratifier!r}",
                    _one_of(known),
                    repr(use.ratifier),
                )
        for rid, ratifier in actor.domestic.ratifiers.items():
            sup = ratifier.support
            if sup is not None and not (sup.bounds[0] >= 0 and sup.bounds[1] <= 1):
                yield (
                    (*path, "ratifiers", rid, "support"),
                    "support out of range",
                    "a share in [0, 1]",
                    repr(sup.model_dump()),
                )


def _sources(s: Scenario) -> Iterator[Finding]:
    known = {src.id for src in s.sources}
    data = s.model_dump(mode="python")
    for path, value in _source_refs(data, ()):
        if value not in known:
            yield (path, f"unknown source {value!r}", _one_of(known), repr(value))


def _source_refs(data: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "source" and isinstance(value, str):
                yield ((*path, key), value)
            elif key != "sources":
                yield from _source_refs(value, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _source_refs(item, (*path, i))
