"""Helpers shared by the procedure and consistency rules: a document's text, the case's procedure,
party kind, fines and the triggers that make a case "major" (hearing, 法制审核, 集体讨论).

Keyword searches run on the document's text with all whitespace removed, so OCR spacing inside a
word (陈 述) or a line break inside a phrase never hides it; hits map back to positioned evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from casereview.domain import doctypes as d
from casereview.domain.model import Document, Evidence, Page, Party, PenaltyAmount, Span, TextSource
from casereview.extract.numerals import compact
from casereview.extract.pagetext import PageText
from casereview.rules.base import RuleContext

RECORDS = (d.XUNWEN, d.XIANCHANG, d.KANYAN, d.JIANCHA_JILU)
DECISIONS = (d.JUEDING, d.DANGCHANG_JUEDING)
# Penalties that trigger a hearing, 法制审核 and 集体讨论 whatever the amount (行政处罚法 第63条).
# The last row when it is only a page number: 14 · — 1 — · - 2 - · 第1页 共2页 · 共2页第1页 · 1/2.
_PAGE_NUMBER = re.compile(
    r"\n\s*(?:[-—–－]\s*)?[0-9]{1,4}(?:\s*[-—–－])?\s*$"
    r"|\n\s*(?:第\s*[0-9]{1,4}\s*页[\s,，/]*(?:共\s*[0-9]{1,4}\s*页)?|共\s*[0-9]{1,4}\s*页[\s,，]*第\s*[0-9]{1,4}\s*页"
    r"|[0-9]{1,4}\s*/\s*[0-9]{1,4})\s*$"
)
# An unticked box and the option it offers, up to the next box or the end of the sentence.
_UNTICKED = re.compile(r"[□☐][^☑■√☒✓□☐。；;]*")
SEVERE_RE = re.compile(r"吊销|暂扣[^。]{0,12}证|降低资质|责令停产停业|责令停业|责令关闭|限制从业")

INK_REACH = 160.0  # points right of a label where its value (the next cell or two) stands


@dataclass(frozen=True)
class Hit:
    start: int  # offsets into DocText.text
    end: int
    text: str


class DocText:
    """The text of one document (pages joined by newlines), searchable without whitespace."""

    def __init__(self, ctx: RuleContext, document: Document) -> None:
        self.document = document
        self.pages = [
            PageText.of(ctx.case.pages[n - 1]) for n in document.pages() if n <= len(ctx.case.pages)
        ]
        self.offsets: list[int] = []
        parts: list[str] = []
        offset = 0
        for page in self.pages:
            # Drop the archive page number printed under the last line: it would split a sentence
            # that runs on to the next page (提起行政诉 | 14 | 讼).
            body = _PAGE_NUMBER.sub("", page.text)
            self.offsets.append(offset)
            parts.append(body)
            offset += len(body) + 1
        self.text = "\n".join(parts)
        self.flat, self._index = compact(self.text)

    def _hit(self, match: re.Match[str], group: int | str = 0) -> Hit:
        a, b = match.span(group)
        if a == b:
            return Hit(a, b, "")
        start, end = self._index[a], self._index[b - 1] + 1
        return Hit(start, end, self.text[start:end])

    def span(self, a: int, b: int) -> Hit:
        """The hit for ``flat[a:b]`` (offsets from the extract/ parsers that read ``flat``)."""
        if a >= b:
            return Hit(self._index[a] if a < len(self._index) else len(self.text), 0, "")
        start, end = self._index[a], self._index[b - 1] + 1
        return Hit(start, end, self.text[start:end])

    def search(self, pattern: str | re.Pattern[str], group: int | str = 0) -> Hit | None:
        match = re.search(pattern, self.flat)
        return self._hit(match, group) if match else None

    def search_ticked(self, pattern: str | re.Pattern[str]) -> Hit | None:
        """``search``, skipping what a form offers behind an unticked box (□听证权：…): an option
        left unticked is not what the document says."""
        unticked = [m.span() for m in _UNTICKED.finditer(self.flat)]
        for match in re.finditer(pattern, self.flat):
            if not any(a <= match.start() < b for a, b in unticked):
                return self._hit(match)
        return None

    def find_all(self, pattern: str | re.Pattern[str], group: int | str = 0) -> list[Hit]:
        return [self._hit(m, group) for m in re.finditer(pattern, self.flat)]

    def before(self, hit: Hit, n: int) -> str:
        """The ``n`` non-space characters before ``hit``."""
        return "".join(self.text[max(0, hit.start - 4 * n) : hit.start].split())[-n:]

    def _page_index(self, offset: int) -> int:
        """Which of the document's pages ``text[offset]`` is on."""
        return max(i for i, o in enumerate(self.offsets) if o <= offset) if self.offsets else 0

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for ``text[start:end]``, clipped to the page where it starts."""
        index = self._page_index(start)
        if not self.pages:
            return Evidence(self.document.first_page, (0.0, 0.0, 0.0, 0.0), "", 0.0)
        page = self.pages[index]
        base = self.offsets[index]
        return page.evidence(start - base, min(end - base, len(page.text)))

    def hit_evidence(self, hit: Hit) -> Evidence:
        return self.evidence(hit.start, hit.end)

    def line_evidence(self, hit: Hit) -> Evidence:
        """The whole text row holding ``hit``."""
        start = self.text.rfind("\n", 0, hit.start) + 1
        end = self.text.find("\n", hit.start)
        return self.evidence(start, len(self.text) if end < 0 else end)

    def ink_beside(self, hit: Hit, reach: float = INK_REACH) -> Evidence | None:
        """Unread ink (``Page.unread_ink``: a scan's text the OCR engine read nothing from) on the
        row of ``hit`` just right of it, or right under it: where a form's value for that label would
        be. A value missing there may only be unread."""
        if not self.pages:
            return None
        page = self.pages[self._page_index(hit.start)].page
        label = self.hit_evidence(hit).bbox
        height = max(label[3] - label[1], 1.0)
        for box in page.unread_ink:
            middle = (box[1] + box[3]) / 2
            right = label[1] - height * 0.5 <= middle <= label[3] + height * 0.5 and (
                label[2] - 2 <= box[0] <= label[2] + reach
            )
            under = (
                label[3] - 1 <= box[1] <= label[3] + height * 1.5 and box[0] < label[2] and box[2] > label[0]
            )
            if right or under:
                return Evidence(page.number, box, "（未能识别的字迹）", 0.0)
        return None

    def ink_beside_label(self, label: str | re.Pattern[str]) -> Evidence | None:
        """Unread ink beside any ``label`` of the document (``ink_beside``): the value a rule looks
        for may be there, unread."""
        for hit in self.find_all(label):
            ink = self.ink_beside(hit)
            if ink is not None:
                return ink
        return None

    def title(self) -> Evidence:
        if self.document.title_evidence is not None:
            return self.document.title_evidence
        return self.evidence(0, min(len(self.text), 12))


UNREADABLE_LINE_CHARS = 4  # a low-confidence line this long could hold a whole missing element


def readable(ctx: RuleContext, document: Document) -> bool:
    """False when a page of ``document`` has no text, low-confidence OCR overall, or one OCR line
    of some length read below the floor ("器0零0:00" for a facts line): a missing element there may
    just be unreadable, so the rule must ask a person instead of failing."""
    floor = ctx.param_float("min_ocr_confidence")
    for n in document.pages():
        page = ctx.case.pages[n - 1]
        if page.source == TextSource.NONE or not page.spans:
            return False
        if not _page_readable(page, floor):
            return False
    return True


TITLE_SPANS = 4  # the first lines of a page, where a document's title would be


def _unread_line(span: Span, floor: float) -> bool:
    return span.confidence < floor and len(span.text) >= UNREADABLE_LINE_CHARS


def _low_ocr(page: Page, floor: float) -> bool:
    return page.source == TextSource.OCR and (page.ocr_confidence or 0.0) < floor


def _may_hide_title(page: Page, floor: float, opens_document: bool) -> bool:
    low = [s.confidence < floor for s in page.spans]
    if sum(low) * 2 > len(low) or _low_ocr(page, floor):
        return True
    return not opens_document and any(_unread_line(s, floor) for s in page.spans[:TITLE_SPANS])


def _page_readable(page: Page, floor: float) -> bool:
    return not _low_ocr(page, floor) and not any(_unread_line(s, floor) for s in page.spans)


def unrecognised_pages(ctx: RuleContext) -> list[int]:
    """Pages no document type was recognised on: a "missing" document may be hiding there."""
    floor = ctx.param_float("min_ocr_confidence")
    pages = [n for doc in ctx.documents if doc.type == d.UNKNOWN for n in doc.pages()]
    pages += [p.number for p in ctx.case.pages if p.source == TextSource.NONE]
    # A page read too poorly to trust may hold the "missing" document's title: one mostly unread,
    # or one that opens no recognised document while its first lines are unread.
    openers = {doc.first_page for doc in ctx.documents if doc.type not in (d.UNKNOWN, d.FUJIAN)}
    pages += [p.number for p in ctx.case.pages if p.spans and _may_hide_title(p, floor, p.number in openers)]
    return sorted(set(pages))


def first_doc(ctx: RuleContext, *types: str) -> Document | None:
    found = ctx.documents_of(*types)
    return found[0] if found else None


def is_summary(ctx: RuleContext) -> bool:
    """简易程序: an on-the-spot decision and no ordinary-procedure decision or 立案."""
    return bool(ctx.documents_of(d.DANGCHANG_JUEDING)) and not ctx.documents_of(d.JUEDING, d.LIAN, d.TONGZHI)


def decision_doc(ctx: RuleContext) -> Document | None:
    return first_doc(ctx, d.DANGCHANG_JUEDING) if is_summary(ctx) else first_doc(ctx, d.JUEDING)


def party_kind(ctx: RuleContext) -> str | None:
    """ "individual" or "organisation": the kind most documents agree on, the decision's on a tie."""
    kinds = [p.value.kind for p in ctx.extraction.parties if isinstance(p.value, Party)]
    if not kinds:
        return None
    counts = Counter(kinds).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        return str(kinds[0])  # parties are listed decision first
    return str(counts[0][0])


def amounts(ctx: RuleContext, kind: str, doc_types: tuple[str, ...] = ()) -> list[PenaltyAmount]:
    return [
        a for a in ctx.extraction.amounts if a.kind == kind and (not doc_types or a.document in doc_types)
    ]


def fine(ctx: RuleContext, kind: str) -> PenaltyAmount | None:
    """The first decided ("decided") or proposed ("proposed") fine."""
    found = amounts(ctx, kind)
    return found[0] if found else None


def threshold(ctx: RuleContext, prefix: str, kind: str | None) -> int:
    """The fine parameter ``<prefix>_individual`` / ``<prefix>_organisation`` for the party."""
    return ctx.param_int(f"{prefix}_{'organisation' if kind == 'organisation' else 'individual'}")


def severe_penalty(ctx: RuleContext, *types: str) -> Hit | None:
    for document in ctx.documents_of(*types):
        hit = DocText(ctx, document).search(SEVERE_RE)
        if hit is not None:
            return hit
    return None


def hearing_held(ctx: RuleContext) -> bool:
    return bool(ctx.documents_of(d.TINGZHENG_BILU, d.TINGZHENG_BAOGAO))


@dataclass(frozen=True)
class Trigger:
    """Why a case counts as major (or not), with the amount it relied on."""

    triggered: bool
    reason: str  # Chinese, for the message
    amount: PenaltyAmount | None
    uncertain: bool = False  # the deciding amount was read with low confidence


def major_trigger(ctx: RuleContext, prefix: str, prefer: str, hearing_counts: bool) -> Trigger:
    """Is the case major under ``<prefix>_individual/organisation``? ``prefer`` is the amount kind
    read first ("proposed" for the notice's hearing right, "decided" for 法制审核/集体讨论)."""
    other = "decided" if prefer == "proposed" else "proposed"
    amount = fine(ctx, prefer) or fine(ctx, other)
    kind = party_kind(ctx)
    limit = threshold(ctx, prefix, kind)
    who = "单位" if kind == "organisation" else "个人"
    if hearing_counts and hearing_held(ctx):
        return Trigger(True, "本案经过听证程序", amount)
    severe = severe_penalty(ctx, d.TONGZHI, d.JUEDING)
    if severe is not None:
        return Trigger(True, f"处罚涉及“{severe.text}”", amount)
    if amount is not None and amount.amount >= limit:
        return Trigger(
            True,
            f"罚款{amount.amount:g}元，达到{who}较大数额{limit}元",
            amount,
            ctx.uncertain(amount.evidence),
        )
    if amount is not None:
        return Trigger(
            False,
            f"罚款{amount.amount:g}元，低于{who}较大数额{limit}元",
            amount,
            ctx.uncertain(amount.evidence),
        )
    return Trigger(False, "未见罚款金额或吊销、责令停产停业等处罚", None, True)


def role_date(ctx: RuleContext, role: str, doc_type: str) -> tuple[dt.date, Evidence] | None:
    for mention in ctx.extraction.dates:
        if mention.role == role and mention.document == doc_type:
            return mention.date, mention.evidence
    return None


def seal_on(ctx: RuleContext, pages: range | list[int]) -> Evidence | None:
    """Evidence of a red seal on one of ``pages``."""
    wanted = set(pages)
    for seal in ctx.extraction.seals:
        if seal.page in wanted:
            return Evidence(seal.page, seal.bbox, "印章", 1.0)
    return None


GREY_SEAL_PAGES = 2  # pages with a grey ring that make a black-and-white scan's missing seal a finding


def seals_visible(ctx: RuleContext, pages: range | list[int]) -> bool:
    """False when a missing seal on ``pages`` proves nothing: the pages carry no image (DOCX read as
    text only), or no seal shows anywhere in the file, red or as grey rings on a few pages — a
    black-and-white scan or print may lose every seal, and a real file seals its notices,
    decisions and 送达回证."""
    if any(ctx.case.pages[n - 1].source == TextSource.DOCX_TEXT for n in pages):
        return False
    if any(seal.red_ratio > 0 for seal in ctx.extraction.seals):
        return True
    # A grey ring (red_ratio 0, found by shape) shows that a seal is there. Rings on several pages
    # show that this scan keeps its seals and that they are found; one page could be chance.
    return len({seal.page for seal in ctx.extraction.seals}) >= GREY_SEAL_PAGES


SEALS_UNSEEN_WHY = "页面无图像，或全卷未见红色印章或可识别的印章，可能为黑白扫描件"
SEALS_UNSEEN = f"无法识别印章（{SEALS_UNSEEN_WHY}）"


def yuan(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") + "元"
