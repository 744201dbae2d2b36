"""pandas on demand: ``.to_frame()`` of every result imports it through :func:`pandas`."""

from __future__ import annotations

from typing import Any

from accord.errors import AccordError, Problem

__all__ = ["pandas"]


def pandas() -> Any:
    """Return the pandas module, or raise a user error saying how to install it."""
    try:
        import pandas as pd
    except ImportError:
        raise AccordError(
            Problem("to_frame() needs pandas", expected="pip install 'accord[frame]'")
        ) from None
    return pd
