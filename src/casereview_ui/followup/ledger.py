"""整改台账 in the window: a session's rectification items (one unit or all, overdue only if asked)
with 附整改报告 / 核查 / 销号 on the selected items. Every read and write runs on the task runner
through ``casereview.rectify``; a refused step comes back as its Chinese message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from casereview.db import Database
from casereview.db.cases import case_labels_of
from casereview.errors import CaseReviewError
from casereview.messages import describe
from casereview.rectify.attachments import read_attachment
from casereview.rectify.items import attach_report, close_item, verify_item
from casereview.rectify.ledger import list_items, status_counts
from casereview.rectify.model import ItemStatus, RectifyItem
from casereview_ui.dialogs.prompts import Prompts
from casereview_ui.followup.ledger_model import LedgerModel
from casereview_ui.followup.note_dialog import ask_note, ask_verification
from casereview_ui.workers import TaskRunner

ALL_UNITS = "全部执法单位"
Ledger = tuple[list[RectifyItem], dict[int, str]]


def load_ledger(database: Database, session_id: int, today: dt.date | None = None) -> Ledger:
    """The session's items and the case labels they show (one read transaction)."""
    with database.session_scope(readonly=True) as session:
        items = list_items(session, session_id, today=today)
        return items, case_labels_of(session, [i.case_id for i in items])


class LedgerFilter(QSortFilterProxyModel):
    """One unit (None: all) and overdue only; sorting by any column stays possible."""

    def __init__(self, model: LedgerModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self._ledger = model
        self._unit: str | None = None
        self._overdue = False

    def set_filter(self, unit: str | None, overdue: bool) -> None:
        self.beginFilterChange()
        self._unit, self._overdue = unit, overdue
        self.endFilterChange()

    @override
    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        item = self._ledger.item(source_row)
        if self._unit is not None and item.unit != self._unit:
            return False
        return not (self._overdue and item.overdue_days is None)


class LedgerDialog(QDialog):
    loaded = Signal()  # the table shows the ledger as stored now

    def __init__(
        self,
        database: Database,
        session_id: int,
        session_name: str,
        actor: str,
        runner: TaskRunner,
        prompts: Prompts,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerDialog")
        self.setWindowTitle(self.tr("整改台账 — {0}").format(session_name))
        self.database, self.session_id, self.actor = database, session_id, actor
        self.runner, self.prompts, self.today = runner, prompts, today
        self.model = LedgerModel()
        self.proxy = LedgerFilter(self.model, self)
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("unitCombo")
        self.unit_combo.addItem(ALL_UNITS)
        self.unit_combo.currentTextChanged.connect(self._filter)
        self.overdue_only = QCheckBox(self.tr("只看逾期"), self)
        self.overdue_only.toggled.connect(self._filter)
        self.counts = QLabel(self)
        self.counts.setObjectName("ledgerCounts")
        self.table = QTableView(self)
        self.table.setObjectName("ledgerTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((44, 150, 190, 250, 0, 90, 84, 84, 200, 150)):
            if width:
                self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the problem takes the rest
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("执法单位"), self))
        top.addWidget(self.unit_combo)
        top.addWidget(self.overdue_only)
        top.addSpacing(16)
        top.addWidget(self.counts, 1)
        buttons = QHBoxLayout()
        self.attach_button = self._button(self.tr("附整改报告…"), self.attach_clicked, buttons)
        self.verify_button = self._button(self.tr("核查…"), self.verify_clicked, buttons)
        self.close_button = self._button(self.tr("销号…"), self.close_clicked, buttons)
        buttons.addStretch(1)
        self._button(self.tr("刷新"), self.reload, buttons)
        self._button(self.tr("关闭"), self.accept, buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(1440, 560)
        self.reload()

    def _button(self, text: str, slot: Callable[[], object], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # -- reading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        database, session_id, today = self.database, self.session_id, self.today
        self.runner.run_task(
            lambda _p, _c: load_ledger(database, session_id, today),
            on_done=self._show,
            on_error=self._failed,
            kind=f"ledger-{id(self)}",
        )

    def _show(self, result: object) -> None:
        assert isinstance(result, tuple)
        items: list[RectifyItem] = result[0]
        labels: dict[int, str] = result[1]
        self.model.set_items(items, labels)
        units = sorted({i.unit for i in items})
        current = self.unit_combo.currentText()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        self.unit_combo.addItems([ALL_UNITS, *units])
        self.unit_combo.setCurrentText(current if current in units else ALL_UNITS)
        self.unit_combo.blockSignals(False)
        self._filter()
        self.loaded.emit()

    def _filter(self) -> None:
        unit = self.unit_combo.currentText()
        self.proxy.set_filter(None if unit == ALL_UNITS else unit, self.overdue_only.isChecked())
        shown = self.visible_items()
        counts = status_counts(shown)
        late = sum(1 for i in shown if i.overdue_days is not None)
        text = "，".join(f"{s.label} {n}" for s, n in counts.items() if n)
        self.counts.setText(
            self.tr("共 {0} 项{1}{2}").format(
                len(shown),
                f"：{text}" if text else "",
                f"；<b style='color:#b2191a'>逾期 {late} 项</b>" if late else "",
            )
        )

    def visible_items(self) -> list[RectifyItem]:
        return [
            self.model.item(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in range(self.proxy.rowCount())
        ]

    def selected_items(self) -> list[RectifyItem]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.item(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows]

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for row in range(self.proxy.rowCount()):
            item = self.model.item(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if item.id in ids:
                flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
                selection.select(self.proxy.index(row, 0), flags)

    # -- changes ---------------------------------------------------------------------------------
    def _selection_or_error(self) -> list[RectifyItem]:
        chosen = self.selected_items()
        if not chosen:
            self.prompts.error(self, self.tr("整改台账"), self.tr("请先在台账中选择事项"))
        return chosen

    def attach_clicked(self) -> None:
        chosen = self._selection_or_error()
        path = self.prompts.open_attachment(self) if chosen else None
        if path:
            self.attach(Path(path), chosen)

    def attach(self, path: Path, items: list[RectifyItem]) -> None:
        """Attach the unit's 整改报告 at ``path`` to ``items`` (of the first item's unit)."""
        unit, ids = items[0].unit, [i.id for i in items]

        def write() -> None:
            report = read_attachment(path)  # read and checked before any transaction starts
            with self.database.session_scope() as session:
                attach_report(session, self.session_id, unit, ids, report, self.actor)

        self._write(write)

    def verify_clicked(self) -> None:
        chosen = self._selection_or_error()
        answer = ask_verification(self, len(chosen)) if chosen else None
        if answer is not None:
            self.verify(chosen, *answer)

    def verify(self, items: list[RectifyItem], status: ItemStatus, note: str) -> None:
        def write() -> None:
            with self.database.session_scope() as session:  # one transaction: all or none
                for item in items:
                    verify_item(session, self.session_id, item.unit, item.id, status, note, self.actor)

        self._write(write)

    def close_clicked(self) -> None:
        chosen = self._selection_or_error()
        note = (
            ask_note(self, self.tr("销号"), self.tr("销号说明（已认定已整改的可不填）：")) if chosen else None
        )
        if note is not None:
            self.close_items(chosen, note)

    def close_items(self, items: list[RectifyItem], note: str) -> None:
        def write() -> None:
            with self.database.session_scope() as session:
                for item in items:
                    close_item(session, self.session_id, item.id, note, self.actor, unit=item.unit)

        self._write(write)

    def _write(self, write: Callable[[], None]) -> None:
        self.runner.run_task(
            lambda _p, _c: write(),
            on_done=lambda _r: self.reload(),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        text = describe(exc) if isinstance(exc, CaseReviewError) else str(exc)
        self.prompts.error(self, self.tr("整改台账"), text)
