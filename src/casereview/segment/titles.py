"""Recognising a page's document title (legal-reference §3.1/§3.3) and other page cues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casereview.domain import doctypes
from casereview.domain.model import Evidence, Page
from casereview.extract.hanzi import simplified_always
from casereview.extract.pagetext import PageText
from casereview.segment.content import content_type

TITLE_REGION = 0.38  # titles sit in the top part of a form page
MAX_TITLE_ROWS = 8
MAX_AGENCY_PREFIX = 22  # "某某市交通运输综合行政执法支队" printed before the title on the same row

# Every variant once, longest first, so 当场行政处罚决定书 wins over 行政处罚决定书.
_VARIANTS: list[tuple[str, str]] = sorted(
    (
        (variant.replace("（", "(").replace("）", ")"), doc_type)
        for doc_type, vs in doctypes.TITLE_VARIANTS
        for variant in vs
    ),
    key=lambda pair: -len(pair[0]),
)
_AGENCY_END = re.compile(r"(局|厅|委员会|委|支队|大队|中队|总队|中心|所|处|站|办公室|政府|省|市|县|区|旗)$")
_FORM_NO = re.compile(r"文书式样之([一二三四五六七八九十]+)")
_CONTINUATION = re.compile(r"第\s*(\d+)\s*页\s*[,，/、]?\s*共\s*(\d+)\s*页")
_ATTACHMENT_WORDS = re.compile(
    r"复印件|照片|截图|称重|检测报告|检测单|身份证|驾驶证|行驶证|道路运输证|营业执照|从业资格证|证据材料|附件|视频|鉴定意见|经核对与原件一致"
)
# 式样之N → type (legal-reference §3.1), a fallback when the title itself is unreadable.
_FORMS: dict[int, str] = {
    1: doctypes.LIAN,
    2: doctypes.XUNWEN,
    3: doctypes.KANYAN,
    4: doctypes.XIANCHANG,
    6: doctypes.ZHENGJU_BAOCUN,
    7: doctypes.JIECHU_BAOCUN,
    8: doctypes.QIANGZHI,
    9: doctypes.YANCHANG_QIANGZHI,
    10: doctypes.JIECHU_QIANGZHI,
    11: doctypes.TONGZHI,
    12: doctypes.TINGZHENG_TONGZHI,
    13: doctypes.TINGZHENG_BILU,
    14: doctypes.DANGCHANG_JUEDING,
    15: doctypes.JUEDING,
    16: doctypes.ZELING_GAIZHENG,
    19: doctypes.CUIGAO,
    23: doctypes.SONGDA,
    24: doctypes.JIEAN,
}
# What OCR leaves around a title or a name (".送达回证", ".钟龙"); not part of either.
SPECKS = ".,。，、·'\"-_:;|~`*"
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class PageCues:
    title: str | None  # document type whose title heads the page
    title_evidence: Evidence | None
    continuation_of: int | None  # "第2页 共3页" → 2 (the page's position in its document)
    attachment: bool  # looks like an evidence attachment (copy of a licence, photo, slip …)
    blank: bool


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


# Qualifiers provincial systems print before a form's name (重大行政执法决定 / 重大执法决定法制审核意见书).
_QUALIFIER = re.compile(r"(?:交通运输)?(?:重大)?(?:行政)?(?:执法|处罚)?(?:决定|案件)?")
_WAIVER = re.compile(r"放弃[^,，。:]{0,14}声明书?")


def match_title(row: str) -> str | None:
    """The document type whose title ``row`` is (exactly, or with an agency name, a qualifier or a
    short tag)."""
    if _WAIVER.fullmatch(row):
        return doctypes.FANGQI
    for variant, doc_type in _VARIANTS:
        if row == variant:
            return doc_type
        if row.endswith(variant):
            prefix = row[: -len(variant)]
            if len(prefix) <= MAX_AGENCY_PREFIX and _AGENCY_END.search(prefix) and ":" not in prefix:
                return doc_type
            if len(variant) >= 4 and _QUALIFIER.fullmatch(prefix):
                return doc_type
        if row.startswith(variant):
            rest = row[len(variant) :]
            if re.fullmatch(r"\([^)]{1,8}\)|\d{0,2}", rest):  # "(存根)", "(第一联)"
                return doc_type
    tagged = _TAG.search(row)
    if tagged and tagged.start() >= 4:  # both a prefix and a tag: 湖南省非税收入一般缴款书(电子)
        return match_title(row[: tagged.start()])
    return None


_TAG = re.compile(r"\([^)]{1,8}\)$")


def fuzzy_title(row: str) -> str | None:
    """A title with one character misread (OCR under a seal: 行政处罚决走书), for titles of 6+ characters."""
    for variant, doc_type in _VARIANTS:
        if len(variant) < 6 or len(row) != len(variant) or row[-1] != variant[-1]:
            continue
        if sum(a != b for a, b in zip(row, variant, strict=True)) == 1:
            return doc_type
    return None


def _form_number(text: str) -> int | None:
    match = _FORM_NO.search(text)
    if not match:
        return None
    numeral = match.group(1)
    if numeral.startswith("十"):
        return 10 + _CN_DIGITS.get(numeral[1:], 0)
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(numeral)


CONTENTS_KINDS = 4  # kinds of document named by the rows of a contents page


def _lists_documents(text: PageText, own: str | None) -> bool:
    """Rows naming documents of several kinds besides the page's own title ``own``: a title alone in
    its cell (read cell by cell) or with only 序号/日期/页号 beside it (read by rows). An evidence list
    names a few kinds of 笔录; a page that tells its story in sentences names few documents at all."""
    kinds: set[str] = set()
    for row in text.text.split("\n"):
        flat = simplified_always(compact(row))
        variant = _title_in(flat)
        if variant is None or not (flat == variant or _only_numbers(flat.replace(variant, "", 1))):
            continue
        kind = match_title(variant)
        if kind is not None and kind != own:
            kinds.add(kind)
    return len(kinds) >= CONTENTS_KINDS


def _only_numbers(rest: str) -> bool:
    """What a contents row prints beside a title: 序号, 日期, 页号 (and no other words)."""
    return re.fullmatch(r"[0-9.\-—~～/年月日第页号至]+", rest) is not None


def _title_in(row: str) -> str | None:
    return next((variant for variant, _ in _VARIANTS if variant in row), None)


def _inside_a_table_row(page: Page, box: tuple[float, float, float, float]) -> bool:
    """Text printed on the same row both left and right of ``box``: a cell among cells."""
    x0, y0, x1, y1 = box
    left = right = False
    for span in page.spans:
        centre = (span.bbox[1] + span.bbox[3]) / 2
        if not y0 <= centre <= y1:
            continue
        left = left or span.bbox[2] < x0 - 1
        right = right or span.bbox[0] > x1 + 1
    return left and right


def page_cues(page: Page, text: PageText | None = None, previous: str | None = None) -> PageCues:
    text = text or PageText.of(page)
    if not page.spans:
        return PageCues(None, None, None, False, True)
    limit = page.height * TITLE_REGION
    offset = 0
    title: str | None = None
    evidence: Evidence | None = None
    previous_row: tuple[str, int] | None = None
    for row_index, row in enumerate(text.text.split("\n")):
        start, end = offset, offset + len(row)
        offset = end + 1
        ev = text.evidence(start, end)
        if ev.bbox[1] > limit or row_index >= MAX_TITLE_ROWS:
            break
        # OCR leaves specks around a title now and then (".送达回证").
        flat = simplified_always(compact(row).strip(SPECKS))
        found = match_title(flat) or fuzzy_title(flat)
        if found is None and previous_row is not None:
            # A title broken over two rows: 交通运输行政处罚 / 决定书.
            joined = match_title(previous_row[0] + flat)
            if joined is not None:
                found, ev = joined, text.evidence(previous_row[1], end)
        if found and _inside_a_table_row(page, ev.bbox):
            found = None  # a 题名 cell of a 卷内目录 row, not the page's own title
        if found:
            title, evidence = found, ev
            break
        previous_row = (flat, start)
    if title == doctypes.MULU and previous == doctypes.MULU:
        # A 卷内目录 running on to a page that repeats its heading: one contents, not two.
        return PageCues(None, None, None, False, False)
    if title != doctypes.MULU and _lists_documents(text, title):
        # A 卷内目录 page (its first, or one running on): its rows name documents, it is none of them.
        return PageCues(None if previous == doctypes.MULU else doctypes.MULU, None, None, False, False)
    head = text.text[: max(offset, 200)]
    if title is None:
        number = _form_number(head)
        # A form's second page repeats its 式样 header without the title: it goes on, not anew.
        if number in _FORMS and _FORMS[number] != previous:
            title = _FORMS[number]
    if title is None:
        title = content_type(compact(text.text), previous)
    cont = _CONTINUATION.search(text.text)
    continuation = int(cont.group(1)) if cont and 1 < int(cont.group(1)) <= int(cont.group(2)) else None
    attachment = title is None and bool(_ATTACHMENT_WORDS.search(head))
    return PageCues(title, evidence, continuation, attachment, False)


def served_type(text: str) -> str | None:
    """The document a 送达回证 serves: the first title named after 送达文书 (or anywhere)."""
    flat = compact(text)
    anchor = flat.find("送达文书")
    for scope in ((flat[anchor:],) if anchor >= 0 else ()) + (flat,):
        best: tuple[int, str] | None = None
        for variant, doc_type in _VARIANTS:
            if doc_type == doctypes.SONGDA:
                continue
            position = scope.find(variant)
            if position >= 0 and (best is None or position < best[0]):
                best = (position, doc_type)
        if best is not None:
            return best[1]
    return None
