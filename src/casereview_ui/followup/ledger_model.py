"""The 整改台账 as a Qt table model: one row per rectification item; overdue ones in red with
the working days past the deadline, closed ones muted."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from typing_extensions import override

from casereview.rectify.model import ItemStatus, RectifyItem
from casereview_ui.palette import FAIL, MUTED, PASS, ink

COLUMNS = ("编号", "执法单位", "案卷", "评查项目", "问题", "整改期限", "状态", "逾期", "整改报告", "说明")
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_BACKGROUND = QColor(253, 231, 231)
_Index = QModelIndex | QPersistentModelIndex


class LedgerModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._items: list[RectifyItem] = []
        self._labels: dict[int, str] = {}

    def set_items(self, items: Sequence[RectifyItem], labels: dict[int, str]) -> None:
        self.beginResetModel()
        self._items, self._labels = list(items), dict(labels)
        self.endResetModel()

    def item(self, row: int) -> RectifyItem:
        return self._items[row]

    def items(self) -> list[RectifyItem]:
        return list(self._items)

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def _text(self, item: RectifyItem, column: int) -> str:
        late = f"{item.overdue_days} 个工作日" if item.overdue_days is not None else ""
        values = (
            str(item.id),
            item.unit,
            self._labels.get(item.case_id, f"#{item.case_id}"),
            f"{item.item_id} {item.title}",
            item.reason,
            item.deadline.isoformat(),
            item.status.label,
            late,
            "、".join(item.reports),
            item.note,
        )
        return values[column]

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(item, column)
        if role == ITEM_ROLE:
            return item
        overdue = item.overdue_days is not None
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue and column in (5, 6, 7):
                return QBrush(ink(FAIL))
            if item.status is ItemStatus.CLOSED:
                return QBrush(MUTED)
            if item.status is ItemStatus.RECTIFIED and column == 6:
                return QBrush(ink(PASS))
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and overdue and column in (6, 7):
            font = QFont()
            font.setBold(True)
            return font
        return None
