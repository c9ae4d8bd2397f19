"""校准报告 (XLSX): a calibration round's figures per trainee, per standard item (with the items most
often missed first on their own sheet) and every difference from gold
(:mod:`casereview.calibration.report`). Values, not formulas: the judgments are in no cell."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from casereview.calibration.report import CalibrationReport
from casereview.export.scoresheet_layout import (
    BODY,
    CENTRE,
    HEAD,
    SHADE,
    TITLE_FONT,
    WRAP,
    fit_row,
    landscape_a4,
    put,
    save_workbook,
)
from casereview.sessions.agreement import Measure

TRAINEES = "学员汇总"
MISSED = "常见漏扣项目"
ITEMS = "评查项目"
DIFFERENCES = "差异明细"
NONE = "—"
NOTE = (
    "与标准答案（组长的评查）逐项比对。一致：扣分相同；Kappa：按“扣分/不扣分”计算的 Cohen's kappa"
    "（标准答案为评价者甲）；漏扣：标准答案扣分而学员未扣；多扣：标准答案未扣而学员扣分。"
    "双方均为“不适用”的项目不计入。"
)


def _measure(m: Measure) -> list[object]:
    return [m.judgments, m.agreed, NONE if m.rate is None else m.rate, NONE if m.kappa is None else m.kappa]


def _sheet(
    book: Any,
    title: str,
    heading: str,
    head: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[int],
) -> Any:
    ws = book.create_sheet(title)
    last = get_column_letter(len(head))
    ws.merge_cells(f"A1:{last}1")
    put(ws, "A1", heading, TITLE_FONT, CENTRE)
    ws.row_dimensions[1].height = 26
    for index, (text, width) in enumerate(zip(head, widths, strict=True), 1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = width
        put(ws, f"{letter}2", text, HEAD, CENTRE, SHADE)
    for r, values in enumerate(rows, 3):
        fit_row(ws, r, [(str(v), w) for v, w in zip(values, widths, strict=False) if isinstance(v, str)])
        for index, value in enumerate(values, 1):
            cell = put(ws, f"{get_column_letter(index)}{r}", value, BODY, WRAP)
            if isinstance(value, float) and text_is_rate(head[index - 1]):
                cell.number_format = "0.0%"
            elif isinstance(value, float) and head[index - 1] == "Kappa":
                cell.number_format = "0.00"
    ws.freeze_panes = "A3"
    landscape_a4(ws)
    ws.print_title_rows = "2:2"
    return ws


def text_is_rate(header: str) -> bool:
    return header.endswith("率")


def write_calibration_report(report: CalibrationReport, path: Path) -> Path:
    book = Workbook()
    book.remove(book.active)
    title = f"校准报告：{report.round_name}（标准答案案卷{report.cases}件）"
    rows: list[list[object]] = [
        [
            t.trainee,
            t.measure.cases,
            *_measure(t.measure),
            t.missed,
            t.extra,
            NONE if t.mean_difference is None else t.mean_difference,
        ]
        for t in report.trainees
    ]
    rows += [[name, "未提交", "", "", "", "", "", "", ""] for name in report.pending]
    head = ("学员", "案卷数", "比对项次", "一致项次", "一致率", "Kappa", "漏扣", "多扣", "平均分差")
    ws = _sheet(book, TRAINEES, title, head, rows, (14, 8, 10, 10, 10, 10, 8, 8, 10))
    note_row = len(rows) + 4
    ws.merge_cells(f"A{note_row}:I{note_row}")
    put(ws, f"A{note_row}", NOTE, BODY, WRAP)
    ws.row_dimensions[note_row].height = 36

    item_head = (
        "项目编号",
        "评查项目",
        "分值",
        "比对项次",
        "一致项次",
        "一致率",
        "Kappa",
        "漏扣",
        "多扣",
        "漏扣学员",
    )
    widths = (10, 36, 6, 10, 10, 10, 10, 8, 8, 20)

    def item_row(i: Any) -> list[object]:
        return [i.item_id, i.title, i.points, *_measure(i.measure), i.missed, i.extra, "、".join(i.missed_by)]

    _sheet(
        book,
        MISSED,
        "最常漏扣的评查项目",
        item_head,
        [item_row(i) for i in report.most_missed(len(report.items))],
        widths,
    )
    _sheet(book, ITEMS, "各评查项目一致性", item_head, [item_row(i) for i in report.items], widths)
    diff_rows = [
        [t.trainee, d.case_id, d.item_id, d.title, d.gold, d.trainee, d.kind, d.gold_reason, d.trainee_reason]
        for t in report.trainees
        for d in t.differences
    ]
    diff_head = (
        "学员",
        "案卷编号",
        "项目编号",
        "评查项目",
        "标准答案扣分",
        "学员扣分",
        "差异",
        "标准答案理由",
        "学员理由",
    )
    _sheet(book, DIFFERENCES, "与标准答案的差异", diff_head, diff_rows, (12, 9, 10, 30, 10, 9, 9, 30, 30))
    save_workbook(book, path)
    return path
