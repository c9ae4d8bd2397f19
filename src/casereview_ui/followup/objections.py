"""异议 tab beside the 评查 tab: the shown case's objections in the session (read-only) — which
item, the unit's reason and deadline, the re-review's result and reason. Selecting one selects
its item in the 评查 panel, so the finding and the objection are read side by side."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casereview.db import Database
from casereview.rectify.model import Objection, ObjectionStatus
from casereview.rectify.objections import list_objections
from casereview.standards.checks import fmt_points
from casereview_ui.palette import NEEDS_REVIEW, PASS, ink

COLUMNS = ("编号", "评查项目", "状态", "异议理由", "复核结论")


def load_objections(database: Database, session_id: int, case_id: int) -> list[Objection]:
    with database.session_scope(readonly=True) as session:
        return list_objections(session, session_id, case_id=case_id)


class ObjectionsPanel(QWidget):
    item_requested = Signal(str)  # the standard item an objection is about
    decide_requested = Signal(object)  # the pending Objection to re-review (复核)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectionsPanel")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("objectionsTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)  # one 复核 at a time
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 4):  # the two reasons share the width of the dock
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.decide_button = QPushButton(self.tr("复核…"), self)
        self.decide_button.setObjectName("decideObjection")
        self.decide_button.setEnabled(False)
        self.decide_button.clicked.connect(self._decide)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.decide_button)
        layout.addLayout(row)
        self._objections: list[Objection] = []
        self.set_objections(None)

    def set_objections(self, objections: Sequence[Objection] | None) -> None:
        """None: no session or no stored case (nothing to show). The selected objection stays
        selected when the list is read again."""
        before = self.selected()
        self._objections = list(objections or [])
        self.table.setRowCount(len(self._objections))
        for row, o in enumerate(self._objections):
            material = f"（材料：{'、'.join(o.attachments)}）" if o.attachments else ""
            filed = f"{o.reason}{material}\n{o.filed_by}，{o.filed_on.isoformat()} 提出（期限 {o.deadline.isoformat()}）"
            decided = f"{o.decision_reason}（{o.decided_by}）" if o.decision_reason else ""
            values = (
                f"#{o.id}",
                f"{o.item_id}\n原扣 {fmt_points(o.original_deduction)} 分",
                o.status.label,
                filed,
                decided,
            )
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column == 2:
                    colour = NEEDS_REVIEW if o.status is ObjectionStatus.PENDING else PASS
                    cell.setForeground(QBrush(ink(colour)))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        ids = [o.id for o in self._objections]
        if before is not None and before.id in ids:
            self.table.selectRow(ids.index(before.id))
        else:
            self.decide_button.setEnabled(False)
        if objections is None:
            self.summary.setText(self.tr("选择评查会话中的案卷后显示其异议与复核"))
        elif not self._objections:
            self.summary.setText(self.tr("本案卷没有异议"))
        else:
            pending = sum(1 for o in self._objections if o.status is ObjectionStatus.PENDING)
            self.summary.setText(
                self.tr("本案卷异议 {0} 件，待复核 {1} 件").format(len(self._objections), pending)
            )

    def objections(self) -> list[Objection]:
        return list(self._objections)

    def selected(self) -> Objection | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self._objections[rows.pop()] if len(rows) == 1 else None

    def _selected(self) -> None:
        chosen = self.selected()
        self.decide_button.setEnabled(chosen is not None and chosen.status is ObjectionStatus.PENDING)
        if chosen is not None:
            self.item_requested.emit(chosen.item_id)

    def _decide(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.status is ObjectionStatus.PENDING:
            self.decide_requested.emit(chosen)

    def title(self) -> str:
        pending = sum(1 for o in self._objections if o.status is ObjectionStatus.PENDING)
        return f"异议（{pending}）" if pending else "异议"
