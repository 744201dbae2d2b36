"""Evaluate the simulation at many points of the uncertain inputs, with common random numbers.

A design is a matrix X (S samples x D factors). Each sample is simulated ``reps`` times, and
every sample sees the same ``reps`` random streams (common random numbers), so two samples
differ only by their inputs; a sample's outputs are the shares of its runs that end intact, in
armed conflict, or with a third party hedging.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from accord.dynamics.draws import Draws
from accord.dynamics.engine import simulate_runs
from accord.dynamics.executors import BLOCK
from accord.dynamics.inputs import NO_DEAL, EngineInputs
from accord.dynamics.params import ParamValue, defaults
from accord.scenario.quantity import Quantity

__all__ = ["OUTPUTS", "Factor", "evaluate", "factors"]

OUTPUTS = ("p_conflict", "p_intact", "p_hedge", "d_conflict")


@dataclass(frozen=True)
class Factor:
    """One uncertain input: a model parameter, or one clause's P(implemented)."""

    name: str
    low: float
    high: float
    nominal: float
    kind: Literal["parameter", "clause"]
    deal: str | None = None

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-able data."""
        return dict(self.__dict__)


def factors(
    inputs: Sequence[EngineInputs], values: Mapping[str, ParamValue], *, arms: bool = False
) -> list[Factor]:
    """Every uncertain input: parameters with a range, and clauses with a band."""
    out = []
    for name, spec in defaults(inputs[0].ladder if inputs else None).items():
        value = values[name]
        low, high = value.bounds if isinstance(value, Quantity) else (spec.low, spec.high)
        nominal = value.point if isinstance(value, Quantity) else float(value)
        skip = "arms" in name and not arms
        if high > low and not skip:
            out.append(Factor(name, min(low, nominal), max(high, nominal), nominal, "parameter"))
    for x in inputs:
        for k, clause in enumerate(x.clauses):
            if x.p_high[k] > x.p_low[k]:
                out.append(
                    Factor(
                        f"p:{clause}",
                        float(x.p_low[k]),
                        float(x.p_high[k]),
                        float(x.p_implemented[k]),
                        "clause",
                        x.deal,
                    )
                )
    return out


def evaluate(
    inputs: Sequence[EngineInputs],
    fs: Sequence[Factor],
    X: np.ndarray,
    values: Mapping[str, ParamValue],
    *,
    reps: int,
    horizon: int,
    seed: np.random.SeedSequence,
    arms: bool = False,
) -> dict[str, dict[str, np.ndarray]]:
    """Simulate every design point for every deal.

    Returns ``{deal: {output: (S,)}}`` (``"no_deal"`` included), plus ``runs_conflict``
    (S, reps): whether each run ended in armed conflict (for paired differences).
    """
    out: dict[str, dict[str, np.ndarray]] = {}
    pad = max(max(x.n_clauses for x in inputs), 1 + int(inputs[0].hedgers.sum()))
    for x in inputs:  # the same streams for every deal too
        out[x.deal] = _evaluate_deal(x, fs, X, values, reps, horizon, seed, arms, pad)
    base = out.get(NO_DEAL)
    for ys in out.values():
        ys["d_conflict"] = ys["p_conflict"] - (base["p_conflict"] if base else 0.0)
    return out


def _evaluate_deal(
    x: EngineInputs,
    fs: Sequence[Factor],
    X: np.ndarray,
    values: Mapping[str, ParamValue],
    reps: int,
    horizon: int,
    crn: np.random.SeedSequence,
    arms: bool,
    pad: int,
) -> dict[str, np.ndarray]:
    group = max(1, BLOCK // reps)
    parts: dict[str, list[np.ndarray]] = {
        "p_conflict": [],
        "p_intact": [],
        "p_hedge": [],
        "runs_conflict": [],
    }
    for start in range(0, len(X), group):
        rows = X[start : start + group]
        cols, p = _columns(x, fs, rows, values, reps)
        draws = Draws(np.random.default_rng(crn), len(rows) * reps, reps, pad)
        _, fin = simulate_runs(x, cols, p, draws, horizon, arms=arms)
        for key, flags in (
            ("p_conflict", fin.conflict),
            ("p_intact", fin.intact),
            ("p_hedge", fin.hedge),
        ):
            parts[key].append(flags.reshape(len(rows), reps).mean(axis=1))
        parts["runs_conflict"].append(fin.conflict.reshape(len(rows), reps))
    return {k: np.concatenate(v) for k, v in parts.items()}


def _columns(
    x: EngineInputs,
    fs: Sequence[Factor],
    rows: np.ndarray,
    values: Mapping[str, ParamValue],
    reps: int,
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Per-run parameter columns and P(implemented) for the samples in ``rows``."""
    cols = {name: np.array([[_point(v)]], np.float32) for name, v in values.items()}
    p = np.tile(x.p_implemented, (len(rows) * reps, 1))
    for j, f in enumerate(fs):
        column = np.repeat(rows[:, j], reps)
        if f.kind == "parameter":
            cols[f.name] = column.astype(np.float32)[:, None]
        elif f.deal == x.deal:
            p[:, x.clauses.index(f.name.removeprefix("p:"))] = column
    return cols, p


def _point(value: ParamValue) -> float:
    return value.point if isinstance(value, Quantity) else float(value)
