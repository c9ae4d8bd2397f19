"""Issue 18 (6): ``session import`` of a missing folder and of a GBK list give Chinese messages, not
tracebacks; a GBK/GB18030 list is read as Excel on a Chinese Windows saves it."""

from __future__ import annotations

from pathlib import Path

import pytest

from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import describe
from casereview.sessions.importing import list_entries, tree_entries


def test_gbk_list_is_read(tmp_path: Path) -> None:
    listing = tmp_path / "清单.csv"
    listing.write_bytes("执法单位,案卷文件\n甲市交通运输局,案卷/甲001.pdf\n".encode("gbk"))
    assert list_entries(listing) == [("甲市交通运输局", tmp_path / "案卷" / "甲001.pdf")]


def test_utf8_list_with_bom_is_read(tmp_path: Path) -> None:
    listing = tmp_path / "list.csv"
    listing.write_bytes("\ufeff执法单位,案卷文件\n乙县交通运输局,/data/乙.pdf\n".encode())
    assert list_entries(listing) == [("乙县交通运输局", Path("/data/乙.pdf"))]


def test_missing_folder_and_list_are_named(tmp_path: Path) -> None:
    for call, path in ((tree_entries, tmp_path / "没有这个文件夹"), (list_entries, tmp_path / "无.csv")):
        with pytest.raises(CaseReviewError) as caught:
            call(path)
        assert caught.value.code == ErrorCode.FILE_NOT_FOUND
        assert str(path) in describe(caught.value) and "找不到" in describe(caught.value)


def test_undecodable_list_is_refused_in_chinese(tmp_path: Path) -> None:
    listing = tmp_path / "bad.csv"
    listing.write_bytes(b"\xff\xfe\x00\xd8\x00\xdc" * 10 + b"\x81")
    with pytest.raises(CaseReviewError) as caught:
        list_entries(listing)
    assert "GBK" in describe(caught.value)


def test_list_over_the_memory_budget_is_refused_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 1 MB list of a million empty cells per row is refused before it is built."""
    monkeypatch.setenv("CASEREVIEW_MEMORY_BUDGET", "16M")
    listing = tmp_path / "wide.csv"
    listing.write_bytes(b"," * 1_000_000 + b"\n" + b"," * 1_000_000 + b"\n")
    with pytest.raises(CaseReviewError) as caught:
        list_entries(listing)
    assert caught.value.code == ErrorCode.OVER_BUDGET
    assert str(listing) in describe(caught.value) and "表格单元格" in describe(caught.value)
