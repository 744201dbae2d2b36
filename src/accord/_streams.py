"""Random streams keyed by ids, so that draws never depend on the order of a list.

Every stochastic analysis derives the stream of one actor, issue or clause from the seed and
that item's id (``SeedSequence(entropy, spawn_key=(*seed.spawn_key, key(id), ...))``): adding,
removing or reordering other items leaves its draws unchanged, and the same seed gives the
same numbers on any machine (``zlib.crc32`` is stable across processes, unlike ``hash``).
"""

from __future__ import annotations

import zlib

import numpy as np

__all__ = ["as_seed_sequence", "id_key", "keyed_rng"]


def as_seed_sequence(seed: int | np.random.SeedSequence | None) -> np.random.SeedSequence:
    """Return ``seed`` as a :class:`numpy.random.SeedSequence` (None: fresh OS entropy)."""
    return seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)


def id_key(item_id: str) -> int:
    """Return the 32-bit spawn-key entry of an id (CRC-32 of its UTF-8 bytes)."""
    return zlib.crc32(item_id.encode("utf-8"))


def keyed_rng(seed: np.random.SeedSequence, *ids: str) -> np.random.Generator:
    """Return the generator of the stream keyed by ``ids`` under ``seed``."""
    spawn = (*seed.spawn_key, *(id_key(i) for i in ids))
    return np.random.default_rng(np.random.SeedSequence(seed.entropy, spawn_key=spawn))
