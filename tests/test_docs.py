"""Every shell example in docs/ runs: each ``$ accord ...`` line of a ```console block.

Python examples in docs/ are doctests (``--doctest-glob='*.md'`` in pyproject). Console
examples run in a temporary folder holding a copy of ``docs/examples/``, in page order, so a
page may write a file in one example and read it in the next.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from accord.cli import run

DOCS = Path(__file__).resolve().parents[1] / "docs"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)
PAGES = sorted(p for p in DOCS.rglob("*.md") if "```console" in p.read_text())


def _commands(page: Path) -> list[tuple[list[str], int]]:
    commands = []
    for block in BLOCK.findall(page.read_text()):
        for line in block.splitlines():
            if line.startswith("$ "):
                text = line[2:]
                expect = 0
                if match := re.search(r"\s+#\s*exit (\d+)\s*$", text):
                    expect, text = int(match.group(1)), text[: match.start()]
                argv = shlex.split(text)
                assert argv[0] == "accord", f"{page}: only accord commands run here: {line}"
                commands.append((argv[1:], expect))
    return commands


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_console_examples_run(
    page: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copytree(DOCS / "examples", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    commands = _commands(page)
    assert commands
    for argv, expect in commands:
        code = run(argv)
        out = capsys.readouterr()
        assert code == expect, f"`accord {shlex.join(argv)}` exited {code}:\n{out.err}"
