"""Write the figure tables of ``docs/`` from fresh runs, so that no figure is ever typed.

Each generated table sits in its page between two markers::

    <!-- generated: NAME -->
    | ... the table ... |
    <!-- end generated -->

and :data:`TABLES` maps ``NAME`` to the function that renders it. After a change to a model
or to the deal check, a maintainer regenerates every table with one command, from the
project root, with ``../shared/data`` beside it (or ``--data``)::

    python -m accord.tools.docs_tables            # rewrite the tables in docs/
    python -m accord.tools.docs_tables --check    # exit 1 and name the stale tables

The tests compare each table with a fresh run at the printed precision
(``tests/test_docs_tables.py``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["TABLES", "Table", "blocks", "main", "render", "stale", "update"]

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs"
BLOCK = re.compile(r"(<!-- generated: ([\w-]+) -->\n)(.*?)(<!-- end generated -->)", re.S)


@dataclass(frozen=True)
class Table:
    """A generated table: the page it lives in and the function that renders it."""

    page: str
    render: Callable[[Path], str]
    """Takes the shared data folder (``../shared/data``) and returns the Markdown table."""


def _deu3_results(data: Path) -> str:
    from accord.backtest import deu3

    r = deu3.run(data / "deu3" / "deu3.tsv")
    rows = ["| | forecast | n | MAE | median AE | within 10 |", "|---|---|---|---|---|---|"]
    tables = (
        ("model", r.models),
        ("baseline", r.baselines),
        ("tuned", {k: v.score for k, v in r.tuned.items()}),
    )
    for kind, table in tables:
        for name, s in table.items():
            rows.append(
                f"| {kind} | {name} | {s.n} | {s.mae:.2f} | {s.median_ae:.2f} | "
                f"{100 * s.within10:.1f}% |"
            )
    return "\n".join(rows) + "\n"


def _deu3_capability(data: Path) -> str:
    from accord.backtest import deu3

    path = data / "deu3" / "deu3.tsv"
    runs = {c: deu3.run(path, capability=c, cv=False) for c in deu3.CAPABILITIES}
    names = list(runs["equal"].models)
    rows = ["| capability | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for cap, r in runs.items():
        rows.append(f"| {cap} | " + " | ".join(f"{r.models[n].mae:.2f}" for n in names) + " |")
    return "\n".join(rows) + "\n"


def _agreements(data: Path) -> str:
    from accord.backtest.agreements import backtest_agreements

    d = backtest_agreements(runs=1000, seed=0).to_dict()
    b = d["baselines"]
    best = max(d["rules_chosen"], key=lambda k: d["rules_chosen"][k])

    def row(name: str, sc: dict[str, float | None]) -> str:
        return (
            f"| {name} | {_three(sc['auc'])} | {_three(sc['brier'])} | {_three(sc['log_loss'])} |"
        )

    rows = [
        "| agreements | clauses | implemented (outcome 2 or 3) | fully (3) |",
        "|---|---|---|---|",
        f"| {d['n_agreements']} | {d['n_clauses']} | {_two(d['base_rate'])} | "
        f"{_two(d['full_rate'])} |",
        "",
        "| P(implemented), scored leave-one-agreement-out | AUC | Brier | log loss |",
        "|---|---|---|---|",
        row("fitted layer (ordinal, over the structural P and 8 attributes)", d["fitted_loao"]),
        row("structural judgement (no parameter fitted)", d),
        row("structural judgement, logistic recalibration", d["recalibrated_loao"]),
        row("base rate of the other agreements", b["base_rate_loao"]),
        row(
            f'best one-line rule, chosen on the other agreements ("{best}" '
            f"in {d['rules_chosen'][best]} of {d['n_agreements']} folds)",
            b["best_rule_loao"],
        ),
        row('rule "verified and precise => implemented"', b["rule_verified_and_precise_loao"]),
        "",
        "| P(fully implemented) | AUC | Brier | log loss |",
        "|---|---|---|---|",
        row("fitted layer", d["fitted_full_loao"]),
        row("base rate of the other agreements", b["full_base_rate_loao"]),
        "",
        "| kind | clauses | implemented | fitted AUC | fitted Brier | base-rate Brier |",
        "|---|---|---|---|---|---|",
    ]
    for cat, c in d["by_category"].items():
        f, br = c["fitted_loao"], c["base_rate_loao"]
        rows.append(
            f"| {cat.replace('_', ' ')} | {c['n_clauses']} | {_two(c['implemented'])} | "
            f"{_three(f['auc'])} | {_three(f['brier'])} | {_three(br['brier'])} |"
        )
    rows += [
        "",
        "| fitted P(implemented) | clauses | mean P | implemented |",
        "|---|---|---|---|",
    ]
    for r in d["reliability_fitted_loao"]:
        mean, seen = (_two(r[k]) for k in ("mean_p", "observed"))
        rows.append(f"| {r['bin']} | {r['n']} | {mean} | {seen} |")
    return "\n".join(rows) + "\n"


def _three(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _two(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


TABLES: Mapping[str, Table] = {
    "deu3-results": Table("explanation/deu3-backtest.md", _deu3_results),
    "deu3-capability": Table("explanation/deu3-backtest.md", _deu3_capability),
    "agreements-backtest": Table("explanation/deal-check.md", _agreements),
}


def blocks(text: str) -> dict[str, str]:
    """Return the generated blocks of a page: name -> table text."""
    return {m.group(2): m.group(3) for m in BLOCK.finditer(text)}


def render(name: str, data: Path) -> str:
    """Render one table from a fresh run."""
    return TABLES[name].render(data)


def _replace(text: str, fresh: Mapping[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        body = fresh.get(m.group(2), m.group(3))
        return m.group(1) + body + m.group(4)

    return BLOCK.sub(sub, text)


def stale(data: Path, docs: Path = DOCS) -> dict[str, tuple[str, str]]:
    """Tables whose page differs from a fresh run: name -> (in the page, fresh)."""
    out = {}
    for name, table in TABLES.items():
        page = blocks((docs / table.page).read_text(encoding="utf-8"))
        fresh = render(name, data)
        if page.get(name) != fresh:
            out[name] = (page.get(name, "(no such block)"), fresh)
    return out


def update(data: Path, docs: Path = DOCS) -> list[str]:
    """Rewrite every generated table in ``docs``; return the names that changed."""
    changed = []
    for page in sorted({t.page for t in TABLES.values()}):
        path = docs / page
        text = path.read_text(encoding="utf-8")
        names = [n for n, t in TABLES.items() if t.page == page]
        missing = [n for n in names if n not in blocks(text)]
        if missing:
            raise SystemExit(f"{path}: no generated block for {', '.join(missing)}")
        fresh = {n: render(n, data) for n in names}
        new = _replace(text, fresh)
        changed += [n for n in names if blocks(text)[n] != fresh[n]]
        if new != text:
            path.write_text(new, encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    """Command line: rewrite the tables, or with ``--check`` report the stale ones."""
    ap = argparse.ArgumentParser(prog="python -m accord.tools.docs_tables", description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"shared data not found at {args.data}; pass --data PATH", file=sys.stderr)
        return 2
    if args.check:
        bad = stale(args.data)
        for name in bad:
            print(f"stale: {name} ({TABLES[name].page})")
        return 1 if bad else 0
    for name in update(args.data):
        print(f"updated: {name} ({TABLES[name].page})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
