"""What would have to be true for the ranking of deals to flip.

Two views, both on P(armed conflict by the horizon):

* one assumption at a time: each factor is swept across its plausible range with the others
  at their nominal values; where two alternatives swap places, the crossing is interpolated
  (this also gives the tornado chart's swings);
* all assumptions together: the share of the joint samples (Sobol or Morris design) in which a
  pair is ordered the other way, and the factors whose values differ most between those
  samples and the rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from accord.dynamics.inputs import NO_DEAL
from accord.dynamics.sa_eval import Factor

__all__ = ["Flip", "Swing", "flips", "paired_se", "sweep_design", "swings"]

GRID = 5


@dataclass(frozen=True)
class Swing:
    """One bar of a tornado chart: the output with a factor at its low and high end."""

    factor: str
    low: float
    high: float
    at_low: float
    at_high: float
    at_nominal: float

    @property
    def width(self) -> float:
        """How far the output moves across the factor's range."""
        return abs(self.at_high - self.at_low)

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-able data."""
        return {**self.__dict__, "width": self.width}


@dataclass(frozen=True)
class Flip:
    """What reverses the order of two alternatives (``safer`` is safer at nominal values)."""

    safer: str
    riskier: str
    margin: float
    thresholds: tuple[tuple[str, str, float, float], ...]  # factor, above/below, value, nominal
    joint_share: float
    drivers: tuple[tuple[str, str], ...]  # factor, "high"/"low"
    sentence: str

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-able data."""
        return {
            "safer": self.safer,
            "riskier": self.riskier,
            "margin": self.margin,
            "thresholds": [
                {"factor": f, "direction": d, "value": v, "nominal": n}
                for f, d, v, n in self.thresholds
            ],
            "joint_share": self.joint_share,
            "drivers": [{"factor": f, "when": w} for f, w in self.drivers],
            "sentence": self.sentence,
        }


def sweep_design(fs: Sequence[Factor]) -> np.ndarray:
    """Row 0: all nominal; then GRID rows per factor, that factor from low to high."""
    nominal = np.array([f.nominal for f in fs])
    rows = [nominal]
    for j, f in enumerate(fs):
        block = np.tile(nominal, (GRID, 1))
        block[:, j] = np.linspace(f.low, f.high, GRID)
        rows.extend(block)
    return np.array(rows)


def swings(fs: Sequence[Factor], y: np.ndarray) -> tuple[Swing, ...]:
    """Tornado bars from a sweep's outputs, widest first."""
    bars = [
        Swing(f.name, f.low, f.high, float(y[1 + j * GRID]), float(y[(j + 1) * GRID]), float(y[0]))
        for j, f in enumerate(fs)
    ]
    return tuple(sorted(bars, key=lambda s: -s.width))


def flips(
    fs: Sequence[Factor],
    sweep: Mapping[str, Mapping[str, np.ndarray]],
    joint: Mapping[str, np.ndarray],
    X: np.ndarray,
    names: Mapping[str, str],
    order: Sequence[str],
    ties: Mapping[tuple[str, str], float],
) -> tuple[Flip, ...]:
    """For each pair adjacent in the nominal ranking ``order``, and each deal against no deal."""
    order = list(order)
    pairs = list(pairwise(order))
    for d in order:
        if d != NO_DEAL and NO_DEAL in order:
            a, b = sorted((d, NO_DEAL), key=order.index)
            pairs.append((a, b))
    unique = list(dict.fromkeys(pairs))
    return tuple(_flip(a, b, fs, sweep, joint, X, names, ties.get((a, b), 0.0)) for a, b in unique)


def paired_se(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Return the standard error of a difference of two shares from common random numbers."""
    d = a.astype(np.float64) - b.astype(np.float64)
    return np.asarray(d.std(axis=-1, ddof=1) / np.sqrt(d.shape[-1]))


def _flip(
    a: str,
    b: str,
    fs: Sequence[Factor],
    sweep: Mapping[str, Mapping[str, np.ndarray]],
    joint: Mapping[str, np.ndarray],
    X: np.ndarray,
    names: Mapping[str, str],
    tie: float,
) -> Flip:
    diff = sweep[a]["p_conflict"] - sweep[b]["p_conflict"]  # a is safer at nominal values
    noise = 2 * paired_se(sweep[a]["runs_conflict"], sweep[b]["runs_conflict"])
    found = []
    for j, f in enumerate(fs):
        part = slice(1 + j * GRID, 1 + (j + 1) * GRID)
        grid = np.linspace(f.low, f.high, GRID)
        seg = diff[part]
        clear = np.any(seg > noise[part])  # a real reversal, not Monte Carlo noise
        hit = _crossing(seg, grid, f.nominal) if clear and seg.min() <= 0 else None
        consistent = hit is not None and (hit[1] > f.nominal) == (hit[0] == "above")
        if hit is not None and consistent and abs(hit[1] - f.nominal) > 0.02 * (f.high - f.low):
            found.append(
                (
                    f.name,
                    hit[0],
                    hit[1],
                    f.nominal,
                    abs(hit[1] - f.nominal) / max(f.high - f.low, 1e-12),
                )
            )
    found.sort(key=lambda t: t[4])
    flipped = (joint[a] - joint[b]) > 0
    share = float(flipped.mean()) if len(flipped) else 0.0
    relevant = np.array([f.kind == "parameter" or f.deal in (a, b) for f in fs])
    drivers = _drivers(fs, X, flipped, relevant)
    thresholds = tuple((n, d, round(v, 4), nom) for n, d, v, nom, _ in found[:3])
    text = _sentence(names.get(a, a), names.get(b, b), thresholds, share, drivers, fs, names)
    if tie:
        text = (
            f"{names.get(a, a)} and {names.get(b, b)} are within Monte Carlo error of each "
            f"other at the assumed values (difference {100 * tie:.1f} percentage points). " + text
        )
    text = (text[0].upper() + text[1:]).replace(". no deal", ". No deal")
    return Flip(
        names.get(a, a),
        names.get(b, b),
        round(float(-diff[0]), 6),
        thresholds,
        round(share, 4),
        drivers,
        text,
    )


def _crossing(seg: np.ndarray, grid: np.ndarray, nominal: float) -> tuple[str, float] | None:
    """Find the crossing nearest the nominal value where the difference turns positive."""
    best = None
    for i in range(len(seg) - 1):
        lo, hi = seg[i], seg[i + 1]
        if (lo <= 0) == (hi <= 0):
            continue
        t = lo / (lo - hi)
        value = float(grid[i] + t * (grid[i + 1] - grid[i]))
        direction = "above" if hi > 0 else "below"
        if best is None or abs(value - nominal) < abs(best[1] - nominal):
            best = (direction, value)
    return best


def _drivers(
    fs: Sequence[Factor],
    X: np.ndarray,
    flipped: np.ndarray,
    relevant: np.ndarray,
) -> tuple[tuple[str, str], ...]:
    """Name the two factors whose (scaled) values differ most between flipped draws and the rest."""
    if flipped.sum() < 3 or (~flipped).sum() < 3:
        return ()
    span = np.array([max(f.high - f.low, 1e-12) for f in fs])
    low = np.array([f.low for f in fs])
    z = (X - low) / span
    gap = (z[flipped].mean(axis=0) - z[~flipped].mean(axis=0)) * relevant
    top = np.argsort(-np.abs(gap))[:2]
    return tuple((fs[j].name, "high" if gap[j] > 0 else "low") for j in top if abs(gap[j]) > 0.1)


def _sentence(
    a: str,
    b: str,
    thresholds: Sequence[tuple[str, str, float, float]],
    share: float,
    drivers: Sequence[tuple[str, str]],
    fs: Sequence[Factor],
    names: Mapping[str, str],
) -> str:
    ranges = {f.name: f for f in fs}

    def label(factor: str) -> str:  # a reader's name: "beta frustration", not "beta_frustration"
        return names.get(factor, factor.replace("_", " "))

    head = f"{b} would become less risky than {a}"
    if thresholds:
        parts = [
            f"{label(n)} were {d} {v:.3g} (assumed {nom:.3g}, plausible "
            f"{ranges[n].low:.3g}–{ranges[n].high:.3g})"
            for n, d, v, nom in thresholds
        ]
        text = f"{head} if " + ", or if ".join(parts) + "."
    else:
        text = f"No single assumption within its plausible range makes {b} less risky than {a}."
    if share > 0:
        when = " and ".join(f"{label(n)} is {w}" for n, w in drivers)
        how_often = f"{share:.0%}" if share >= 0.01 else "fewer than 1%"
        text += (
            f" Varying all assumptions together, the order flips in {how_often} of the "
            f"draws" + (f", mostly when {when}." if when else ".")
        )
    else:
        text += " Varying all assumptions together never flips the order."
    return text
