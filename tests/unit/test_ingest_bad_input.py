"""Every kind of bad input gives a typed error naming the file, and a Chinese message."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from casereview.cli import main
from casereview.errors import ErrorCode, IngestError
from casereview.ingest import IngestOptions, ingest_path
from casereview.messages import describe
from casereview.pipeline import read_case


def _pdf(path: Path, lines: list[str], encrypt: str | None = None) -> Path:
    doc = pymupdf.open()
    for line in lines:
        page = doc.new_page(width=595, height=842)
        page.insert_text((220, 80), line, fontname="china-s", fontsize=22)
        page.insert_text(
            (72, 140), "案号：粤东交罚〔2025〕00977号 当事人：张三", fontname="china-s", fontsize=11
        )
    if encrypt:
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=encrypt, owner_pw=encrypt + "x")
    else:
        doc.save(path)
    return path


def _code(path: Path, **kwargs: object) -> IngestError:
    with pytest.raises(IngestError) as info:
        read_case(path, IngestOptions(**kwargs))  # type: ignore[arg-type]
    assert info.value.path == str(path)
    message = describe(info.value)
    assert str(path) in message or info.value.code == ErrorCode.STORAGE
    return info.value


def test_missing_path(tmp_path: Path) -> None:
    assert _code(tmp_path / "nope.pdf").code == ErrorCode.FILE_NOT_FOUND


def test_unsupported_type(tmp_path: Path) -> None:
    path = tmp_path / "case.xls"
    path.write_bytes(b"not a spreadsheet at all")
    error = _code(path)
    assert error.code == ErrorCode.UNSUPPORTED_TYPE
    assert "不支持的文件类型" in describe(error)


def test_corrupt_and_truncated_pdf(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + b"\x00\xff" * 500)
    assert _code(garbage).code in (ErrorCode.CORRUPT_FILE, ErrorCode.NO_PAGES)
    good = _pdf(tmp_path / "good.pdf", ["行政处罚决定书"])
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good.read_bytes()[:200])
    assert _code(truncated).code in (ErrorCode.CORRUPT_FILE, ErrorCode.NO_PAGES)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert _code(path).code == ErrorCode.CORRUPT_FILE


def test_encrypted_pdf_needs_the_password(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "locked.pdf", ["行政处罚决定书", "送达回证"], encrypt="1234")
    assert _code(path).code == ErrorCode.ENCRYPTED
    assert _code(path, password="wrong").code == ErrorCode.WRONG_PASSWORD
    analysis = read_case(path, IngestOptions(password="1234"))
    assert [d.type for d in analysis.documents] == ["行政处罚决定书", "送达回证"]


def test_zero_pages(tmp_path: Path) -> None:
    # A syntactically valid PDF whose page tree is empty.
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    path = tmp_path / "zero.pdf"
    path.write_bytes(body)
    assert _code(path).code in (ErrorCode.NO_PAGES, ErrorCode.CORRUPT_FILE)


def test_not_a_case_file(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text(
        (72, 100), "本周食堂菜单：周一红烧肉，周二清蒸鱼，周三麻婆豆腐，周四宫保鸡丁。", fontname="china-s"
    )
    path = tmp_path / "menu.pdf"
    doc.save(path)
    error = _code(path)
    assert error.code == ErrorCode.NOT_A_CASE_FILE
    assert "不是行政处罚案卷" in describe(error)


def test_decompression_bomb_image(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    # 20,000 × 12,000 = 240 MP of one colour compresses to almost nothing; decoded, it would not
    # fit a 256 MiB budget even at the lowest resolution OCR can use.
    Image.new("1", (20_000, 12_000)).save(path)
    error = _code(path, memory_budget=256 << 20)
    assert error.code == ErrorCode.OVER_BUDGET
    message = describe(error)
    assert "内存超出预算" in message and "单帧图像" in message and "256 MB" in message


def test_docx_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (400 << 20) + b"</w:document>")
    assert path.stat().st_size < 5 << 20
    error = _code(path)
    assert error.code == ErrorCode.ARCHIVE_TOO_LARGE
    assert "压缩炸弹" in describe(error)


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 but then nothing sensible")
    assert _code(path).code == ErrorCode.CORRUPT_FILE


def test_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "notes.txt").write_text("x")
    assert _code(folder).code == ErrorCode.EMPTY_FOLDER


def test_mixed_pdf_keeps_page_order(tmp_path: Path) -> None:
    """An image-only page between text pages stays in its place (no OCR here: scanner=None)."""
    doc = pymupdf.open()
    for title in ("立案登记表", None, "行政处罚决定书"):
        page = doc.new_page(width=595, height=842)
        if title:
            page.insert_text((220, 80), title, fontname="china-s", fontsize=22)
            page.insert_text(
                (72, 140), "案号：粤东交罚〔2025〕00977号 当事人：张三 2025年3月3日", fontname="china-s"
            )
        else:
            page.insert_image(
                pymupdf.Rect(50, 50, 545, 792), pixmap=pymupdf.Pixmap(pymupdf.csRGB, (0, 0, 40, 40), False)
            )
    path = tmp_path / "mixed.pdf"
    doc.save(path)
    case = ingest_path(path, IngestOptions())
    assert [p.number for p in case.pages] == [1, 2, 3]
    assert [p.source.value for p in case.pages] == ["text", "ocr", "text"]
    assert len({p.sha256 for p in case.pages}) == 3


def test_cli_batch_goes_on_and_exits_nonzero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _pdf(tmp_path / "good.pdf", ["立案登记表", "行政处罚决定书"])
    missing = tmp_path / "missing.pdf"
    code = main(["check", str(missing), str(good), "--format", "json", "--no-ocr", "-q"])
    captured = capsys.readouterr()
    assert code == 1
    results = json.loads(captured.out)
    assert results[0]["source"] == str(missing)
    assert results[0]["error"]["code"] == "E_FILE_NOT_FOUND"
    assert "找不到文件" in results[0]["error"]["message"]
    assert results[1]["page_count"] == 2
    assert [d["type"] for d in results[1]["documents"]] == ["立案登记表", "行政处罚决定书"]
    assert results[1]["fields"]["case_number"] == "粤东交罚〔2025〕00977号"
    assert results[1]["standard"]["id"] == "transport_penalty"
    rules = {f["rule"] for f in results[1]["findings"]}
    assert {"D-01", "T-12", "P-07"} <= rules
    missing = next(f for f in results[1]["findings"] if f["rule"] == "D-01")
    assert missing["status"] == "fail" and "结案报告" in missing["message"]
    assert "找不到文件" in captured.err
