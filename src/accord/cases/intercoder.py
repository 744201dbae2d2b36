"""Inter-coder check of the case library's clause attributes (Cohen's kappa per attribute).

``intercoder.csv`` holds a second coder's attributes for 40 clauses of the development data
(``clauses-dev-more.csv``), coded from each clause's text, agreement, year and obligors only,
without the first coder's attribute columns. ``python -m accord.cases.intercoder`` compares
them with the first coding, as shipped in the library, attribute by attribute.
"""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources
from typing import Any

from accord.cases.load import load_cases

__all__ = ["ATTRIBUTES", "agreement", "kappa", "main"]

ATTRIBUTES = (
    "instrument",
    "verification",
    "precision",
    "reversible",
    "power_shift",
    "funding_needed",
    "third_party_needed",
    "reciprocal",
)


def kappa(a: list[str], b: list[str]) -> float:
    """Return Cohen's kappa of two codings of the same items (1 = perfect, 0 = chance)."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1.0 else (observed - expected) / (1.0 - expected)


def _first(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(getattr(value, "value", value))


def agreement() -> dict[str, dict[str, float]]:
    """Per attribute: clauses compared, share agreeing, Cohen's kappa."""
    text = resources.files("accord.cases").joinpath("intercoder.csv").read_text("utf-8")
    second = {r["clause_id"]: r for r in csv.DictReader(text.splitlines())}
    first = {
        c.id: c
        for case in load_cases()
        for c in case.scenario.deals[0].clauses
        if case.category == "arms_control" and c.id in second
    }
    ids = sorted(first)
    out = {}
    for name in ATTRIBUTES:
        a = [_first(getattr(first[i], name)) for i in ids]
        b = [second[i][name] for i in ids]
        agree = sum(x == y for x, y in zip(a, b, strict=True)) / len(ids)
        out[name] = {"n": len(ids), "agree": round(agree, 3), "kappa": round(kappa(a, b), 3)}
    return out


def main() -> int:
    """Print the table of agreement."""
    print("| attribute | clauses | agree | Cohen's kappa |")
    print("|---|---|---|---|")
    for name, d in agreement().items():
        print(f"| {name} | {d['n']} | {d['agree']:.2f} | {d['kappa']:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
