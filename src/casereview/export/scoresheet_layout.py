"""The 评查评分表 layout of one case on one worksheet, shared by the single-case workbook and the
session workbook, plus the styles and the all-or-nothing save both use.

Scores are written as Excel formulas (得分 = 分值 − 扣分 per item, totals with SUM, the final score
= MAX(0, 总分 − SUM(扣分))) so a reviewer can re-check them in Excel or WPS; openpyxl cannot compute
them, so no cached values are stored and the workbook asks for a full calculation on load.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from casereview.domain.findings import Status
from casereview.errors import CaseReviewError
from casereview.export.model import ReviewedCase
from casereview.export.scoresheet_stats import unit_label
from casereview.office.atomic import save_atomically
from casereview.scoring import ItemResult, ItemStatus, ScoreSheet, TriggerResult
from casereview.standards.registry import installed_standards
from casereview.standards.schema import Standard

TITLE = "交通运输行政执法案卷评查评分表"
CHINA = dt.timezone(dt.timedelta(hours=8), "北京时间")  # no DST since 1991: no tz database needed
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
TIME_FORMAT = "yyyy-mm-dd hh:mm"

BODY = Font(name="宋体", size=10.5)
BOLD = Font(name="宋体", size=10.5, bold=True)
HEAD = Font(name="黑体", size=10.5, bold=True)
TITLE_FONT = Font(name="黑体", size=16, bold=True)
_THIN = Side(style="thin", color="000000")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
SHADE = PatternFill("solid", fgColor="E7E6E6")
FLAG = PatternFill("solid", fgColor="FCE4D6")  # rows that lost points
WRAP = Alignment(wrap_text=True, vertical="center")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center")

# (header, width in Excel character units, wraps); the order is the table's.
COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("类别", 13, True),
    ("评查项目编号", 10, True),
    ("评查项目", 34, True),
    ("分值", 6, False),
    ("扣分", 6, False),
    ("得分", 6, False),
    ("结果", 8, True),
    ("理由", 40, True),
    ("证据页码", 11, True),
    ("决定人", 9, True),
    ("决定时间", 16, False),
)
LINE_PT = 14.0  # one line of 10.5 pt 宋体 with leading
CJK_UNITS = 1.85  # column-width units of one 10.5 pt CJK glyph (2 in Excel, less in LibreOffice)
SIGNATURE = "评查人员（签名）：" + " " * 36 + "复核人员（签名）：" + " " * 36 + "日期：    年    月    日"
HEADER_ROWS = 10  # title + nine lines of case data
TABLE_HEADER = HEADER_ROWS + 2  # a blank row between the case data and the table
FIRST_ITEM = TABLE_HEADER + 1
TOTAL_CELL = "B6"  # 总分
DEDUCTION_CELL = "H6"
SCORE_CELL = "B7"  # 得分 = MAX(0, 总分 − SUM(扣分))


def china_time(moment: dt.datetime) -> dt.datetime:
    """Naive China wall-clock time (Excel has no time zones); naive input is taken as UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(CHINA).replace(tzinfo=None)


def review_date(case: ReviewedCase) -> dt.date:
    """评查日期: the last change of the review in China, or today for an unsaved check."""
    moment = case.reviewed_at or dt.datetime.now(dt.UTC)
    return china_time(moment).date()


def _installed(standard_id: str) -> Standard | None:
    try:
        return installed_standards().get(standard_id)
    except (CaseReviewError, OSError):
        return None


def standard_for(sheet: ScoreSheet, given: Standard | None) -> Standard | None:
    """The standard a sheet was scored with: the one given, else the installed one of that id.

    Only names (categories, profile title, grades) are read from it; the scores come from the sheet.
    """
    if given is not None and given.id == sheet.standard_id:
        return given
    return _installed(sheet.standard_id)


def category_name(standard: Standard | None, category_id: str) -> str:
    if standard is None:
        return category_id
    return next((c.name for c in standard.categories if c.id == category_id), category_id)


def page_list(pages: Iterable[int]) -> str:
    """``第3、5页`` from page numbers (sorted, each once); "" for none."""
    ordered = sorted(set(pages))
    return f"第{'、'.join(str(p) for p in ordered)}页" if ordered else ""


def evidence_pages(result: ItemResult) -> str:
    """The pages the item rests on: its problem findings' evidence (else all its findings'), and
    the region the reviewer marked."""
    problems = [f for f in result.findings if f.status in (Status.FAIL, Status.NEEDS_REVIEW)]
    pages = [e.page for f in (problems or result.findings) for e in f.evidence]
    if result.decision is not None and result.decision.region is not None:
        pages.append(result.decision.region.page)
    return page_list(pages)


def trigger_lines(triggers: Sequence[TriggerResult], fired: str) -> str:
    """One line per veto or cap that fired or may fire; "未触发" when none."""
    lines = [f"{fired}：{t.id} {t.title}（{'、'.join(t.sources)}）" for t in triggers if t.triggered]
    lines += [
        f"可能触发（待人工确认）：{t.id} {t.title}（{'、'.join(t.sources)}）"
        for t in triggers
        if t.pending and not t.triggered
    ]
    return "\n".join(lines) or "未触发"


def text_lines(text: str, width: float) -> int:
    """Lines ``text`` wraps to in a column ``width`` characters wide (a CJK glyph is two)."""
    lines = 0
    for part in text.split("\n"):
        units = sum(CJK_UNITS if ord(ch) > 0x2E80 else 1 for ch in part)
        lines += max(1, math.ceil(units / max(width - 1, 1)))
    return lines


def fit_row(ws: Any, row: int, cells: Sequence[tuple[str, float]]) -> None:
    """Set the row tall enough for its wrapped texts; Excel does not grow rows on open."""
    lines = max((text_lines(text, width) for text, width in cells), default=1)
    ws.row_dimensions[row].height = max(lines, 1) * LINE_PT + 4


def put(ws: Any, ref: str, value: object, font: Any = BODY, align: Any = WRAP, fill: Any = None) -> Any:
    cell = ws[ref]
    cell.value = value
    cell.font = font
    cell.alignment = align
    cell.border = BOX
    if fill is not None:
        cell.fill = fill
    return cell


def _pair(ws: Any, row: int, spans: tuple[str, str, str, str], label: str, value: object) -> None:
    """A label cell and its value over merged columns, boxed (merged cells draw each cell's border)."""
    label_from, label_to, value_from, value_to = spans
    ws.merge_cells(f"{label_from}{row}:{label_to}{row}")
    ws.merge_cells(f"{value_from}{row}:{value_to}{row}")
    for col in range(ws[f"{label_from}{row}"].column, ws[f"{value_to}{row}"].column + 1):
        ws.cell(row, col).border = BOX
    put(ws, f"{label_from}{row}", label, BOLD, CENTRE, SHADE)
    put(ws, f"{value_from}{row}", value, BODY, WRAP)


_LEFT_PAIR = ("A", "A", "B", "E")
_RIGHT_PAIR = ("F", "G", "H", "K")
_WIDE_PAIR = ("A", "A", "B", "K")


def _profile_text(sheet: ScoreSheet, standard: Standard | None) -> str:
    if standard is None:
        return sheet.profile
    title = next((p.title for p in standard.profiles if p.name == sheet.profile), "")
    return f"{sheet.profile}（{title}）" if title else sheet.profile


def _standard_text(sheet: ScoreSheet, standard: Standard | None) -> str:
    name = f"{standard.name} " if standard is not None else ""
    return f"{name}{sheet.standard_id} 版本 {sheet.standard_version}（{sheet.standard_hash[:12]}）"


def _status_text(sheet: ScoreSheet) -> str:
    waiting = sum(1 for i in sheet.items if i.status in (ItemStatus.PENDING, ItemStatus.NEEDS_REVIEW))
    if waiting:
        return f"初评：{waiting} 项待人工确认，得分和等级可能变化"
    if sheet.provisional:
        return "初评：否决或等级上限待人工确认，等级可能变化"
    return "评查完成"


def _grade_text(sheet: ScoreSheet) -> str:
    if sheet.grade == sheet.score_grade:
        return sheet.grade
    return f"{sheet.grade}（按得分为{sheet.score_grade}，受否决或等级上限影响）"


def fill_case_sheet(ws: Any, case: ReviewedCase, standard: Standard | None) -> str:
    """Lay out ``case`` on the empty worksheet ``ws``; returns the 得分 cell's reference."""
    sheet = case.sheet
    last_col = get_column_letter(len(COLUMNS))
    for index, (_, width, _) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.merge_cells(f"A1:{last_col}1")
    put(ws, "A1", TITLE, TITLE_FONT, CENTRE).border = Border()
    ws.row_dimensions[1].height = 30

    first, last = FIRST_ITEM, FIRST_ITEM + len(sheet.items) - 1
    deductions = f"E{first}:E{last}"
    rows: list[tuple[str, object, str, object]] = [
        ("案号", case.case_number, "当事人", case.party),
        ("执法单位", unit_label(case), "案卷文件", case.source),
        ("评查标准", _standard_text(sheet, standard), "评查口径", _profile_text(sheet, standard)),
        ("评查人员", case.reviewer, "评查日期", review_date(case)),
        ("总分", sheet.total, "扣分", f"=SUM({deductions})"),
        ("得分", f"=MAX(0,{TOTAL_CELL}-SUM({deductions}))", "等级", _grade_text(sheet)),
    ]
    for row, (left, left_value, right, right_value) in enumerate(rows, 2):
        _pair(ws, row, _LEFT_PAIR, left, left_value)
        _pair(ws, row, _RIGHT_PAIR, right, right_value)
        fit_row(ws, row, [(str(left_value), 55), (str(right_value), 76)])
    ws["H5"].number_format = DATE_FORMAT
    ws["H5"].alignment = LEFT
    for ref in (TOTAL_CELL, DEDUCTION_CELL, SCORE_CELL):
        ws[ref].alignment = LEFT
    ws[SCORE_CELL].font = BOLD
    ws["H7"].font = BOLD
    wide = [
        ("一票否决", trigger_lines(sheet.vetoes, "已触发")),
        ("等级上限", trigger_lines(sheet.caps, "已触发")),
        ("评查状态", _status_text(sheet)),
    ]
    for row, (label, text) in enumerate(wide, 8):
        _pair(ws, row, _WIDE_PAIR, label, text)
        fit_row(ws, row, [(text, 140)])

    for col, (header, _, _) in enumerate(COLUMNS, 1):
        put(ws, f"{get_column_letter(col)}{TABLE_HEADER}", header, HEAD, CENTRE, SHADE)
    ws.row_dimensions[TABLE_HEADER].height = 2 * LINE_PT + 4
    for row, result in zip(range(first, last + 1), sheet.items, strict=True):
        _item_row(ws, row, case, result, standard)
    _total_row(ws, last + 1, first, last)
    signature = last + 3  # the printed form is signed by hand
    ws.merge_cells(f"A{signature}:{last_col}{signature}")
    put(ws, f"A{signature}", SIGNATURE, BODY, LEFT).border = Border()
    ws.row_dimensions[signature].height = 2 * LINE_PT

    ws.freeze_panes = f"A{FIRST_ITEM}"  # the case data and the column headers stay in view
    _print_setup(ws, signature)
    return SCORE_CELL


def _item_row(ws: Any, row: int, case: ReviewedCase, result: ItemResult, standard: Standard | None) -> None:
    decision = result.decision
    at = china_time(decision.at) if decision is not None else None
    values: list[object] = [
        category_name(standard, result.category),
        result.item_id,
        result.title,
        result.points,
        result.deduction,
        f"=D{row}-E{row}",
        result.status.value,
        result.reason,
        evidence_pages(result),
        case.decider(result.item_id),
        at,
    ]
    fill = FLAG if result.deduction > 0 else None
    for col, ((_, _, wraps), value) in enumerate(zip(COLUMNS, values, strict=True), 1):
        put(ws, f"{get_column_letter(col)}{row}", value, BODY, WRAP if wraps else CENTRE, fill)
    ws[f"K{row}"].number_format = TIME_FORMAT
    fit_row(ws, row, [(str(v), w) for (_, w, wraps), v in zip(COLUMNS, values, strict=True) if wraps])


def _total_row(ws: Any, row: int, first: int, last: int) -> None:
    ws.merge_cells(f"A{row}:C{row}")
    for col in range(1, len(COLUMNS) + 1):
        ws.cell(row, col).border = BOX
    put(ws, f"A{row}", "合计", BOLD, CENTRE, SHADE)
    for letter in ("D", "E", "F"):
        put(ws, f"{letter}{row}", f"=SUM({letter}{first}:{letter}{last})", BOLD, CENTRE, SHADE)


PAGE_FOOTER = "第 &P 页，共 &N 页"


def landscape_a4(ws: Any) -> None:
    """Print on A4 landscape, one page wide and as many pages long as it takes, numbered."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = PAGE_FOOTER


def _print_setup(ws: Any, last_row: int) -> None:
    """A4 landscape, one page wide, the column headers repeated and the title in the page header."""
    landscape_a4(ws)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75  # inches: room for the page header and footer
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_title_rows = f"{TABLE_HEADER}:{TABLE_HEADER}"
    ws.print_area = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"
    # Page 1 carries the title in its first row; later pages get it in the page header.
    ws.HeaderFooter.differentFirst = True
    ws.oddHeader.center.text = TITLE
    ws.oddHeader.center.font = "宋体,Bold"
    ws.firstFooter.center.text = PAGE_FOOTER


def save_workbook(workbook: Any, path: Path) -> None:
    """Save whole or not at all: a temp file in the target's folder, then os.replace.

    Raises CaseReviewError(WRITE_FAILED) naming ``path``.
    """
    save_atomically(workbook, path)
