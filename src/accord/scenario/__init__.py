"""The scenario: a negotiation described as data, validated and typed.

Import from here: ``from accord.scenario import Scenario, load``.
"""

from accord.scenario.load import builtin_names, dump_yaml, load, load_text, validate_data
from accord.scenario.model import (
    Actor,
    Anchor,
    Clause,
    Deal,
    Domestic,
    Instrument,
    Issue,
    IssueArrays,
    Option,
    Ratifier,
    Scale,
    Scenario,
    Source,
    Stance,
    Threshold,
    Verification,
)
from accord.scenario.quantity import Quantity

__all__ = [
    "Actor",
    "Anchor",
    "Clause",
    "Deal",
    "Domestic",
    "Instrument",
    "Issue",
    "IssueArrays",
    "Option",
    "Quantity",
    "Ratifier",
    "Scale",
    "Scenario",
    "Source",
    "Stance",
    "Threshold",
    "Verification",
    "builtin_names",
    "dump_yaml",
    "load",
    "load_text",
    "validate_data",
]
