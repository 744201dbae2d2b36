"""Consistency invariants of a brief: it must never contradict itself.

:func:`violations` reads a :class:`~accord.brief.BriefResult` (its sections' blocks and
numbers, and the analyses' data it was written from) and lists every contradiction:

- an item both offered and on the do-not-promise list; a clause offered that a party across
  the table owes too (it is a mutual step), or asked for though the side owes it;
- a deal called achievable (or recommended) that fails the deal-on-the-table test, or a
  recommended package with a clause judged unrealistic, a red line crossed, or a party no
  better off than no deal — re-derived here from the scenario and the check's data;
- one quantity shown with two values, or with a value other than its analysis' (a clause's
  P(implemented), a deal's P(all core clauses), P(top rung) at the horizon);
- a talking point that names no section it comes from; a "do not promise" red line looser
  than another party's red line pointing the same way (an ally's stricter line);
- a deal shown as acceptable to every party (or a party counted as accepting it) while it
  crosses that party's red line or leaves it worse off than no deal.

The test suite runs it on every built-in and example scenario and on generated ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from accord.brief.blocks import Bullets, Link, Num, Paragraph, Section, Table, Text, plain
from accord.brief.labels import Labels
from accord.brief.result import BriefResult
from accord.brief.sections.after import endpoints
from accord.scenario.model import Scenario
from accord.space.tables import parse_value

__all__ = ["violations"]

_QUOTED = re.compile(r"“([^”]+)”")


def violations(brief: BriefResult, scenario: Scenario) -> list[str]:
    """Return every contradiction found in ``brief`` (empty when it is consistent)."""
    rec = brief.analyses.get("recommend")
    out = _numbers(brief)
    out += _talking(brief)
    if isinstance(rec, dict) and "deals" in rec:
        out += _achievable(brief, rec)
        out += _accepting(brief, rec, Labels(scenario))
        out += _package(scenario, brief, rec)
        out += _red_lines(scenario, rec)
    return out


def _texts(section: Section) -> Iterator[tuple[str, Text]]:
    """(list title or block kind, text) of every paragraph, list item and table cell."""
    for b in section.blocks:
        if isinstance(b, Paragraph):
            yield "paragraph", b.text
        elif isinstance(b, Bullets):
            for item in b.items:
                yield b.title or "list", item
        elif isinstance(b, Table):
            for row in b.rows:
                for cell in row:
                    yield "table", cell


def _nums(brief: BriefResult) -> Iterator[Num]:
    for s in brief.sections:
        for _, t in _texts(s):
            yield from (f for f in t if isinstance(f, Num))


def _key(path: str, clauses: set[str], deals: set[str]) -> tuple[str, str] | None:
    """Return the quantity a number shows, when it is one shown in several places."""
    parts = path.split("/")
    last = parts[-1]
    if last in ("p_implemented",) or parts[1:2] in (["not_promise"], ["not_accept"], ["weakest"]):
        named = [p for p in parts if p in clauses]
        return ("p_implemented", named[-1]) if named and "remedy" not in last else None
    if last == "p_all_core":
        named = [p for p in parts if p in deals]
        return ("p_all_core", named[-1]) if named else None
    if last == "p_conflict_end":
        named = [p for p in parts if p in deals or p == "no_deal"]
        return ("p_conflict_end", named[-1]) if named else None
    return None


def _truth(brief: BriefResult) -> dict[tuple[str, str], float]:
    """Return the analyses' own values of the quantities :func:`_key` recognises."""
    out: dict[tuple[str, str], float] = {}
    checks = brief.analyses.get("check")
    if isinstance(checks, dict) and "reason" not in checks:
        for deal, res in checks.items():
            out["p_all_core", deal] = float(res["p_all_core"])
            for c in res.get("clauses", []):
                out["p_implemented", c["id"]] = float(c["p_implemented"])
    sim = brief.analyses.get("simulate")
    if isinstance(sim, dict) and "reason" not in sim:
        for deal, ends in endpoints(sim).items():
            if "p_conflict" in ends:
                out["p_conflict_end", deal] = ends["p_conflict"]
    return out


def _numbers(brief: BriefResult) -> list[str]:
    checks = brief.analyses.get("check")
    ids = [
        c["id"]
        for res in (checks.values() if isinstance(checks, dict) and "reason" not in checks else [])
        for c in res.get("clauses", [])
    ]
    clauses = {c for c in ids if ids.count(c) == 1}  # a clause id two deals share is ambiguous
    deals = set(brief.meta.get("deals", []))
    seen: dict[tuple[str, str], tuple[float, str]] = {}
    truth = _truth(brief)
    out = []
    for n in _nums(brief):
        key = _key(n.path, clauses, deals)
        if key is None or n.value is None:
            continue
        if key in seen and str(Num(seen[key][0], "", n.kind)) != str(n):
            out.append(f"{key} shown as {n} at {n.path} and {seen[key][0]} at {seen[key][1]}")
        seen.setdefault(key, (n.value, n.path))
        if key in truth and str(Num(truth[key], "", n.kind)) != str(n):
            out.append(f"{key} shown as {n} at {n.path}; the analysis says {truth[key]}")
    return out


def _talking(brief: BriefResult) -> list[str]:
    talking = next((s for s in brief.sections if s.id == "talking"), None)
    if talking is None or talking.status == "unavailable":
        return []
    lists: dict[str, set[str]] = {}
    out = []
    for title, t in _texts(talking):
        if title == "paragraph" or title == "table":
            continue
        if not any(isinstance(f, Link) for f in t):
            out.append(f"talking point traces to no section: {plain(t)!r}")
        lists.setdefault(title, set()).update(_QUOTED.findall(plain(t)))
    both = lists.get("Offer", set()) & lists.get("Do not promise", set())
    both |= lists.get("Mutual steps", set()) & lists.get("Do not promise", set())
    both |= lists.get("Ask for", set()) & lists.get("Do not promise", set())
    out += [f"both offered (or asked for) and not to be promised: “{x}”" for x in sorted(both)]
    return out


def _achievable(brief: BriefResult, rec: dict[str, Any]) -> list[str]:
    ids, labels = brief.meta.get("deals", []), brief.meta.get("deal_names", [])
    names = dict(zip(ids, labels, strict=True))
    out = []
    for s in brief.sections:
        for _, t in _texts(s):
            line = plain(t)
            for deal, name in names.items():
                test = rec["deals"].get(deal)
                called = f"Achievable as drafted: {name} " in line or f"Achievable: {name} " in line
                if called and (test is None or not test["passes"]):
                    out.append(f"{name} called achievable but fails the test ({s.id})")
    return out


def _red_lines(scenario: Scenario, rec: dict[str, Any]) -> list[str]:
    """List do-not-promise red lines that some party's same-way red line is stricter than."""
    out = []
    for n in rec.get("not_promise", []):
        if n["kind"] != "red_line" or n["issue"] is None or isinstance(n["red_line"], str):
            continue
        issue = scenario.issue(n["issue"])
        mine = scenario.stances[rec["side"]][n["issue"]]
        if mine.red_line is None:
            continue
        up = issue.to_number(mine.position) > issue.to_number(mine.red_line)
        for actor, row in scenario.stances.items():
            st = row.get(n["issue"])
            if st is None or st.red_line is None or isinstance(st.red_line, str):
                continue
            x, pos = issue.to_number(st.red_line), issue.to_number(st.position)
            if (pos > x) == up and (x - n["red_line"]) * (1 if up else -1) > 1e-9:
                out.append(f"do not promise on {n['issue']} looser than {actor}'s red line")
    return out


def _accepting(brief: BriefResult, rec: dict[str, Any], labels: Labels) -> list[str]:
    """List deal-test rows that count a party as accepting across its red line or BATNA."""
    names = dict(zip(brief.meta.get("deals", []), brief.meta.get("deal_names", []), strict=True))
    by_name = {v: k for k, v in names.items()}
    out = []
    for s in brief.sections:
        for b in s.blocks:
            if not isinstance(b, Table) or "every party accepts it over no deal" not in b.header:
                continue
            col = b.header.index("every party accepts it over no deal")
            for row in b.rows:
                deal = by_name.get(plain(row[0]))
                test = rec["deals"].get(deal) if deal else None
                if test is None:
                    continue
                cell = plain(row[col])
                refused = {c["actor"] for c in test["red_lines"]} | set(test["worse_off"])
                if cell.startswith("yes") and refused:
                    out.append(f"{names[deal]} shown as acceptable to every party ({s.id})")
                for actor in refused:
                    label = labels.actor(actor)
                    if label not in cell:
                        out.append(f"{names[deal]}: {label} not shown as refusing ({s.id})")
    return out


def _package(scenario: Scenario, brief: BriefResult, rec: dict[str, Any]) -> list[str]:
    """Re-derive the recommended package's test from the scenario and the check's data."""
    test = rec.get("test")
    if not rec.get("found") or test is None:
        return [] if not rec.get("offer") and not rec.get("ask") else ["points without package"]
    out = []
    for c in rec["clauses"]:
        if c["verdict"] == "unrealistic":
            out.append(f"recommended clause {c['clause']} is judged unrealistic")
    for actor, gain in test["gains"].items():
        if gain <= 0:
            out.append(f"recommended package leaves {actor} no better off than no deal")
    for actor, row in scenario.stances.items():
        for issue_id, st in row.items():
            value = test["package"].get(issue_id)
            if st.red_line is None or value is None:
                continue
            issue = scenario.issue(issue_id)
            x = parse_value(issue, value, issue_id)
            line, pos = issue.to_number(st.red_line), issue.to_number(st.position)
            if (x - line) * (line - pos) > 1e-9 * max(1.0, abs(line)):
                out.append(f"recommended package crosses {actor}'s red line on {issue_id}")
    side = rec.get("side")
    across = {
        a for d in scenario.deals for c in d.clauses if side not in c.obligated for a in c.obligated
    }
    for c in rec["offer"]:
        if across & set(c["obligated"]):
            out.append(f"{c['clause']} offered though a party across the table owes it too")
    for c in rec["ask"]:
        if side in c["obligated"]:
            out.append(f"{c['clause']} asked for though {side} owes it")
    offered = {(c["deal"], c["clause"]) for c in [*rec["offer"], *rec.get("mutual", [])]}
    never = {
        (n["clause"]["deal"], n["clause"]["clause"]) for n in rec["not_promise"] if n["clause"]
    }
    out += [f"{d}/{c} offered and not to be promised" for d, c in sorted(offered & never)]
    return out
