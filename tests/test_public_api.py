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


def test_facade_names_stay_callable_after_their_packages_are_imported() -> None:
    import accord.brief.pdf as pdf_module  # the `import a.b.c as x` form must work too
    import accord.space.result

    assert pdf_module.__name__ == "accord.brief.pdf"
    assert accord.space.result.SpaceResult.__name__ == "SpaceResult"
    r = accord.space("korea-2018", actors=["usa", "dprk"])
    assert r.frontier
    b = accord.brief("korea-2018", runs=20)
    assert [s.number for s in b.sections] == list(range(1, 10))
