"""Random numbers for a block of runs, optionally shared across samples.

With ``reps`` set, every sample of a sensitivity design sees the same ``reps`` random
streams (common random numbers; Law 2015, section 11.2): differences between samples then
come from the parameters, not from noise. With ``pad`` set, every draw has at least ``pad``
columns (extra ones are dropped), so deals with different numbers of clauses read the same
streams in the same order.
"""

from __future__ import annotations

import numpy as np

__all__ = ["Draws", "triangular"]


class Draws:
    """Uniform float32 draws of shape ``(n, cols)`` from one generator."""

    def __init__(
        self, rng: np.random.Generator, n: int, reps: int | None = None, pad: int = 0
    ) -> None:
        if reps is not None and n % reps:
            raise ValueError(f"n={n} is not a multiple of reps={reps}")
        self.rng, self.n, self.reps, self.pad = rng, n, reps, pad

    def uniform(self, cols: int) -> np.ndarray:
        """Fresh uniforms in [0, 1), float32."""
        if self.reps is None:
            return self.rng.random((self.n, cols), dtype=np.float32)
        base = self.rng.random((self.reps, max(cols, self.pad)), dtype=np.float32)
        return np.tile(base[:, :cols], (self.n // self.reps, 1))


def triangular(u: np.ndarray, low: np.ndarray, mode: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Inverse CDF of the triangular distribution, elementwise; a point when low == high."""
    width = np.maximum(high - low, 1e-12)
    c = (mode - low) / width
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1 - u) * width * (high - mode))
    return np.asarray(np.where(u < c, left, right))
