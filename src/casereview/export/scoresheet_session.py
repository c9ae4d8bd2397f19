"""The summary sheets of a review session's workbook: 案卷汇总, 单位汇总, 问题频次, 评查人员.

单位汇总 counts and averages with COUNTIF/COUNTIFS/AVERAGEIF over 案卷汇总, so a reviewer can
re-check them; problem counts come from the score sheets (they are not in any cell to count).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl.chart import BarChart, PieChart, Reference  # type: ignore[import-untyped]
from openpyxl.chart.label import DataLabelList  # type: ignore[import-untyped]
from openpyxl.styles import Border, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter, quote_sheetname  # type: ignore[import-untyped]
from openpyxl.worksheet.hyperlink import Hyperlink  # type: ignore[import-untyped]

from casereview.export.model import ReviewedCase
from casereview.export.scoresheet_layout import (
    BODY,
    BOLD,
    CENTRE,
    DATE_FORMAT,
    HEAD,
    LEFT,
    SCORE_CELL,
    SHADE,
    TITLE_FONT,
    WRAP,
    category_name,
    fit_row,
    landscape_a4,
    put,
    review_date,
)
from casereview.export.scoresheet_stats import (
    category_frequencies,
    frequencies,
    group_by_unit,
    main_problems,
    reviewers,
    unit_label,
)
from casereview.standards.schema import Standard

CASES = "案卷汇总"
UNITS = "单位汇总"
PROBLEMS = "问题频次"
REVIEWERS = "评查人员"
FIRST = 3  # row 1 the title, row 2 the column headers
PERCENT = "0.0%"
TOP = 10  # problems in the chart
LINK = Font(name="宋体", size=10.5, color="0563C1", underline="single")

CASE_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("执法单位", 26),
    ("案号", 28),
    ("当事人", 24),
    ("得分", 8),
    ("等级", 8),
    ("否决", 30),
    ("评查人员", 14),
    ("评查日期", 16),
    ("文件", 40),
)


def _frame(ws: Any, title: str, headers: Sequence[tuple[str, float]], rows: int) -> None:
    """Title row, header row, widths, frozen headers, filter and A4-landscape printing."""
    last = get_column_letter(len(headers))
    ws.merge_cells(f"A1:{last}1")
    put(ws, "A1", title, TITLE_FONT, CENTRE).border = Border()
    ws.row_dimensions[1].height = 28
    for col, (name, width) in enumerate(headers, 1):
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = width
        put(ws, f"{letter}2", name, HEAD, CENTRE, SHADE)
    ws.freeze_panes = f"A{FIRST}"
    ws.auto_filter.ref = f"A2:{last}{max(FIRST - 1 + rows, 2)}"
    ws.print_title_rows = "1:2"
    landscape_a4(ws)


def _row(ws: Any, row: int, values: Sequence[object], fonts: Any = BODY) -> None:
    for col, value in enumerate(values, 1):
        put(ws, f"{get_column_letter(col)}{row}", value, fonts, CENTRE)


def case_table(ws: Any, cases: Sequence[ReviewedCase], title: str, case_sheets: Sequence[str | None]) -> None:
    """One row per case; 得分 links to the case's own sheet when there is one."""
    ws.title = CASES
    _frame(ws, title, CASE_COLUMNS, len(cases))
    for index, (case, sheet_name) in enumerate(zip(cases, case_sheets, strict=True), 1):
        row = FIRST + index - 1
        vetoes = "；".join(f"{t.id} {t.title}" for t in case.sheet.vetoes if t.triggered)
        score: object = case.sheet.score
        if sheet_name is not None:
            score = f"={quote_sheetname(sheet_name)}!{SCORE_CELL}"
        values = [
            index,
            unit_label(case),
            case.case_number,
            case.party,
            score,
            case.sheet.grade,
            vetoes or None,  # empty, not "": COUNTIF(…,"<>") counts only vetoed cases
            case.reviewer,
            review_date(case),
            case.source,
        ]
        for col, value in enumerate(values, 1):
            cell = ws.cell(row, col, value)
            cell.font = BODY
            cell.alignment = LEFT if col in (2, 3, 4, 7, 10) else CENTRE
        ws.cell(row, 9).number_format = DATE_FORMAT
        if sheet_name is not None:
            link = ws.cell(row, 3)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quote_sheetname(sheet_name)}!A1")
            link.font = LINK


def _cases_range(column: str, count: int) -> str:
    return f"{quote_sheetname(CASES)}!${column}${FIRST}:${column}${FIRST + count - 1}"


def unit_table(ws: Any, cases: Sequence[ReviewedCase], grades: Sequence[str]) -> None:
    """Per unit: counts, mean score and grade counts as formulas over 案卷汇总; charts beside."""
    ws.title = UNITS
    units = group_by_unit(cases)
    headers = [("执法单位", 26), ("案卷数", 8), ("平均分", 8), *((g, 8) for g in grades), ("主要问题", 60)]
    _frame(ws, "各执法单位评查情况", headers, len(units))
    n = len(cases)
    unit_col, score_col, grade_col = (_cases_range(c, n) for c in ("B", "E", "F"))
    for row, (unit, members) in enumerate(units.items(), FIRST):
        values: list[object] = [
            unit,
            f"=COUNTIF({unit_col},$A{row})",
            f"=ROUND(AVERAGEIF({unit_col},$A{row},{score_col}),2)",
            *(
                f"=COUNTIFS({unit_col},$A{row},{grade_col},{get_column_letter(col)}$2)"
                for col in range(4, 4 + len(grades))
            ),
            main_problems(members),
        ]
        _row(ws, row, values)
        ws.cell(row, 1).alignment = LEFT
        ws.cell(row, len(values)).alignment = WRAP
        fit_row(ws, row, [(str(values[-1]), 60)])
    total = FIRST + len(units)
    sums = [
        f"=SUM({get_column_letter(c)}{FIRST}:{get_column_letter(c)}{total - 1})"
        for c in range(4, 4 + len(grades))
    ]
    _row(
        ws,
        total,
        ["合计", f"=SUM(B{FIRST}:B{total - 1})", f"=ROUND(AVERAGE({score_col}),2)", *sums, ""],
        BOLD,
    )
    spread = total + 2
    put(ws, f"A{spread}", "等级", HEAD, CENTRE, SHADE)
    put(ws, f"B{spread}", "案卷数", HEAD, CENTRE, SHADE)
    put(ws, f"C{spread}", "占比", HEAD, CENTRE, SHADE)
    for row, grade in enumerate(grades, spread + 1):
        share = f"=IF($B${total}=0,0,B{row}/$B${total})"
        _row(ws, row, [grade, f"=COUNTIF({grade_col},$A{row})", share])
        ws.cell(row, 3).number_format = PERCENT

    if units:
        _unit_charts(ws, total, spread, grades, max(c.sheet.total for c in cases))


def _unit_charts(ws: Any, total: int, spread: int, grades: Sequence[str], y_max: float) -> None:
    """The grade pie beside the grade table and the mean-score bars beside it, under the unit
    table: on the printed page rather than off to its right."""
    pie = PieChart()
    pie.title = "等级分布"
    pie.add_data(
        Reference(ws, min_col=2, min_row=spread, max_row=spread + len(grades)), titles_from_data=True
    )
    pie.set_categories(Reference(ws, min_col=1, min_row=spread + 1, max_row=spread + len(grades)))
    pie.dataLabels = DataLabelList(showPercent=True, showVal=False, showCatName=False, showSerName=False)
    pie.width, pie.height = 8, 7
    ws.add_chart(pie, f"D{spread}")
    averages = BarChart()
    averages.type = "col"
    averages.title = "各单位平均分"
    averages.add_data(Reference(ws, min_col=3, min_row=2, max_row=total - 1), titles_from_data=True)
    averages.set_categories(Reference(ws, min_col=1, min_row=FIRST, max_row=total - 1))
    _tidy(averages, y_max)
    averages.width, averages.height = 15, 7
    ws.add_chart(averages, f"{get_column_letter(4 + len(grades))}{spread}")  # the 主要问题 column


def _tidy(chart: Any, y_max: float | None) -> None:
    chart.legend = None
    chart.width, chart.height = 18, 9
    chart.x_axis.delete = False  # openpyxl 3.1 leaves axes hidden in current Excel otherwise
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    if y_max is not None:
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = y_max
    chart.dataLabels = DataLabelList(showVal=True, showCatName=False, showSerName=False, showLegendKey=False)


def problem_table(ws: Any, cases: Sequence[ReviewedCase], standard: Standard | None) -> None:
    """Problems by rule (most widespread first) and by category, shares over all cases."""
    ws.title = PROBLEMS
    rows = frequencies(cases)
    headers = [
        ("序号", 6),
        ("规则或评查项", 12),
        ("问题", 34),
        ("类别", 14),
        ("次数", 8),
        ("涉及案卷数", 10),
        ("占比", 9),
    ]
    _frame(ws, "问题频次（按规则）", headers, len(rows))
    count = f"COUNT({_cases_range('A', len(cases))})"
    for row, item in enumerate(rows, FIRST):
        name = category_name(standard, item.category)
        _row(
            ws,
            row,
            [row - FIRST + 1, item.key, item.title, name, item.occurrences, item.cases, f"=F{row}/{count}"],
        )
        ws.cell(row, 3).alignment = LEFT
        ws.cell(row, 7).number_format = PERCENT
    if not rows:
        put(ws, f"A{FIRST}", "本批案卷没有扣分问题", BODY, LEFT)
    end = FIRST + max(len(rows), 1)

    start = end + 2
    order = [c.id for c in standard.categories] if standard is not None else []
    by_category = category_frequencies(cases, order)
    ws.merge_cells(f"A{start}:G{start}")
    put(ws, f"A{start}", "问题频次（按类别）", BOLD, CENTRE).border = Border()
    heads = ["序号", "类别", "", "扣分项次数", "涉及案卷数", "扣分合计", "占比"]
    for col, name in enumerate(heads, 1):
        put(ws, f"{get_column_letter(col)}{start + 1}", name, HEAD, CENTRE, SHADE)
    ws.merge_cells(f"B{start + 1}:C{start + 1}")
    for offset, figures in enumerate(by_category, 1):
        row = start + 1 + offset
        name = category_name(standard, figures.category)
        _row(
            ws, row, [offset, name, None, figures.items, figures.cases, figures.deduction, f"=E{row}/{count}"]
        )
        ws.merge_cells(f"B{row}:C{row}")
        ws.cell(row, 7).number_format = PERCENT

    if rows:
        top = BarChart()
        top.type = "bar"  # horizontal: long problem names stay readable
        top.title = f"问题频次前{min(TOP, len(rows))}位（涉及案卷数）"
        last = FIRST + min(TOP, len(rows)) - 1
        top.add_data(Reference(ws, min_col=6, min_row=2, max_row=last), titles_from_data=True)
        top.set_categories(Reference(ws, min_col=3, min_row=FIRST, max_row=last))
        top.x_axis.scaling.orientation = "maxMin"  # the most frequent at the top …
        top.y_axis.crosses = "max"  # … and the count axis still at the bottom
        _tidy(top, None)
        top.y_axis.scaling.min = 0
        top.y_axis.majorUnit = max(1, math.ceil(rows[0].cases / 6))  # whole cases, no 0.2 steps
        top.y_axis.number_format = "0"
        top.width, top.height = 16, 10
        ws.add_chart(top, "I2")


def reviewer_table(ws: Any, cases: Sequence[ReviewedCase]) -> None:
    ws.title = REVIEWERS
    rows = reviewers(cases)
    headers = [("评查人员", 16), ("案卷数", 8), ("平均分", 8), ("人工改判数", 11), ("人工扣分数", 11)]
    _frame(ws, "评查人员工作情况", headers, len(rows))
    for row, figures in enumerate(rows, FIRST):
        _row(ws, row, [figures.name, figures.cases, figures.average, figures.overrides, figures.manual])


def case_sheet_name(index: int, case: ReviewedCase, taken: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of []:*?/\\) for the ``index``-th case."""
    label = case.case_number or Path(case.source).stem or "案卷"
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in label).strip("'")
    name = f"{index} {clean}"[:31]
    suffix = 2
    while name in taken:
        name = f"{index} {clean}"[: 31 - len(str(suffix)) - 1] + f"~{suffix}"
        suffix += 1
    taken.add(name)
    return name
