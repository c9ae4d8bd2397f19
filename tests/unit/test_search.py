"""Full-text search over a case: OCR spacing, full-width forms, sub-boxes, order, limits."""

from __future__ import annotations

import pytest

from casereview.domain.model import CaseFile, Page, Span, TextSource
from casereview.search import SearchIndex, fold, fold_with_origin, search_case


def _case(*pages: list[Span]) -> CaseFile:
    return CaseFile(
        "case.pdf",
        "sha",
        "pdf",
        [Page(n, 595, 842, TextSource.OCR, list(spans)) for n, spans in enumerate(pages, start=1)],
    )


def test_spaced_cjk_ocr_text_is_found_by_the_unspaced_query() -> None:
    span = Span("依据 行 政 处 罚 法", (100, 200, 300, 220), 0.91)
    (hit,) = search_case(_case([span]), "行政处罚")
    assert hit.page == 1
    assert hit.text == span.text and hit.confidence == 0.91
    # The box covers 行…罚 only: 行 is character 3 and 罚 character 9 of the span.
    assert hit.bbox == span.sub_bbox(3, 10)
    x0, y0, x1, y1 = hit.bbox
    assert 100 < x0 < x1 < 300 and (y0, y1) == (200, 220)


def test_query_spaces_are_ignored_too() -> None:
    assert len(search_case(_case([Span("行政处罚决定书", (0, 0, 70, 10))]), " 处罚 决定 ")) == 1


def test_full_width_digits_and_letters_fold_both_ways() -> None:
    case = _case(
        [Span("罚款人民币２０００元", (0, 0, 100, 10)), Span("车牌晋Ａ１２３４５", (0, 20, 100, 30))]
    )
    assert [h.text for h in search_case(case, "2000")] == ["罚款人民币２０００元"]
    assert [h.text for h in search_case(case, "晋a12345")] == ["车牌晋Ａ１２３４５"]
    half = _case([Span("罚款2000元", (0, 0, 100, 10))])
    assert len(search_case(half, "２０００")) == 1


def test_sub_box_lies_within_the_span_and_narrows_to_the_match() -> None:
    span = Span("当事人：张三，罚款贰万元整", (50, 100, 350, 118))
    (hit,) = search_case(_case([span]), "张三")
    x0, y0, x1, y1 = hit.bbox
    sx0, sy0, sx1, sy1 = span.bbox
    assert sx0 < x0 < x1 < sx1 and (y0, y1) == (sy0, sy1)
    assert x1 - x0 == pytest.approx((sx1 - sx0) * 2 / len(span.text), abs=0.2)  # all full-width glyphs


def test_hits_come_in_page_and_reading_order_with_every_occurrence() -> None:
    case = _case(
        [Span("无关内容", (0, 0, 40, 10))],
        [Span("张三 张三", (0, 10, 90, 20)), Span("询问张三", (0, 30, 40, 40))],
        [Span("被询问人：张三", (0, 50, 70, 60))],
    )
    hits = search_case(case, "张三")
    assert [(h.page, h.bbox[1]) for h in hits] == [(2, 10), (2, 10), (2, 30), (3, 50)]
    assert hits[0].bbox[0] < hits[1].bbox[0]  # two boxes in one line, left then right


def test_limit_empty_query_and_no_match() -> None:
    case = _case([Span("张三" * 10, (0, 0, 200, 10))])
    assert len(search_case(case, "张三", limit=3)) == 3
    assert search_case(case, "   ") == []
    assert search_case(case, "李四") == []


def test_case_insensitive_latin() -> None:
    assert (
        len(search_case(_case([Span("统一社会信用代码91140100MA0ABCDE1X", (0, 0, 300, 10))]), "ma0abcde"))
        == 1
    )


def test_folding_keeps_the_origin_of_each_character() -> None:
    folded, origin = fold_with_origin("行 政　Ａ")  # ASCII space, ideographic space, full-width A
    assert folded == "行政a" and origin == [0, 2, 4]
    folded, origin = fold_with_origin("第㈠项")  # NFKC turns ㈠ into (一): three characters from one
    assert folded == "第(一)项" and origin == [0, 1, 1, 1, 2]
    assert fold("㈠") == "(一)"


def test_a_300_page_index_finds_every_hit() -> None:
    line = "依据《中华人民共和国道路运输条例》第六十三条 罚款人民币２００００元"
    case = _case(
        *[[Span(line, (72, 100 + 18 * i, 520, 114 + 18 * i)) for i in range(30)] for _ in range(300)]
    )
    index = SearchIndex(case)
    hits = index.search("道路运输条例", limit=100_000)
    assert len(hits) == 300 * 30  # its speed is bench's business, not a timed assertion
