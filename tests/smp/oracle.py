"""A deliberately plain, loop-by-loop SMP turn written straight from SMP.md §3.

It serves as an oracle for the vectorised core: same equations, scalar arithmetic, explicit
loops over actors and pairs, no shared code with ``accord.models.smp``.
"""

from __future__ import annotations

import math

import numpy as np


def dist(y: np.ndarray, x: np.ndarray, s: np.ndarray) -> float:
    num = sum(s[k] ** 2 * (y[k] - x[k]) ** 2 for k in range(len(s)))
    return math.sqrt(num / sum(v**2 for v in s))


def util(d: float, r: float) -> float:
    return (1 - d) * (1 + d * r) if d <= 1 else (1 - d) * (1 + r)


def pce(w: np.ndarray, U: np.ndarray) -> np.ndarray:
    n, m = U.shape
    P = np.full((m, m), 0.5)
    for i in range(m):
        for j in range(m):
            if i != j:
                cij = 1e-8 + sum(max(w[k] * (U[k, i] - U[k, j]), 0) for k in range(n))
                cji = 1e-8 + sum(max(w[k] * (U[k, j] - U[k, i]), 0) for k in range(n))
                P[i, j] = cij / (cij + cji)
    q = np.array([math.prod(P[i]) for i in range(m)])
    return q / q.sum()


def views(x: np.ndarray, s: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = len(c)
    d = np.array([[dist(x[i], x[j], s[i]) for j in range(n)] for i in range(n)])
    p = pce(c, 1 - d)
    lo, hi = p.min(), p.max()
    # KTAB divides 0 by 0 when every probability is equal; Accord makes everyone neutral
    R = np.zeros(n) if hi == lo else (3 * p - hi - 2 * lo) / (2 * (hi - lo))
    A = np.array(
        [
            [[util(d[i, j], (2 * R[h] + R[i]) / 3) for j in range(n)] for i in range(n)]
            for h in range(n)
        ]
    )
    return A, R


def challenge(A: np.ndarray, S: np.ndarray, c: np.ndarray, i: int, j: int) -> tuple[float, float]:
    n = len(c)
    ai = S[i] * c[i] * (A[i, i] - A[i, j])
    aj = S[j] * c[j] * (A[j, i] - A[j, j])
    Ci = 1e-10 + max(ai, 0) + max(aj, 0)
    Cj = 1e-10 + max(-ai, 0) + max(-aj, 0)
    chi_ij, chi_ji = Ci, Cj
    for m in range(n):
        if m in (i, j):
            continue
        w = S[m] * c[m]
        e = w * (A[m, i] - A[m, j])
        pi = (Ci + max(e, 0)) / (Ci + max(e, 0) + Cj + max(-e, 0))
        X = pi * (2 * A[m, i] + A[m, m]) + (1 - pi) * 3 * A[m, j]
        Y = pi * 3 * A[m, i] + (1 - pi) * (2 * A[m, j] + A[m, m])
        tau = w * (X - Y)
        chi_ij += max(tau, 0)
        chi_ji += max(-tau, 0)
    phi = chi_ij / (chi_ij + chi_ji)
    V, L = 2 * A[i, i], 2 * A[i, j]
    eu = (1 - S[j]) * V + S[j] * (phi * V + (1 - phi) * L)
    return phi, eu - (A[i, i] + A[i, j])


def r4(z: float) -> float:
    return math.floor(1e4 * z + 0.5) / 1e4


def turn(x: np.ndarray, s: np.ndarray, c: np.ndarray) -> dict[str, object]:
    """One turn; returns phi, gain, targets, bargains and the new positions."""
    n, D = x.shape
    A, R = views(x, s, c)
    S = s.sum(axis=1)
    phi, gain = np.zeros((n, n)), np.zeros((n, n))
    deals = []
    for i in range(n):
        best, tgt = -1.0, -1
        for j in range(n):
            if j == i:
                continue
            phi[i, j], gain[i, j] = challenge(A[i], S, c, i, j)
            if gain[i, j] > 1e-5 and gain[i, j] > best:
                best, tgt = gain[i, j], j
        if tgt < 0:
            continue
        p, q = phi[i, tgt], 1 - phi[i, tgt]
        bi, br = np.zeros(D), np.zeros(D)
        for k in range(D):
            a, b = s[i, k] ** 2 * p**2, s[tgt, k] ** 2 * q**2
            bi[k] = r4(((a + 1e-6) * x[i, k] + b * x[tgt, k]) / (a + 1e-6 + b))
            br[k] = r4((a * x[i, k] + (b + 1e-6) * x[tgt, k]) / (a + 1e-6 + b))
        deals.append((i, tgt, bi, br))
    new = x.copy()
    for k in range(n):
        queue = [None] + [dl for dl in deals if k in dl[:2]]
        W = np.zeros((n, len(queue)))
        for a in range(n):
            for m, dl in enumerate(queue):
                if dl is None:
                    W[a, m] = sum(A[a, a, v] for v in range(n)) / n
                    continue
                i, j, bi, br = dl
                rest = sum(A[a, a, v] for v in range(n) if v not in (i, j))
                W[a, m] = (
                    util(dist(x[a], bi, s[a]), R[a]) + util(dist(x[a], br, s[a]), R[a]) + rest
                ) / n
        m = int(np.argmax(pce(c, W)))
        if m > 0:
            i, j, bi, br = queue[m]
            new[k] = bi if k == i else br
    return {"phi": phi, "gain": gain, "deals": deals, "new": new, "risk": R}
