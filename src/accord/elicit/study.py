"""The synthetic-panel study: whether the machinery recovers a known truth.

No public data set gives several experts' quantiles for the same negotiation numbers together
with the values that turned out true, so the pooling is validated on panels simulated with a
known truth. For each panel, ``items`` true values ``theta`` are drawn uniformly on [15, 85]
(a 0–100 scale, like a position), plus ``seeds`` calibration questions drawn alike. Expert
``e`` believes a normal with mean ``theta + b_e + sigma * (sqrt(rho) u + sqrt(1 - rho) z_e)``
— an error ``u`` shared by the whole panel and one ``z_e`` of its own — and standard
deviation ``kappa_e * sigma``, and states its 5/50/95 % quantiles (clipped to the scale). An
expert with ``b_e = 0`` and ``kappa_e = 1`` is calibrated: the truth falls in its 90 %
interval 90 % of the time.

Each panel goes through the same code as a real one: a beta is fitted to each triple, the
linear pool is formed with equal weights and with Cooke's performance weights (scored on the
calibration questions), and the pooled 90 % interval is checked against the truth. Three
panels are simulated: every expert calibrated; every expert overconfident (``kappa = 0.5``);
and two of five experts biased by ``2 sigma``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import stats

from accord.elicit.cooke import cooke_weights
from accord.elicit.fit import PROBS, fit_triple, pool_quantiles, support
from accord.elicit.panel import Estimate, ExpertAnswers, Seed

__all__ = ["CONDITIONS", "Condition", "StudyResult", "study"]

SIGMA = 10.0
RHO = 0.5
LO, HI = 0.0, 100.0


@dataclass(frozen=True)
class Condition:
    """A kind of panel: each expert's bias (in sigmas) and interval scale ``kappa``."""

    name: str
    description: str
    bias: tuple[float, ...]
    kappa: tuple[float, ...]


CONDITIONS = (
    Condition("calibrated", "5 experts, all calibrated", (0.0,) * 5, (1.0,) * 5),
    Condition(
        "overconfident",
        "5 experts, intervals half as wide as they should be",
        (0.0,) * 5,
        (0.5,) * 5,
    ),
    Condition(
        "biased-minority",
        "5 calibrated experts, 2 of them biased by +2 sigma",
        (2.0, 2.0, 0.0, 0.0, 0.0),
        (1.0,) * 5,
    ),
)
_WAYS = ("experts", "equal", "performance")


@dataclass(frozen=True)
class StudyResult:
    """Coverage, width and error of the 90 % intervals, per condition and way of pooling."""

    panels: int
    items: int
    seeds: int
    seed: int
    rows: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """Return the study as plain data."""
        return dict(self.__dict__)

    def to_markdown(self) -> str:
        """Render the results as a Markdown table."""
        head = (
            "| panel | interval from | coverage of 90 % intervals | mean width | "
            "mean abs. error of median |\n|---|---|---|---|---|\n"
        )
        names = {
            "experts": "each expert alone",
            "equal": "equal-weight pool",
            "performance": "performance-weighted pool",
        }
        lines = [
            f"| {r['condition']} | {names[w]} | {100 * r['coverage'][w]:.1f} % "
            f"(± {100 * r['coverage_se'][w]:.1f}) | {r['width'][w]:.1f} | "
            f"{r['abs_error'][w]:.1f} |"
            for r in self.rows
            for w in _WAYS
        ]
        return head + "\n".join(lines) + "\n"


def study(*, panels: int = 100, items: int = 20, seeds: int = 10, seed: int = 0) -> StudyResult:
    """Simulate ``panels`` panels per condition; see the module docstring."""
    root = np.random.SeedSequence(seed)
    rows = []
    for condition, child in zip(CONDITIONS, root.spawn(len(CONDITIONS)), strict=True):
        per_panel = [
            _panel(condition, np.random.default_rng(s), items, seeds) for s in child.spawn(panels)
        ]
        rows.append(_summarise(condition, per_panel))
    return StudyResult(panels, items, seeds, seed, rows)


def _beliefs(c: Condition, rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Truths (n,) and every expert's 5/50/95 % triples (experts, n, 3)."""
    theta = rng.uniform(15.0, 85.0, n)
    shared = rng.standard_normal(n)
    own = rng.standard_normal((len(c.bias), n))
    error = SIGMA * (np.sqrt(RHO) * shared + np.sqrt(1.0 - RHO) * own)
    mean = theta + SIGMA * np.asarray(c.bias)[:, None] + error
    sd = SIGMA * np.asarray(c.kappa)[:, None, None]
    q = mean[:, :, None] + sd * stats.norm.ppf(PROBS)[None, None, :]
    return theta, np.clip(q, LO, HI)


def _panel(c: Condition, rng: np.random.Generator, items: int, seeds: int) -> dict[str, np.ndarray]:
    truth_cal, cal = _beliefs(c, rng, seeds)
    truth, q = _beliefs(c, rng, items)
    names = [f"e{k + 1}" for k in range(len(c.bias))]
    answers = [
        ExpertAnswers(n, "", {}, {f"s{j}": Estimate(*cal[k, j]) for j in range(seeds)})
        for k, n in enumerate(names)
    ]
    known = {f"s{j}": Seed(f"s{j}", "", LO, HI, float(truth_cal[j])) for j in range(seeds)}
    scores = cooke_weights(answers, known)
    perf = [scores[n].weight for n in names]
    out: dict[str, list[np.ndarray]] = {w: [] for w in _WAYS}
    for j in range(items):
        lo, hi = support(LO, HI, [tuple(q[k, j]) for k in range(len(names))])
        fits = [fit_triple(*_three(q[k, j]), lo, hi) for k in range(len(names))]
        out["equal"].append(pool_quantiles(fits, [1.0] * len(names)))
        out["performance"].append(pool_quantiles(fits, perf))
    return {
        "truth": truth,
        "experts": q,
        "equal": np.array(out["equal"]),
        "performance": np.array(out["performance"]),
    }


def _three(row: np.ndarray) -> tuple[float, float, float]:
    return (float(row[0]), float(row[1]), float(row[2]))


def _summarise(c: Condition, runs: list[dict[str, np.ndarray]]) -> dict[str, Any]:
    row: dict[str, Any] = {"condition": c.name, "description": c.description}
    for key in ("coverage", "coverage_se", "width", "abs_error"):
        row[key] = {}
    for w in _WAYS:
        hits, widths, errors = [], [], []
        for r in runs:
            q = r[w] if w != "experts" else r["experts"].reshape(-1, 3)
            t = r["truth"] if w != "experts" else np.tile(r["truth"], r["experts"].shape[0])
            hits.append(np.mean((q[:, 0] <= t) & (t <= q[:, 2])))
            widths.append(np.mean(q[:, 2] - q[:, 0]))
            errors.append(np.mean(np.abs(q[:, 1] - t)))
        row["coverage"][w] = float(np.mean(hits))
        row["coverage_se"][w] = float(np.std(hits, ddof=1) / np.sqrt(len(hits)))
        row["width"][w] = float(np.mean(widths))
        row["abs_error"][w] = float(np.mean(errors))
    return row
