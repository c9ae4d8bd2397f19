"""Page titles → documents, including what OCR does to titles."""

from __future__ import annotations

import pytest

from casereview.domain.model import CaseFile, Page, Span, TextSource
from casereview.segment import segment
from casereview.segment.titles import match_title


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("行政处罚决定书", "行政处罚决定书"),
        ("当场行政处罚决定书", "当场行政处罚决定书"),
        ("东莞市交通运输局行政处罚决定书", "行政处罚决定书"),
        ("吉林省非税收入一般缴款书", "罚没款票据"),
        ("交通运输行政处罚案卷", "卷宗封面"),
        ("重大行政处罚法制审核意见书", "法制审核意见"),
        ("送达文书名称及文号行政处罚决定书", None),  # a receipt's row, not a title
        ("经法制审核，本机关认为", None),
    ],
)
def test_match_title(row: str, expected: str | None) -> None:
    assert match_title(row) == expected


def _page(number: int, *rows: str) -> Page:
    spans = [Span(text, (200.0, 60.0 + 30 * i, 400.0, 80.0 + 30 * i), 0.99) for i, text in enumerate(rows)]
    return Page(number, 595.0, 842.0, TextSource.OCR, spans)


def test_segment_with_ocr_specks_continuations_and_receipts() -> None:
    case = CaseFile("x.pdf", "0" * 64, "pdf")
    case.pages = [
        _page(1, "东莞市交通运输局", "违法行为通知书", "案号:粤东交罚〔2025〕1号"),
        _page(2, ".送达回证", "送达文书名称 违法行为通知书"),
        _page(3, "行政处罚决定书", "案号:粤东交罚〔2025〕1号"),
        _page(4, "五、如不服本决定", "第2页 共2页"),
        _page(5, "送达回证", "送达文书名称 《行政处罚决定书》"),
        _page(6, "驾驶证复印件", "经核对与原件一致"),
        _page(7, "行驶证复印件", "经核对与原件一致"),
    ]
    docs = segment(case)
    assert [(d.type, d.first_page, d.last_page, d.serves) for d in docs] == [
        ("违法行为通知书", 1, 1, None),
        ("送达回证", 2, 2, "违法行为通知书"),
        ("行政处罚决定书", 3, 4, None),
        ("送达回证", 5, 5, "行政处罚决定书"),
        ("证据材料", 6, 6, None),
        ("证据材料", 7, 7, None),
    ]
