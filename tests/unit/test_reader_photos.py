"""Reading phone photos and platform printouts (issue 12, the changes that looked at saibei and qilu):
unread ink beside a label, cells that contradict the page, wrapped labels, titles with a province and
a tag, a date seconded by the same document, a figure broken inside its brackets."""

from __future__ import annotations

import datetime as dt

import numpy as np

from casereview.domain import doctypes as d
from casereview.domain import roles
from casereview.domain.model import Document, Page, Span, TextSource
from casereview.extract.dateroles import date_mentions
from casereview.extract.pagetext import PageText
from casereview.ingest.cells import cells_of, ink_mask
from casereview.ingest.ink import unread_ink
from casereview.segment.titles import match_title


def _page(*spans: tuple[str, tuple[float, float, float, float]], conf: float = 1.0) -> Page:
    return Page(1, 595, 842, TextSource.OCR, [Span(t, b, conf) for t, b in spans])


def _word(image: np.ndarray, x: int, y: int, chars: int) -> None:
    """Dark strokes the size of ``chars`` characters of 10 pt text at 72 dpi."""
    for i in range(chars):
        x0 = x + i * 11
        image[y : y + 10, x0 : x0 + 2] = 0
        image[y : y + 2, x0 : x0 + 9] = 0
        image[y + 5 : y + 7, x0 : x0 + 9] = 0
        image[y + 8 : y + 10, x0 : x0 + 9] = 0


def test_ink_no_ocr_box_covers_is_reported_and_read_ink_and_rulings_are_not() -> None:
    image = np.full((842, 595, 3), 235, np.uint8)
    _word(image, 100, 100, 4)  # read: an OCR span covers it
    _word(image, 170, 300, 2)  # a two-character name the engine missed
    image[200:600, 400:402] = 0  # a table's vertical ruling
    image[500:502, 50:550] = 0  # and a horizontal one
    spans = [Span("审核人员", (99.0, 99.0, 145.0, 111.0), 0.99)]
    boxes = unread_ink(ink_mask(image), np.eye(3), 1.0, spans)
    assert len(boxes) == 1
    x0, y0, x1, y1 = boxes[0]
    assert 165 <= x0 <= 172 and 295 <= y0 <= 302 and 188 <= x1 <= 196 and y1 <= 315


def test_a_missing_reviewer_beside_unread_ink_is_doubt_not_a_fail() -> None:
    from procedure_kit import build, ordinary, review, swap

    from casereview.domain.findings import Status
    from casereview.rules.base import REGISTRY

    def p05(ink: bool) -> Status:
        ctx = build(swap(ordinary(20000, "贰万元整", major=True), d.FAZHI_SHENHE, review(reviewer="")))
        if ink:
            page = ctx.case.pages[ctx.documents_of(d.FAZHI_SHENHE)[0].first_page - 1]
            label = next(s for s in page.spans if s.text.startswith("审核人员"))
            _, y0, x1, y1 = label.bbox
            page.unread_ink = [(x1 + 20, y0 + 1, x1 + 50, y1 - 1)]  # the name, unread
        return REGISTRY["P-05"].check(ctx).status

    assert p05(ink=False) == Status.FAIL  # the cell is blank on the page: the reviewer is missing
    assert p05(ink=True) == Status.NEEDS_REVIEW  # ink there that nothing read: ask a person


def test_cells_that_contradict_the_page_are_no_cells() -> None:
    # A photographed sheet: its edges against the desk and a header rule close a "cell" round the
    # whole body, while a line inside it crosses a short vertical stroke and belongs to no cell.
    rulings = [
        (10.0, 5.0, 590.0, 5.0),
        (10.0, 828.0, 590.0, 828.0),
        (10.0, 5.0, 10.0, 828.0),
        (590.0, 5.0, 590.0, 828.0),
        (300.0, 100.0, 300.0, 200.0),
    ]
    spans = [
        Span("行政强制措施决定书", (200.0, 140.0, 400.0, 160.0)),
        Span("案号", (420.0, 400.0, 500.0, 412.0)),
    ]
    assert cells_of(spans, rulings) == [None, None]
    # a real table: every line inside the frame has its cell
    table = [(50.0, 100.0, 550.0, 100.0), (50.0, 300.0, 550.0, 300.0), (50.0, 100.0, 50.0, 300.0)]
    table.append((550.0, 100.0, 550.0, 300.0))
    inside = [Span("审核结论", (60.0, 150.0, 120.0, 162.0)), Span("同意", (130.0, 150.0, 170.0, 162.0))]
    assert cells_of(inside, table) == [(50.0, 100.0, 550.0, 300.0)] * 2


def test_titles_with_a_province_a_qualifier_or_a_tag() -> None:
    assert match_title("湖南省非税收入一般缴款书(电子)") == d.PIAOJU
    assert match_title("重大执法决定法制审核意见书") == d.FAZHI_SHENHE
    assert match_title("证据先行登记保存清单") == d.ZHENGJU_BAOCUN
    assert match_title("行政处罚决定信息公示") == d.GONGSHI
    assert match_title("某某说明(电子)") is None


def test_a_label_wrapped_in_its_narrow_cell_still_labels_the_date() -> None:
    page = _page(
        ("当场行政处罚决定书", (200, 60, 400, 80)),
        ("违法时", (50, 120, 80, 132)),
        ("间", (50, 134, 62, 146)),
        ("2024-08-24 13:25", (90, 150, 200, 162)),
    )
    mentions = date_mentions(Document(d.DANGCHANG_JUEDING, 1, 1), [PageText.of(page)])
    assert [m.date for m in mentions if m.role == roles.VIOLATION] == [dt.date(2024, 8, 24)]


def test_a_doubted_signature_date_seconded_by_the_same_document_is_sure() -> None:
    def release(body_conf: float) -> list[float]:
        page = Page(
            1,
            595,
            842,
            TextSource.OCR,
            [
                Span("解除证据登记保存决定书", (180, 60, 420, 80), 0.99),
                Span(
                    "本机关于2026-06-28对你单位的有关证据予以先行登记保存。现决定自",
                    (60, 120, 540, 132),
                    0.99,
                ),
                Span("2026-07-14起解除登记保存,相关物品予以返还。", (60, 136, 400, 148), body_conf),
                Span("行政2026-07-14", (400, 300, 520, 312), 0.62),  # glued to the seal's text
            ],
        )
        mentions = date_mentions(Document(d.JIECHU_BAOCUN, 1, 1), [PageText.of(page)])
        return [m.evidence.confidence for m in mentions if m.role is not None]

    assert min(release(0.99)) >= 0.8  # the body reads the same day clearly
    assert min(release(0.55)) < 0.8  # nothing clear to second it: still doubt


def test_a_signature_date_guessed_from_a_sentence_is_not_seconded_by_the_body() -> None:
    """The seal hides the signature date, so the last date of the body is taken in its place; the body
    printing that date twice says nothing of when the document was signed: it stays doubt."""
    page = Page(
        1,
        595,
        842,
        TextSource.OCR,
        [
            Span("解除证据登记保存决定书", (180, 60, 420, 80), 0.99),
            Span("本机关于2026-06-28对你单位的有关证据予以先行登记保存。现决定自", (60, 120, 540, 132), 0.99),
            Span("2026-07-14起解除登记保存。", (60, 136, 300, 148), 0.99),
            Span("请于2026-07-14当日到本机关领回相关物品，逾期不领的依法处理。", (60, 152, 540, 164), 0.99),
        ],
    )
    mentions = date_mentions(Document(d.JIECHU_BAOCUN, 1, 1), [PageText.of(page)])
    (signed,) = [m for m in mentions if m.role is not None]
    assert signed.date == dt.date(2026, 7, 14) and signed.evidence.confidence < 0.8


def test_one_officer_on_a_platform_form_is_a_fail_despite_its_serial_number() -> None:
    from procedure_kit import NO, Doc, build, ordinary, swap

    from casereview.domain.findings import Status
    from casereview.rules.base import REGISTRY

    single = Doc(
        d.XUNWEN,
        [
            "文书流水号:SB20253042003",  # the platform's number of the form: no officer's certificate
            "询问笔录",
            NO,
            "询问人/记录人 郝龙燕 (执法证号:HS2208621222)",
            "被询问人:郑建 性别:男",
            "问:我们是执法人员,这是我们的执法证件。",
            "答:听清楚了。",
        ],
    )
    for serial in ("文书流水号:SB20253042003", "文书编号:No.22020120251009XW15617"):
        single.lines[0] = serial  # the platform's number of the form: no officer's certificate
        finding = REGISTRY["P-01"].check(build(swap(ordinary(), d.XUNWEN, single)))
        assert finding.status == Status.FAIL and "1名" in finding.message, serial


def _ink_after(ctx: object, doc_type: str, prefix: str) -> None:
    """Unread ink just right of the row starting with ``prefix`` of the first ``doc_type``."""
    page = ctx.case.pages[ctx.documents_of(doc_type)[0].first_page - 1]  # type: ignore[attr-defined]
    row = next(s for s in page.spans if s.text.startswith(prefix))
    _, y0, x1, y1 = row.bbox
    page.unread_ink = [(x1 + 10, y0 + 1, x1 + 40, y1 - 1)]


def test_a_missing_conclusion_head_approval_or_certificate_beside_unread_ink_is_doubt() -> None:
    """P-06, P-13 and P-01 ask, like P-05, whether a value they miss is there unread."""
    from procedure_kit import NO, Doc, build, closing, ordinary, record, swap

    from casereview.domain.findings import Status
    from casereview.rules.base import REGISTRY

    blank_conclusion = Doc(
        d.JITI_TAOLUN,
        [
            "重大案件集体讨论记录",
            NO,
            "讨论时间:2025年3月19日15时00分至16时00分",
            "结论性意见:",
            "出席人员签名:李局 钱副",
        ],
    )
    cases = {
        "P-06": (
            swap(ordinary(20000, "贰万元整", major=True), d.JITI_TAOLUN, blank_conclusion),
            d.JITI_TAOLUN,
            "结论性意见",
        ),
        "P-13": (swap(ordinary(), d.JIEAN, closing(head="")), d.JIEAN, "负责人审批意见"),
        "P-01": (swap(ordinary(), d.XUNWEN, record(second_cert=None)), d.XUNWEN, "记录人"),
    }
    for rule_id, (docs, doc_type, prefix) in cases.items():
        ctx = build(docs)
        assert REGISTRY[rule_id].check(ctx).status == Status.FAIL, rule_id  # blank on the page
        ctx = build(docs)
        _ink_after(ctx, doc_type, prefix)
        assert REGISTRY[rule_id].check(ctx).status == Status.NEEDS_REVIEW, rule_id  # ink nothing read


def test_p01_reads_officers_under_a_label_cell_naming_name_and_number() -> None:
    from procedure_kit import NO, Doc, build, ordinary, swap

    from casereview.domain.findings import Status
    from casereview.rules.base import REGISTRY

    def p01(officers: str) -> Status:
        record = Doc(
            d.XUNWEN, ["询问笔录", NO, "执法人员(证号)", officers, "被询问人", "郑建", "问:是谁所有?"]
        )
        return REGISTRY["P-01"].check(build(swap(ordinary(), d.XUNWEN, record))).status

    assert p01("郝龙燕(证号HS2208621222);莫冬(证号HS2260649865)") == Status.PASS
    assert p01("郝龙燕(证号HS2208621222)") == Status.FAIL  # one officer, the block read
