"""Issue 18 (6): a valid PDF whose file name is GBK bytes (from a Windows archive) is read, not
reported corrupt; the message for a broken one still names it."""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf
import pytest

from casereview.errors import ErrorCode, IngestError
from casereview.ingest.pdf import open_pdf


def _gbk_named(folder: Path, content: bytes) -> Path:
    name = os.fsencode(str(folder)) + b"/" + "案卷甲".encode("gbk") + b".pdf"
    with open(name, "wb") as handle:
        handle.write(content)
    return Path(os.fsdecode(name))


def test_gbk_file_name_is_opened(tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "hello")
    path = _gbk_named(tmp_path, doc.tobytes())
    with open_pdf(path, None) as opened:
        assert opened.page_count == 1
        assert "hello" in opened[0].get_text()


def test_broken_gbk_named_file_is_named(tmp_path: Path) -> None:
    path = _gbk_named(tmp_path, b"%PDF-1.7 broken")
    with pytest.raises(IngestError) as caught, open_pdf(path, None):
        pass
    assert caught.value.code == ErrorCode.CORRUPT_FILE
