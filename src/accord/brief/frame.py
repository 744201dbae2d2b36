"""The brief's numbers as a table (``BriefResult.to_frame``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from accord._frame import pandas

if TYPE_CHECKING:
    from accord.brief.result import BriefResult

__all__ = ["leaves", "numbers_frame"]


def leaves(tree: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Every leaf of a nested mapping as ``("a/b/c", value)``."""
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from leaves(v, (*prefix, str(k)))
    else:
        yield "/".join(prefix), tree


def numbers_frame(brief: BriefResult) -> Any:
    """Return a DataFrame with one row per number: ``section``, ``path``, ``value``."""
    pd = pandas()
    rows = [
        {"section": s.id, "path": path, "value": value}
        for s in brief.sections
        for path, value in leaves(s.data, (s.id,))
        if isinstance(value, int | float) and not isinstance(value, bool)
    ]
    return pd.DataFrame(rows, columns=["section", "path", "value"])
