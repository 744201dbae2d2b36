"""A plain pure-Python loop implementation of the expected-utility model (test oracle).

Written straight from MODELS.md §1 (steps 1-7) and the parameter meanings documented in
:mod:`accord.models.eum`, one actor and one pair at a time, with no NumPy. The vectorised
model must agree with it to 1e-9 (tests/models/test_eum.py) and beat it >= 100x
(benchmarks/bench_models.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

TIE = 1e-12


@dataclass
class Settings:
    Q: float = 1.0
    rounds: int = 8
    a1: str = "responder"
    a2: str = "against"
    a3: str = "symmetric"
    a4: str = "scholz"
    a5: str = "pairs"
    perspective: str = "receiver"
    risk_votes: bool = True


def median_mean(x: list[float], w: list[float]) -> tuple[float, float]:
    n = len(x)
    D = [sum(w[k] * abs(x[k] - x[i]) for k in range(n)) for i in range(n)]
    best = min(D)
    tol = TIE * max(abs(best), 1.0)
    median = min(x[i] for i in range(n) if D[i] <= best + tol)
    mean = sum(w[i] * x[i] for i in range(n)) / sum(w)
    return median, mean


def probabilities(
    x: list[float], w: list[float], R: float, how: str, r: list[float] | None
) -> list[list[float]]:
    n = len(x)

    def dist(k: int, i: int) -> float:
        d = abs(x[k] - x[i])
        return (d / R) ** r[k] if r is not None else d

    num = [[0.0] * n for _ in range(n)]
    den = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            pos = net = tot = 0.0
            for k in range(n):
                a = dist(k, j) - dist(k, i)
                pos += w[k] * max(a, 0.0)
                net += w[k] * a
                tot += w[k] * abs(a)
            num[i][j] = max(net, 0.0) if how == "net" else pos
            den[i][j] = tot
    if how in ("global", "pairs"):
        part = den if how == "global" else num
        total = sum(part[i][j] for i in range(n) for j in range(n))
        den = [[total] * n for _ in range(n)]
    return [[num[i][j] / den[i][j] if den[i][j] > 0 else 0.5 for j in range(n)] for i in range(n)]


def utility(base: float, r: float) -> float:
    return 2.0 - 4.0 * max(base, 0.0) ** r


def eu(
    i: int, j: int, x: list[float], lead: float, P: float, mu: float, r: float, R: float, Q: float
) -> float:
    d = abs(x[i] - x[j]) / R
    dmu = abs(x[i] - mu) / R
    us, uf = utility(0.5 - 0.5 * d, r), utility(0.5 + 0.5 * d, r)
    value = lead * (P * us + (1 - P) * uf) + (1 - lead) * us - Q * utility(0.5, r)
    if Q != 1.0:
        alt = utility(0.5 - 0.25 * (dmu + d), r) if dmu < d else utility(0.5 + 0.25 * (dmu + d), r)
        value -= (1 - Q) * alt
    return value


def risks(E: list[list[float]], how: str) -> list[float]:
    n = len(E)
    if how == "against":
        sec = [sum(E[j][i] for j in range(n) if j != i) for i in range(n)]
    else:
        sec = [sum(E[i][j] for j in range(n) if j != i) for i in range(n)]
    hi, lo = max(sec), min(sec)
    out = []
    for i in range(n):
        Ri = (2 * sec[i] - hi - lo) / (hi - lo) if hi > lo else 0.0
        out.append((1 - Ri / 3) / (1 + Ri / 3))
    return out


def one_round(
    x: list[float], c: list[float], s: list[float], R: float, st: Settings
) -> list[float]:
    n = len(x)
    w = [c[i] * s[i] for i in range(n)]
    if sum(w) <= 0:
        w = [1.0] * n
    mu, _ = median_mean(x, w)
    P = probabilities(x, w, R, st.a5, None)
    E1 = [[eu(i, j, x, s[j], P[i][j], mu, 1.0, R, st.Q) for j in range(n)] for i in range(n)]
    r = risks(E1, st.a2)
    if st.risk_votes:
        P = probabilities(x, w, R, st.a5, r)
    new = list(x)
    for j in range(n):  # j receives offers
        offers = []
        for i in range(n):
            if i == j or x[i] == x[j]:
                continue
            rv = r[j] if st.perspective == "receiver" else r[i]
            a = eu(i, j, x, s[j], P[i][j], mu, rv, R, st.Q)
            lead_b = s[i] if st.a1 == "responder" else s[j]
            b = eu(j, i, x, lead_b, P[j][i], mu, r[j], R, st.Q)
            offer = classify(x[i], x[j], a, b, st.a3)
            if offer is not None:
                kind, target = offer
                total = abs(a) + abs(b)
                key = (abs(b) * x[j] + abs(a) * x[i]) / total if total > 0 else 0.0
                offers.append((kind, target, a, key))
        new[j] = choose(x[j], offers, st.a4)
    return new


def classify(xi: float, xj: float, a: float, b: float, a3: str) -> tuple[int, float] | None:
    if a > 0 and b > 0 and a > b:
        return 0, xi
    if a > 0 and b <= 0 and abs(b) >= abs(a):
        return 2, xi
    if a3 == "text":
        if a < 0 and b < 0 and abs(a) < abs(b):
            return 1, xj + (xi - xj) * abs(a) / abs(b)
    elif a > 0 and b <= 0 and abs(a) > abs(b):
        return 1, xj + (xi - xj) * min(abs(b) / abs(a), 1.0)
    return None


def choose(xj: float, offers: list[tuple[int, float, float, float]], rule: str) -> float:
    offers = [o for o in offers if abs(o[1] - xj) > 0]
    if not offers:
        return xj
    if rule in ("priority", "scholz"):
        first = min(o[0] for o in offers)
        offers = [o for o in offers if o[0] == first]
    if rule == "strongest":
        keys = [-o[2] for o in offers]
    elif rule == "scholz":
        keys = [o[3] if o[0] == 1 else abs(o[1] - xj) for o in offers]
    else:
        keys = [abs(o[1] - xj) for o in offers]
    best = min(keys)
    tol = TIE * max(abs(best), 1.0)
    return min(o[1] for o, k in zip(offers, keys, strict=True) if k <= best + tol)


def run(
    x: list[float], c: list[float], s: list[float], R: float, st: Settings
) -> tuple[list[float], list[float], list[list[float]]]:
    """Medians, means and positions of rounds 0..rounds."""
    w = [c[i] * s[i] for i in range(len(x))]
    if sum(w) <= 0:
        w = [1.0] * len(x)
    positions = [list(x)]
    for _ in range(st.rounds):
        x = one_round(x, c, s, R, st)
        positions.append(list(x))
    stats = [median_mean(p, w) for p in positions]
    assert all(math.isfinite(m) for m, _ in stats)
    return [m for m, _ in stats], [m for _, m in stats], positions
