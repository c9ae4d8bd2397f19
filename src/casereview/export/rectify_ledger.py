"""The 整改台账 workbook of a review session: every rectification item with its status, the
status counts per unit, and the objections with their re-review (异议复核).

Counts are values, not formulas: a workbook opened in WPS without recalculation shows them too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from casereview.export.scoresheet_layout import BODY, BOLD, CENTRE, HEAD, SHADE, TITLE_FONT, WRAP, put
from casereview.office.atomic import save_atomically
from casereview.rectify.ledger import status_counts
from casereview.rectify.model import ItemStatus as S
from casereview.rectify.model import Objection, RectifyItem

LEDGER = "整改台账"
COUNTS = "状态统计"
OBJECTIONS = "异议复核"
TOTAL = "合计"
OVERDUE = "逾期"
DATE = "yyyy-mm-dd"
ITEM_HEAD = (
    ("事项编号", 9),
    ("执法单位", 22),
    ("案卷", 22),
    ("评查项目", 10),
    ("项目名称", 26),
    ("规则", 12),
    ("问题", 40),
    ("整改期限", 12),
    ("状态", 11),
    ("逾期工作日", 10),
    ("整改报告", 24),
    ("核查/销号说明", 30),
    ("核查人", 9),
    ("销号人", 9),
)
OBJECTION_HEAD = (
    ("异议编号", 9),
    ("执法单位", 22),
    ("案卷", 22),
    ("评查项目", 10),
    ("提出日期", 12),
    ("异议期限", 12),
    ("异议理由", 36),
    ("附件", 22),
    ("原评查人员", 11),
    ("原扣分", 8),
    ("复核结论", 9),
    ("复核人", 9),
    ("复核意见", 36),
    ("变更后扣分", 10),
    ("得分变化", 14),
    ("等次变化", 14),
)


def table(ws: Any, title: str, head: Sequence[tuple[str, float]]) -> None:
    put(ws, "A1", title, TITLE_FONT, CENTRE)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(head))
    for col, (name, width) in enumerate(head, 1):
        put(ws, f"{get_column_letter(col)}2", name, HEAD, CENTRE, SHADE)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A3"


def row_values(ws: Any, row: int, values: Sequence[object]) -> None:
    for col, value in enumerate(values, 1):
        cell = put(ws, f"{get_column_letter(col)}{row}", value, BODY, WRAP)
        if isinstance(value, dt.date):
            cell.number_format = DATE


def _label(labels: Mapping[int, str], case_id: int) -> str:
    return labels.get(case_id) or f"#{case_id}"


def items_sheet(ws: Any, session_name: str, items: Sequence[RectifyItem], labels: Mapping[int, str]) -> None:
    table(ws, f"{session_name} 整改台账", ITEM_HEAD)
    for row, item in enumerate(items, 3):
        values = (
            item.id,
            item.unit,
            _label(labels, item.case_id),
            item.item_id,
            item.title,
            "、".join(item.rules),
            item.reason,
            item.deadline,
            item.status.label,
            item.overdue_days if item.overdue_days is not None else "",
            "、".join(item.reports),
            item.note,
            item.verified_by or "",
            item.closed_by or "",
        )
        row_values(ws, row, values)


def _counts_sheet(ws: Any, items: Sequence[RectifyItem]) -> None:
    head = [("执法单位", 24)] + [(s.label, 10) for s in S] + [(OVERDUE, 8), (TOTAL, 8)]
    table(ws, "整改事项状态统计", head)
    units = list(dict.fromkeys(i.unit for i in items))
    rows = [(u, [i for i in items if i.unit == u]) for u in units] + [(TOTAL, list(items))]
    for row, (unit, unit_items) in enumerate(rows, 3):
        counts = status_counts(unit_items)
        overdue = sum(1 for i in unit_items if i.overdue_days is not None)
        row_values(ws, row, [unit, *(counts[s] for s in S), overdue, len(unit_items)])
        if unit == TOTAL:
            for col in range(1, len(head) + 1):
                ws.cell(row=row, column=col).font = BOLD


def _change(outcome: Mapping[str, object] | None, old: str, new: str) -> str:
    if not outcome or old not in outcome:  # 维持, or a 变更 decided offline (scored at the merge)
        return ""
    return f"{outcome.get(old)} → {outcome.get(new)}"


def objections_sheet(ws: Any, objections: Sequence[Objection], labels: Mapping[int, str]) -> None:
    table(ws, "异议及复核情况", OBJECTION_HEAD)
    for row, o in enumerate(objections, 3):
        outcome = o.outcome or {}
        values = (
            o.id,
            o.unit,
            _label(labels, o.case_id),
            o.item_id,
            o.filed_on,
            o.deadline,
            o.reason,
            "、".join(o.attachments),
            o.original_reviewer,
            o.original_deduction,
            o.status.label,
            o.decided_by or "",
            o.decision_reason or "",
            outcome.get("new_deduction", ""),
            _change(o.outcome, "old_score", "new_score"),
            _change(o.outcome, "old_grade", "new_grade"),
        )
        row_values(ws, row, values)


def write_ledger(
    path: Path,
    session_name: str,
    items: Sequence[RectifyItem],
    objections: Sequence[Objection],
    labels: Mapping[int, str] | None = None,
) -> Path:
    """Write the workbook whole or not at all (CaseReviewError WRITE_FAILED naming ``path``)."""
    labels = labels or {}
    workbook = Workbook()
    ledger = workbook.active
    ledger.title = LEDGER
    items_sheet(ledger, session_name, items, labels)
    _counts_sheet(workbook.create_sheet(COUNTS), items)
    objections_sheet(workbook.create_sheet(OBJECTIONS), objections, labels)
    save_atomically(workbook, path)
    return path
