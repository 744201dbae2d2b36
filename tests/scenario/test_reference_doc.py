"""The format reference documents every field of every scenario type."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from accord.scenario import model
from accord.scenario.quantity import Quantity

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "reference"
PAGE = REFERENCE / "scenario-format.md"
TYPES: list[type[BaseModel]] = [
    model.Scenario,
    model.Source,
    model.Actor,
    model.Domestic,
    model.Ratifier,
    model.InstrumentUse,
    model.Issue,
    model.Scale,
    model.Anchor,
    model.Option,
    model.Stance,
    model.Deal,
    model.Clause,
    Quantity,
]


def test_every_field_is_documented() -> None:
    # the format page, or (for attributes an analysis adds) that analysis' reference page
    text = "\n".join(p.read_text() for p in sorted(REFERENCE.glob("*.md")))
    missing = [
        f"{tp.__name__}.{name}"
        for tp in TYPES
        for name in tp.model_fields
        if f"`{name}`" not in text and f".{name}`" not in text and f"{name}:" not in text
    ]
    assert not missing, f"fields missing from docs/reference: {missing}"


def test_every_enum_value_is_documented() -> None:
    text = PAGE.read_text()
    for enum in (model.Instrument, model.Verification, model.Threshold):
        for member in enum:
            assert f"`{member.value}`" in text, member
