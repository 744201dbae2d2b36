"""One reconciled recommendation from the agreement space and the deal check, computed once.

:func:`recommend` tests every deal on the table the same way (ZOPA, red lines, dominance,
deliverability) and builds the recommended package from the clauses on the table by the
rules of :mod:`accord.recommend.choose`; the talking points are that package's clauses (ask:
what others give in it; offer: what the side gives in it; mutual: steps the side and a party
across the table both owe) and what the side must not promise.

>>> import accord
>>> from accord.recommend import recommend
>>> r = recommend(accord.load("korea-2018"), side="usa")
>>> r.found, r.deals["modest-agenda"].in_zopa
(True, False)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from accord.feasibility import CheckResult, check_all
from accord.recommend.assess import clause_values, package_test
from accord.recommend.choose import MAX_CLAUSES, best_package, nearest_package
from accord.recommend.result import (
    ClauseRef,
    Crossing,
    NotPromise,
    PackageTest,
    Recommendation,
)
from accord.recommend.trades import movers, trade_moves
from accord.scenario.model import Clause, Issue, Scenario
from accord.space.analysis import Analysis, analyse

__all__ = [
    "ClauseRef",
    "Crossing",
    "NotPromise",
    "PackageTest",
    "Recommendation",
    "movers",
    "recommend",
    "trade_moves",
]

#: The rules the package meets, in order (codes; the brief words them).
RULES = ("deliverable", "consistent", "red_lines", "batna", "nash_product")


def recommend(
    scenario: Scenario,
    *,
    side: str,
    space: Analysis | None = None,
    checks: Mapping[str, CheckResult] | None = None,
    deals: Sequence[str] | None = None,
    runs: int = 2000,
    seed: int = 0,
) -> Recommendation:
    """Test the deals on the table and recommend one package for ``side``.

    Parameters
    ----------
    scenario
        The negotiation.
    side
        Id of the actor the recommendation is for.
    space
        The agreement space's analysis (:func:`accord.space.analysis.analyse`); computed
        here with its defaults when not given.
    checks
        The deal check's results, deal id -> result; computed here (``runs``, ``seed``) when
        not given.
    deals
        The deals on the table (default: every deal of the scenario).
    runs, seed
        Settings of the deal check when it is run here.

    Returns
    -------
    Recommendation
    """
    analysis = space if space is not None else analyse(scenario)
    if checks is None:
        checks = check_all(scenario, runs=runs, seed=seed)
    on_table = sorted(deals if deals is not None else [d.id for d in scenario.deals])
    refs = _refs(scenario, checks, on_table)
    clause = {(d.id, c.id): c for d in scenario.deals for c in d.clauses}
    pool = _pool([r for r in refs if r.verdict != "unrealistic"])
    notes = ["truncated"] if len(pool) < sum(r.verdict != "unrealistic" for r in refs) else []
    best, weighed = best_package(
        analysis, scenario, [(r.deal, clause[r.deal, r.clause]) for r in pool]
    )
    tests = _deal_tests(analysis, scenario, checks, on_table)
    common = {
        "scenario": scenario.id,
        "side": side,
        "rules": RULES,
        "not_promise": _not_promise(analysis, scenario, refs, side),
        "deals": tests,
        "candidates": weighed,
    }
    if best is not None:
        chosen = tuple(pool[m] for m in best.members)
        across = _across(scenario, side)
        return Recommendation(
            test=package_test(analysis, "recommended", best.values),
            clauses=chosen,
            ask=tuple(r for r in chosen if side not in r.obligated),
            offer=tuple(r for r in chosen if side in r.obligated and not across & set(r.obligated)),
            mutual=tuple(r for r in chosen if side in r.obligated and across & set(r.obligated)),
            notes=tuple(notes),
            **common,  # type: ignore[arg-type]
        )
    every = _pool(refs)
    near = nearest_package(analysis, scenario, [(r.deal, clause[r.deal, r.clause]) for r in every])
    near_refs = () if near is None else tuple(every[m] for m in near.members)
    return Recommendation(
        test=None,
        clauses=(),
        ask=(),
        offer=(),
        nearest=None
        if near is None
        else package_test(
            analysis,
            "nearest",
            near.values,
            undeliverable=tuple(r.clause for r in near_refs if r.verdict == "unrealistic"),
        ),
        nearest_clauses=near_refs,
        notes=tuple(notes),
        **common,  # type: ignore[arg-type]
    )


def _across(scenario: Scenario, side: str) -> set[str]:
    """Parties across the table from ``side``: those owing some clause that ``side`` does not."""
    return {
        a for d in scenario.deals for c in d.clauses if side not in c.obligated for a in c.obligated
    }


def _refs(
    scenario: Scenario, checks: Mapping[str, CheckResult], deals: Sequence[str]
) -> list[ClauseRef]:
    out = []
    for deal_id in deals:
        judged = {c.id: c for c in checks[deal_id].clauses}
        for c in sorted(scenario.deal(deal_id).clauses, key=lambda c: c.id):
            j = judged[c.id]
            out.append(
                ClauseRef(
                    deal_id,
                    c.id,
                    c.text,
                    tuple(c.obligated),
                    j.verdict,
                    j.p_implemented,
                    c.core,
                )
            )
    return out


def _pool(refs: Sequence[ClauseRef]) -> list[ClauseRef]:
    """At most :data:`MAX_CLAUSES` clauses: the likeliest to be implemented, ties by id."""
    keep = sorted(refs, key=lambda r: (-r.p_implemented, r.deal, r.clause))[:MAX_CLAUSES]
    return sorted(keep, key=lambda r: (r.deal, r.clause))


def _deal_tests(
    analysis: Analysis,
    scenario: Scenario,
    checks: Mapping[str, CheckResult],
    deals: Sequence[str],
) -> dict[str, PackageTest]:
    out = {}
    for deal_id in deals:
        deal, check = scenario.deal(deal_id), checks[deal_id]
        values = clause_values(scenario, deal.clauses)
        if values is None:  # two clauses set one issue differently: no single package
            continue
        bad = sorted((c.id, c.core) for c in check.clauses if c.verdict == "unrealistic")
        out[deal_id] = package_test(
            analysis,
            deal_id,
            values,
            undeliverable=tuple(i for i, core in bad if core),
            doubtful=tuple(i for i, core in bad if not core),
            p_all_core=check.p_all_core,
        )
    return out


def _not_promise(
    analysis: Analysis, scenario: Scenario, refs: Sequence[ClauseRef], side: str
) -> tuple[NotPromise, ...]:
    """Clauses the side owes that are unrealistic or cross its own red line; its red lines."""
    clause = {(d.id, c.id): c for d in scenario.deals for c in d.clauses}
    out = []
    for r in sorted(refs, key=lambda r: (r.p_implemented, r.deal, r.clause)):
        if side not in r.obligated:
            continue
        if r.verdict == "unrealistic":
            out.append(NotPromise("unrealistic", clause=r))
        elif _crosses_own(analysis, scenario, clause[r.deal, r.clause], side):
            out.append(NotPromise("red_line", clause=r))
    for issue in sorted(scenario.issues, key=lambda i: i.id):
        st = scenario.stances.get(side, {}).get(issue.id)
        if st is not None and st.red_line is not None:
            line = st.red_line if isinstance(st.red_line, str) else issue.to_number(st.red_line)
            strict, owners = _strictest(scenario, issue, side)
            out.append(
                NotPromise("red_line", issue=issue.id, red_line=strict, owners=owners, own=line)
            )
    return tuple(out)


def _strictest(scenario: Scenario, issue: Issue, side: str) -> tuple[float | str, tuple[str, ...]]:
    """Return the strictest red line on ``issue`` pointing the way ``side``'s does, and whose it is.

    A party's red line points the same way when it too lies on the side of its position that
    ``side``'s does (both refuse values below, or both above); an option id stays the side's.
    """
    st = scenario.stances[side][issue.id]
    assert st.red_line is not None
    if isinstance(st.red_line, str):
        return st.red_line, (side,)
    own = issue.to_number(st.red_line)
    up = issue.to_number(st.position) > own  # values below the line are refused
    lines: dict[str, float] = {}
    for actor in sorted(scenario.stances):
        other = scenario.stances[actor].get(issue.id)
        if other is None or other.red_line is None or isinstance(other.red_line, str):
            continue
        x = issue.to_number(other.red_line)
        if (issue.to_number(other.position) > x) == up:
            lines[actor] = x
    best = max(lines.values()) if up else min(lines.values())
    owners = tuple(a for a in sorted(lines) if abs(lines[a] - best) <= 1e-9 * max(1.0, abs(best)))
    return best, (side,) if side in owners else owners


def _crosses_own(analysis: Analysis, scenario: Scenario, clause: Clause, side: str) -> bool:
    """Whether a value the clause sets lies beyond the side's red line on that issue."""
    values = clause_values(scenario, [clause])
    if values is None:
        return False
    test = package_test(analysis, "clause", values)
    return any(c.actor == side and c.issue in clause.sets for c in test.red_lines)
