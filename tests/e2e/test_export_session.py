"""Issue 5's "done when": one generated session of 20+ cases through the command line — a
score-sheet workbook, one notice per unit, a compilation of 4 tagged cases (anonymised and
verified with the real OCR engine) and an annotated PDF, each opened back."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from docx import Document
from openpyxl import load_workbook

from casegen import generate_case
from casereview.checking import Checker
from casereview.cli import main
from casereview.db import list_cases, open_database
from casereview.export.collect import collect
from casereview.export.notice import notices_by_unit
from casereview.training.tags import TrainingTag, add_tag

DEFECTS = (["T-12"], ["P-01"], [], ["T-02"], ["P-07"])


@pytest.mark.ocr
@pytest.mark.slow
def test_a_session_of_twenty_cases(tmp_path: Path) -> None:
    paths = [
        generate_case(tmp_path / "cases", f"s{i}", kind="digital", seed=300 + i, defects=DEFECTS[i % 5])[0]
        for i in range(20)
    ]
    db = f"sqlite:///{tmp_path / 'session.db'}"
    assert main(["ingest", *map(str, paths), "--db", db, "--no-ocr", "-q"]) == 0
    with open_database(db) as database:
        with database.session_scope(readonly=True) as session:
            ids = [str(c.id) for c in list_cases(session)]
        with database.session_scope() as session:
            for tag, case_id in zip((TrainingTag.GOOD, TrainingTag.POOR) * 2, ids[:4], strict=True):
                add_tag(session, int(case_id), tag, "用于培训", "培训组")
    assert len(ids) == 20

    book_path = tmp_path / "评分表.xlsx"
    assert main(["export", "scoresheet", *ids, "--db", db, "--out", str(book_path)]) == 0
    book = load_workbook(book_path)
    assert book["案卷汇总"].max_row >= 21  # header + 20 cases

    notices = tmp_path / "notices"
    assert main(["export", "notice", *ids, "--db", db, "--out", str(notices)]) == 0
    docx_files = sorted(notices.glob("*.docx"))
    with open_database(db) as database:
        units = notices_by_unit(collect(ids, Checker.create(), database))
    assert len(docx_files) == len(units) >= 2
    for path in docx_files:
        assert "整改通知书" in "".join(p.text for p in Document(str(path)).paragraphs)

    compilation = tmp_path / "汇编.docx"
    assert main(["export", "compilation", *ids, "--db", db, "--out", str(compilation)]) == 0
    text = "\n".join(p.text for p in Document(str(compilation)).paragraphs)
    assert "优秀" in text and "典型差案" in text

    annotated = tmp_path / "批注.pdf"
    assert main(["export", "annotated", ids[0], "--db", db, "--out", str(annotated)]) == 0
    with pymupdf.open(annotated) as doc:
        assert doc.page_count > 1 and "案卷评查结果" in doc[0].get_text()
