"""Two exact ways to the Pareto frontier: enumerate every package, or merge issue by issue.

Both return the same :class:`Frontier` (same points, same first packages, same counts): the
property tests hold them to exact equality.

*Enumeration* walks the packages in package order in chunks (memory stays bounded), filters
each chunk and folds it into the running frontier; it also counts the ZOPA exactly.

*Merging* uses additivity (MODELS.md section 2): if a partial package dominates another on the
blocks seen so far, it still does after any completion, so
``F_1 = nondominated(options of block 1)`` and ``F_k = nondominated(F_(k-1) (+) options of
block k)`` is the exact frontier of the whole space (the multi-objective dynamic-programming
argument of Klamroth & Wiecek 2000 for multi-criteria knapsacks). Cost grows with the frontier,
not with the number of packages, so spaces of ``10**12`` packages and more are routine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.space.pareto import nondominated
from accord.space.problem import Block, Instance

__all__ = [
    "Frontier",
    "count_dtype",
    "count_zopa",
    "enumerate_frontier",
    "merge_frontier",
    "sample_zopa",
]

CHUNK = 1 << 17


@dataclass(frozen=True)
class Frontier:
    """The exact frontier: distinct utility vectors, each with its first package.

    Attributes
    ----------
    utility
        ``(P, A)`` integer utilities, best-first in lexicographic order of the actors.
    choice
        ``(P, n_blocks)`` block option indices of each point's first package.
    count
        ``(P,)`` how many packages reach each point.
    zopa
        Packages every actor strictly prefers to its BATNA, when counted (else ``None``).
    """

    utility: np.ndarray
    choice: np.ndarray
    count: np.ndarray
    zopa: int | None = None


def count_dtype(p: Instance) -> type:
    """Integer counts while they fit, floats beyond ``2**62`` packages."""
    return np.int64 if p.n_packages < 2**62 else np.float64


def _digits(flat: np.ndarray, sizes: list[int]) -> np.ndarray:
    out = np.empty((len(flat), len(sizes)), dtype=np.int64)
    rest = flat.copy()
    for b in range(len(sizes) - 1, -1, -1):
        out[:, b] = rest % sizes[b]
        rest //= sizes[b]
    return out


def _chunk_utility(blocks: tuple[Block, ...], digits: np.ndarray) -> np.ndarray:
    u: np.ndarray = blocks[0].table[digits[:, 0]].copy()
    for b in range(1, len(blocks)):
        u += blocks[b].table[digits[:, b]]
    return u


def enumerate_frontier(p: Instance, chunk: int = CHUNK) -> Frontier:
    """Frontier and exact ZOPA size by enumerating all packages in chunks of ``chunk``."""
    a = len(p.actors)
    sizes = [len(b.combos) for b in p.blocks]
    n = p.n_packages
    if n == 0:
        return _empty(p, 0)
    util = np.zeros((0, a), np.int64)
    key = np.zeros(0, np.int64)
    count = np.zeros(0, np.int64)
    zopa = 0
    for start in range(0, n, chunk):
        flat = np.arange(start, min(n, start + chunk), dtype=np.int64)
        u = _chunk_utility(p.blocks, _digits(flat, sizes))
        zopa += int(np.all(u > p.batna, axis=1).sum())
        pts = nondominated(u, flat, np.ones(len(flat), np.int64))
        pts = nondominated(
            np.concatenate([util, pts.utility]),
            np.concatenate([key, pts.key]),
            np.concatenate([count, pts.count]),
        )
        util, key, count = pts.utility, pts.key, pts.count
    return Frontier(util, _digits(key, sizes), count, zopa)


def merge_frontier(p: Instance) -> Frontier:
    """Exact frontier by the dominance-preserving merge over blocks."""
    if p.n_packages == 0:
        return _empty(p, None)
    dtype = count_dtype(p)
    n = len(p.blocks[0].table)
    first = nondominated(p.blocks[0].table, np.arange(n), np.ones(n, dtype))
    util, choice, count = first.utility, first.key[:, None], first.count
    for block in p.blocks[1:]:
        opt = _options(block, dtype)
        m = len(opt.key)
        rank = np.empty(len(util), np.int64)
        rank[_lex_order(choice)] = np.arange(len(util))
        cand = (util[:, None, :] + opt.utility[None, :, :]).reshape(-1, util.shape[1])
        key = (rank[:, None] * m + np.arange(m)[None, :]).ravel()
        mult = (count[:, None] * opt.count[None, :]).ravel()
        pts = nondominated(cand, key, mult)
        row, col = np.divmod(pts.source, m)
        choice = np.column_stack([choice[row], opt.key[col]])
        util, count = pts.utility, pts.count
    return Frontier(util, choice, count, None)


def _lex_order(choice: np.ndarray) -> np.ndarray:
    return np.lexsort(choice.T[::-1])


def _options(block: Block, dtype: type) -> _Opt:
    """Return the block's own nondominated options (a dominated option never helps a package)."""
    n = len(block.table)
    pts = nondominated(block.table, np.arange(n), np.ones(n, dtype))
    order = np.argsort(pts.key)  # package order within the block
    return _Opt(pts.utility[order], pts.key[order], pts.count[order])


@dataclass(frozen=True)
class _Opt:
    utility: np.ndarray
    key: np.ndarray
    count: np.ndarray


def _empty(p: Instance, zopa: int | None) -> Frontier:
    a, b = len(p.actors), len(p.blocks)
    return Frontier(
        np.zeros((0, a), np.int64), np.zeros((0, b), np.int64), np.zeros(0, np.int64), zopa
    )


def count_zopa(p: Instance, chunk: int = CHUNK) -> int:
    """Exact number of packages every actor strictly prefers to its BATNA (enumerates)."""
    sizes = [len(b.combos) for b in p.blocks]
    total = 0
    for start in range(0, p.n_packages, chunk):
        flat = np.arange(start, min(p.n_packages, start + chunk), dtype=np.int64)
        u = _chunk_utility(p.blocks, _digits(flat, sizes))
        total += int(np.all(u > p.batna, axis=1).sum())
    return total


def sample_zopa(
    p: Instance, samples: int, seed: int | np.random.SeedSequence
) -> tuple[float, float]:
    """Estimate the ZOPA size from ``samples`` uniform packages: (estimate, standard error)."""
    if p.n_packages == 0:
        return 0.0, 0.0
    rng = np.random.default_rng(seed)
    hits = 0
    for start in range(0, samples, CHUNK):
        size = min(CHUNK, samples - start)
        digits = np.column_stack([rng.integers(0, len(b.combos), size) for b in p.blocks])
        hits += int(np.all(_chunk_utility(p.blocks, digits) > p.batna, axis=1).sum())
    share = hits / samples
    return share * p.n_packages, (share * (1 - share) / samples) ** 0.5 * p.n_packages
