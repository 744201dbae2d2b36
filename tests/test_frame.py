"""``.to_frame()`` without pandas is a user error naming the extra, not a traceback."""

from __future__ import annotations

import sys

import pytest

import accord
from accord._frame import pandas
from accord.errors import AccordError


def test_missing_pandas_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(AccordError, match="needs pandas") as info:
        accord.forecast("korea-2018", model="weighted-mean").to_frame()
    assert info.value.problems[0].expected == "pip install 'accord[frame]'"


def test_pandas_returned_when_present() -> None:
    pd = pytest.importorskip("pandas")
    assert pandas() is pd
