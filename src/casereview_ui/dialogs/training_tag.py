"""Training mode: tag a case or a page range 优秀 / 典型差案 with a note, and list a case's tags.

The dialog only asks; the caller stores the request with :func:`casereview.training.add_tag` (which
checks it again) and feeds the stored tags back to :class:`TrainingTagList`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from casereview.training.tags import TagRecord, TrainingTag
from casereview_ui.labels import page_range

_TAG_ID = Qt.ItemDataRole.UserRole + 1
_FIRST_PAGE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class TagRequest:
    tag: TrainingTag
    first_page: int | None  # None with last_page: the whole case file
    last_page: int | None
    note: str


class TrainingTagDialog(QDialog):
    def __init__(self, page_count: int, current_page: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("标记典型案例"))
        page_count = max(page_count, 1)
        current_page = min(max(current_page, 1), page_count)

        self.good_radio = QRadioButton(self.tr("优秀"), self)
        self.poor_radio = QRadioButton(self.tr("典型差案"), self)
        self.good_radio.setChecked(True)
        self._tags = QButtonGroup(self)
        self._tags.addButton(self.good_radio)
        self._tags.addButton(self.poor_radio)

        self.whole_radio = QRadioButton(self.tr("整个案卷"), self)
        self.range_radio = QRadioButton(self.tr("页码范围"), self)
        self.whole_radio.setChecked(True)
        self._scopes = QButtonGroup(self)
        self._scopes.addButton(self.whole_radio)
        self._scopes.addButton(self.range_radio)
        self.first_spin = self._spin(page_count, current_page)
        self.last_spin = self._spin(page_count, current_page)
        self.first_spin.valueChanged.connect(self._first_changed)
        self.last_spin.setMinimum(current_page)  # the range never runs backwards
        self.range_radio.toggled.connect(self._scope_changed)

        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(self.tr("必填：为什么是优秀或典型差案，供案例汇编使用"))
        self.note_edit.textChanged.connect(self._update_ok)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self._lay_out(page_count)
        self.setMinimumWidth(420)
        self._scope_changed(False)
        self._update_ok()

    def _spin(self, page_count: int, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, page_count)
        spin.setValue(value)
        return spin

    def _lay_out(self, page_count: int) -> None:
        tags = QHBoxLayout()
        tags.addWidget(self.good_radio)
        tags.addWidget(self.poor_radio)
        tags.addStretch(1)
        pages = QHBoxLayout()
        pages.addWidget(self.range_radio)
        pages.addWidget(QLabel(self.tr("第"), self))
        pages.addWidget(self.first_spin)
        pages.addWidget(QLabel(self.tr("至"), self))
        pages.addWidget(self.last_spin)
        pages.addWidget(QLabel(self.tr("页（共 {0} 页）").format(page_count), self))
        pages.addStretch(1)
        scope = QVBoxLayout()
        scope.addWidget(self.whole_radio)
        scope.addLayout(pages)
        form = QFormLayout(self)
        form.addRow(self.tr("标记"), tags)
        form.addRow(self.tr("范围"), scope)
        form.addRow(self.tr("说明"), self.note_edit)
        form.addRow(self.buttons)

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _first_changed(self, first: int) -> None:
        self.last_spin.setMinimum(first)  # raises the last page along when it would fall behind

    def _scope_changed(self, page_range: bool) -> None:
        self.first_spin.setEnabled(page_range)
        self.last_spin.setEnabled(page_range)

    def _update_ok(self) -> None:
        self.ok_button().setEnabled(bool(self.note_edit.toPlainText().strip()))

    def request(self) -> TagRequest:
        tag = TrainingTag.GOOD if self.good_radio.isChecked() else TrainingTag.POOR
        note = self.note_edit.toPlainText().strip()
        if self.whole_radio.isChecked():
            return TagRequest(tag, None, None, note)
        return TagRequest(tag, self.first_spin.value(), self.last_spin.value(), note)


def _pages_label(record: TagRecord) -> str:
    if record.first_page is None or record.last_page is None:
        return QCoreApplication.translate("training_tag", "整卷")
    return page_range(record.first_page, record.last_page)


class TrainingTagList(QWidget):
    """A case's tags; double-click goes to the tagged pages, "删除" asks the caller to delete one."""

    delete_requested = Signal(int)  # tag id
    page_requested = Signal(int)  # first tagged page (1 for a whole-case tag)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("标记"), self.tr("页码"), self.tr("说明"), self.tr("标记人"), self.tr("日期")]
        )
        self.view = QTreeView(self)
        self.view.setObjectName("trainingTags")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.doubleClicked.connect(self._double_clicked)
        header = self.view.header()
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column == 2 else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)  # the note takes the room that is left
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.delete_button.clicked.connect(self._delete_clicked)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_tags(self, tags: list[TagRecord]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for record in tags:
            cells = [
                record.tag.value,
                _pages_label(record),
                record.note,
                record.reviewer,
                record.created_at.astimezone().strftime("%Y-%m-%d"),  # stored in UTC, shown local
            ]
            row = [QStandardItem(text) for text in cells]
            row[0].setData(record.id, _TAG_ID)
            row[0].setData(record.first_page or 1, _FIRST_PAGE)
            row[2].setToolTip(record.note)
            self.model.appendRow(row)
        self._update_buttons()

    def selected_tag_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.model.item(rows[0].row(), 0).data(_TAG_ID))

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.selected_tag_id() is not None)

    def _delete_clicked(self) -> None:
        tag_id = self.selected_tag_id()
        if tag_id is not None:
            self.delete_requested.emit(tag_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        self.page_requested.emit(int(self.model.item(index.row(), 0).data(_FIRST_PAGE)))
