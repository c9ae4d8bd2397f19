"""整改通知书: one 公文 (GB/T 9704) per enforcement unit listing what the review found in its case files.

Each case lists the items that lost points (by the machine, or by a reviewer's override or own
finding), grouped 立卷 / 实体 / 程序 as the standard's ``group`` says, with the reason, the pages, the
legal basis and the standard's 整改要求. Items that passed or only wait for a reviewer are left out:
a notice states findings, not doubts. A unit whose cases lost no points still gets a notice that
says no problems were found and asks for no report, so every reviewed unit hears back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from casereview.domain.findings import Status
from casereview.errors import CaseReviewError, ErrorCode, StandardUnavailable
from casereview.export.model import ReviewedCase
from casereview.legal.model import pages_text
from casereview.office.atomic import failure_reason
from casereview.office.gongwen import (
    HEADING_FONT,
    KAI_FONT,
    TITLE_FONT,
    TITLE_SIZE,
    add_paragraph,
    add_run,
    chinese_date,
    chinese_number,
    doc_number,
    docx_to_pdf,
    issuer_mark,
    new_document,
    save_docx,
    signature,
)
from casereview.scoring.model import DecisionKind, ItemResult
from casereview.standards.checks import fmt_points
from casereview.standards.registry import installed_standards
from casereview.standards.schema import Standard

UNKNOWN_UNIT = "未识别执法单位"
GROUPS = ("立卷", "实体", "程序")
OTHER_GROUP = "其他"  # an item the standard no longer has: still listed, never dropped
NUMBER_PLACEHOLDER = "〔    〕号"
NO_PROBLEMS = "经评查，所评查的案卷均未发现需要整改的问题。"
CLEAN_CASE = "未发现需要整改的问题。"
TITLE_TEMPLATE = "关于{year}年度行政执法案卷评查发现问题的整改通知书"
_YEAR = re.compile(r"[〔【\[（(]\s*((?:19|20)\d\d)\s*[〕】\]）)]")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass
class NoticeSettings:
    issuer: str = "XX省交通运输厅"  # 发文机关
    doc_number: str = ""  # 文号, e.g. "X交执法〔2026〕12号"; empty → a placeholder to fill in by hand
    deadline_days: int = 30  # 整改期限, calendar days from the date of issue
    issued: dt.date | None = None  # 成文日期; None → today
    contact: str = ""  # 联系人及电话, printed as the 附注
    year: int | None = None  # 评查年度; None → the year most case numbers carry, else the year of issue
    # A review session's notice: the deadlines the rectification ledger recorded (working days
    # from the date of issue, rectify/ledger.py), printed instead of deadline_days.
    deadline_date: dt.date | None = None
    objection_deadline: dt.date | None = None

    def issue_date(self) -> dt.date:
        return self.issued or dt.date.today()

    def deadline(self) -> dt.date:
        if self.deadline_date is not None:
            return self.deadline_date
        return self.issue_date() + dt.timedelta(days=self.deadline_days)


@dataclass(frozen=True)
class NoticeProblem:
    """One deducted item of one case, as the notice prints it."""

    item_id: str
    title: str
    group: str  # 立卷 / 实体 / 程序 (OTHER_GROUP when the standard lacks the item)
    reason: str
    pages: tuple[int, ...]
    legal_basis: tuple[str, ...]
    rectification: str


def notices_by_unit(cases: Sequence[ReviewedCase]) -> dict[str, list[ReviewedCase]]:
    """The cases by enforcement unit in first-seen order; cases of no known unit under UNKNOWN_UNIT."""
    units: dict[str, list[ReviewedCase]] = {}
    for case in cases:
        units.setdefault(case.unit.strip() or UNKNOWN_UNIT, []).append(case)
    return units


def _listed(item: ItemResult) -> bool:
    if item.deduction > 0:
        return True
    # A reviewer's override or own finding with points off is a problem whatever the sheet's
    # deduction says (a sheet rebuilt elsewhere may not carry it).
    decision = item.decision
    return (
        decision is not None
        and decision.kind in (DecisionKind.OVERRIDE, DecisionKind.MANUAL)
        and (decision.deduction or 0) > 0
    )


def _pages(item: ItemResult) -> tuple[int, ...]:
    """Pages of the failing findings and of the reviewer's mark; else where the item was read."""
    pages = {e.page for f in item.findings if f.status is Status.FAIL for e in f.evidence}
    if item.decision is not None and item.decision.region is not None:
        pages.add(item.decision.region.page)
    if not pages:  # an override without failing findings
        pages = {e.page for f in item.findings for e in f.evidence}
    return tuple(sorted(pages))


def case_problems(case: ReviewedCase, standard: Standard | None) -> list[NoticeProblem]:
    """The case's deducted items in standard order, with the standard's group, basis and 整改要求."""
    problems = []
    for item in case.sheet.items:
        if not _listed(item):
            continue
        spec = next((i for i in standard.items if i.id == item.item_id), None) if standard else None
        problems.append(
            NoticeProblem(
                item_id=item.item_id,
                title=item.title,
                group=spec.group if spec else OTHER_GROUP,
                reason=item.reason,
                pages=_pages(item),
                legal_basis=tuple(spec.legal_basis) if spec else (),
                rectification=spec.rectification if spec else "",
            )
        )
    return problems


def _review_year(cases: Sequence[ReviewedCase], settings: NoticeSettings) -> int:
    if settings.year is not None:
        return settings.year
    years = Counter(int(m.group(1)) for c in cases if (m := _YEAR.search(c.case_number)))
    return years.most_common(1)[0][0] if years else settings.issue_date().year


def _standards(cases: Iterable[ReviewedCase], given: Standard | None) -> dict[str, Standard]:
    """The standard of each sheet by id: ``given`` first, the installed standards for the rest."""
    found = {given.id: given} if given else {}
    if any(c.sheet.standard_id not in found for c in cases):
        installed = installed_standards()
        found = {**installed, **found}
    return found


# ---------------------------------------------------------------- the text


def _sentence(text: str) -> str:
    return text.strip().rstrip("。；;.，,") + "。"


def _problem_lines(n: int, problem: NoticeProblem) -> list[str]:
    head = f"（{n}）评查项目{problem.item_id}（{problem.title}）："
    reason = problem.reason.strip().rstrip("。；;.") or "经评查人员认定扣分"
    lines = [f"{head}{reason}{pages_text(problem.pages)}。"]
    if problem.legal_basis:
        lines.append(_sentence("依据：" + "；".join(problem.legal_basis)))
    if problem.rectification:
        lines.append(_sentence("整改要求：" + problem.rectification))
    return lines


def _case_heading(n: int, case: ReviewedCase) -> str:
    number = f"{case.case_number}案" if case.case_number else f"{Path(case.source).name}（案号未识别）"
    who = f"（当事人：{case.party}）" if case.party else ""
    return f"（{chinese_number(n)}）{number}{who}"


def _verdict(case: ReviewedCase) -> str:
    sheet = case.sheet
    text = f"该案卷得分{fmt_points(sheet.score)}分，评查等次为{sheet.grade}"
    vetoes = [t.title for t in sheet.vetoes if t.triggered]
    caps = [t.title for t in sheet.caps if t.triggered]
    if vetoes:
        text += f"（触发否决情形：{'；'.join(vetoes)}）"
    elif caps:
        text += f"（触发限制等次情形：{'；'.join(caps)}）"
    return text + "。"


def _basis_line(standards: Mapping[str, Standard], cases: Sequence[ReviewedCase]) -> str:
    """Which standard and profile scored the cases (legal-reference: the notice states the profile)."""
    names = []
    for case in cases:
        standard = standards.get(case.sheet.standard_id)
        if standard is None:
            names.append(f"评查标准 {case.sheet.standard_id}")
            continue
        try:
            profile = standard.profile(case.sheet.profile or None).title
        except StandardUnavailable:  # a profile since removed from the standard: name it as stored
            profile = case.sheet.profile
        names.append(f"《{standard.name}》（{standard.version}版）“{profile}”评查方案")
    return "、".join(dict.fromkeys(names))


def _summary(
    cases: Sequence[ReviewedCase], problems: Sequence[Sequence[NoticeProblem]], order: list[str]
) -> str:
    average = round(sum(c.sheet.score for c in cases) / len(cases), 1)
    grades = Counter(c.sheet.grade for c in cases)
    ranked = sorted(grades, key=lambda g: order.index(g) if g in order else len(order))
    text = f"本次共评查你单位行政执法案卷{len(cases)}件，"
    if len(cases) == 1:
        text += f"得分{fmt_points(average)}分，评查等次为{ranked[0]}。"
    else:
        text += f"平均得分{fmt_points(average)}分，其中"
        text += "、".join(f"评为{g}的{grades[g]}件" for g in ranked) + "。"
    flawed = sum(1 for p in problems if p)
    if flawed:
        counts = Counter(p.group for ps in problems for p in ps)
        groups = "、".join(f"{g}问题{counts[g]}个" for g in (*GROUPS, OTHER_GROUP) if counts[g])
        total = sum(counts.values())
        text += f"{flawed}件案卷存在扣分问题，共{total}个（{groups}）。"
    provisional = sum(1 for c in cases if c.sheet.provisional)
    if provisional:
        text += f"{provisional}件案卷尚有待人工评查的项目，得分和等次为初评结果。"
    return text


# ---------------------------------------------------------------- the document


def _heading(document: Any, text: str, *, font: str = HEADING_FONT, bold: bool = False) -> None:
    """A heading never ends a page: it stays with the paragraph below it."""
    add_paragraph(document, text, font=font, bold=bold).paragraph_format.keep_with_next = True


def _title(document: Any, year: int) -> None:
    """The title on two balanced lines, broken where the phrase allows (评查 | 发现问题)."""
    text = TITLE_TEMPLATE.format(year=year)
    head, tail = text.split("发现问题", 1)
    paragraph = add_paragraph(document, "", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    paragraph.paragraph_format.line_spacing = Pt(TITLE_SIZE.pt * 1.6)
    add_run(paragraph, head, TITLE_FONT, TITLE_SIZE).add_break()
    add_run(paragraph, "发现问题" + tail, TITLE_FONT, TITLE_SIZE)


def _case_section(document: Any, n: int, case: ReviewedCase, problems: Sequence[NoticeProblem]) -> None:
    _heading(document, _case_heading(n, case), font=KAI_FONT)
    add_paragraph(document, _verdict(case))
    if not problems:
        add_paragraph(document, CLEAN_CASE)
        return
    present = [g for g in (*GROUPS, OTHER_GROUP) if any(p.group == g for p in problems)]
    for g_number, group in enumerate(present, 1):
        _heading(document, f"{g_number}．{group}问题", bold=True)
        for p_number, problem in enumerate((p for p in problems if p.group == group), 1):
            for line in _problem_lines(p_number, problem):
                add_paragraph(document, line)


def build_notice(
    unit: str, cases: Sequence[ReviewedCase], settings: NoticeSettings, standards: Mapping[str, Standard]
) -> Any:
    """The notice as a python-docx Document (not yet saved)."""
    if not cases:
        raise ValueError("a notice needs at least one reviewed case")
    problems = [case_problems(c, standards.get(c.sheet.standard_id)) for c in cases]
    year = _review_year(cases, settings)
    document = new_document()
    props = document.core_properties
    props.title, props.author, props.language = TITLE_TEMPLATE.format(year=year), settings.issuer, "zh-CN"

    issuer_mark(document, settings.issuer)
    add_paragraph(document, "")
    doc_number(document, settings.doc_number.strip() or NUMBER_PLACEHOLDER)
    add_paragraph(document, "")
    _title(document, year)
    add_paragraph(document, "")
    add_paragraph(document, f"{unit}：", indent=False)

    issuer = settings.issuer
    add_paragraph(
        document,
        f"根据行政执法案卷评查工作安排，{issuer}依据{_basis_line(standards, cases)}，"
        f"对你单位{len(cases)}件行政执法案卷进行了评查。现将评查情况及发现的问题通知如下。",
    )
    order = [g.name for s in standards.values() for g in s.grades]
    _heading(document, "一、评查基本情况")
    add_paragraph(document, _summary(cases, problems, order))
    _heading(document, "二、发现的问题")
    if not any(problems):  # the scores are in 一、 already: no case-by-case list of nothing
        add_paragraph(document, NO_PROBLEMS)
    else:
        for n, (case, found) in enumerate(zip(cases, problems, strict=True), 1):
            _case_section(document, n, case, found)
    if any(problems):
        _heading(document, "三、整改要求")
        add_paragraph(
            document,
            "请你单位对照上述问题逐项整改：能够补正的依法补正，不能补正的说明原因、明确责任，"
            "并举一反三，对同类案卷开展自查，规范行政执法行为。",
        )
        last = f"请于{chinese_date(settings.deadline())}前将整改情况书面报送{issuer}。"
    else:
        _heading(document, "三、工作要求")
        last = "请你单位继续严格规范公正文明执法，本次评查无需报送整改情况。"
    if settings.objection_deadline is not None:
        last += f"如对评查结果有异议，请于{chinese_date(settings.objection_deadline)}前书面提出并说明理由。"
    # The signature never stands on a page of its own: it keeps the last paragraph with it.
    add_paragraph(document, last).paragraph_format.keep_with_next = True
    add_paragraph(document, "").paragraph_format.keep_with_next = True
    signature(document, issuer, settings.issue_date())
    if settings.contact.strip():
        add_paragraph(document, f"（联系人及电话：{settings.contact.strip()}）")
    return document


def write_notice(
    unit: str,
    cases: Sequence[ReviewedCase],
    path: Path,
    settings: NoticeSettings,
    *,
    standard: Standard | None = None,
) -> None:
    """Write the unit's notice as DOCX; the file appears whole or not at all.

    ``standard`` is the one the sheets were scored with (default: found by the sheets' standard id
    among the installed standards). Raises CaseReviewError(WRITE_FAILED) naming ``path``.
    """
    save_docx(build_notice(unit, cases, settings, _standards(cases, standard)), path)


def notice_file_name(unit: str) -> str:
    """``整改通知书_{unit}.docx`` with characters Windows refuses in names replaced."""
    safe = _UNSAFE.sub("_", unit).strip(" ._") or UNKNOWN_UNIT
    return f"整改通知书_{safe[:60]}.docx"


def to_pdf(docx: Path, out_dir: Path) -> Path | None:
    """``docx`` as PDF in ``out_dir`` by LibreOffice headless; None when LibreOffice is not installed.

    A failed conversion leaves no partial PDF and raises CaseReviewError(WRITE_FAILED).
    """
    return docx_to_pdf(docx, out_dir)


def write_notices(
    cases: Sequence[ReviewedCase],
    out_dir: Path,
    settings: NoticeSettings,
    *,
    pdf: bool = True,
    standard: Standard | None = None,
) -> list[Path]:
    """One notice per enforcement unit in ``out_dir`` (created if needed), with its PDF when
    LibreOffice is installed and ``pdf`` is set; returns the files written, DOCX before its PDF."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CaseReviewError(ErrorCode.WRITE_FAILED, str(out_dir), {"reason": failure_reason(exc)}) from exc
    standards = _standards(cases, standard)
    written: list[Path] = []
    used: set[str] = set()
    for unit, unit_cases in notices_by_unit(cases).items():
        name = notice_file_name(unit)
        stem, n = name.removesuffix(".docx"), 2
        while name.casefold() in used:  # two units that sanitise to the same name
            name, n = f"{stem}_{n}.docx", n + 1
        used.add(name.casefold())
        path = out_dir / name
        save_docx(build_notice(unit, unit_cases, settings, standards), path)
        written.append(path)
        converted = to_pdf(path, out_dir) if pdf else None
        if converted is not None:
            written.append(converted)
    return written
