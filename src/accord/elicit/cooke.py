"""Performance weights from calibration questions: Cooke's classical model.

For each expert, the calibration questions' true values fall in the four bins of the expert's
5 %, 50 % and 95 % quantiles with empirical shares ``s``; a well-calibrated expert's shares
are ``p = (0.05, 0.45, 0.45, 0.05)``. Following Cooke (1991, *Experts in Uncertainty*,
ch. 12) and Cooke & Goossens (2008):

* calibration ``C = 1 - F_chi2(3)(2 N I(s, p))``, the p-value of the hypothesis that the
  expert is calibrated, with ``I(s, p) = sum s_i ln(s_i / p_i)`` over ``N`` questions;
* information ``I``, the mean over questions of the relative information of the expert's
  minimum-information distribution (uniform between the quantiles) against the uniform one on
  the question's intrinsic range (the answers and the truth, 10 % overshoot, inside the
  question's bounds);
* weight proportional to ``C * I`` for experts with ``C >= alpha`` (the cut-off; 0 keeps
  everyone, who then weigh in by ``C * I``), normalised to sum to 1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from accord.elicit.fit import OVERSHOOT
from accord.elicit.panel import Estimate, ExpertAnswers, Seed
from accord.errors import AccordError, Problem

__all__ = ["BIN_P", "Score", "calibration_score", "cooke_weights", "information_score"]

#: The probability mass between the elicited quantiles: below 5 %, 5–50, 50–95, above 95 %.
BIN_P = np.array([0.05, 0.45, 0.45, 0.05])


@dataclass(frozen=True)
class Score:
    """One expert's performance on the calibration questions."""

    expert: str
    n: int
    calibration: float
    information: float
    weight: float

    def to_dict(self) -> dict[str, float | int | str]:
        """Return the score as plain data."""
        return dict(self.__dict__)


def calibration_score(
    triples: Sequence[tuple[float, float, float]], truths: Sequence[float]
) -> float:
    """Cooke's calibration score of one expert's triples against the true values."""
    counts = np.zeros(4)
    for (q05, q50, q95), x in zip(triples, truths, strict=True):
        counts[int(np.searchsorted([q05, q50, q95], x, side="left"))] += 1
    n = counts.sum()
    if n == 0:
        return 0.0
    s = counts / n
    with np.errstate(divide="ignore", invalid="ignore"):
        kl = float(np.sum(np.where(s > 0, s * np.log(s / BIN_P), 0.0)))
    return float(stats.chi2.sf(2.0 * n * kl, df=3))


def information_score(triple: tuple[float, float, float], lo: float, hi: float) -> float:
    """Relative information of the expert's quantiles against uniform on ``[lo, hi]``."""
    edges = np.array([lo, *triple, hi], dtype=float)
    widths = np.maximum(np.diff(edges), 1e-12 * (hi - lo)) / (hi - lo)
    return float(np.sum(BIN_P * np.log(BIN_P / widths)))


def _range(seed: Seed, estimates: Sequence[Estimate]) -> tuple[float, float]:
    assert seed.answer is not None
    low = min([e.p05 for e in estimates] + [seed.answer])
    high = max([e.p95 for e in estimates] + [seed.answer])
    pad = OVERSHOOT * (high - low) or OVERSHOOT * max(abs(low), 1.0)
    return (max(seed.lo, low - pad), min(seed.hi, high + pad))


def cooke_weights(
    answers: Sequence[ExpertAnswers], seeds: dict[str, Seed], *, alpha: float = 0.0
) -> dict[str, Score]:
    """Score every expert on the calibration questions; return expert -> :class:`Score`."""
    known = {k: s for k, s in sorted(seeds.items()) if s.answer is not None}
    if not known:
        raise AccordError(
            Problem(
                "performance weights need calibration questions with known answers",
                path="--weights",
                expected="calibration.yaml in the panel folder (accord elicit template "
                "--calibration FILE), or --weights equal",
                found="none",
            )
        )
    ranges = {
        k: _range(s, [a.calibration[k] for a in answers if k in a.calibration])
        for k, s in known.items()
    }
    raw = {}
    for a in sorted(answers, key=lambda a: a.expert):
        keys = [k for k in known if k in a.calibration]
        truths = [float(known[k].answer or 0.0) for k in keys]
        c = calibration_score([a.calibration[k].triple for k in keys], truths)
        info = [information_score(a.calibration[k].triple, *ranges[k]) for k in keys]
        i = float(np.mean(info)) if info else 0.0
        raw[a.expert] = (len(keys), c, i, c * i if keys and c >= alpha else 0.0)
    total = sum(r[3] for r in raw.values())
    if not total > 0 or not math.isfinite(total):
        best = max(r[1] for r in raw.values())
        raise AccordError(
            Problem(
                "no expert earns a performance weight (none answered the calibration "
                "questions, or none passes the cut-off)",
                path="--alpha",
                expected=f"a cut-off at most the best calibration score ({best:.3g})",
                found=f"{alpha:g}",
            )
        )
    return {e: Score(e, n, c, i, w / total) for e, (n, c, i, w) in raw.items()}
