"""双评仲裁: the lead sees the two reviews of a case side by side, item by item where they differ,
and takes one reviewer's side or sets a deduction of their own (with a reason) for each item.

The dialog only asks; the caller passes :meth:`ArbitrationDialog.choices` to
:func:`casereview.sessions.arbitration.arbitrate` (which checks them again) and shows the page mark
of whichever reviewer's cell is selected (``evidence_requested``) in the page viewer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casereview.domain.model import Evidence
from casereview.sessions.arbitration import FIRST, SECOND, ArbitrationChoice, Custom
from casereview.sessions.double import Comparison, ItemDifference

CUSTOM = "custom"
ITEM_COLUMN, FIRST_COLUMNS, SECOND_COLUMNS, CHOICE_COLUMN = 0, (1, 2, 3), (4, 5, 6), 7


def _points(value: float) -> str:
    return f"{value:g}"


def _cell(text: str, tooltip: str = "") -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    cell.setToolTip(tooltip or text)
    return cell


def _page(region: Evidence | None) -> str:
    return "—" if region is None else f"第{region.page}页"


def summary_text(comparison: Comparison) -> str:
    """两人得分 92 / 85，相差 7 分，超过允许差值 3 分 (or 在允许差值 … 以内)."""
    c = comparison
    head = f"两人得分 {_points(c.first_score)} / {_points(c.second_score)}，相差 {_points(c.total_difference)} 分，"
    if c.within_tolerance:
        return head + f"在允许差值 {_points(c.tolerance)} 分以内"
    return head + f"超过允许差值 {_points(c.tolerance)} 分"


class ArbitrationDialog(QDialog):
    evidence_requested = Signal(object)  # Evidence: the selected reviewer's page mark

    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        first, second = comparison.first_reviewer, comparison.second_reviewer
        self.setWindowTitle(self.tr("双评仲裁"))
        self._custom: dict[int, Custom] = {}  # row → the lead's own deduction and reason

        people = self.tr("第一评查人：{0}（{1} 分，{2}）　第二评查人：{3}（{4} 分，{5}）").format(
            first,
            _points(comparison.first_score),
            comparison.first_grade,
            second,
            _points(comparison.second_score),
            comparison.second_grade,
        )
        self.people_label = QLabel(people, self)
        self.summary_label = QLabel(summary_text(comparison), self)
        self.summary_label.setObjectName("arbitrationSummary")
        self.summary_label.setStyleSheet(
            "font-weight:bold" if comparison.within_tolerance else "color:#b00020"
        )

        self.table = QTableWidget(len(comparison.items), 8, self)
        self.table.setObjectName("differenceTable")
        heads = [self.tr("评查项目")]
        for name in (first, second):
            heads += [
                f"{name}\n{self.tr('扣分')}",
                f"{name}\n{self.tr('理由')}",
                f"{name}\n{self.tr('页码')}",
            ]
        self.table.setHorizontalHeaderLabels([*heads, self.tr("仲裁")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in (2, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        for col in (1, 3, 4, 6, CHOICE_COLUMN):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(ITEM_COLUMN, 280)
        self.combos: list[QComboBox] = []
        for row, item in enumerate(comparison.items):
            self._fill_row(row, item)

        self.custom_box = QGroupBox(self.tr("自定扣分"), self)
        self.deduction_spin = QDoubleSpinBox(self.custom_box)
        self.deduction_spin.setDecimals(1)
        self.deduction_spin.setSingleStep(0.5)
        self.deduction_spin.setSuffix(self.tr(" 分"))
        self.deduction_spin.setMaximumWidth(120)
        self.reason_edit = QPlainTextEdit(self.custom_box)
        self.reason_edit.setPlaceholderText(self.tr("必填：仲裁理由，将写入最终评查记录"))
        self.reason_edit.setFixedHeight(70)
        form = QFormLayout(self.custom_box)
        form.addRow(self.tr("扣分"), self.deduction_spin)
        form.addRow(self.tr("理由"), self.reason_edit)
        self.custom_box.setEnabled(False)
        self.deduction_spin.valueChanged.connect(self._custom_edited)
        self.reason_edit.textChanged.connect(self._custom_edited)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定仲裁"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (self.people_label, self.summary_label, self.table, self.custom_box, self.buttons):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        self.table.currentCellChanged.connect(self._cell_changed)
        self.table.resizeRowsToContents()
        self.resize(1100, 520)
        self._update_ok()

    def _fill_row(self, row: int, item: ItemDifference) -> None:
        title = f"{item.item_id} {item.title}（{_points(item.points)}分）"
        self.table.setItem(row, ITEM_COLUMN, _cell(title))
        sides = (
            (FIRST_COLUMNS, item.first, item.first_status.value, item.first_reason, item.first_region),
            (SECOND_COLUMNS, item.second, item.second_status.value, item.second_reason, item.second_region),
        )
        for (deduction_col, reason_col, page_col), deduction, status, reason, region in sides:
            self.table.setItem(row, deduction_col, _cell(f"{_points(deduction)}（{status}）"))
            self.table.setItem(row, reason_col, _cell(reason))
            self.table.setItem(row, page_col, _cell(_page(region)))
        combo = QComboBox(self.table)
        combo.setObjectName(f"choiceCombo{row}")
        combo.addItem(self.tr("请选择…"), None)
        combo.addItem(self.tr("采纳{0}").format(self.comparison.first_reviewer), FIRST)
        combo.addItem(self.tr("采纳{0}").format(self.comparison.second_reviewer), SECOND)
        combo.addItem(self.tr("自定…"), CUSTOM)
        combo.currentIndexChanged.connect(lambda _index, r=row: self._choice_changed(r))
        self.table.setCellWidget(row, CHOICE_COLUMN, combo)
        self.combos.append(combo)

    # -- state -----------------------------------------------------------------------------------
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _choice(self, row: int) -> object:
        return self.combos[row].currentData()

    def _choice_changed(self, row: int) -> None:
        if self._choice(row) == CUSTOM:
            self._custom.setdefault(row, Custom(0.0, ""))
            if self.table.currentRow() != row:
                self.table.setCurrentCell(row, CHOICE_COLUMN)
        self._load_custom(self.table.currentRow())
        self._update_ok()

    def _cell_changed(self, row: int, column: int, _previous_row: int, _previous_column: int) -> None:
        self._load_custom(row)
        region = self.region_at(row, column)
        if region is not None:
            self.evidence_requested.emit(region)

    def region_at(self, row: int, column: int) -> Evidence | None:
        """The page mark behind a cell: the reviewer whose column it is, else the first who has one."""
        if not 0 <= row < len(self.comparison.items):
            return None
        item = self.comparison.items[row]
        if column in FIRST_COLUMNS:
            return item.first_region
        if column in SECOND_COLUMNS:
            return item.second_region
        return item.first_region or item.second_region

    def _load_custom(self, row: int) -> None:
        """Show (and allow editing of) the current row's own deduction when it is 自定."""
        custom = 0 <= row < len(self.combos) and self._choice(row) == CUSTOM
        self.custom_box.setEnabled(custom)
        if not custom:
            return
        item = self.comparison.items[row]
        self.custom_box.setTitle(self.tr("自定扣分：{0} {1}").format(item.item_id, item.title))
        value = self._custom[row]
        for widget in (self.deduction_spin, self.reason_edit):
            widget.blockSignals(True)
        self.deduction_spin.setRange(0.0, item.points)
        self.deduction_spin.setValue(value.deduction)
        if self.reason_edit.toPlainText() != value.reason:
            self.reason_edit.setPlainText(value.reason)
        for widget in (self.deduction_spin, self.reason_edit):
            widget.blockSignals(False)

    def _custom_edited(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.combos) and self._choice(row) == CUSTOM:
            self._custom[row] = Custom(self.deduction_spin.value(), self.reason_edit.toPlainText().strip())
        self._update_ok()

    def _complete(self, row: int) -> bool:
        choice = self._choice(row)
        if choice == CUSTOM:
            return bool(self._custom.get(row, Custom(0.0, "")).reason)
        return choice in (FIRST, SECOND)

    def _update_ok(self) -> None:
        rows = range(len(self.combos))
        self.ok_button().setEnabled(bool(rows) and all(self._complete(row) for row in rows))

    def choices(self) -> dict[str, ArbitrationChoice]:
        """Item id → the lead's choice, for every item chosen completely."""
        chosen: dict[str, ArbitrationChoice] = {}
        for row, item in enumerate(self.comparison.items):
            if not self._complete(row):
                continue
            choice = self._choice(row)
            if choice == FIRST:
                chosen[item.item_id] = FIRST
            elif choice == SECOND:
                chosen[item.item_id] = SECOND
            else:
                chosen[item.item_id] = self._custom[row]
        return chosen
