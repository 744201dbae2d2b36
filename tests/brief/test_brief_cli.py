"""``accord brief`` on the command line, and the PDF output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.brief import BriefResult
from accord.cli import run


@pytest.mark.usefixtures("fast")
def test_cli_writes_the_formats_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["brief", "-o", str(tmp_path), "--format", "html,md,json", "--runs", "10", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["files"]) == {"html", "md", "json"}
    for path in out["files"].values():
        assert Path(path).is_file() and Path(path).parent == tmp_path


def test_cli_rejects_unknown_format_and_deal(tmp_path: Path) -> None:
    assert run(["brief", "-o", str(tmp_path), "--format", "docx"]) == 2
    assert run(["brief", "-o", str(tmp_path), "--deal", "nope", "--runs", "5"]) == 2
    assert not list(tmp_path.iterdir())


def test_cli_pdf_without_weasyprint_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from accord.brief import pdf

    monkeypatch.setattr(pdf, "available", lambda: False)
    assert run(["brief", "-o", str(tmp_path), "--format", "pdf"]) == 2
    assert "pip install 'accord[pdf]'" in capsys.readouterr().err


def test_pdf_has_pages_contents_and_vector_charts(korea_brief: BriefResult) -> None:
    pytest.importorskip("weasyprint")
    from accord.brief.pdf import document

    doc = document(korea_brief)
    assert len(doc.pages) >= 5
    ((title, _, children, _),) = doc.make_bookmark_tree()
    assert title == korea_brief.title
    numbered = [label for label, *_ in children if label[0].isdigit()]
    assert numbered == [f"{s.number} {s.title}" for s in korea_brief.sections]
    data = doc.write_pdf()
    assert data.startswith(b"%PDF")
    assert b"/Subtype /Image" not in data  # charts stay vectors, not bitmaps


def test_cli_errors_name_the_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from accord.cli import run

    code = run(["brief", "-o", str(tmp_path), "--for", "nobody", "--deal", "nope"])
    err = capsys.readouterr().err
    assert code == 2
    assert "--for: unknown actor 'nobody'" in err
    assert "--deal: unknown deal 'nope'" in err
    assert not list(tmp_path.iterdir())
