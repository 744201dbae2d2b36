"""Apply form edits to a scenario's data, and validate the result as the CLI would.

A form field is named by its path in the scenario file with ``/`` between parts and list
items named by id (ids may contain dots, never slashes), e.g. ``stances/usa/cbm/salience`` or
``deals/grand-bargain/clauses/gb-denuclearise/verification``. A number typed for an
uncertain quantity (``{low, mode, high}``) becomes its most likely value; the range widens
to include it if it falls outside, and keeps its source. The edited data is validated by
:func:`accord.scenario.validate_data`, so every message is the CLI's.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from accord.errors import AccordError, Problem
from accord.scenario import Scenario, validate_data

__all__ = ["apply_edits", "get_path", "set_value"]

_BOOL = {"true": True, "false": False}


def apply_edits(data: dict[str, Any], edits: Mapping[str, str], file: str) -> Scenario:
    """Return the scenario with ``edits`` (path -> typed text) applied and validated.

    Raises
    ------
    AccordError
        Every problem: unknown fields, and what the scenario's validation finds.
    """
    out = copy.deepcopy(data)
    problems: list[Problem] = []
    for path, text in sorted(edits.items()):
        try:
            parent, key = _locate(out, path)
        except KeyError as err:
            problems.append(Problem("unknown field", path=path.replace("/", "."), found=str(err)))
            continue
        if not isinstance(parent, dict):
            problems.append(Problem("not a field that can be set", path=path.replace("/", ".")))
            continue
        current = parent.get(key)
        if _same(current, text):
            continue
        _store(parent, key, set_value(current, text))
    if problems:
        raise AccordError(problems)
    return validate_data(out, file)


def get_path(data: Any, path: str) -> Any:
    """Return the value at ``path`` (``None`` when absent)."""
    try:
        parent, key = _locate(data, path)
    except KeyError:
        return None
    return parent.get(key) if isinstance(parent, dict) else None


def _locate(data: Any, path: str) -> tuple[Any, str]:
    parts = [p for p in path.split("/") if p]
    if not parts:
        raise KeyError(path)
    node = data
    for part in parts[:-1]:
        node = _child(node, part)
    return node, parts[-1]


def _child(node: Any, part: str) -> Any:
    if isinstance(node, dict):
        if part not in node:
            node[part] = {}  # e.g. a stance field that was left out
        return node[part]
    if isinstance(node, list):
        for item in node:
            if isinstance(item, dict) and item.get("id") == part:
                return item
    raise KeyError(part)


def _store(parent: Any, key: str, value: Any) -> None:
    if value is None:
        parent.pop(key, None)
    else:
        parent[key] = value


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _same(current: Any, text: str) -> bool:
    if isinstance(current, dict):
        current = current.get("value", current.get("mode"))
    if current is None:
        return text.strip() == ""
    if isinstance(current, bool):
        return _BOOL.get(text.strip().lower()) is current
    number = _number(text)
    if isinstance(current, int | float) and number is not None:
        return abs(float(current) - number) < 1e-12
    return str(current) == text.strip()


def set_value(current: Any, text: str) -> Any:
    """Return the new value for a field that holds ``current`` when ``text`` is typed."""
    text = text.strip()
    if text == "":
        return None
    if text.lower() in _BOOL and (isinstance(current, bool) or current is None):
        return _BOOL[text.lower()]
    number = _number(text)
    if number is None:
        return text
    if isinstance(current, dict):
        return _quantity(current, number)
    return number


def _quantity(current: dict[str, Any], x: float) -> dict[str, Any]:
    q = dict(current)
    if "value" in q or not ({"low", "high"} & q.keys()):
        q["value"] = x
        return q
    q["mode"] = x
    if "low" in q and isinstance(q["low"], int | float):
        q["low"] = min(q["low"], x)
    if "high" in q and isinstance(q["high"], int | float):
        q["high"] = max(q["high"], x)
    return q
