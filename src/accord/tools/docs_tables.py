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
    base = d["baselines"]["base_rate_loao"]
    rule = d["baselines"]["rule_verified_and_precise_loao"]
    rows = [
        "| judgement | AUC | Brier |",
        "|---|---|---|",
        f"| deal check (no parameter fitted) | {d['auc']:.3f} | {d['brier']:.3f} |",
        "| deal check, logistic recalibration fitted leave-one-agreement-out | "
        f"{d['recalibrated_loao']['auc']:.3f} | {d['recalibrated_loao']['brier']:.3f} |",
        f"| base rate ({100 * d['base_rate']:.0f} % implemented; leave-one-agreement-out) | "
        f"{base['auc']:.3f} | {base['brier']:.3f} |",
        '| rule "verified (data exchange, on-site, continuous) and precise => implemented" '
        f"(rates leave-one-agreement-out) | {rule['auc']:.3f} | {rule['brier']:.3f} |",
        "",
        "| P(implemented) | clauses | mean P | implemented |",
        "|---|---|---|---|",
    ]
    for b in d["calibration"]:
        mean, seen = (_two(b[k]) for k in ("mean_p", "observed"))
        rows.append(f"| {b['bin']} | {b['n']} | {mean} | {seen} |")
    return "\n".join(rows) + "\n"


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
