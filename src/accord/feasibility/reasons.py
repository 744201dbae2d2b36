"""Plain-language reasons, ranked by how much each factor lowers P(implemented)."""

from __future__ import annotations

from accord.feasibility.judge import Evaluation
from accord.feasibility.result import Reason
from accord.feasibility.spec import ClauseSpec

__all__ = ["INSTRUMENT_NOUNS", "join_names", "lowering", "reasons"]

_MIN_LOWERS = 0.01
_SEEN = {
    "none": "nothing shows compliance before it is too late",
    "ntm": "only satellites and intelligence show compliance",
    "data_exchange": "only the obligor's own reports show compliance",
    "on_site": "inspections show compliance, but not everywhere or all the time",
    "continuous": "compliance is seen directly, yet the obligor's intentions are in doubt",
}
INSTRUMENT_NOUNS = {
    "executive": "an executive act",
    "political_declaration": "a political declaration",
    "legislation": "a law",
    "treaty": "a treaty",
    "appropriation": "an appropriation",
    "third_party": "an act of a third party",
    "physical_work": "physical work",
}
"""Each instrument as a noun phrase with its article ("a successor can drop an executive act")."""


def lowering(ev: Evaluation, k: int) -> dict[str, float]:
    """For each factor: mean P with the factor set to 1, minus mean P (clause ``k``)."""
    return {name: float(v[k]) for name, v in ev.lowering().items()}


def _m(ev: Evaluation, name: str, k: int) -> float:
    return float(ev.draws[name][:, k].mean())


def join_names(names: list[str]) -> str:
    """Join names as ``a``, ``a and b``, ``a, b and c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _names(s: ClauseSpec, ids: tuple[str, ...] | list[str]) -> str:
    return join_names([s.names.get(a, a) for a in ids])


def _who(s: ClauseSpec) -> str:
    return _names(s, s.obligated)


def _text(name: str, s: ClauseSpec, ev: Evaluation, k: int, pm: dict[str, float]) -> str:
    f = ev.factors[name][:, k].mean()
    who = _who(s)
    if name == "ratification":
        if s.threshold is not None:
            return (
                f"It needs approval by the {s.ratifier}: {s.threshold:.0%} support needed, "
                f"{_m(ev, 'ratify', k):.0%} expected; not something the executive can promise "
                f"(Putnam win-set; P(approved) {f:.0%})."
            )
        return (
            f"It needs ratification as {INSTRUMENT_NOUNS[s.instrument.value]}; approval is "
            f"uncertain (P {f:.0%})."
        )
    if name == "capacity":
        need = _m(ev, "capacity_required", k)
        return (
            f"It needs more than {who} can reliably provide (capacity "
            f"{_m(ev, 'capacity_available', k):.3g} against {need:.3g} needed; P(enough) "
            f"{f:.0%})."
        )
    if name == "control":
        verb = "does" if len(s.obligated) == 1 else "do"
        return (
            f"{who} {verb} not control the instrument: it is "
            f"{INSTRUMENT_NOUNS[s.instrument.value]}, and others must act."
        )
    if name == "funding":
        return "It depends on money being found and voted (appropriation risk)."
    if name == "third_party":
        return "It depends on action by someone who did not sign."
    if name == "incentive":
        return (
            f"Breaking it can pay: a one-off gain of {_m(ev, 'gain', k):.2g} against a cost of "
            f"detection "
            f"{_m(ev, 'detection', k):.0%} x punishment {_m(ev, 'punishment', k):.2g} x "
            f"discounted future {pm['discount'] / (1 - pm['discount']):.2g} = "
            f"{ev.threshold[:, k].mean():.2g}; the record of {who} "
            f"({_m(ev, 'track_record', k):.0%}) gives little other reason to keep it."
        )
    if name == "power_shift":
        how = "reversibly" if s.reversible else "irreversibly"
        return (
            f"It shifts power against {who} {how} (about {_m(ev, 'power_shift', k):.2f} of "
            f"{'its' if len(s.obligated) == 1 else 'their'} chance of prevailing): {who} "
            "cannot trust the other side not to exploit "
            f"it afterwards (Powell's commitment problem; P(it bites) "
            f"{ev.binds[:, k].mean():.0%})."
        )
    if name == "turnover":
        return (
            f"It must outlast the political horizon of {who} (about "
            f"{_m(ev, 'political_horizon', k):.2g} years), and a successor can drop "
            f"{INSTRUMENT_NOUNS[s.instrument.value]}."
        )
    if name == "reciprocity":
        return (
            f"The other side may not believe it (credibility {ev.credibility[:, k].mean():.0%}"
            f"), hold back its matching step, and so release {who} from it."
        )
    if name == "ambiguity":
        if s.precise:
            return "Even precise wording leaves some room for disputes over what it requires."
        return "The wording is vague: the sides can disagree in good faith about what it requires."
    if name == "sequencing":
        return (
            f"It waits on {', '.join(s.depends_on)}: a dispute over who moves first can stall it."
        )
    if name == "timeline":
        return f"Its {_m(ev, 'horizon', k):.2g}-year timeline leaves room for outside shocks."
    if name == "parties":
        return f"{len(s.obligated)} parties must all act."
    return f"It waits on {', '.join(s.depends_on)}, which may not happen (P {f:.0%})."


def reasons(s: ClauseSpec, ev: Evaluation, k: int, pm: dict[str, float]) -> tuple[Reason, ...]:
    """Return the binding reasons of clause ``k``, largest effect first, then credibility."""
    low = lowering(ev, k)
    ranked = sorted((v, n) for n, v in low.items() if v >= _MIN_LOWERS)
    out = [Reason(n, _text(n, s, ev, k, pm), round(v, 4)) for v, n in reversed(ranked)]
    cred = float(ev.credibility[:, k].mean())
    if cred < 0.5:
        others = [b for b in s.beneficiaries if b not in s.obligated]
        ben = _names(s, others) if others else "the other side"
        has = "has" if len(others) <= 1 else "have"
        out.append(
            Reason(
                "credibility",
                f"{ben} {has} little reason to believe it ({cred:.0%}): "
                f"{_SEEN[s.verification.value]}, and a promise that is not believed buys "
                "nothing at the table.",
                0.0,
            )
        )
    return tuple(out)
