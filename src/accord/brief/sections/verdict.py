"""The recommendation and the deal-on-the-table test, in words, for the bottom line.

Reads :class:`~accord.recommend.Recommendation` only: a deal is called achievable only when
it passes the test (inside every red line, better than no deal for every party, no core
clause judged unrealistic), and the same test is shown for every deal on the table.
"""

from __future__ import annotations

from accord.brief.blocks import Data, Fragment, Link, T, Table, Text
from accord.brief.context import Context
from accord.brief.labels import join_names
from accord.recommend import ClauseRef, PackageTest, Recommendation

__all__ = ["clause_names", "on_the_table", "recommendation", "table", "test_cells"]


def clause_names(refs: tuple[ClauseRef, ...] | list[ClauseRef]) -> str:
    """Quote and join the clauses' texts."""
    return join_names([f"“{r.text.rstrip('.')}”" for r in refs])


def recommendation(ctx: Context, data: Data) -> list[Text]:
    """One or two sentences: the recommended package and why, or why there is none."""
    rec = ctx.recommendation
    if rec is None:
        return []
    if rec.test is not None:
        return _found(ctx, data, rec, rec.test)
    return _none(ctx, data, rec)


def _gains(ctx: Context, data: Data, key: str, test: PackageTest) -> list[Fragment]:
    out: list[Fragment] = []
    for n, actor in enumerate(a for a in (ctx.side, ctx.other) if a in test.gains):
        out += [", " if n else "", f"{ctx.labels.actor(actor)} "]
        out.append(data.num((key, "gain", actor), test.gains[actor], "signed"))
    return out


def _found(ctx: Context, data: Data, rec: Recommendation, test: PackageTest) -> list[Text]:
    lead = T(
        "Recommended: put forward ",
        clause_names(rec.clauses),
        ". This package is inside every party's red lines, better than no deal for every "
        "party (utility gains ",
        *_gains(ctx, data, "recommended", test),
        ", ",
        Link("space", "§4"),
        ") and built only from clauses the deal check does not judge unrealistic (",
        Link("deals", "§5"),
        ").",
    )
    if not test.dominated:
        return [T(lead[:-1], " It is Pareto-efficient: no package is better for every party.")]
    return [
        lead,
        T(
            "It is not Pareto-efficient: a package better for every party exists (",
            Link("space", "§4"),
            "), but no clause on the table sets its terms yet — drafting them is the next "
            "gain to seek.",
        ),
    ]


def _none(ctx: Context, data: Data, rec: Recommendation) -> list[Text]:
    lead = T(
        "No package can be recommended: no combination of the deliverable clauses on the "
        "table is inside every party's red lines and better than no deal for every party."
    )
    near = rec.nearest
    if near is None:
        return [lead]
    needs = _changes(ctx, data, near)
    return [
        lead,
        T(
            "The closest, ",
            clause_names(rec.nearest_clauses),
            ", would need: ",
            *needs,
            " (",
            Link("space", "§4"),
            ", ",
            Link("deals", "§5"),
            ").",
        ),
    ]


def _changes(ctx: Context, data: Data, test: PackageTest) -> list[Fragment]:
    """Say what would have to change for the package to pass."""
    parts: list[list[Fragment]] = []
    for c in test.red_lines:
        who, what = ctx.labels.actor(c.actor), ctx.labels.issue(c.issue)
        parts.append([f"{who} to accept {what} beyond its red line"])
    for actor in test.worse_off:
        parts.append(
            [
                f"{ctx.labels.actor(actor)} to gain over no deal (now ",
                data.num(("nearest", "gain", actor), test.gains.get(actor), "signed"),
                ")",
            ]
        )
    for clause in test.undeliverable:
        parts.append([f"“{ctx.labels.clause_text(clause).rstrip('.')}” made deliverable"])
    out: list[Fragment] = []
    for n, p in enumerate(parts):
        out += (["; "] if n else []) + p
    return out or ["nothing further"]


def on_the_table(ctx: Context, data: Data) -> Text | None:
    """Which deals on the table pass the test (the table beside it shows each one)."""
    rec = ctx.recommendation
    if rec is None or not rec.deals:
        return None
    passing = [d for d, t in rec.deals.items() if t.passes]
    failing = [ctx.labels.deal(d) for d, t in rec.deals.items() if not t.passes]
    if not passing:
        return T(
            "None of the deals on the table passes as drafted (",
            join_names(failing),
            "): each crosses a red line, leaves a party worse off than no deal, or rests on "
            "a clause judged unrealistic (table above).",
        )
    best = max(passing, key=lambda d: (rec.deals[d].p_all_core or 0.0, d))
    p = rec.deals[best].p_all_core
    return T(
        f"Achievable as drafted: {ctx.labels.deal(best)} passes the test; every core clause "
        "holds with probability ",
        data.num(("achievable", best, "p_all_core"), p, "pct"),
        " (",
        Link("deals", "§5"),
        ").",
    )


def test_cells(ctx: Context, data: Data, deal: str, t: PackageTest) -> tuple[Text, ...]:
    """The test of one deal as table cells."""
    key = ("table", deal)
    crossed = sorted({c.actor for c in t.red_lines})
    worse = [
        T(f"{ctx.labels.actor(a)} ", data.num((*key, "gain", a), t.gains.get(a), "signed"))
        for a in t.worse_off
        if a not in crossed
    ]
    refuse: list[Text] = []
    if crossed:
        names = join_names([ctx.labels.actor(a) for a in crossed])
        refuse.append(T(f"{names} cannot accept it (red line crossed)"))
    if worse:
        refuse.append(T(*_join(worse), " worse off than with no deal"))
    gains = T("yes") if not refuse else T("no: ", *_join(refuse, "; "))
    by_actor: dict[str, list[str]] = {}
    for c in t.red_lines:
        by_actor.setdefault(ctx.labels.actor(c.actor), []).append(ctx.labels.issue(c.issue))
    lines = T("; ".join(f"{a}: {join_names(i)}" for a, i in by_actor.items()) or "none")
    efficient = T("no" if t.dominated else "yes")
    deliverable = (
        T("yes")
        if not t.undeliverable
        else T(f"no: {_count(len(t.undeliverable), 'core clause')} judged unrealistic")
    )
    if t.doubtful and not t.undeliverable:
        deliverable = T(f"yes, but {_count(len(t.doubtful), 'optional clause')} unrealistic")
    return (
        T(ctx.labels.deal(deal)),
        gains,
        lines,
        efficient,
        deliverable,
        T("passes" if t.passes else "fails"),
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _join(texts: list[Text], sep: str = ", ") -> Text:
    out: list[Fragment] = []
    for n, t in enumerate(texts):
        out += ([sep] if n else []) + list(t)
    return tuple(out)


def table(ctx: Context, data: Data) -> Table | None:
    """Every deal on the table through the same test."""
    rec = ctx.recommendation
    if rec is None or not rec.deals:
        return None
    order = [d for d in ctx.settings.deals if d in rec.deals]
    return Table(
        (
            "deal",
            "every party accepts it over no deal",
            "red lines crossed",
            "Pareto-efficient",
            "deliverable",
            "test",
        ),
        tuple(test_cells(ctx, data, d, rec.deals[d]) for d in order),
        title="The deals on the table, tested alike",
    )
