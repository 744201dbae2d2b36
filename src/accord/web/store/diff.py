"""What changed between two revisions: in the inputs, and in the results.

Inputs and result summaries are flattened to ``dotted.path -> value``; lists of items that
have an ``id`` (actors, issues, deals, clauses, sources) are keyed by that id, so reordering a
list is no change and a change is named by what it is about, e.g.
``deals.grand-bargain.clauses.gb-denuclearise.verification``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Change", "diff", "flatten"]

_MISSING = "(none)"


@dataclass(frozen=True)
class Change:
    """One path whose value differs."""

    path: str
    before: Any
    after: Any

    @property
    def kind(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        if self.before == _MISSING:
            return "added"
        return "removed" if self.after == _MISSING else "changed"

    def to_dict(self) -> dict[str, Any]:
        """Return the change as plain data."""
        return {"path": self.path, "kind": self.kind, "before": self.before, "after": self.after}


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """Flatten nested data into ``dotted.path -> scalar`` (lists of ``id`` items by id)."""
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(data, list) and data and all(isinstance(x, dict) and "id" in x for x in data):
        for item in data:
            key = f"{prefix}.{item['id']}" if prefix else str(item["id"])
            rest = {k: v for k, v in item.items() if k != "id"}
            out.update(flatten(rest, key) if rest else {key: "present"})
    elif isinstance(data, list):
        if all(not isinstance(x, dict | list) for x in data):
            out[prefix] = ", ".join(str(x) for x in data)
        else:
            for k, item in enumerate(data):
                out.update(flatten(item, f"{prefix}[{k}]"))
    else:
        out[prefix] = data
    return out


def diff(before: Any, after: Any) -> list[Change]:
    """Every path whose value differs between ``before`` and ``after``, sorted by path."""
    a, b = flatten(before), flatten(after)
    return [
        Change(path, a.get(path, _MISSING), b.get(path, _MISSING))
        for path in sorted(a.keys() | b.keys())
        if a.get(path, _MISSING) != b.get(path, _MISSING)
    ]
