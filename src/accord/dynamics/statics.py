"""What a block precomputes once (Static) and what changes month by month (State)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from accord.dynamics.inputs import EngineInputs

__all__ = ["State", "Static", "prepare"]

F32 = np.float32


@dataclass
class Static:
    """Matrices and per-run constants for one block (float32 where it is arithmetic)."""

    K: int
    H: int
    hazard: np.ndarray  # (n, K) monthly break hazard
    life: np.ndarray  # (n or 1, K) months until an irreversible clause is done
    phased: np.ndarray  # (K,) clauses with their own timeline (carried out step by step)
    phased_any: bool
    reversible: np.ndarray  # (K,)
    detection: np.ndarray  # (n, K) q, tiled (mixing (n, K) with (K,) is ~10x slower)
    false_alarm: np.ndarray  # (K,)
    prior: np.ndarray  # (K,) log-odds of the prior belief
    alarm_gap: np.ndarray  # (n, K) alpha - q
    belief_shift: np.ndarray  # (n, K) forgetting x prior + log LR of no alarm
    alarm_llr: np.ndarray  # (n, K) log LR of an alarm minus that of no alarm
    keep: np.ndarray  # (n or 1, 1) 1 - forgetting
    obligor_share: np.ndarray  # (A, K) each obligor's share of a clause
    obligor_any: np.ndarray  # (A, K)
    trust_mask: np.ndarray  # (K, A) beneficiaries other than the obligors
    trust_weight: np.ndarray  # (K, A) trust_mask / clauses per actor
    trust_fill: np.ndarray  # (A,) 1/2 for actors owed nothing
    has_trust: np.ndarray  # (A,)
    benefit: np.ndarray  # (K, A)
    promised: np.ndarray  # (A,)
    core: np.ndarray  # (K,) float
    n_core: float
    depends_t: np.ndarray  # (K, K) float: transposed dependency matrix
    depth: int
    hedge: np.ndarray  # (K, H)
    promised_weakening: np.ndarray  # (n, H) weakening the deal promises each hedger
    hedger_index: np.ndarray  # (H,)
    principals: np.ndarray  # (A,)
    principal_index: np.ndarray  # (P,) the principals (every actor when none is marked)
    arms_sides: tuple[int, int]
    ones_n: np.ndarray  # (n,) for exact column counts
    ones_h: np.ndarray  # (H,)
    rungs: int  # rungs of the ladder
    crisis: int  # rung from which the deal is abandoned
    top: int  # absorbing top rung
    cache: dict[str, object] = field(default_factory=dict)  # the hazard while clauses live

    def alive(self, t: int) -> np.ndarray:
        """Which clauses can still break in month ``t`` (irreversible ones end with life)."""
        return (self.reversible | (self.life > t)).astype(F32)

    def break_hazard(self, t: int) -> np.ndarray:
        """Monthly hazard x alive(t), as a full (n, K) array (recomputed when alive changes)."""
        alive = self.alive(t)
        if alive.shape[0] != 1:
            return np.asarray(self.hazard * alive)
        key = alive.tobytes()
        if self.cache.get("key") != key:
            self.cache.update(key=key, hazard=self.hazard * alive)
        return self.cache["hazard"]  # type: ignore[return-value]

    def progress(self, t: int) -> np.ndarray:
        """Share of each clause carried out by month ``t`` if kept (1 without a timeline)."""
        done = np.minimum((t + 1) / np.maximum(self.life, 1), 1).astype(F32)
        return np.where(self.phased, done, F32(1))

    def unblock(self, running: np.ndarray) -> np.ndarray:
        """Clauses delivered: running, and every clause they depend on delivered too."""
        kept = running
        for _ in range(self.depth):
            kept = running & ~(((~kept).astype(F32) @ self.depends_t) > 0)
        return kept


def prepare(x: EngineInputs, cols: Mapping[str, np.ndarray], p: np.ndarray) -> Static:
    """Precompute a block's matrices; ``p`` is P(implemented) per run and clause."""
    life = np.where(x.life_months > 0, x.life_months, cols["life_months"]).astype(F32)
    p = np.clip(p, 0.0, 1.0)
    n = len(p)
    alpha = np.clip(x.false_alarm, 1e-6, 1 - 1e-6).astype(F32)
    q = np.clip(x.detection, 1e-6, 1 - 1e-6).astype(F32)
    prior = _logit(np.clip(x.credibility, 1e-4, 1 - 1e-4))
    quiet, loud = np.log((1 - alpha) / (1 - q)), np.log(alpha / q)
    hazard = (1.0 - p ** (1.0 / np.maximum(life, 1.0))).astype(F32)
    mask = _c(x.beneficiaries & ~x.obligors)
    per_actor = mask.sum(axis=0)
    obligors = x.obligors.astype(F32)
    hedgers = np.flatnonzero(x.hedgers)
    return Static(
        K=x.n_clauses,
        H=len(hedgers),
        hazard=hazard,
        life=life,
        phased=x.life_months > 0,
        phased_any=bool(np.any(x.life_months > 0)),
        reversible=x.reversible.astype(bool),
        detection=_full(q, n),
        false_alarm=alpha,
        prior=prior,
        alarm_gap=_full(alpha - q, n),
        belief_shift=_full(cols["forgetting"] * prior + quiet, n),
        alarm_llr=_full(loud - quiet, n),
        keep=1 - cols["forgetting"],
        obligor_share=_c((obligors / np.maximum(obligors.sum(axis=1, keepdims=True), 1)).T),
        obligor_any=_c(obligors.T),
        trust_mask=mask,
        trust_weight=mask / np.maximum(per_actor, 1),
        has_trust=per_actor > 0,
        trust_fill=np.where(per_actor > 0, 0, 0.5).astype(F32),
        benefit=_c(x.benefit),
        promised=x.benefit.sum(axis=0).astype(F32),
        core=x.core.astype(F32),
        n_core=float(x.core.sum()),
        depends_t=_c(x.depends.T),
        depth=_depth(x.depends),
        hedge=_c(x.hedge[:, hedgers]),
        promised_weakening=_full(np.minimum(x.hedge[:, hedgers].sum(axis=0), 1.0), n),
        hedger_index=hedgers,
        principals=x.principals.astype(bool),
        arms_sides=x.arms_sides,
        principal_index=np.flatnonzero(x.principals | ~x.principals.any()),
        ones_n=np.ones(n, F32),
        ones_h=np.ones(len(hedgers), F32),
        rungs=x.ladder.size,
        crisis=x.ladder.crisis,
        top=x.ladder.top,
    )


def _logit(p: np.ndarray) -> np.ndarray:
    return np.asarray(np.log(p / (1 - p)), dtype=F32)


def _full(a: np.ndarray, n: int) -> np.ndarray:
    """Tile a per-clause row (or an (n, K) array) to a C-contiguous (n, K) float32 array."""
    a = np.asarray(a, dtype=F32)
    return np.ascontiguousarray(np.broadcast_to(a, (n, a.shape[-1])))


def _c(a: np.ndarray) -> np.ndarray:
    """C-contiguous float32 (matrix products on transposed views miss the fast path)."""
    return np.ascontiguousarray(a, dtype=F32)


def _depth(depends: np.ndarray) -> int:
    """Length of the longest dependency chain (0 without dependencies)."""
    reach, depth = depends.astype(bool), 0
    while reach.any() and depth < len(depends):
        depth += 1
        reach = (reach.astype(int) @ depends.astype(int)) > 0
    return depth


@dataclass
class State:
    """The mutable state of ``n`` runs."""

    broken: np.ndarray
    suspended: np.ndarray
    new_suspensions: np.ndarray
    running: np.ndarray
    kept: np.ndarray
    kept_f: np.ndarray
    belief: np.ndarray  # log-odds that each clause is kept, as its beneficiaries see it
    trust0: np.ndarray
    trust: np.ndarray
    delivered: np.ndarray
    frustration: np.ndarray
    alarms: np.ndarray
    injured: np.ndarray
    rung: np.ndarray
    collapsed: np.ndarray
    collapsed_a: np.ndarray  # (n, A) collapsed, per actor (an (n, 1) broadcast is slow)
    owed: np.ndarray  # (n, A) promised benefit, 0 once the deal is abandoned
    trusting: np.ndarray  # (n, A) owed something by an open deal (trust matters)
    hedged: np.ndarray
    hedged_any: np.ndarray
    weakened: np.ndarray  # (n, H) guarantee weakened by clauses carried out so far
    arms: np.ndarray

    @classmethod
    def start(cls, s: Static, cols: Mapping[str, np.ndarray], n: int) -> State:
        """Everything kept, beliefs at their priors, rung at ``start_rung``, arms at rest."""
        K, A = s.K, len(s.promised)
        nk = np.zeros((n, K), bool)
        belief = np.tile(s.prior, (n, 1))
        trust = _sigmoid(belief) @ s.trust_weight + s.trust_fill
        zeros = np.zeros((n, A), F32)
        return cls(
            broken=nk,
            suspended=nk.copy(),
            new_suspensions=nk.copy(),
            running=~nk,
            kept=~nk,
            kept_f=np.ones((n, K), F32),
            belief=belief,
            trust0=trust,
            trust=trust.copy(),
            delivered=zeros.copy(),
            frustration=zeros.copy(),
            alarms=zeros.copy(),
            injured=np.zeros((n, A), bool),
            rung=np.broadcast_to(np.clip(cols["start_rung"][:, 0], 0, s.top - 1), (n,)).astype(
                np.int8
            ),
            collapsed=np.zeros(n, bool),
            collapsed_a=np.zeros((n, A), bool),
            owed=np.tile(s.promised, (n, 1)),
            trusting=np.tile(s.has_trust, (n, 1)),
            hedged=np.zeros((n, s.H), bool),
            hedged_any=np.zeros(n, bool),
            weakened=np.zeros((n, s.H), F32),
            arms=np.ones((n, 2), F32),
        )

    def update_beliefs(self, s: Static, c: Mapping[str, np.ndarray], seen: np.ndarray) -> None:
        """Bayes in log-odds: add the log likelihood ratio of what was seen, forget a little.

        logit' = (1 - f) logit + f logit0 + log P(seen | kept) / P(seen | broken).
        """
        b = self.belief
        b *= s.keep
        b += s.belief_shift
        b += seen * s.alarm_llr
        np.clip(b, -20, 20, out=b)
        self.trust = _sigmoid(b) @ s.trust_weight + s.trust_fill

    def abandon(self, now: np.ndarray) -> None:
        """Abandon the deal in runs that reached crisis: suspend all, owe and trust nothing."""
        new = now & ~self.collapsed
        if new.any():
            self.collapsed |= new
            self.collapsed_a[new] = True
            self.suspended[new] = True
            self.running[new] = False
            self.owed[new] = 0
            self.trusting[new] = False

    def intact(self, s: Static) -> np.ndarray:
        """Flag runs whose core clauses are all delivered and whose deal was not abandoned."""
        return np.asarray(((self.kept_f @ s.core) >= s.n_core) & ~self.collapsed)

    def arms_step(self, s: Static, c: Mapping[str, np.ndarray]) -> np.ndarray:
        """One Euler month of Richardson's equations; returns the relative build-up.

        dx/dt = a y - m x + g, dy/dt = b x - n y + h (Richardson 1960), with g, h set so that
        (1, 1) is the resting point and raised by each side's frustration; stable iff
        m n > a b.
        """
        i, j = s.arms_sides
        x, y = self.arms[:, 0], self.arms[:, 1]
        a, b, m, nn = (c[k][:, 0] for k in ("arms_a", "arms_b", "arms_m", "arms_n"))
        g = m - a + c["arms_grievance"][:, 0] * self.frustration[:, i]
        h = nn - b + c["arms_grievance"][:, 0] * self.frustration[:, j]
        self.arms = np.clip(
            np.stack([x + a * y - m * x + g, y + b * x - nn * y + h], 1), 0, 100
        ).astype(F32)
        return np.asarray(self.arms.mean(axis=1) - 1, dtype=F32)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    out = np.negative(x)
    np.exp(out, out=out)
    out += 1
    return np.asarray(np.reciprocal(out, out=out))
