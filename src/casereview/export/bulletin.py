"""评查结果通报: the year's review of a session as a 公文 (GB/T 9704, DOCX, and PDF by LibreOffice).

Sections: 基本情况 (participation, grades), 各单位等次分布 (a table and a chart), 主要问题 (by
category and by rule, with counts), 典型案例 (the tagged cases, anonymised as the 汇编 is), 整改情况
(from the rectification ledger, or "not tracked"), 各单位排名, 工作要求. The written DOCX and PDF are
read back for the typical cases' personal data before they are moved into place, as the 汇编 is.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Pt

from casereview.errors import CaseReviewError, ErrorCode
from casereview.export.anonymity_check import check_docx, check_pdf
from casereview.export.bulletin_chart import grade_chart
from casereview.export.bulletin_figures import BulletinFigures, TypicalCase
from casereview.ocr.engine import FakeOcrEngine
from casereview.office.atomic import failure_reason
from casereview.office.gongwen import (
    HEADING_FONT,
    KAI_FONT,
    TEXT_WIDTH,
    TITLE_FONT,
    TITLE_SIZE,
    add_paragraph,
    add_run,
    chinese_number,
    doc_number,
    docx_to_pdf,
    issuer_mark,
    new_document,
    signature,
)
from casereview.office.gongwen_table import add_table
from casereview.rectify.status import RectificationStatus
from casereview.standards.checks import fmt_points
from casereview.training.tags import TrainingTag

TITLE_TEMPLATE = "关于{year}年度行政执法案卷评查情况的通报"  # one line of 二号
NOT_TRACKED = "本次评查发现问题的整改情况未纳入本系统整改台账跟踪，由各单位按整改通知书要求另行报送。"
REQUIREMENTS = (
    "各单位要对照本通报和整改通知书列明的问题，逐案逐项建立问题整改台账，明确责任人和整改时限，"
    "整改一件、销号一件，并于整改期限届满前报送整改报告。",
    "各单位要举一反三，对本单位同类案卷开展自查，从制度、流程和文书模板上查找原因，防止同类问题反复出现。",
    "各单位要组织执法人员学习本通报所列典型案例，将案卷评查结果纳入执法人员培训和评议考核。",
)


@dataclass
class BulletinSettings:
    issuer: str = "XX省交通运输厅"  # 发文机关
    doc_number: str = ""  # 文号; empty → a placeholder to fill in by hand
    recipients: str = "各市（州）交通运输局，厅直属各执法单位"  # 主送机关
    issued: dt.date | None = None  # 成文日期; None → today

    def issue_date(self) -> dt.date:
        return self.issued or dt.date.today()


@dataclass(frozen=True)
class BulletinResult:
    docx: Path
    pdf: Path | None  # None when LibreOffice is not installed

    @property
    def files(self) -> list[Path]:
        return [self.docx] + ([self.pdf] if self.pdf is not None else [])


def _percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "0%"


def short_title(title: str) -> str:
    """An item's title without its explanation in brackets (the standard has it in full), and
    without the score sheet's 人工评查 mark (a unit reads the problem, not who found it)."""
    title = title.removeprefix("人工评查：")
    return re.split(r"[（(]", title, maxsplit=1)[0].strip() or title


def _heading(document: Any, text: str, font: str = HEADING_FONT) -> None:
    add_paragraph(document, text, font=font).paragraph_format.keep_with_next = True


def _overview(document: Any, f: BulletinFigures) -> None:
    _heading(document, "一、评查基本情况")
    people = f"由{len(f.reviewers)}名评查人员" if f.reviewers else ""
    grades = "、".join(f"{g}{f.grades[g]}件（占{_percent(f.grades[g], f.cases)}）" for g in f.grade_names)
    add_paragraph(
        document,
        f"按照“{f.session}”工作安排，本次评查{people}对{len(f.units)}个执法单位报送的{f.cases}件"
        f"行政执法案卷逐卷逐项进行了评查，平均得分{fmt_points(f.mean)}分。评查等次为：{grades}。",
    )


def _distribution(document: Any, f: BulletinFigures) -> None:
    _heading(document, "二、各单位评查等次分布")
    add_paragraph(document, "各执法单位案卷评查等次分布如下表和下图所示。")
    header = ["执法单位", *f.grade_names, "合计", "平均分"]
    rows = [[u.unit, *(u.grades[g] for g in f.grade_names), u.cases, fmt_points(u.mean)] for u in f.units]
    rows.append(["合计", *(f.grades[g] for g in f.grade_names), f.cases, fmt_points(f.mean)])
    add_table(document, header, rows, [60.0, *([16.0] * len(f.grade_names)), 16.0, 18.0])
    picture = add_paragraph(document, "", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    picture.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE  # an exact line would crop it
    picture.paragraph_format.keep_with_next = True
    picture.add_run().add_picture(io.BytesIO(grade_chart(f.units, f.grade_names)), width=TEXT_WIDTH)
    caption = add_paragraph(document, "", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    add_run(caption, "图1  各执法单位案卷评查等次分布（件）", KAI_FONT, Pt(12))


def _problems(document: Any, f: BulletinFigures) -> None:
    _heading(document, "三、存在的主要问题")
    if not f.problems:
        add_paragraph(document, "本次评查的案卷均未发现扣分问题。")
        return
    _heading(document, "（一）按评查类别", KAI_FONT)
    rows = [[c.name, c.items, c.cases, fmt_points(c.deduction)] for c in f.categories]
    add_table(document, ["评查类别", "扣分项次", "涉及案卷（件）", "扣分合计（分）"], rows, [62, 30, 32, 32])
    _heading(document, "（二）出现频次最高的问题", KAI_FONT)
    first = f.problems[0]
    add_paragraph(
        document,
        f"按涉及案卷数排列，出现最多的问题是“{short_title(first.title)}”（{first.key}），涉及{first.cases}件案卷、"
        f"共{first.occurrences}处。前{len(f.problems)}项问题如下：",
    )
    rows = [
        [str(n), p.key, short_title(p.title), p.cases, p.occurrences] for n, p in enumerate(f.problems, 1)
    ]
    header = ["序号", "规则或项目", "问题", "涉及案卷（件）", "出现次数"]
    add_table(document, header, rows, [14, 24, 78, 22, 18], numeric_from=3)


def _typical(document: Any, f: BulletinFigures) -> None:
    _heading(document, "四、典型案例")
    if not f.typical:
        add_paragraph(document, "本次评查未标记典型案例。")
        return
    add_paragraph(document, "典型案例已作匿名化处理，详见典型案例汇编。")
    groups: list[tuple[str, list[TypicalCase]]] = [
        ("优秀案例", [t for t in f.typical if t.tag is TrainingTag.GOOD]),
        ("典型差案", [t for t in f.typical if t.tag is TrainingTag.POOR]),
    ]
    number = 0
    for label, items in groups:
        if not items:
            continue
        number += 1
        _heading(document, f"（{chinese_number(number)}）{label}", KAI_FONT)
        for n, t in enumerate(items, 1):
            notes = "；".join(n.rstrip("。") for n in t.notes)
            add_paragraph(
                document,
                f"{n}．{t.unit or '（未识别单位）'}办理的{t.title}，评查得分{fmt_points(t.score)}分，"
                f"等次为{t.grade}。{notes + '。' if notes else ''}",
            )


def _rectification(document: Any, status: RectificationStatus) -> None:
    _heading(document, "五、整改情况")
    if not status.tracked:
        add_paragraph(document, NOT_TRACKED)
        return
    counts = "，".join(f"{label}{n}项" for label, n in status.counts.items())
    add_paragraph(document, f"本次评查共列入整改台账问题{status.total}项，其中{counts or '暂无'}。")


def _ranking(document: Any, f: BulletinFigures) -> None:
    _heading(document, "六、各单位评查排名")
    add_paragraph(document, "按平均得分由高到低排列（平均分相同的，按最高等次案卷占比排列）：")
    best = f.grade_names[0] if f.grade_names else ""
    rows = [
        [
            str(n),
            u.unit,
            u.cases,
            fmt_points(u.mean),
            fmt_points(u.lowest),
            _percent(u.grades.get(best, 0), u.cases),
        ]
        for n, u in enumerate(f.units, 1)
    ]
    header = ["名次", "执法单位", "案卷（件）", "平均分", "最低分", f"{best}率"]
    add_table(document, header, rows, [14, 62, 22, 20, 20, 20], numeric_from=2)


def build_bulletin(f: BulletinFigures, status: RectificationStatus, settings: BulletinSettings) -> Any:
    document = new_document()
    props = document.core_properties
    props.title, props.author, props.language = TITLE_TEMPLATE.format(year=f.year), "CaseReview", "zh-CN"
    props.comments = props.subject = props.keywords = ""
    issuer_mark(document, settings.issuer)
    doc_number(document, settings.doc_number or f"〔{f.year}〕    号")
    add_paragraph(document, "", indent=False)
    title = add_paragraph(document, "", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    title.paragraph_format.line_spacing = Pt(40)
    add_run(title, TITLE_TEMPLATE.format(year=f.year), TITLE_FONT, TITLE_SIZE)
    add_paragraph(document, "", indent=False)
    add_paragraph(document, f"{settings.recipients}：", indent=False)
    add_paragraph(
        document,
        f"根据{f.year}年度行政执法案卷评查工作安排，现将“{f.session}”评查结果通报如下：",
    )
    _overview(document, f)
    _distribution(document, f)
    _problems(document, f)
    _typical(document, f)
    _rectification(document, status)
    _ranking(document, f)
    _heading(document, "七、工作要求")
    for n, line in enumerate(REQUIREMENTS, 1):
        add_paragraph(document, f"（{chinese_number(n)}）{line}")
    add_paragraph(document, "", indent=False)
    signature(document, settings.issuer, settings.issue_date())
    return document


def write_bulletin(
    figures: BulletinFigures,
    status: RectificationStatus,
    docx_path: Path,
    settings: BulletinSettings | None = None,
) -> BulletinResult:
    """Write the 通报 to ``docx_path`` and its PDF beside it (when LibreOffice is installed).

    Both are read back for the typical cases' identifiers first (CaseReviewError
    ANONYMISATION_FAILED, nothing left behind); WRITE_FAILED when a file cannot be written.
    """
    docx_path = Path(docx_path)
    if docx_path.is_dir():
        raise CaseReviewError(ErrorCode.WRITE_FAILED, str(docx_path), {"why": "is_a_folder"})
    document = build_bulletin(figures, status, settings or BulletinSettings())
    pdf_path = docx_path.with_suffix(".pdf")
    try:
        work = Path(tempfile.mkdtemp(prefix=".bulletin-", dir=docx_path.parent))
    except OSError as exc:
        raise CaseReviewError(
            ErrorCode.WRITE_FAILED, str(docx_path), {"reason": failure_reason(exc)}
        ) from exc
    try:
        draft = work / docx_path.name  # LibreOffice names the PDF after it
        document.save(str(draft))
        draft_pdf = docx_to_pdf(draft, work)
        # The only image is the chart, drawn from unit names and counts: its text is not OCRed.
        check_docx(draft, docx_path, figures.hidden, FakeOcrEngine({}))
        if draft_pdf is not None:
            check_pdf(draft_pdf, pdf_path, figures.hidden)
        draft.replace(docx_path)
        if draft_pdf is not None:
            try:
                draft_pdf.replace(pdf_path)
            except OSError:
                docx_path.unlink(missing_ok=True)  # both or neither
                raise
    except OSError as exc:
        raise CaseReviewError(
            ErrorCode.WRITE_FAILED, str(docx_path), {"reason": failure_reason(exc)}
        ) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BulletinResult(docx_path, pdf_path if draft_pdf is not None else None)
