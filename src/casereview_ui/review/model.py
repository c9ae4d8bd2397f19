"""The 评查 tree: categories → items of the active standard → the machine's findings for each item.

Rebuilt from each new score sheet (a decision re-scores the whole case); the view keeps its
selection and expansion by item id, so a decision never throws the reviewer off their place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from casereview.domain.findings import Finding, Status
from casereview.domain.model import Evidence
from casereview.scoring import DecisionKind, ItemResult, ItemStatus, ScoreSheet
from casereview.standards.schema import Standard
from casereview_ui import palette

ITEM_ROLE = Qt.ItemDataRole.UserRole + 30  # str: the item id (on item and finding rows)
FINDING_ROLE = Qt.ItemDataRole.UserRole + 31  # Finding (finding rows)
ROW_KIND_ROLE = Qt.ItemDataRole.UserRole + 32  # "category" | "item" | "finding"
EVIDENCE_LIST_ROLE = Qt.ItemDataRole.UserRole + 33  # tuple[Evidence, ...]

STATUS_COLOURS: dict[ItemStatus, QColor] = {
    ItemStatus.DEDUCTED: palette.ink(palette.FAIL),
    ItemStatus.NEEDS_REVIEW: palette.ink(palette.NEEDS_REVIEW),
    ItemStatus.PENDING: palette.ink(palette.FIELD),
    ItemStatus.PASS: palette.ink(palette.PASS),
    ItemStatus.NOT_APPLICABLE: palette.MUTED,
}
FINDING_STATUS_TEXT: dict[Status, str] = {
    Status.FAIL: "不符合",
    Status.PASS: "符合",
    Status.NEEDS_REVIEW: "待人工确认",
    Status.NOT_APPLICABLE: "不适用",
}
DECISION_MARKS: dict[DecisionKind, str] = {
    DecisionKind.ACCEPT: "✔ 已确认",
    DecisionKind.OVERRIDE: "✎ 已改判",
    DecisionKind.MANUAL: "＋ 人工扣分",
}
ATTENTION = (ItemStatus.DEDUCTED, ItemStatus.NEEDS_REVIEW, ItemStatus.PENDING)


def points_text(value: float) -> str:
    return f"{value:g}"


def item_evidence(result: ItemResult) -> tuple[Evidence, ...]:
    """Where to look for an item: the reviewer's marked region, then the failing findings' evidence,
    then any finding's evidence."""
    found: list[Evidence] = []
    if result.decision is not None and result.decision.region is not None:
        found.append(result.decision.region)
    ordered = sorted(result.findings, key=lambda f: f.status is not Status.FAIL)
    for finding in ordered:
        found.extend(finding.evidence)
    return tuple(found)


def _cell(text: str, item_id: str | None, kind: str) -> QStandardItem:
    cell = QStandardItem(text)
    cell.setEditable(False)
    cell.setData(item_id, ITEM_ROLE)
    cell.setData(kind, ROW_KIND_ROLE)
    return cell


class FindingsModel(QStandardItemModel):
    """Columns 评查项目 / 结果 / 扣分."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sheet: ScoreSheet | None = None
        self._set_headers()

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("评查项目"), self.tr("结果"), self.tr("扣分")])

    def set_sheet(self, sheet: ScoreSheet | None, standard: Standard | None) -> None:
        self.removeRows(0, self.rowCount())
        self.sheet = sheet
        if sheet is None or standard is None:
            return
        for category in standard.categories:
            results = [r for r in sheet.items if r.category == category.id]
            if not results:
                continue
            lost = sum(r.deduction for r in results)
            head = _cell(f"{category.name}（{points_text(category.points)}分）", None, "category")
            bold = QFont()
            bold.setBold(True)
            head.setFont(bold)
            status = _cell(self.tr("扣 {0} 分").format(points_text(lost)) if lost else "", None, "category")
            for result in results:
                head.appendRow(self._item_row(result))
            self.appendRow([head, status, _cell("", None, "category")])

    def _item_row(self, result: ItemResult) -> list[QStandardItem]:
        title = _cell(f"{result.item_id}  {result.title}", result.item_id, "item")
        title.setData(item_evidence(result), EVIDENCE_LIST_ROLE)
        status_text = result.status.value
        if result.decision is not None:
            status_text = f"{status_text}  {DECISION_MARKS[result.decision.kind]}"
        status = _cell(status_text, result.item_id, "item")
        colour = QBrush(STATUS_COLOURS[result.status])
        status.setForeground(colour)
        deduction = _cell(
            f"−{points_text(result.deduction)} / {points_text(result.points)}"
            if result.deduction
            else f"0 / {points_text(result.points)}",
            result.item_id,
            "item",
        )
        if result.deduction:
            deduction.setForeground(colour)
        tip = result.reason or result.title
        for cell in (title, status, deduction):
            cell.setToolTip(tip)
        for finding in result.findings:
            title.appendRow(self._finding_row(result.item_id, finding))
        return [title, status, deduction]

    def _finding_row(self, item_id: str, finding: Finding) -> list[QStandardItem]:
        text = f"{finding.rule}  {finding.message}" if finding.message else finding.rule
        cell = _cell(text, item_id, "finding")
        cell.setData(finding, FINDING_ROLE)
        cell.setData(tuple(finding.evidence), EVIDENCE_LIST_ROLE)
        cell.setToolTip(finding.message)
        status = _cell(FINDING_STATUS_TEXT.get(finding.status, str(finding.status)), item_id, "finding")
        if finding.status is Status.FAIL:
            status.setForeground(QBrush(STATUS_COLOURS[ItemStatus.DEDUCTED]))
        elif finding.status is Status.NEEDS_REVIEW:
            status.setForeground(QBrush(STATUS_COLOURS[ItemStatus.NEEDS_REVIEW]))
        pages = sorted({e.page for e in finding.evidence})
        where = _cell(
            self.tr("第{0}页").format("、".join(map(str, pages[:4]))) if pages else "", item_id, "finding"
        )
        return [cell, status, where]

    # -- lookups ---------------------------------------------------------------------------------
    def item_index(self, item_id: str) -> Any:
        """The QModelIndex of an item's row (column 0), invalid when absent."""
        for row in range(self.rowCount()):
            head = self.item(row, 0)
            for child in range(head.rowCount()):
                cell = head.child(child, 0)
                if cell.data(ITEM_ROLE) == item_id:
                    return cell.index()
        return self.index(-1, -1)

    def item_ids(self) -> list[str]:
        return [r.item_id for r in self.sheet.items] if self.sheet is not None else []

    def attention_ids(self) -> list[str]:
        """Items a reviewer must look at, in sheet order: deducted, waiting, or decided."""
        if self.sheet is None:
            return []
        return [r.item_id for r in self.sheet.items if r.status in ATTENTION or r.decision is not None]


def first_failing(sheet: ScoreSheet) -> str | None:
    """The first item the machine deducted points on (else the first waiting for a person)."""
    for wanted in (ItemStatus.DEDUCTED, ItemStatus.NEEDS_REVIEW):
        for result in sheet.items:
            if result.status is wanted and result.findings:
                return result.item_id
    return None


def evidence_list(values: object) -> Sequence[Evidence]:
    return tuple(v for v in values if isinstance(v, Evidence)) if isinstance(values, tuple) else ()
