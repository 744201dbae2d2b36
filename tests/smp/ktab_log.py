"""Read what KTAB's ``smpc`` logged: stopping ratios, position history, winning probabilities.

KTAB's regression script compares the "Fractional" and "prob :" lines of a run with its
reference logs; we also compare the position history. Values are kept as the printed text
(after stripping KTAB's trailing spaces) so a comparison is exact to the logged precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FRACTION = re.compile(r"^Fractional change compared to first step: (\S+)  \(target=0\.0200\)$")
POS_HEAD = "History of actor positions over time:"
PROB_HEAD = "History of actors' winning probabilities:"
PROB_LINE = re.compile(r"^(.*), prob :((?: \d+\.\d{4})+)$")

# the reference run of each input, and how many actors x dimensions it has
CASES = {
    "dummyData_3Dim": "20170530_ref-dummyData_3Dim.txt",
    "SOE-Pol-Comp": "20170530_ref-SOE-Pol-Comp.txt",
    "dummyData_6Dim": "kref-dummyData_6Dim.txt",
    "dummyData-a040": "kref-dummyData-a040.txt",
    "dummyData-a080": "kref-dummyData-a080.txt",
}


@dataclass(frozen=True)
class KtabLog:
    """The comparable lines of one KTAB log, as printed.

    Attributes
    ----------
    fractions
        The "Fractional change" values, one per turn (``%.4f`` text).
    positions
        One list per history line (actor-major, then dimension): ``%5.1f`` texts per state.
    probs
        One list per actor: ``%.4f`` texts per state.
    prob_names
        The actor name on each "prob :" line.
    """

    fractions: list[str]
    positions: list[list[str]]
    probs: list[list[str]]
    prob_names: list[str]

    @property
    def turns(self) -> int:
        """Number of turns the run took."""
        return len(self.fractions)


def parse_log(path: Path) -> KtabLog:
    """Parse one reference log (``20170530_ref-*.txt`` or ``kref-*.txt``)."""
    lines = [ln.rstrip() for ln in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    fractions = [m.group(1) for ln in lines if (m := FRACTION.match(ln))]
    start, mid = lines.index(POS_HEAD), lines.index(PROB_HEAD)
    positions = [ln.rsplit(":", 1)[1].split() for ln in lines[start + 1 : mid]]
    matches = [m for ln in lines[mid + 1 :] if (m := PROB_LINE.match(ln))]
    return KtabLog(
        fractions=fractions,
        positions=positions,
        probs=[m.group(2).split() for m in matches],
        prob_names=[m.group(1) for m in matches],
    )


def mismatches(expected: list[list[str]], got: list[list[str]], label: str) -> list[str]:
    """Human-readable differences between two tables of printed values (empty if equal)."""
    out = []
    if len(expected) != len(got):
        out.append(f"{label}: {len(expected)} lines logged, {len(got)} computed")
    for row, (e, g) in enumerate(zip(expected, got, strict=False)):
        bad = [t for t, (a, b) in enumerate(zip(e, g, strict=False)) if a != b]
        if len(e) != len(g) or bad:
            t = bad[0] if bad else min(len(e), len(g))
            out.append(
                f"{label} line {row}: state {t}: logged {e[t : t + 1]}, computed "
                f"{g[t : t + 1]} ({len(e)} vs {len(g)} states)"
            )
    return out


def render(positions: np.ndarray, prob: np.ndarray, change: np.ndarray) -> KtabLog:
    """Print a run the way KTAB does: positions ``(T+1, N, D)`` on 0..100, probabilities."""
    _, n, d = positions.shape
    return KtabLog(
        fractions=[f"{v:.4f}" for v in change],
        positions=[
            [f"{v:5.1f}".strip() for v in positions[:, i, k]] for i in range(n) for k in range(d)
        ],
        probs=[[f"{v:.4f}" for v in prob[:, i]] for i in range(n)],
        prob_names=[],
    )
