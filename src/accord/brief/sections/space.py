"""Section 4 — the agreement space.

The Pareto frontier (chart), the recommended package and why (efficient, fair, deliverable), and
the trades worth proposing. Reads ``accord.space(...).to_dict()``.
"""

from __future__ import annotations

from typing import Any

from accord.brief import charts
from accord.brief.blocks import (
    Block,
    Bullets,
    Chart,
    Data,
    Fragment,
    Link,
    Paragraph,
    Section,
    T,
    Table,
    Text,
)
from accord.brief.context import Context, unavailable_section
from accord.brief.gather import Unavailable
from accord.brief.sections.deals import clauses
from accord.recommend import movers
from accord.scenario.model import Scenario

__all__ = ["build", "package_values", "recommended", "red_line_breaches", "solutions"]

SID, NUMBER, TITLE = "space", 4, "The agreement space"
PREFERRED = ("nash", "kalai_smorodinsky", "egalitarian", "utilitarian")
MAX_TRADES = 5
NEAR = 0.1  # a clause "sets the same term" as a package within a tenth of the issue's range


# the literature's names of the bargaining solutions
_SOLUTION = {
    "nash": "Nash bargaining",
    "kalai_smorodinsky": "Kalai–Smorodinsky",
    "utilitarian": "utilitarian",
    "egalitarian": "egalitarian",
}


def solutions(sp: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Solution name -> ``{"package": {issue: value}, "utilities": {actor: u}}``."""
    sol = sp.get("solutions") or {}
    if isinstance(sol, list):
        sol = {s.get("name", str(k)): s for k, s in enumerate(sol)}
    return {k: v for k, v in sol.items() if isinstance(v, dict) and v.get("package")}


def recommended(sp: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """Return the recommended solution: Nash, else the first of :data:`PREFERRED` found."""
    sol = solutions(sp)
    for name in (*PREFERRED, *sol):
        if name in sol:
            return name, sol[name]
    return None


def package_values(scenario: Scenario, package: dict[str, Any]) -> dict[str, float]:
    """Issue id -> numeric value of a package (option ids mapped onto the issue's scale)."""
    return {i: scenario.issue(i).to_number(v) for i, v in package.items()}


def red_line_breaches(scenario: Scenario, package: dict[str, Any]) -> list[tuple[str, str]]:
    """``(actor, issue)`` pairs where the package lies beyond the actor's red line."""
    values = package_values(scenario, package)
    out = []
    for actor, row in scenario.stances.items():
        for issue_id, st in row.items():
            if st.red_line is None or issue_id not in values:
                continue
            issue = scenario.issue(issue_id)
            line, pos = issue.to_number(st.red_line), issue.to_number(st.position)
            if (values[issue_id] - line) * (line - pos) > 0:
                out.append((actor, issue_id))
    return out


def value_text(
    ctx: Context, data: Data, keys: tuple[str, ...], issue_id: str, value: Any, label: bool = True
) -> Text:
    """Show a point of an issue: a number (and its anchor) on a scale, an option by its label."""
    if value is None:
        return T("–")
    if isinstance(value, str) or ctx.scenario.issue(issue_id).discrete:
        issue = ctx.scenario.issue(issue_id)
        option = issue.options[round(issue.to_number(value))] if issue.options else None
        return T(option.label or option.id if option is not None else str(value))
    number = value.point if hasattr(value, "point") else float(value)
    scale = ctx.scenario.issue(issue_id).scale
    unit = f" {scale.unit}" if scale is not None and scale.unit else ""
    return T(
        data.num(keys, number, "scale"), unit, ctx.labels.paren(issue_id, number) if label else ""
    )


def build(ctx: Context) -> Section:
    """Write the agreement-space section."""
    sp = ctx.data("space")
    if isinstance(sp, Unavailable):
        return unavailable_section(SID, NUMBER, TITLE, [sp])
    data = Data(SID)
    blocks: list[Block] = []
    chart = _chart(ctx, sp)
    if chart is not None:
        blocks.append(chart)
    rec = recommended(sp)
    if rec is not None:
        blocks += _recommendation(ctx, sp, *rec, data)
        blocks.append(_solutions_table(ctx, sp, data))
    else:
        blocks.append(
            Paragraph(
                T(
                    "No package leaves every required party better off than "
                    "no deal: there is no zone of possible agreement."
                )
            )
        )
    blocks.append(_trades(ctx, sp, data))
    return Section(SID, NUMBER, TITLE, tuple(blocks), data.tree)


def _utilities(entry: Any, actors: list[str]) -> dict[str, float]:
    u = entry.get("utilities", entry) if isinstance(entry, dict) else entry
    if isinstance(u, dict):
        return {k: float(v) for k, v in u.items() if isinstance(v, int | float)}
    return {a: float(x) for a, x in zip(actors, u, strict=False)}


def _frontier(sp: dict[str, Any]) -> list[dict[str, float]]:
    fr = sp.get("frontier") or []
    actors = list(sp.get("actors") or [])
    if isinstance(fr, dict):
        actors = list(fr.get("actors") or actors)
        fr = fr.get("utilities") or fr.get("points") or []
    return [_utilities(p, actors) for p in fr]


def _disagreement(sp: dict[str, Any]) -> dict[str, float]:
    return _utilities(sp.get("batna") or sp.get("disagreement") or {}, [])


def _chart(ctx: Context, sp: dict[str, Any]) -> Chart | None:
    x, y = ctx.side, ctx.other
    pts = [(p[x], p[y]) for p in _frontier(sp) if x in p and y in p]
    if not pts:
        return None
    marks = {
        _SOLUTION.get(name, name): (u[x], u[y])
        for name, s in solutions(sp).items()
        if x in (u := _utilities(s, [])) and y in u
    }
    d = _disagreement(sp)
    svg = charts.frontier(
        pts,
        marks,
        ctx.labels.actor(x),
        ctx.labels.actor(y),
        (d[x], d[y]) if x in d and y in d else None,
    )
    return Chart(
        svg,
        f"Packages on the Pareto frontier of all parties, seen by "
        f"{ctx.labels.actor(x)} and {ctx.labels.actor(y)} (shaded); the line joins "
        "those best for these two; diamonds: the bargaining solutions; square: no deal.",
        "Chart of the Pareto frontier; the solutions' utilities are in the table.",
    )


def _recommendation(
    ctx: Context, sp: dict[str, Any], name: str, sol: dict[str, Any], data: Data
) -> list[Block]:
    """Show the recommended package beside the space's bargaining solution, issue by issue."""
    rec = ctx.recommendation
    columns: list[tuple[str, tuple[str, ...], dict[str, Any]]] = []
    if rec is not None and rec.test is not None:
        columns.append(("recommended package (§1)", ("recommended",), rec.test.package))
        if rec.test.improvement is not None:
            columns.append(
                ("nearest efficient package better for all", ("improvement",), rec.test.improvement)
            )
    elif rec is not None and rec.nearest is not None:
        columns.append(("closest package on the table (fails)", ("nearest",), rec.nearest.package))
    label = f"{_SOLUTION.get(name, name)} solution of the space"
    columns.append((label, ("solution", name), sol["package"]))
    rows = []
    for issue in ctx.scenario.issues:
        ref = issue.reference
        cells = [
            T(ctx.labels.issue(issue.id)),
            value_text(ctx, data, ("packages", "no_deal", issue.id), issue.id, ref),
        ]
        for _, key, package in columns:
            cells.append(
                value_text(ctx, data, ("packages", *key, issue.id), issue.id, package.get(issue.id))
            )
        rows.append(tuple(cells))
    lead = [Paragraph(_rules(ctx), kind="lead")] if rec is not None else []
    return [
        *lead,
        Paragraph(_why(ctx, sp, name, sol, data)),
        Table(
            ("issue", "no deal", *(c[0] for c in columns)),
            tuple(rows),
            title="Packages, issue by issue",
        ),
    ]


def _rules(ctx: Context) -> Text:
    rec = ctx.recommendation
    head = (
        "The recommended package ("
        if rec is not None and rec.found
        else "No package meets the rules ("
    )
    return T(
        head,
        Link("bluf", "§1"),
        ") is built from the clauses on the table by stated rules: only clauses the deal "
        "check does not judge unrealistic, each with the clauses it waits on and with the "
        "other side's matching clauses of the same deal (an exchange travels whole); inside every "
        "party's red lines; better than no deal for every party; and, among the packages "
        "left, the largest Nash product of the parties' gains over no deal. The Nash "
        "bargaining solution of the space, beside it, applies the last rule to every package "
        "of the grid, whether or not a clause on the table sets its terms.",
    )


def _why(ctx: Context, sp: dict[str, Any], name: str, sol: dict[str, Any], data: Data) -> Text:
    u = _utilities(sol, [])
    d = _disagreement(sp)
    gains = sol.get("gains") or {a: u[a] - d.get(a, 0.0) for a in u}
    losers = [ctx.labels.actor(a) for a, g in gains.items() if g < 0]
    breaches = red_line_breaches(ctx.scenario, sol["package"])
    parts: list[Fragment] = [
        f"The {_SOLUTION.get(name, name)} solution lies on the Pareto frontier (no other "
        "package is better for one party without being worse for another) and gives "
        f"{ctx.labels.actor(ctx.side)} a gain of ",
        data.num(("recommended", "gain", ctx.side), gains.get(ctx.side), "signed"),
        f" and {ctx.labels.actor(ctx.other)} ",
        data.num(("recommended", "gain", ctx.other), gains.get(ctx.other), "signed"),
        " in utility over no deal. ",
    ]
    if losers:
        parts.append(f"It leaves {', '.join(losers)} worse off than no deal. ")
    if breaches:
        names = "; ".join(f"{ctx.labels.actor(a)} on {ctx.labels.issue(i)}" for a, i in breaches)
        parts.append(f"It crosses red lines ({names}).")
    else:
        parts.append("It crosses no party's red line.")
    doubts = _doubtful(ctx, sol["package"])
    if doubts:
        parts.append(
            " The deal check finds clauses that set much the same terms unrealistic: "
            + "; ".join(f"“{t}”" for t in doubts)
            + " ("
        )
        parts += [
            Link("deals", "§5"),
            "): that is why it is a benchmark here, not the recommendation.",
        ]
    elif ctx.analyses.available("check"):
        parts.append(" No clause on the table that sets these terms is judged unrealistic.")
    return tuple(parts)


def _doubtful(ctx: Context, package: dict[str, Any]) -> list[str]:
    """Texts of unrealistic clauses (deal check) that set an issue as the package does."""
    checks = ctx.data("check")
    if not isinstance(checks, dict):
        return []
    values = package_values(ctx.scenario, package)
    out = []
    for deal in ctx.scenario.deals:
        verdicts = {c.get("id"): c.get("verdict") for c in clauses(checks.get(deal.id, {}))}
        for c in deal.clauses:
            if verdicts.get(c.id) == "unrealistic" and any(
                _close(ctx, i, v, values) for i, v in c.sets.items()
            ):
                out.append(c.text.rstrip("."))
    return out


def _close(ctx: Context, issue_id: str, value: float | str, values: dict[str, float]) -> bool:
    if issue_id not in values:
        return False
    issue = ctx.scenario.issue(issue_id)
    lo, hi = issue.bounds
    x, y = issue.to_number(value), values[issue_id]
    return abs(x - y) <= NEAR * (hi - lo) and _same_side(ctx, issue_id, x, y)


def _same_side(ctx: Context, issue_id: str, x: float, y: float) -> bool:
    """Whether ``x`` and ``y`` lie on the same side of every party's red line on an issue."""
    issue = ctx.scenario.issue(issue_id)
    for row in ctx.scenario.stances.values():
        st = row.get(issue_id)
        if st is None or st.red_line is None:
            continue
        line, pos = issue.to_number(st.red_line), issue.to_number(st.position)
        if ((x - line) * (line - pos) > 0) != ((y - line) * (line - pos) > 0):
            return False
    return True


def _solutions_table(ctx: Context, sp: dict[str, Any], data: Data) -> Table:
    actors = [a.id for a in ctx.scenario.actors]
    rows = []
    for name, s in solutions(sp).items():
        u = _utilities(s, actors)
        rows.append(
            (
                T(_SOLUTION.get(name, name)),
                *(T(data.num(("solutions", name, a), u.get(a), "util")) for a in actors),
            )
        )
    return Table(
        ("solution", *(ctx.labels.actor(a) for a in actors)),
        tuple(rows),
        title="Each party's utility (0 = its worst package, 1 = its best)",
    )


def _trades(ctx: Context, sp: dict[str, Any], data: Data) -> Block:
    """Trades in which each party gives way on an issue it can move (it owes a clause on it)."""
    who = movers(ctx.scenario)
    kept = [
        t
        for t in sp.get("trades") or []
        if all(i not in who or a in who[i] for a, i in (t.get("concessions") or {}).items())
    ]
    trades = sorted(kept, key=lambda t: ctx.side not in t.get("actors", ()))[:MAX_TRADES]
    if not trades:
        return Paragraph(
            T(
                "No trade between two parties, each giving way on an issue it can move, "
                "raises both their utilities."
            )
        )
    return Bullets(
        tuple(_trade(ctx, k, t, data) for k, t in enumerate(trades)), title="Trades worth proposing"
    )


def _trade(ctx: Context, k: int, t: dict[str, Any], data: Data) -> Text:
    key = ("trades", str(k))
    parts: list[Fragment] = []
    gives = t.get("concessions") or {}
    for n, (a, i) in enumerate(gives.items()):
        parts.append("; in return " if n else "")
        parts.append(f"{ctx.labels.actor(a)} gives way on {ctx.labels.issue(i)}")
        if i in (t.get("from") or {}) and i in (t.get("to") or {}):
            parts += [
                " (",
                *value_text(ctx, data, (*key, "from", i), i, t["from"][i], label=False),
                " → ",
                *value_text(ctx, data, (*key, "to", i), i, t["to"][i], label=False),
                ")",
            ]
    if not gives:
        parts.append(
            " and ".join(ctx.labels.actor(a) for a in t.get("actors", [])) + " trade "
            "on " + " and ".join(ctx.labels.issue(i) for i in t.get("issues", []))
        )
    for n, (a, g) in enumerate((t.get("gains") or {}).items()):
        parts += [
            ": " if n == 0 else ", ",
            f"{ctx.labels.actor(a)} ",
            data.num((*key, "gain", a), g, "signed"),
        ]
    return tuple(parts)
