"""The 评查一致性 sheet of a double-review session's workbook: the agreement of the two reviewers
overall, per reviewer, per reviewer pair and per standard item (:mod:`casereview.sessions.agreement`).

Figures are values, not formulas: the judgments they count are in no cell of the workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Border  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from casereview.export.scoresheet_layout import (
    BODY,
    BOLD,
    CENTRE,
    HEAD,
    LEFT,
    SHADE,
    TITLE_FONT,
    WRAP,
    fit_row,
    landscape_a4,
    put,
)
from casereview.sessions.agreement import AgreementStats, Measure

SHEET = "评查一致性"
PERCENT = "0.0%"
KAPPA = "0.00"
NONE = "—"  # no judgment to measure
WIDTHS = (16, 40, 10, 10, 10, 10, 10, 12, 14)
NOTE = (
    "一致率：两名评查人员对同一评查项目扣分相同的比例；Kappa：按“扣分/不扣分”计算的 Cohen's kappa，"
    "扣除偶然一致后的一致程度（0.81–1.00 几乎完全一致，0.61–0.80 高度一致，0.41–0.60 中等，"
    "0.21–0.40 一般，0.20 以下轻微）。两人均为“不适用”的项目不计入。"
)
PEOPLE_HEAD = (
    "评查人员",
    "合评人员",
    "双评案卷数",
    "比对项次",
    "一致项次",
    "一致率",
    "Kappa",
    "平均分差",
    "超出允许差值",
)
ITEM_HEAD = ("评查项目编号", "评查项目", "分值", "双评案卷数", "一致数", "一致率", "Kappa")


def _number(value: float | None) -> object:
    return NONE if value is None else value


def _measure(m: Measure) -> list[object]:
    return [m.cases, m.judgments, m.agreed, _number(m.rate), _number(m.kappa)]


def _heading(ws: Any, row: int, text: str) -> int:
    ws.merge_cells(f"A{row}:{get_column_letter(len(WIDTHS))}{row}")
    put(ws, f"A{row}", text, BOLD, LEFT).border = Border()
    return row + 1


def _header(ws: Any, row: int, names: Sequence[str]) -> int:
    for col, name in enumerate(names, 1):
        put(ws, f"{get_column_letter(col)}{row}", name, HEAD, CENTRE, SHADE)
    return row + 1


def _line(ws: Any, row: int, values: Sequence[object], rate_col: int) -> int:
    for col, value in enumerate(values, 1):
        cell = put(ws, f"{get_column_letter(col)}{row}", value, BODY, CENTRE)
        if col == rate_col and value != NONE:
            cell.number_format = PERCENT
        elif col == rate_col + 1 and value != NONE:
            cell.number_format = KAPPA
    ws.cell(row, 1).alignment = LEFT
    return row + 1


def write_agreement_sheet(workbook: Any, stats: AgreementStats) -> None:
    """Append the 评查一致性 sheet to ``workbook`` (an openpyxl Workbook)."""
    ws = workbook.create_sheet(SHEET)
    for col, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    last = get_column_letter(len(WIDTHS))
    ws.merge_cells(f"A1:{last}1")
    title = f"双评一致性统计（允许差值 {stats.tolerance:g} 分）"
    put(ws, "A1", title, TITLE_FONT, CENTRE).border = Border()
    ws.row_dimensions[1].height = 28
    ws.merge_cells(f"A2:{last}2")
    put(ws, "A2", NOTE, BODY, WRAP).border = Border()
    ws.row_dimensions[2].height = 46

    row = _heading(ws, 4, "总体")
    row = _header(ws, row, ("", "", *PEOPLE_HEAD[2:]))
    overall = ["全部双评案卷", "", *_measure(stats.overall), _number(stats.mean_difference)]
    row = _line(ws, row, [*overall, stats.beyond_tolerance], 6)

    row = _heading(ws, row + 1, "按评查人员")
    row = _header(ws, row, PEOPLE_HEAD)
    for person in stats.reviewers:
        values = [person.reviewer, "、".join(person.partners), *_measure(person.measure)]
        row = _line(ws, row, [*values, _number(person.mean_difference), person.beyond_tolerance], 6)

    row = _heading(ws, row + 1, "按评查人员组合")
    row = _header(ws, row, ("评查人员组合", "", *PEOPLE_HEAD[2:]))
    for pair in stats.pairs:
        values = [f"{pair.first}、{pair.second}", "", *_measure(pair.measure)]
        row = _line(ws, row, [*values, _number(pair.mean_difference), pair.beyond_tolerance], 6)

    row = _heading(ws, row + 1, "按评查项目")
    row = _header(ws, row, ITEM_HEAD)
    for item in stats.items:
        m = item.measure
        values = [
            item.item_id,
            item.title,
            item.points,
            m.judgments,
            m.agreed,
            _number(m.rate),
            _number(m.kappa),
        ]
        row = _line(ws, row, values, 6)
        ws.cell(row - 1, 2).alignment = WRAP
        fit_row(ws, row - 1, [(item.title, WIDTHS[1])])

    landscape_a4(ws)
