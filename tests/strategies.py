"""Hypothesis strategies for valid scenarios (as plain data in the file format)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

ids = st.from_regex(r"[a-z][a-z0-9_\-]{0,8}", fullmatch=True)
names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(lambda s: s.strip() != "")
finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def quantities(draw: st.DrawFn, lo: float, hi: float, *, sources: list[str]) -> Any:
    """A number in [lo, hi] written in one of the accepted forms."""
    a, b = sorted(draw(st.floats(lo, hi, allow_nan=False)) for _ in range(2))
    form = draw(st.sampled_from(["plain", "value", "range", "triangle"]))
    extra: dict[str, Any] = {}
    if sources and draw(st.booleans()):
        extra["source"] = draw(st.sampled_from(sources))
    if draw(st.booleans()):
        extra["confidence"] = draw(st.sampled_from(["low", "medium", "high"]))
    if form == "plain":
        return a
    if form == "value":
        return {"value": a, **extra}
    if form == "range":
        return {"low": a, "high": b, **extra}
    mode = draw(st.floats(a, b, allow_nan=False))
    return {"low": a, "mode": mode, "high": b, **extra}


@st.composite
def issues(draw: st.DrawFn, issue_id: str) -> dict[str, Any]:
    """A continuous or discrete issue."""
    issue: dict[str, Any] = {"id": issue_id, "name": draw(names)}
    if draw(st.booleans()):
        lo = draw(st.floats(-100, 100, allow_nan=False))
        hi = lo + draw(st.floats(1, 200, allow_nan=False))
        issue["scale"] = {"lo": lo, "hi": hi}
        if draw(st.booleans()):
            issue["scale"]["anchors"] = [{"at": lo, "label": draw(names)}]
        if draw(st.booleans()):
            issue["reference"] = draw(st.floats(lo, hi, allow_nan=False))
    else:
        opts = draw(st.lists(ids, min_size=2, max_size=4, unique=True))
        issue["options"] = opts
        if draw(st.booleans()):
            issue["reference"] = draw(st.sampled_from(opts))
    return issue


def _value(draw: st.DrawFn, issue: dict[str, Any], sources: list[str]) -> Any:
    if "options" in issue:
        return draw(st.sampled_from(issue["options"]))
    return draw(quantities(issue["scale"]["lo"], issue["scale"]["hi"], sources=sources))


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """A random valid scenario as plain data."""
    sources = draw(st.lists(ids, max_size=3, unique=True))
    actor_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    issue_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    issue_list = [draw(issues(i)) for i in issue_ids]
    data: dict[str, Any] = {
        "id": draw(ids),
        "title": draw(names),
        "sources": [{"id": s, "title": draw(names)} for s in sources],
        "actors": [
            {
                "id": a,
                "name": draw(names),
                "capability": draw(quantities(0.01, 100, sources=sources)),
            }
            for a in actor_ids
        ],
        "issues": issue_list,
        "stances": {},
    }
    for a in actor_ids:
        row = {}
        for issue in issue_list:
            if draw(st.booleans()):
                position = _value(draw, issue, sources)
                stance = {"position": position, "salience": draw(quantities(0, 1, sources=sources))}
                if draw(st.booleans()):
                    stance["red_line"] = position  # always on a valid side
                row[issue["id"]] = stance
        if row:
            data["stances"][a] = row
    if draw(st.booleans()):
        clause_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
        data["deals"] = [
            {
                "id": draw(ids),
                "name": draw(names),
                "clauses": [
                    {
                        "id": c,
                        "text": draw(names),
                        "obligated": [draw(st.sampled_from(actor_ids))],
                        "sets": {issue_list[0]["id"]: _plain(_value(draw, issue_list[0], []))},
                    }
                    for c in clause_ids
                ],
            }
        ]
    return data


def _plain(value: Any) -> Any:
    return value if not isinstance(value, dict) else value.get("value", value.get("low"))
