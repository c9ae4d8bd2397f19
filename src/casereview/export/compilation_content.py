"""What the 典型案例汇编 says about each case: which cases, which pages, title, summary, merits or
defects — all before anonymisation (the writer passes every text through ``anonymise_text``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from casereview.domain import doctypes
from casereview.domain.model import Span
from casereview.export.model import ReviewedCase
from casereview.export.scoresheet_layout import category_name, standard_for
from casereview.extract.summary import fine
from casereview.scoring.model import ItemStatus
from casereview.standards.checks import fmt_points
from casereview.training.tags import TrainingTag

MAX_EXCERPT_PAGES = 4  # per case: a compilation shows the telling pages, not the file
WHOLE_CASE_PAGES = 2  # a whole-case tag on a file without a decision: its first pages
_DECISIONS = (doctypes.JUEDING, doctypes.DANGCHANG_JUEDING)
_FACT_MARKERS = ("违法事实", "经查", "查明", "经调查")
_LONE_STOPS = ("。", "o", "O", "0", ".")


@dataclass
class Entry:
    """One case under one tag kind (several tags of a kind on a case are merged)."""

    case: ReviewedCase
    tag: TrainingTag | None  # None: a case compiled as given, without a verdict (untagged)
    pages: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _decision_page(case: ReviewedCase) -> int | None:
    for kind in _DECISIONS:
        for document in case.analysis.documents:
            if document.type == kind:
                return document.first_page
    return None


def _whole_case_pages(case: ReviewedCase) -> list[int]:
    decision = _decision_page(case)
    count = case.analysis.case.page_count
    return [decision] if decision else list(range(1, min(WHOLE_CASE_PAGES, count) + 1))


def select_entries(cases: Sequence[ReviewedCase], untagged: bool = False) -> list[Entry]:
    """The tagged cases, 优秀 first then 典型差案, each kind in the order the cases were given;
    with ``untagged`` the cases without a tag follow, without a verdict (a trainer's own choice).

    A page-range tag shows its pages (the first MAX_EXCERPT_PAGES of them); a whole-case tag (and
    an untagged case) the decision's first page, or the file's first pages when there is no decision.
    """
    entries: dict[tuple[int, TrainingTag | None], Entry] = {}
    for index, case in enumerate(cases):
        if untagged and not case.tags:
            entries[index, None] = Entry(case, None, _whole_case_pages(case))
        for record in case.tags:
            entry = entries.setdefault((index, record.tag), Entry(case, record.tag))
            if record.note.strip() and record.note.strip() not in entry.notes:
                entry.notes.append(record.note.strip())
            if record.first_page is not None and record.last_page is not None:
                wanted = list(range(record.first_page, record.last_page + 1))
            else:
                wanted = _whole_case_pages(case)
            for page in wanted:
                if page not in entry.pages and len(entry.pages) < MAX_EXCERPT_PAGES:
                    entry.pages.append(page)
    order = {TrainingTag.GOOD: 0, TrainingTag.POOR: 1, None: 2}
    return [entries[key] for key in sorted(entries, key=lambda k: (order[k[1]], k[0]))]


def _cell_right_of(spans: Sequence[Span], label: Span) -> str:
    """The table cell right of ``label``: the nearest column of spans level with it, a wrapped
    value's lines joined (a cover's 案件名称 often takes two lines)."""
    _, y0, x1, y1 = label.bbox
    band = (y1 - y0) * 0.4  # a wrapped value straddles the label; the next row does not
    level = [s for s in spans if s.bbox[0] >= x1 - 1 and s.bbox[1] < y1 + band and s.bbox[3] > y0 - band]
    if not level:
        return ""
    column = min(s.bbox[0] for s in level)
    cell = sorted((s for s in level if s.bbox[0] - column < 5), key=lambda s: s.bbox[1])
    return "".join(s.text.strip() for s in cell)


def labelled_value(case: ReviewedCase, label: str) -> str:
    """The value printed after ``label``: on its line after a colon, or in the cell to its right."""
    for page in case.analysis.case.pages:
        for span in page.spans:
            text = span.text.strip()
            if text == label:
                value = _cell_right_of(page.spans, span)
                if value:
                    return value
            match = re.match(rf"{label}\s*[:：]\s*(\S.*)", text)
            if match:
                return match.group(1).strip()
    return ""


def cause(case: ReviewedCase) -> str:
    """The 案由 as printed (立案登记表, 调查报告, 送达回证 …), without a trailing 案."""
    return labelled_value(case, "案由").removesuffix("案")


def procedure(case: ReviewedCase) -> str:
    types = {d.type for d in case.analysis.documents}
    return "简易程序" if doctypes.DANGCHANG_JUEDING in types and doctypes.JUEDING not in types else "一般程序"


def case_title(case: ReviewedCase) -> str:
    """案件名称 from the cover, else party + 案由 + 案."""
    title = labelled_value(case, "案件名称")
    if title:
        return title
    reason = cause(case)
    return f"{case.party}{reason}案" if reason else f"{case.party or '某当事人'}交通运输行政处罚案"


def decision_facts(case: ReviewedCase) -> str:
    """The decision's first sentence of facts (for files without a 案由), at most 150 characters."""
    documents = [d for d in case.analysis.documents if d.type in _DECISIONS]
    if not documents:
        return ""
    pages = case.analysis.case.pages[documents[0].first_page - 1 : documents[0].last_page]
    # OCR reads a lone full stop as "o" or "0" on a line of its own
    text = "".join("。" if s.text.strip() in _LONE_STOPS else s.text for page in pages for s in page.spans)
    sentences = [s.strip() for s in re.split(r"[。；;]", text) if s.strip()]
    chosen = next((s for s in sentences if any(m in s for m in _FACT_MARKERS)), "")
    chosen = re.sub(r"^.*?(?:违法事实|经调查查明|经查明|经查)\s*[:：,，]?", "", chosen)
    return (chosen[:150] + "…" if len(chosen) > 150 else chosen) + ("。" if chosen else "")


def outcome(case: ReviewedCase) -> str:
    decided = fine(case.analysis.extraction, "decided")
    if decided is None:
        return "案卷中未查见罚款金额"
    amount = f"{decided[0]:,.2f}".rstrip("0").rstrip(".").replace(",", "")
    return f"罚款人民币{amount}元"


def summary_lines(case: ReviewedCase) -> list[str]:
    """基本情况: 案由 (or the facts), procedure, outcome, and the review's score and grade."""
    reason = cause(case)
    facts = f"案由为{reason}" if reason else f"违法事实：{decision_facts(case) or '见文书摘录'}"
    sheet = case.sheet
    pending = "（尚有项目待人工确认，等次为暂定）" if sheet.provisional else ""
    return [
        f"{facts.rstrip('。')}；适用{procedure(case)}；处理结果：{outcome(case)}。",
        f"评查得分{fmt_points(sheet.score)}分（满分{fmt_points(sheet.total)}分），等次为{sheet.grade}{pending}。",
    ]


def merits(case: ReviewedCase) -> list[str]:
    """优秀: the categories of the standard where every item kept its full points."""
    standard = standard_for(case.sheet, None)  # only for the categories' names
    categories: dict[str, list[tuple[float, bool]]] = {}
    for item in case.sheet.items:
        if item.status is ItemStatus.NOT_APPLICABLE:
            continue
        full = item.deduction == 0 and item.status is ItemStatus.PASS
        categories.setdefault(category_name(standard, item.category), []).append((item.points, full))
    lines = [
        f"{name}：各项均得满分（{fmt_points(sum(p for p, _ in marks))}分）。"
        for name, marks in categories.items()
        if marks and all(full for _, full in marks)
    ]
    return lines or ["各评查类别均有扣分，见点评。"]


def defects(case: ReviewedCase) -> list[str]:
    """典型差案: the deducted items with their reasons, largest first, then vetoes and caps."""
    items = sorted((i for i in case.sheet.items if i.deduction > 0), key=lambda i: -i.deduction)
    lines = [f"{i.title}（扣{fmt_points(i.deduction)}分）：{i.reason.strip()}" for i in items]
    lines += [f"触发否决项：{t.title}。" for t in case.sheet.vetoes if t.triggered]
    lines += [f"触发等次上限：{t.title}。" for t in case.sheet.caps if t.triggered]
    return lines or ["评查未扣分，问题见点评。"]
