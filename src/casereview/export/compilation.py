"""典型案例汇编 (DOCX, and PDF when LibreOffice is installed): the cases tagged 优秀 or 典型差案,
anonymised, with truly redacted page excerpts — and proven so before any file appears.

Every text goes through ``anonymise_text`` with the identifiers of all the cases; the page images
are redacted with PyMuPDF (pixels removed). Then the written files are read back: DOCX text, the
OCR of every embedded image and the PDF's text layer. If any identifier can still be read, the
export fails with ANONYMISATION_FAILED and nothing is left behind (files are built in a private
folder beside the target and moved into place only after the check).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.shared import Mm, Pt

from casereview.errors import CaseReviewError, ErrorCode
from casereview.export.anonymise import (
    NAME,
    Identifier,
    anonymise_text,
    case_identifiers,
    find_identifiers,
    fold,
)
from casereview.export.anonymity_check import check_docx, check_pdf
from casereview.export.compilation_content import (
    Entry,
    case_title,
    defects,
    merits,
    select_entries,
    summary_lines,
)
from casereview.export.model import ReviewedCase
from casereview.export.redact import page_images, redact_pages
from casereview.ocr.engine import OcrEngine
from casereview.office.atomic import failure_reason
from casereview.office.gongwen import (
    BODY_SIZE,
    HEADING_FONT,
    KAI_FONT,
    TITLE_FONT,
    TITLE_SIZE,
    add_paragraph,
    add_run,
    chinese_date,
    chinese_number,
    docx_to_pdf,
    new_document,
)
from casereview.training.tags import TrainingTag

DEFAULT_TITLE = "交通运输行政执法典型案例汇编"
IMAGE_WIDTH = Mm(130)  # an A4 page image 184 mm tall: it and its caption fit the 225 mm text block
CAPTION_SIZE = Pt(12)
SECTION_TITLES: dict[TrainingTag | None, str] = {
    TrainingTag.GOOD: "优秀案例",
    TrainingTag.POOR: "典型差案",
    None: "其他案例",  # given without a tag: no verdict, what the review found
}
POINTS_TITLES = {TrainingTag.GOOD: "主要亮点", TrainingTag.POOR: "主要问题", None: "评查发现"}
NOTICE = (
    "本汇编所收案例均经匿名化处理：自然人姓名以“某某”代替，居民身份证号码、联系电话、住址、"
    "车牌号码、统一社会信用代码、银行账号等信息已删除，文书摘录中相应位置已作涂黑处理。"
    "本汇编仅供内部培训使用。"
)


@dataclass(frozen=True)
class CompilationResult:
    docx: Path
    pdf: Path | None  # None when LibreOffice is not installed
    checked_images: int  # page images read back by OCR
    identifiers: int  # distinct identifiers hidden

    @property
    def files(self) -> list[Path]:
        """The files written: the DOCX, and the PDF when there is one."""
        return [self.docx] + ([self.pdf] if self.pdf is not None else [])


@dataclass
class _Prepared:
    entry: Entry
    identifiers: list[Identifier]
    images: list[tuple[int, bytes]]  # (page number, PNG of the redacted page)


def _union(groups: Sequence[Sequence[Identifier]]) -> list[Identifier]:
    seen: dict[str, Identifier] = {}
    for group in groups:
        for identifier in group:
            seen.setdefault(fold(identifier.text), identifier)
    return list(seen.values())


def _prepare(entries: Sequence[Entry], work: Path, dpi: int) -> list[_Prepared]:
    """Identifiers of each case and its redacted excerpt pages (a case tagged twice is read once)."""
    known: dict[int, list[Identifier]] = {}
    prepared: list[_Prepared] = []
    for index, entry in enumerate(entries):
        if id(entry.case) not in known:
            known[id(entry.case)] = case_identifiers(entry.case)
        # Every free text that reaches the compilation is searched too: a trainer's note or a
        # reviewer's reason may name a phone, an ID or a plate that the case's pages never print.
        written = "\n".join([*entry.notes, *defects(entry.case), *merits(entry.case)])
        extra = find_identifiers(written, [i.text for i in known[id(entry.case)] if i.kind == NAME])
        identifiers = _union([known[id(entry.case)], extra])
        pdf = redact_pages(entry.case, entry.pages, identifiers, work / f"excerpt-{index}.pdf", dpi)
        images = list(zip(entry.pages, page_images(pdf, dpi), strict=True))
        prepared.append(_Prepared(entry, identifiers, images))
    return prepared


def _text(container: Any, text: str, identifiers: Sequence[Identifier], **style: Any) -> Any:
    return add_paragraph(container, anonymise_text(text, identifiers), **style)


def _picture(document: Any, png: bytes, caption: str) -> None:
    paragraph = add_paragraph(document, "", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE  # an exact 公文 line height would crop the image
    fmt.keep_with_next = True
    paragraph.add_run().add_picture(io.BytesIO(png), width=IMAGE_WIDTH)
    note = add_paragraph(document, "", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    add_run(note, caption, KAI_FONT, CAPTION_SIZE)


def _case_section(document: Any, number: int, item: _Prepared, identifiers: Sequence[Identifier]) -> None:
    entry, case = item.entry, item.entry.case
    heading = add_paragraph(document, "")
    heading.paragraph_format.keep_with_next = True
    add_run(
        heading,
        f"（{chinese_number(number)}）" + anonymise_text(case_title(case), identifiers),
        KAI_FONT,
        BODY_SIZE,
    )
    if entry.tag is None:  # no verdict: what lost points, else where it kept them all
        points = defects(case) if any(i.deduction > 0 for i in case.sheet.items) else merits(case)
    else:
        points = merits(case) if entry.tag is TrainingTag.GOOD else defects(case)
    parts: list[tuple[str, list[str]]] = [
        ("基本情况", summary_lines(case)),
        (POINTS_TITLES[entry.tag], points),
    ]
    if entry.tag is not None:
        parts.append(("点评", entry.notes or ["（无）"]))
    for index, (label, lines) in enumerate(parts, 1):
        head = add_paragraph(document, f"{index}．{label}", bold=True)
        head.paragraph_format.keep_with_next = True
        numbered = len(lines) > 1 and label != "基本情况"
        for n, line in enumerate(lines, 1):
            _text(document, f"（{n}）{line}" if numbered else line, identifiers)
    add_paragraph(document, f"{len(parts) + 1}．文书摘录", bold=True).paragraph_format.keep_with_next = True
    for page, png in item.images:
        _picture(document, png, f"案卷第{page}页（个人信息已涂黑）")


def build_document(prepared: Sequence[_Prepared], identifiers: Sequence[Identifier], title: str) -> Any:
    """The compilation as a python-docx Document (not yet saved)."""
    document = new_document()
    props = document.core_properties
    props.title, props.author, props.language = title, "CaseReview", "zh-CN"
    props.comments = props.subject = props.keywords = ""
    head = add_paragraph(document, "", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    head.paragraph_format.line_spacing = Pt(40)
    add_run(head, anonymise_text(title, identifiers), TITLE_FONT, TITLE_SIZE)
    counts = {tag: sum(1 for p in prepared if p.entry.tag is tag) for tag in SECTION_TITLES}
    others = f"、其他案例{counts[None]}件" if counts[None] else ""
    add_paragraph(
        document,
        f"（共收录优秀案例{counts[TrainingTag.GOOD]}件、典型差案{counts[TrainingTag.POOR]}件{others}）",
        font=KAI_FONT,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        indent=False,
    )
    add_paragraph(document, chinese_date(dt.date.today()), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    add_paragraph(document, NOTICE)
    section = 0
    for tag, section_title in SECTION_TITLES.items():
        items = [p for p in prepared if p.entry.tag is tag]
        if not items:
            continue
        section += 1
        if section > 1:  # 典型差案 (and untagged cases) start on a page of their own
            add_paragraph(document, "", indent=False).add_run().add_break(WD_BREAK.PAGE)
        add_paragraph(document, f"{chinese_number(section)}、{section_title}", font=HEADING_FONT)
        for number, item in enumerate(items, 1):
            _case_section(document, number, item, identifiers)
    return document


def _work_dir(target: Path) -> Path:
    if target.is_dir():
        raise CaseReviewError(ErrorCode.WRITE_FAILED, str(target), {"why": "is_a_folder"})
    try:
        return Path(tempfile.mkdtemp(prefix=".compilation-", dir=target.parent))
    except OSError as exc:
        raise CaseReviewError(ErrorCode.WRITE_FAILED, str(target), {"reason": failure_reason(exc)}) from exc


def write_compilation(
    cases: Sequence[ReviewedCase],
    docx_path: Path,
    *,
    title: str = DEFAULT_TITLE,
    ocr: OcrEngine | None = None,
    dpi: int = 110,
    untagged: bool = False,
) -> CompilationResult:
    """Write the 典型案例汇编 of the tagged ``cases`` to ``docx_path`` (and ``.pdf`` beside it);
    with ``untagged`` the cases without a tag too, without a verdict (the cases a trainer named).

    ``ocr`` reads the embedded images back (the real RapidOCR engine when None). Raises
    CaseReviewError: ANONYMISATION_FAILED when an identifier is still readable, WRITE_FAILED when
    no case is tagged or a file cannot be written; in every failure no output file is left.
    """
    docx_path = Path(docx_path)
    entries = select_entries(cases, untagged)
    if not entries:
        raise CaseReviewError(
            ErrorCode.WRITE_FAILED,
            str(docx_path),
            {"why": "no_tagged_cases"},
        )
    pdf_path = docx_path.with_suffix(".pdf")
    work = _work_dir(docx_path)
    try:
        prepared = _prepare(entries, work, dpi)
        identifiers = _union([p.identifiers for p in prepared])
        document = build_document(prepared, identifiers, title)
        draft = work / docx_path.name  # LibreOffice names the PDF after it
        try:
            document.save(str(draft))
        except OSError as exc:
            raise CaseReviewError(
                ErrorCode.WRITE_FAILED, str(docx_path), {"reason": failure_reason(exc)}
            ) from exc
        draft_pdf = docx_to_pdf(draft, work)
        checked = check_docx(draft, docx_path, identifiers, ocr)
        if draft_pdf is not None:
            check_pdf(draft_pdf, pdf_path, identifiers)
        _publish(draft, docx_path, draft_pdf, pdf_path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return CompilationResult(docx_path, pdf_path if draft_pdf else None, checked, len(identifiers))


def _publish(draft: Path, docx_path: Path, draft_pdf: Path | None, pdf_path: Path) -> None:
    """Move the checked files into place: both or neither."""
    moved = False
    try:
        draft.replace(docx_path)
        moved = True
        if draft_pdf is not None:
            draft_pdf.replace(pdf_path)
    except OSError as exc:
        if moved:
            docx_path.unlink(missing_ok=True)
        raise CaseReviewError(
            ErrorCode.WRITE_FAILED, str(docx_path), {"reason": failure_reason(exc)}
        ) from exc
