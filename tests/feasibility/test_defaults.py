"""The one table of defaults covers every instrument and regime, sensibly ordered."""

from __future__ import annotations

from pathlib import Path

from accord.feasibility import defaults as dfl
from accord.scenario.model import Instrument, Verification

DOC = Path(__file__).resolve().parents[2] / "docs" / "reference" / "deal-check.md"


def test_every_instrument_and_regime_has_defaults() -> None:
    assert set(dfl.INSTRUMENTS) == set(Instrument)
    assert set(dfl.REGIMES) == set(Verification)


def test_regimes_are_ordered_by_what_they_show() -> None:
    order = [
        Verification.none,
        Verification.ntm,
        Verification.data_exchange,
        Verification.on_site,
        Verification.continuous,
    ]
    modes = [dfl.REGIMES[v].detection[1] for v in order]
    assert modes == sorted(modes)
    for reg in dfl.REGIMES.values():
        for low, mode, high in (reg.detection, reg.false_alarm):
            assert 0 <= low <= mode <= high <= 1


def test_binding_instruments_outlast_governments() -> None:
    treaty = dfl.INSTRUMENTS[Instrument.treaty]
    declaration = dfl.INSTRUMENTS[Instrument.political_declaration]
    assert treaty.reversal < declaration.reversal
    assert treaty.obligation > declaration.obligation
    assert treaty.needs_ratification and not declaration.needs_ratification


def test_the_reference_page_lists_every_parameter_with_its_value() -> None:
    text = DOC.read_text()
    for p in dfl.PARAMETERS.values():
        assert f"`{p.name}`" in text, p.name
        assert f"| {p.value:g} |" in text, (p.name, p.value)
