"""The one table of defaults of the deal check: instruments, verification regimes, constants.

Every attribute of a clause is optional (see :class:`accord.scenario.Clause`); what a scenario
leaves out is taken from here, and the ``--explain`` chain says so ("default: ...").
Ranges are ``(low, mode, high)`` and are drawn like any uncertain input, so a default widens
the band rather than hiding its uncertainty. The values are judgements from the literature
named beside each, set once by hand; none is fitted to the case library (the backtest's only
fitted parameters are the two of its optional recalibration, see
:mod:`accord.backtest.agreements`).

Instruments (Putnam 1988; Chayes & Chayes 1993; Lipson 1991; Abbott & Snidal 2000)

=====================  =========  ==================  ==========  ========  ==========
instrument             ratified   P(ratified) if      obligor     P(dropped   cost of a
                       by default needed, no data     controls    by a        detected
                                  (low/mode/high)     it          successor)  breach
=====================  =========  ==================  ==========  ========  ==========
executive              no         0.75 / 0.85 / 0.95  1.00        0.20      0.2
political_declaration  no         0.75 / 0.85 / 0.95  1.00        0.35      0.0
legislation            yes        0.55 / 0.70 / 0.85  1.00        0.10      0.5
treaty                 yes        0.75 / 0.88 / 0.95  1.00        0.05      0.5
appropriation          yes        0.65 / 0.80 / 0.90  1.00        0.30      0.3
third_party            no         0.75 / 0.85 / 0.95  0.80        0.20      0.2
physical_work          no         0.75 / 0.85 / 0.95  1.00        0.10      0.2
=====================  =========  ==================  ==========  ========  ==========

P(ratified) when needed is high because negotiators sign what they expect to get through
(Putnam's win-set anticipated); a scenario that gives the ratifier's expected support replaces
it by the win-set formula.

Verification regimes: per-period probability q that a violation is detected, and alpha that
a compliant party is accused (a false alarm); Downs, Rocke & Barsoom (1996), Kydd (1997).

==============  ==========================  =========================
regime          detection q (low/mode/high)  false alarm alpha
==============  ==========================  =========================
none            0.02 / 0.05 / 0.15           0.02 / 0.05 / 0.10
ntm             0.30 / 0.50 / 0.70           0.02 / 0.05 / 0.10
data_exchange   0.45 / 0.60 / 0.75           0.01 / 0.03 / 0.06
on_site         0.70 / 0.85 / 0.95           0.01 / 0.02 / 0.05
continuous      0.90 / 0.95 / 0.99           0.00 / 0.01 / 0.02
==============  ==========================  =========================
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from accord.scenario.model import Instrument, Verification

__all__ = [
    "ENFORCEMENT",
    "INSTRUMENTS",
    "PARAMETERS",
    "POWER_SHIFT",
    "REGIMES",
    "RELATIONS",
    "InstrumentDefaults",
    "Parameter",
    "RegimeDefaults",
    "Triple",
    "parameter",
]

Triple = tuple[float, float, float]
"""A default range: (low, mode, high), drawn triangular."""


@dataclass(frozen=True)
class InstrumentDefaults:
    """Defaults for one domestic instrument.

    Attributes
    ----------
    needs_ratification
        Whether a domestic body must approve it unless the clause says otherwise.
    p_ratify
        P(approved) when approval is needed and the scenario gives no ratifier data.
    controlled
        P(the obligor can make it happen by itself): below 1 when others must act.
    reversal
        P(a new government drops it), given that the government changes.
    obligation
        Legal and audience cost of a detected breach, added to the punishment (Abbott &
        Snidal 2000 on legalisation; Guzman 2008): binding instruments cost more to break.
    """

    needs_ratification: bool
    p_ratify: Triple
    controlled: float
    reversal: float
    obligation: float
    description: str


@dataclass(frozen=True)
class RegimeDefaults:
    """Detection and false-alarm probabilities of a verification regime, per period."""

    detection: Triple
    false_alarm: Triple
    description: str


_R: Triple = (0.75, 0.85, 0.95)  # approval of an instrument that usually needs none
INSTRUMENTS = MappingProxyType(
    {
        Instrument.executive: InstrumentDefaults(
            False, _R, 1.0, 0.20, 0.2, "an act of the executive alone (order, waiver, directive)"
        ),
        Instrument.political_declaration: InstrumentDefaults(
            False, _R, 1.0, 0.35, 0.0, "a political commitment: no ratification, easily dropped"
        ),
        Instrument.legislation: InstrumentDefaults(
            True, (0.55, 0.70, 0.85), 1.0, 0.10, 0.5, "a law passed by the legislature"
        ),
        Instrument.treaty: InstrumentDefaults(
            True, (0.75, 0.88, 0.95), 1.0, 0.05, 0.5, "a treaty needing ratification"
        ),
        Instrument.appropriation: InstrumentDefaults(
            True, (0.65, 0.80, 0.90), 1.0, 0.30, 0.3, "money voted by the legislature, often yearly"
        ),
        Instrument.third_party: InstrumentDefaults(
            False, _R, 0.80, 0.20, 0.2, "action by someone who did not sign (a consortium, the UN)"
        ),
        Instrument.physical_work: InstrumentDefaults(
            False, _R, 1.0, 0.10, 0.2, "physical or technical work with a timeline"
        ),
    }
)

REGIMES = MappingProxyType(
    {
        Verification.none: RegimeDefaults(
            (0.02, 0.05, 0.15), (0.02, 0.05, 0.10), "no agreed means of checking"
        ),
        Verification.ntm: RegimeDefaults(
            (0.30, 0.50, 0.70), (0.02, 0.05, 0.10), "national technical means (satellites, ...)"
        ),
        Verification.data_exchange: RegimeDefaults(
            (0.45, 0.60, 0.75), (0.01, 0.03, 0.06), "notifications and data exchanges"
        ),
        Verification.on_site: RegimeDefaults(
            (0.70, 0.85, 0.95), (0.01, 0.02, 0.05), "on-site inspection"
        ),
        Verification.continuous: RegimeDefaults(
            (0.90, 0.95, 0.99),
            (0.0, 0.01, 0.02),
            "continuous monitoring, or performance seen directly (a link working, a meeting held)",
        ),
    }
)

POWER_SHIFT = MappingProxyType({"none": 0.0, "low": 0.1, "high": 0.3})
"""Labels of the case library -> change in the obligor's chance of prevailing."""

ENFORCEMENT = MappingProxyType(
    {
        "none": (0.1, 0.2, 0.4),
        "reciprocal_suspension": (0.6, 1.0, 1.4),
        "snapback": (0.9, 1.3, 1.8),
        "guarantor": (1.0, 1.5, 2.0),
        "coercive": (1.5, 2.5, 4.0),
    }
)
"""Per-period loss L if caught, in per-period values of the deal, by enforcement kind."""


RELATIONS = MappingProxyType(
    {
        "hostile": (0.1, 0.25, 0.4),
        "mixed": (0.3, 0.5, 0.7),
        "cooperative": (0.6, 0.75, 0.9),
    }
)
"""Prior that the obligor keeps its word (track record), by the parties' relations at
signing, when neither the clause nor the actor gives one (Kydd 1997: trust is a prior
about type; Axelrod 1984: the shadow of past play)."""


@dataclass(frozen=True)
class Parameter:
    """A model constant: its value, what it means, and where it comes from."""

    name: str
    value: float
    meaning: str
    source: str


PARAMETERS = MappingProxyType(
    {
        p.name: p
        for p in (
            Parameter(
                "discount",
                0.85,
                "discount factor delta per period (a year)",
                "Axelrod 1984; Downs, Rocke & Barsoom 1996",
            ),
            Parameter(
                "shock_sigma",
                1.0,
                "sd of log shocks to the gain from cheating",
                "judgement: gains vary by a factor of e across periods",
            ),
            Parameter(
                "gain_base",
                0.3,
                "gain from cheating on a clause that shifts no power",
                "judgement (Downs, Rocke & Barsoom 1996: shallow cooperation is cheap to keep)",
            ),
            Parameter(
                "gain_per_shift",
                10.0,
                "extra gain per unit of power shift",
                "judgement: a 0.3 shift is worth about three periods of the deal",
            ),
            Parameter(
                "war_cost",
                0.3,
                "per-period cost of conflict c, share of the stakes",
                "Fearon 1995; Powell 2006",
            ),
            Parameter(
                "powell_sigma",
                0.05,
                "smoothing of Powell's condition (uncertainty about p)",
                "judgement",
            ),
            Parameter(
                "powell_bite",
                0.6,
                "P(the declining side reneges when the condition holds)",
                "judgement (Powell 2006: inefficiency is likely, not certain)",
            ),
            Parameter(
                "mutual_offset",
                0.2,
                "share of a power shift left when both sides do the same step",
                "Powell 2006: a symmetric step leaves relative power unchanged",
            ),
            Parameter(
                "reversible_offset",
                0.5,
                "share of a power shift left when it can be undone",
                "Powell 2006; Fearon 1995",
            ),
            Parameter(
                "unravel",
                0.5,
                "P(a beneficiary that does not believe a reciprocal clause "
                "withholds its matching step, releasing the obligor)",
                "Axelrod 1984 (reciprocity); Kydd 1997 (trust)",
            ),
            Parameter(
                "vote_sigma",
                0.08,
                "sd of the realised vote share around expected support",
                "judgement (Putnam 1988 win-set with an uncertain pivot)",
            ),
            Parameter(
                "capacity_sigma",
                0.15,
                "sd of realised capacity, relative to what is needed",
                "judgement (Chayes & Chayes 1993)",
            ),
            Parameter(
                "funding_factor",
                0.9,
                "P(the money is found) when the clause needs funding",
                "judgement (Chayes & Chayes 1993: capacity)",
            ),
            Parameter(
                "third_party_factor",
                0.8,
                "P(a non-signatory does its part)",
                "judgement (Chayes & Chayes 1993)",
            ),
            Parameter(
                "track_record",
                0.5,
                "prior that an actor keeps its word, when unknown",
                "ignorance prior (Kydd 1997)",
            ),
            Parameter(
                "political_horizon",
                4.0,
                "years until the obligor's leadership may change, when unknown",
                "a typical electoral term",
            ),
            Parameter(
                "settle_years",
                1.0,
                "years a reversible obligation must hold, after its "
                "timeline, to count as implemented",
                "PAM coding: intermediate implementation",
            ),
            Parameter(
                "vague_detection",
                0.5,
                "detection multiplier for vague wording: a breach of "
                "an imprecise clause is hard to call",
                "Abbott & Snidal 2000; Chayes & Chayes 1993",
            ),
            Parameter(
                "monitor_detection",
                0.5,
                "per-period probability that an outside monitor (UN mission, IAEA, OPCW, "
                "OSCE) reports a violation the parties' own means miss",
                "judgement (Fortna 2008 on peacekeeping; Chayes & Chayes 1993)",
            ),
            Parameter(
                "linkage_loss",
                0.5,
                "extra per-period loss from breaking a clause the obligor's gains on "
                "other issues are tied to",
                "judgement (Axelrod & Keohane 1985 on issue linkage)",
            ),
            Parameter(
                "dependency_floor",
                0.4,
                "share of a clause's own P kept when what it waits on fails (it may "
                "still be carried out, late or in part)",
                "judgement: dependency effects are bounded, never compounded",
            ),
            Parameter(
                "hazard_vague", 0.3, "P(failure from ambiguous wording)", "Chayes & Chayes 1993"
            ),
            Parameter(
                "hazard_precise",
                0.03,
                "P(failure from wording when precise)",
                "Chayes & Chayes 1993",
            ),
            Parameter(
                "hazard_sequence",
                0.10,
                "P(a sequencing dispute) when the clause waits on others (once, however "
                "many it waits on)",
                "Chayes & Chayes 1993",
            ),
            Parameter(
                "hazard_per_year",
                0.05,
                "yearly hazard of an outside shock during implementation",
                "judgement",
            ),
            Parameter(
                "hazard_per_party",
                0.03,
                "hazard per obligated party beyond two",
                "Chayes & Chayes 1993 (coordination)",
            ),
            Parameter(
                "sound", 0.6, "verdict threshold: P(implemented) >= this is sound", "convention"
            ),
            Parameter(
                "unrealistic", 0.3, "verdict threshold: below this is unrealistic", "convention"
            ),
            Parameter("band", 0.9, "coverage of the band [p_low, p_high]", "convention"),
        )
    }
)


def parameter(name: str, overrides: dict[str, float] | None = None) -> float:
    """Return a model constant, from ``overrides`` if given there."""
    if overrides and name in overrides:
        return float(overrides[name])
    return PARAMETERS[name].value
