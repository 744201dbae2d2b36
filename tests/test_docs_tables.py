"""Every generated figure table in docs/ is what a fresh run prints (accord.tools.docs_tables)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from accord.tools import docs_tables as dt


def test_every_table_has_its_block_once() -> None:
    for name, table in dt.TABLES.items():
        text = (dt.DOCS / table.page).read_text(encoding="utf-8")
        assert text.count(f"<!-- generated: {name} -->") == 1, (table.page, name)
        assert dt.blocks(text)[name].startswith("|"), name


def test_update_rewrites_only_the_blocks(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("intro\n<!-- generated: x -->\n| old |\n<!-- end generated -->\nrest\n")
    new = dt._replace(page.read_text(), {"x": "| new |\n"})
    assert new == "intro\n<!-- generated: x -->\n| new |\n<!-- end generated -->\nrest\n"


@pytest.mark.slow
@pytest.mark.parametrize("name", list(dt.TABLES))
def test_the_page_matches_a_fresh_run(shared_data: Path, name: str) -> None:
    table = dt.TABLES[name]
    page = dt.blocks((dt.DOCS / table.page).read_text(encoding="utf-8"))[name]
    fresh = dt.render(name, shared_data)
    diff = "".join(difflib.unified_diff(page.splitlines(True), fresh.splitlines(True)))
    assert page == fresh, (
        f"docs/{table.page}, table {name!r} is stale; regenerate with "
        f"`python -m accord.tools.docs_tables`:\n{diff}"
    )
