"""Result types of the sensitivity analysis: frozen plain data, to_dict(), to_frame()."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from accord._frame import pandas
from accord.dynamics.sa_eval import Factor
from accord.dynamics.sa_flip import Flip, Swing

__all__ = ["Index", "SensitivityResult"]


def _num(x: float | None) -> float | None:
    """Return a JSON-safe number: NaN (a constant output) becomes None."""
    return None if x is None or not math.isfinite(x) else round(float(x), 6)


@dataclass(frozen=True)
class Index:
    """Sensitivity of one output to one factor.

    Sobol: first-order ``s1`` and total ``st`` indices with 95% confidence half-widths.
    Morris: ``mu_star`` (mean absolute elementary effect), its confidence, and ``sigma``.
    """

    factor: str
    s1: float | None = None
    s1_conf: float | None = None
    st: float | None = None
    st_conf: float | None = None
    mu_star: float | None = None
    mu_star_conf: float | None = None
    sigma: float | None = None

    @property
    def key(self) -> float:
        """The number factors are ranked by (total index, else mu*)."""
        value = self.st if self.st is not None else self.mu_star
        return value if value is not None else -1.0

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data, without the fields the method does not give."""
        data = {k: _num(v) if isinstance(v, float) else v for k, v in self.__dict__.items()}
        return {k: v for k, v in data.items() if v is not None or k == "factor"}


@dataclass(frozen=True)
class SensitivityResult:
    """Which assumptions the simulated outcome hangs on, and what would flip the ranking."""

    scenario: str
    method: str
    outputs: tuple[str, ...]
    samples: int
    reps: int
    horizon: int
    seed: int | str
    factors: tuple[Factor, ...]
    indices: Mapping[str, Mapping[str, tuple[Index, ...]]]
    tornado: Mapping[str, Mapping[str, tuple[Swing, ...]]]
    nominal: Mapping[str, Mapping[str, float]]
    ranking: tuple[str, ...]
    flips: tuple[Flip, ...]

    @property
    def sentences(self) -> tuple[str, ...]:
        """In words: what would have to be true for the ranking of deals to flip."""
        return tuple(f.sentence for f in self.flips)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        return {
            "scenario": self.scenario,
            "method": self.method,
            "outputs": list(self.outputs),
            "samples": self.samples,
            "reps": self.reps,
            "horizon": self.horizon,
            "seed": self.seed,
            "factors": [f.to_dict() for f in self.factors],
            "indices": {
                d: {o: [i.to_dict() for i in v] for o, v in by.items()}
                for d, by in self.indices.items()
            },
            "tornado": {
                d: {o: [s.to_dict() for s in v] for o, v in by.items()}
                for d, by in self.tornado.items()
            },
            "nominal": {d: dict(v) for d, v in self.nominal.items()},
            "ranking": list(self.ranking),
            "flips": [f.to_dict() for f in self.flips],
            "sentences": list(self.sentences),
        }

    def to_frame(self) -> Any:
        """One row per deal, output and factor, with its indices."""
        pd = pandas()
        rows = [
            {"deal": d, "output": o, **i.to_dict()}
            for d, by in self.indices.items()
            for o, v in by.items()
            for i in v
        ]
        return pd.DataFrame(rows)
