"""The 法制审核意见书 laid out like a 公文 (GB/T 9704 page and fonts) with python-docx.

The page, fonts and their fallbacks, page numbers and Chinese dates come from
:mod:`casereview.office.gongwen` (shared with the 整改通知书); this module lays out the opinion.
"""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from casereview.legal.model import Conclusion, LegalOpinion, problem_line
from casereview.office.gongwen import (
    BODY_FONT,
    BODY_SIZE,
    HEADING_FONT,
    INDENT,
    LINE,
    TITLE_FONT,
    TITLE_SIZE,
    add_paragraph,
    add_run,
    chinese_date,
    new_document,
)

# The fonts and the date format are re-exported: tests and callers name them through this module.
__all__ = ["BODY_FONT", "TITLE", "TITLE_FONT", "build_document", "chinese_date"]

TITLE = "法制审核意见书"


def _case_table(document: Any, opinion: LegalOpinion) -> None:
    rows = [
        ("案件名称", opinion.case_title),
        ("当事人", opinion.party),
        ("案号", opinion.case_number),
        ("承办机构", opinion.unit),
        ("送审日期", chinese_date(opinion.submitted) if opinion.submitted else ""),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    table.style = document.styles["Table Grid"]
    table.autofit = False
    widths = (Mm(32), Mm(124))  # the 156 mm text width
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice lays out by
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.height, row.height_rule = Mm(12), WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        head, body = row.cells
        # Labels of three and four characters fill the same width, as on printed forms.
        label_paragraph = head.paragraphs[0]
        label_paragraph.alignment = WD_ALIGN_PARAGRAPH.DISTRIBUTE
        label_paragraph.paragraph_format.left_indent = label_paragraph.paragraph_format.right_indent = Pt(6)
        add_run(label_paragraph, label, BODY_FONT, BODY_SIZE)
        if value:
            add_run(body.paragraphs[0], value, BODY_FONT, BODY_SIZE)


def _heading(document: Any, text: str) -> None:
    add_paragraph(document, text, font=HEADING_FONT)


def _lines(document: Any, text: str) -> None:
    for line in (part.strip() for part in text.splitlines()):
        if line:
            add_paragraph(document, line)


def build_document(opinion: LegalOpinion) -> Any:
    """The opinion as a python-docx Document (not yet saved)."""
    document = new_document()
    props = document.core_properties
    props.title, props.author, props.language = TITLE, opinion.reviewer, "zh-CN"

    title = add_paragraph(document, "", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    title.paragraph_format.line_spacing = Pt(40)
    title.paragraph_format.space_after = LINE
    add_run(title, TITLE, TITLE_FONT, TITLE_SIZE)

    _case_table(document, opinion)
    add_paragraph(document, "")

    _heading(document, "一、审核结论")
    add_paragraph(document, f"{opinion.conclusion.value}。")
    _heading(document, "二、存在的问题")
    if opinion.problems:
        for n, problem in enumerate(opinion.problems, 1):
            add_paragraph(document, f"{n}．{problem_line(problem)}")
    else:
        add_paragraph(
            document, "未发现需要补正的问题。" if opinion.conclusion is Conclusion.AGREE else "无。"
        )
    _heading(document, "三、审核意见")
    _lines(document, opinion.opinion)
    _heading(document, "四、处理建议")
    _lines(document, opinion.suggestions or "无。")

    add_paragraph(document, "")
    right = WD_ALIGN_PARAGRAPH.RIGHT
    add_paragraph(document, f"审核人：{opinion.reviewer}", align=right, indent=False, right_indent=INDENT)
    add_paragraph(document, chinese_date(opinion.reviewed), align=right, indent=False, right_indent=INDENT)
    return document
