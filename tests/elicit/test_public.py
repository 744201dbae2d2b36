"""accord.elicit's public names are pinned, and it imports no presenter."""

from __future__ import annotations

import subprocess
import sys

import accord.elicit


def test_exports() -> None:
    assert set(accord.elicit.__all__) == {
        "ExpertAnswers", "Feedback", "Item", "Loeo", "Merged", "Panel", "StudyResult",
        "answers", "expert_names", "feedback", "leave_one_out", "merge", "next_round",
        "read_panel", "scenario_items", "study", "template",
    }  # fmt: skip
    for name in accord.elicit.__all__:
        assert hasattr(accord.elicit, name)


def test_elicit_imports_no_presenter_and_no_plotting() -> None:
    code = (
        "import sys, accord.elicit; bad = [m for m in sys.modules if m.split('.')[:2] in "
        "(['accord','brief'],['accord','cli'],['accord','web']) or m == 'matplotlib']; "
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
