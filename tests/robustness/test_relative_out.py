"""Issue 18 (6): an export's PDF is made when the output folder is given as a relative path (the
README's ``--out 通知书``); before, LibreOffice's profile URI raised ValueError and left a hidden folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from casereview.ingest.docx import soffice_binary
from casereview.office.gongwen import docx_to_pdf

pytestmark = pytest.mark.skipif(soffice_binary() is None, reason="LibreOffice is not installed")


def test_docx_to_pdf_with_a_relative_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    monkeypatch.chdir(tmp_path)
    out = Path("通知书")
    out.mkdir()
    document = docx.Document()
    document.add_paragraph("整改通知书")
    source = out / "通知.docx"
    document.save(str(source))
    pdf = docx_to_pdf(source, out)
    assert pdf is not None and pdf.exists()
    assert sorted(p.name for p in out.iterdir()) == ["通知.docx", "通知.pdf"]  # no hidden .pdf-… left
