"""The post-deal Monte Carlo: one block of runs, vectorised over runs, looping over months.

Each month, for every run at once (MODELS.md section 4):

1. each clause in force is broken with its hazard, raised when the obligor's trust has fallen
   (less to lose from cheating; Downs, Rocke & Barsoom 1996); an injured obligor suspends its
   own clauses (graduated reciprocity; Osgood 1962) and resumes them once no longer injured;
   a clause waits while a clause it depends on is not delivered;
2. verification raises an alarm on a violation with probability q and on a kept clause with
   the false-alarm probability alpha; each beneficiary updates its belief that the clause is
   kept by Bayes' rule, P(kept | no alarm) = pi (1 - alpha) / (pi (1 - alpha) + (1 - pi)
   (1 - q)) (Kydd 2005), computed in log-odds and pulled slightly back toward its prior;
3. frustration is an exponentially weighted average of the promised benefit not delivered;
4. the escalation rung moves up or down one step with log-odds shifted by frustration, alarms,
   distrust and hedging, and lowered by the benefit delivered (the peace dividend): a deal is
   not assumed to help or hurt, the balance of these terms decides; at crisis the deal is
   abandoned;
5. third parties start hedging with a hazard raised by the weakening of their guarantee
   (a share ``hedge_signal`` of what the deal promises from signing, the rest as a clause is
   carried out, in step with its timeline and for good: a withdrawal done stays done) and by
   crises, so a larger weakening never lowers the hazard. Optionally arms follow
   Richardson's (1960) equations with a grievance term that grows with frustration.

The ladder (its number of rungs, its crisis and top rungs) is the inputs' own
(:mod:`accord.dynamics.ladder`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from accord.dynamics.draws import Draws, triangular
from accord.dynamics.inputs import EngineInputs
from accord.dynamics.params import ParamValue, draw_params
from accord.dynamics.statics import State, Static, prepare
from accord.dynamics.totals import Finals, Totals

__all__ = ["clause_probabilities", "run_block", "simulate_runs"]

F32 = np.float32


def run_block(
    x: EngineInputs,
    values: Mapping[str, ParamValue],
    n: int,
    horizon: int,
    seed: np.random.SeedSequence,
    *,
    bands: bool = True,
    arms: bool = False,
) -> Totals:
    """Simulate ``n`` runs from one seed: parameters, clause probabilities, then months."""
    rng = np.random.default_rng(seed)
    cols = draw_params(values, rng, n)
    p = clause_probabilities(x, rng, n, bands=bands)
    return simulate_runs(x, cols, p, Draws(rng, n), horizon, arms=arms)[0]


def clause_probabilities(
    x: EngineInputs, rng: np.random.Generator, n: int, *, bands: bool
) -> np.ndarray:
    """P(implemented) per run and clause: drawn from the check's band, or its estimate."""
    u = rng.random((n, x.n_clauses))
    if not bands:
        return np.broadcast_to(x.p_implemented, (n, x.n_clauses)).copy()
    return triangular(u, x.p_low, x.p_implemented, x.p_high)


def simulate_runs(
    x: EngineInputs,
    cols: Mapping[str, np.ndarray],
    p: np.ndarray,
    draws: Draws,
    horizon: int,
    *,
    arms: bool = False,
) -> tuple[Totals, Finals]:
    """Run ``horizon`` months for ``draws.n`` runs with per-run parameter columns."""
    s = prepare(x, cols, p)
    st = State.start(s, cols, draws.n)
    tot = Totals.zeros(horizon, len(x.actors), x.n_clauses, x.ladder.size)
    tot.runs = draws.n
    for t in range(horizon):
        u, v = draws.uniform(s.K), draws.uniform(s.K)  # drawn always: the same streams
        if s.K:  # without clauses (no deal) these leave the state as it is
            _obligations(s, st, cols, u, t)
            _observe(s, st, cols, v)
        _escalate(s, st, cols, draws.uniform(1 + s.H), arms, t)
        _record(s, st, tot, t)
    finals = Finals(intact=st.intact(s), conflict=st.rung >= s.top, hedge=st.hedged_any)
    return tot, finals


def _obligations(s: Static, st: State, c: Mapping[str, np.ndarray], u: np.ndarray, t: int) -> None:
    """Apply breaks, suspensions and resumptions; find what is delivered this month."""
    in_force = st.running.copy()  # an abandoned deal's clauses are all suspended
    temptation = np.exp(c["incentive"] * (st.trust0 - st.trust)) @ s.obligor_share
    broke = in_force & (u < s.break_hazard(t) * temptation)
    st.broken |= broke
    in_force &= ~broke
    injured = (st.injured.astype(F32) @ s.obligor_any) > 0
    suspend = in_force & injured & (u > 1 - c["reciprocity"])
    resume = st.suspended & ~injured & (u < c["resume"])
    st.suspended = (st.suspended | suspend) & ~resume
    st.new_suspensions = suspend
    st.running = ~(st.broken | st.suspended)
    st.kept = s.unblock(st.running)
    st.kept_f = st.kept.astype(F32)


def _observe(s: Static, st: State, c: Mapping[str, np.ndarray], v: np.ndarray) -> None:
    """Alarms, Bayesian beliefs, trust, frustration and who feels injured."""
    running = st.running.astype(F32)
    alarm = v < s.detection + running * s.alarm_gap  # alpha if running, else q
    seen = (alarm | st.suspended).astype(F32)  # a suspension is public
    st.update_beliefs(s, c, seen)
    st.delivered = st.kept_f @ s.benefit
    gap = st.owed - st.delivered  # nothing is owed once the deal is abandoned
    lam = c["frustration_decay"]
    st.frustration = lam * st.frustration + (1 - lam) * gap
    fresh = (alarm & ~st.suspended) | st.new_suspensions  # not the same suspension again
    st.alarms = fresh.astype(F32) @ s.trust_mask
    distrust = (st.trust < c["distrust"]) & st.trusting
    st.injured = distrust | (st.frustration > c["grievance"]) | st.collapsed_a


def _escalate(
    s: Static, st: State, c: Mapping[str, np.ndarray], w: np.ndarray, arms: bool, t: int
) -> None:
    """Move the escalation rung, abandon the deal at crisis, let third parties hedge."""
    z = _pressure(s, st, c)
    if arms:
        z += c["beta_arms"][:, 0] * st.arms_step(s, c)
    up, down = _transition(s, st.rung, z, c)
    e = w[:, 0]
    st.rung += (e < up).astype(np.int8) - (e > 1 - down).astype(np.int8)
    st.abandon(st.rung >= s.crisis)
    done = st.kept_f * s.progress(t) if s.phased_any else st.kept_f
    np.maximum(st.weakened, done @ s.hedge, out=st.weakened)  # done stays done
    signal = c["hedge_signal"]
    felt = signal * s.promised_weakening + (1 - signal) * st.weakened
    rate = c["hedge_base"] + felt * c["hedge_guarantee"]
    crisis = np.repeat(((st.rung >= s.crisis) * c["hedge_crisis"].T).T, s.H, axis=1)
    rate = rate + crisis
    st.hedged |= w[:, 1:] < rate
    st.hedged_any = (st.hedged.astype(F32) @ s.ones_h) > 0


def _pressure(s: Static, st: State, c: Mapping[str, np.ndarray]) -> np.ndarray:
    """Escalation log-odds shift: the most aggrieved principal sets the pace."""
    side = (
        c["beta_frustration"] * st.frustration
        - c["beta_dividend"] * st.delivered
        + c["beta_violation"] * st.alarms
        + c["beta_trust"] * (F32(0.5) - st.trust) * st.trusting
    )
    first, *rest = s.principal_index
    z = side[:, first].copy()
    for i in rest:  # column by column: a reduction over a short axis is slow
        np.maximum(z, side[:, i], out=z)
    return np.asarray(z + c["beta_hedge"][:, 0] * st.hedged_any)


def _transition(
    s: Static, rung: np.ndarray, z: np.ndarray, c: Mapping[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """P(one rung up), P(one rung down): logistic in the pressure, firebreak below the top."""
    up_odds = c["base_up"][:, 0] / (1 - c["base_up"][:, 0]) * np.exp(z)
    up = up_odds / (1 + up_odds)
    up *= 1 - (rung == s.top - 1) * (1 - c["firebreak"][:, 0])
    down_odds = c["base_down"][:, 0] / (1 - c["base_down"][:, 0]) * np.exp(-z)
    down = np.minimum(down_odds / (1 + down_odds), 1 - up)
    top, bottom = rung >= s.top, rung <= 0
    return up * ~top, down * ~(top | bottom)


def _record(s: Static, st: State, tot: Totals, t: int) -> None:
    """Add this month's counts (exact: sums of 0/1 in float32 below 2**24 are integers)."""
    intact = st.intact(s)
    tot.intact[t] = np.count_nonzero(intact)
    tot.conflict[t] = np.count_nonzero(st.rung >= s.top)
    tot.abandoned[t] = np.count_nonzero(st.collapsed)
    tot.hedge_any[t] = np.count_nonzero(st.hedged_any)
    tot.hedge_actor[t, s.hedger_index] = s.ones_n @ st.hedged.astype(F32)
    tot.rungs[t] = np.bincount(st.rung, minlength=s.rungs)
    tot.clause_kept[t] = s.ones_n @ st.kept_f
    tot.clause_unbroken[t] = len(st.rung) - s.ones_n @ st.broken.astype(F32)
    tot.frustration[t] = np.ascontiguousarray(st.frustration.T).sum(axis=1, dtype=np.float64)
    tot.trust[t] = np.ascontiguousarray(st.trust.T).sum(axis=1, dtype=np.float64)
