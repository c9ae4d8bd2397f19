"""``casereview export …`` end to end on generated cases: files written and opened back, bad CASEs
reported in Chinese while the batch goes on, nothing left behind when nothing could be exported."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from docx import Document
from openpyxl import load_workbook

from casegen import generate_case
from casereview.cli import main


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("cli")
    return [
        generate_case(out, f"k{seed}", kind="digital", seed=seed, defects=defects)[0]
        for seed, defects in ((41, ["T-12"]), (42, ["P-01"]))
    ]


def test_scoresheet_session_and_bad_case(
    cases: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "评分表.xlsx"
    missing = str(tmp_path / "none.pdf")
    code = main(["export", "scoresheet", *map(str, cases), missing, "--out", str(out), "--no-ocr"])
    assert code == 1  # one CASE failed, the others were exported
    err = capsys.readouterr().err
    assert "none.pdf" in err and "错误" in err
    book = load_workbook(out)
    assert {"案卷汇总", "单位汇总", "问题频次"} <= set(book.sheetnames)


def test_notice_and_annotated_with_a_database(
    cases: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'e.db'}"
    notices = tmp_path / "notices"
    assert main(["export", "notice", *map(str, cases), "--out", str(notices), "--db", db, "--no-ocr"]) == 0
    docx_files = sorted(notices.glob("*.docx"))
    assert len(docx_files) == 2  # the two cases come from two units
    text = "\n".join(p.text for p in Document(str(docx_files[0])).paragraphs)
    assert "整改通知书" in text
    pdf = tmp_path / "批注.pdf"
    assert main(["export", "annotated", "1", "--out", str(pdf), "--db", db, "--no-ocr"]) == 0
    with pymupdf.open(pdf) as doc:
        annotated = [page.number for page in doc for _annot in page.annots()]
    assert annotated and min(annotated) >= 1  # the cover (page 0) carries no annotations
    assert "已导出" in capsys.readouterr().out


def test_nothing_exportable_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    assert main(["export", "scoresheet", str(tmp_path / "none.pdf"), "--out", str(out), "--no-ocr"]) == 1
    assert not out.exists()
