"""Results render in Jupyter through formatters registered by class name."""

from __future__ import annotations

import importlib
import re
from typing import Any

import pytest

import accord
from accord._jupyter import RESULT_TYPES, register, render


class _Formatter:
    def __init__(self) -> None:
        self.names: dict[tuple[str, str], Any] = {}

    def for_type_by_name(self, module: str, name: str, func: Any) -> None:
        self.names[(module, name)] = func


class _Shell:
    def __init__(self) -> None:
        self.display_formatter = type("D", (), {"formatters": {"text/html": _Formatter()}})()


def test_register_names_every_result_class_that_exists() -> None:
    shell = _Shell()
    assert register(shell)
    names = shell.display_formatter.formatters["text/html"].names
    assert set(names) == set(RESULT_TYPES)
    for module, name in RESULT_TYPES:
        assert hasattr(importlib.import_module(module), name)


@pytest.mark.parametrize(
    "make",
    [
        lambda: accord.forecast("korea-2018", model="weighted-mean"),
        lambda: accord.space("korea-2018", actors=["usa", "dprk"]),
        lambda: accord.check("korea-2018", deal="modest-agenda", runs=200, seed=0),
    ],
    ids=["forecast", "space", "check"],
)
def test_results_render_as_html(make: Any) -> None:
    html = render(make())
    assert html.lstrip().startswith('<div class="accord-brief">')
    assert "<table" in html or "<svg" in html
    # SVG namespaces are fine; nothing may be fetched
    assert not re.search(r"""(src|href)\s*=\s*["']?https?://""", html)
