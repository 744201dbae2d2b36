"""The feedback report between rounds: each item's intervals, anonymised, and the reasons.

In the IDEA protocol (Hanea et al. 2017) experts first answer alone, then see everyone's
answers without names, discuss, and answer again. The report shows, per item, every expert's
5–95 % interval and median under a letter, the equal-weight pool, the spread (how much of the
pooled interval is disagreement between medians), the outliers and the rationales; the items
the experts disagree on most come first. Letters follow a hash of the names, so neither the
order of the files nor the alphabet gives anyone away; ``key.yaml`` (for the analyst) says
who is who, so each expert can be told their own letter.
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from accord.elicit.panel import ExpertAnswers, Panel
from accord.elicit.pool import Pooled, fit_round, pool_round

__all__ = ["Feedback", "feedback", "letters"]

_WIDTH = 320.0


@dataclass(frozen=True)
class Feedback:
    """The feedback report of one round, as data, Markdown and HTML."""

    round: int
    key: dict[str, str]
    rows: list[dict[str, Any]]

    def to_markdown(self) -> str:
        """Render the report as Markdown."""
        return _render("feedback.md.j2", self)

    def to_html(self) -> str:
        """Render the report as a self-contained HTML page."""
        return _render("feedback.html.j2", self)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain data (letters only; the key is kept apart)."""
        return {"round": self.round, "items": self.rows}


def letters(experts: Sequence[str]) -> dict[str, str]:
    """Expert name -> letter, in the order of a hash of the names (order-free, not alphabetic)."""
    ranked = sorted(experts, key=lambda e: (hashlib.sha256(e.encode()).hexdigest(), e))
    names = [_letter(k) for k in range(len(ranked))]
    return dict(zip(ranked, names, strict=True))


def _letter(k: int) -> str:
    abc = string.ascii_uppercase
    return abc[k] if k < 26 else abc[k // 26 - 1] + abc[k % 26]


def feedback(panel: Panel, answers: Sequence[ExpertAnswers], number: int) -> Feedback:
    """Build the feedback report of round ``number``."""
    key = letters([a.expert for a in answers])
    pooled = pool_round(panel, answers, fit_round(panel, answers))
    ranked = sorted(pooled.values(), key=lambda p: (-round(p.spread, 9), p.item))
    return Feedback(number, key, [_row(panel, p, key) for p in ranked])


def _row(panel: Panel, p: Pooled, key: dict[str, str]) -> dict[str, Any]:
    item = panel.items[p.item]
    lo = min([e.p05 for e in p.estimates] + [p.quantiles[0]])
    hi = max([e.p95 for e in p.estimates] + [p.quantiles[2]])
    span = (hi - lo) or 1.0

    def x(v: float) -> float:
        return round(10 + (v - lo) / span * (_WIDTH - 20), 1)

    experts = sorted(
        (
            {
                "letter": key[n],
                "p05": e.p05,
                "p50": e.p50,
                "p95": e.p95,
                "rationale": e.rationale,
                "x": (x(e.p05), x(e.p50), x(e.p95)),
            }
            for n, e in zip(p.experts, p.estimates, strict=True)
        ),
        key=lambda r: str(r["letter"]),
    )
    return {
        "item": p.item,
        "question": item.question,
        "experts": experts,
        "pool": list(p.quantiles),
        "pool_x": [x(v) for v in p.quantiles],
        "spread": p.spread,
        "outliers": sorted(key[n] for n in p.outliers),
    }


def _render(name: str, report: Feedback) -> str:
    from accord.elicit.render import render

    return render(name, round=report.round, rows=report.rows, width=_WIDTH)
