"""Uncertain inputs of the deal check and their vectorised draws.

An :class:`Input` is a number with a range and a provenance (the clause, an actor, or an entry
of :mod:`accord.feasibility.defaults`). :func:`draw` turns a matrix of uniforms into draws by
the inverse CDF (triangular with a mode, uniform without), so that a remedy re-evaluated on
the same uniforms differs from the original only by what the remedy changes (common random
numbers).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.scenario.quantity import Quantity

__all__ = ["Input", "draw"]


@dataclass(frozen=True)
class Input:
    """A possibly uncertain number and where it comes from.

    Attributes
    ----------
    low, mode, high
        The range; ``mode`` None means uniform; ``low == high`` means exact.
    origin
        Where the value comes from, in words (``clause``, ``actor dprk``, ``default: ntm``).
    source
        Id of the scenario source that supports it, if any.
    """

    low: float
    mode: float | None
    high: float
    origin: str
    source: str | None = None

    @classmethod
    def of(cls, q: Quantity, origin: str) -> Input:
        """From a scenario quantity."""
        low, high = q.bounds
        mode = q.mode if q.mode is not None else (q.value if q.value is not None else None)
        return cls(low, mode, high, origin, q.source)

    @classmethod
    def triple(cls, t: tuple[float, float, float], origin: str) -> Input:
        """From a ``(low, mode, high)`` default."""
        return cls(t[0], t[1], t[2], origin)

    @classmethod
    def fixed(cls, value: float, origin: str, source: str | None = None) -> Input:
        """Make an exact value."""
        return cls(value, value, value, origin, source)

    @property
    def point(self) -> float:
        """The mode, else the middle of the range."""
        return self.mode if self.mode is not None else (self.low + self.high) / 2.0

    def scaled(self, factor: float, origin: str | None = None) -> Input:
        """Return the same input multiplied by ``factor`` (>= 0)."""
        mode = None if self.mode is None else self.mode * factor
        return Input(
            self.low * factor, mode, self.high * factor, origin or self.origin, self.source
        )

    def text(self) -> str:
        """``0.5 [0.3, 0.7]`` or ``0.5``."""
        if self.low == self.high:
            return f"{self.point:.3g}"
        return f"{self.point:.3g} [{self.low:.3g}, {self.high:.3g}]"


def draw(inputs: list[Input], u: np.ndarray) -> np.ndarray:
    """Draw each input from its column of uniforms.

    Parameters
    ----------
    inputs
        K inputs (one per clause).
    u
        Uniforms in [0, 1), shape ``(runs, K)``.

    Returns
    -------
    numpy.ndarray
        Draws of shape ``(runs, K)``: triangular inverse CDF where a mode is given, uniform
        otherwise, constant where exact.
    """
    a = np.array([i.low for i in inputs], dtype=float)
    b = np.array([i.high for i in inputs], dtype=float)
    has_mode = np.array([i.mode is not None for i in inputs])
    m = np.array([i.mode if i.mode is not None else i.low for i in inputs], dtype=float)
    width = np.maximum(b - a, 1e-300)
    cut = (m - a) / width
    left = a + np.sqrt(u * width * (m - a))
    right = b - np.sqrt((1.0 - u) * width * (b - m))
    tri = np.where(u < cut, left, right)
    out = np.where(has_mode, tri, a + u * (b - a))
    return np.where(b > a, out, a + 0.0 * u)
