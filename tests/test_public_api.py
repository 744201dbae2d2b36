"""The public import paths are pinned: changing them is a breaking change."""

from __future__ import annotations

import accord
import accord.scenario


def test_facade_exports() -> None:
    assert set(accord.__all__) == {
        "AccordError",
        "Problem",
        "Scenario",
        "__version__",
        "brief",
        "builtin_names",
        "check",
        "forecast",
        "load",
        "offer",
        "sensitivity",
        "simulate",
        "space",
    }
    for name in accord.__all__:
        assert hasattr(accord, name)


def test_scenario_exports() -> None:
    for name in (
        "Scenario",
        "Actor",
        "Issue",
        "Stance",
        "Deal",
        "Clause",
        "Quantity",
        "load",
        "load_text",
        "validate_data",
        "builtin_names",
    ):
        assert name in accord.scenario.__all__
        assert hasattr(accord.scenario, name)


def test_scenario_package_imports_nothing_of_ours_above_it() -> None:
    import subprocess
    import sys

    code = (
        "import sys, accord.scenario; bad = [m for m in sys.modules if m.split('.')[:2] in "
        "(['accord','models'],['accord','space'],['accord','feasibility'],"
        "['accord','dynamics'],['accord','brief'],['accord','cli'])]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
