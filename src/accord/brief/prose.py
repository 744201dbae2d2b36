"""Make the analyses' sentences readable by a principal: names for ids, no formula arithmetic.

The deal check writes its reasons for an analyst (``It waits on gb-denuclearise``; ``a cost
of detection 68% x punishment 1 x discounted future 5.7 = 3.6``). The brief names clauses
by their text, keeps the result of the arithmetic, and leaves the formula to the method
notes of section 9 (:data:`METHOD_NOTE`).
"""

from __future__ import annotations

import re

from accord.scenario.model import Scenario

__all__ = ["METHOD_NOTE", "readable", "short_clause"]

#: The formula the deal check's incentive reason uses, for the method notes.
METHOD_NOTE = (
    "Whether breaking a clause pays (deal check): the one-off gain from breaking it is set "
    "against its expected cost, P(detected) x punishment x the discounted value of the "
    "future relationship (delta / (1 - delta)); the 'why' column shows only the two sides "
    "of that comparison (Downs, Rocke & Barsoom 1996)."
)

_COST = re.compile(
    r"a cost of detection\s+\S+\s+x punishment\s+\S+\s+x discounted future\s+\S+\s+=\s+"
    r"(?P<cost>[\d.eE+-]+)"
)


_PAYS = re.compile(
    r"Breaking it can pay: a one-off gain of (?P<gain>[\d.eE+-]+) against "
    r"(?P<cost>an expected cost of (?P<c>[\d.eE+-]+) if caught \(method notes, §9\))"
)


def _pays(m: re.Match[str]) -> str:
    """Say 'it can pay' only when the gain exceeds the expected cost; else what holds."""
    gain, cost = float(m.group("gain")), float(m.group("c"))
    if gain > cost:
        return m.group(0)
    return (
        f"Breaking it does not pay on average (a one-off gain of {m.group('gain')} against "
        f"{m.group('cost')}), but it can when the gain runs higher than expected"
    )


_WAITS = re.compile(
    r"It waits on (?P<on>“[^”]*”), which may not happen \(P (?P<p>\d+%)\)\."
    r"(?P<stall> It waits on (?P=on): a dispute over who moves first can stall it\.)?"
)


def _waits(m: re.Match[str]) -> str:
    """One sentence per prerequisite: its chance of happening, and a first-move dispute."""
    out = f"It waits on {m.group('on')}, which happens with probability {m.group('p')} only"
    if m.group("stall"):
        out += ", and a dispute over who moves first can stall it"
    return out + "."


def short_clause(text: str, limit: int = 60) -> str:
    """Quote a clause's text, cut at a word near ``limit`` characters."""
    body = text.rstrip(".")
    if len(body) > limit:
        body = body[: limit - 2].rsplit(" ", 1)[0] + "…"
    return f"“{body}”"


def readable(text: str, scenario: Scenario) -> str:
    """Replace clause ids by their (shortened) text and formula arithmetic by its result."""
    names = {c.id: c.text for d in scenario.deals for c in d.clauses}
    out = _COST.sub(r"an expected cost of \g<cost> if caught (method notes, §9)", text)
    out = _PAYS.sub(_pays, out)
    if not names:
        return out
    ids = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    out = pattern.sub(lambda m: short_clause(names[m.group(1)], 90), out)
    return _WAITS.sub(_waits, out)
