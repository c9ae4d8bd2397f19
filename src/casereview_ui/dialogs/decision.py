"""The two decision dialogs: 改判 (override the machine, reason required) and 人工扣分 (a deduction
the machine missed, on the page region the reviewer just drew). Both offer the item's reasons from
the library (常用理由) with type-ahead: typing any part of one lists it, arrow keys and Enter
choose, and the choice fills the reason with its legal basis (the reviewer may add to it)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from casereview.reasons.model import Reason
from casereview.scoring import ItemResult
from casereview_ui.dialogs.reason_picker import ReasonPicker


def _points(value: float) -> str:
    return f"{value:g}"


class _DecisionDialog(QDialog):
    def __init__(self, parent: QWidget | None, reasons: Sequence[Reason] = ()) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.picker = ReasonPicker(reasons, self)
        self.picker.chosen.connect(self._reason_chosen)
        self.deduction = QDoubleSpinBox(self)
        self.deduction.setObjectName("deductionSpin")
        self.deduction.setDecimals(1)
        self.deduction.setSingleStep(0.5)
        self.deduction.setSuffix(self.tr(" 分"))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reasonEdit")
        self.reason.setPlaceholderText(self.tr("必填：说明改判或扣分的理由，将写入评查记录与整改通知书"))
        self.reason.setFixedHeight(90)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update_ok)

    def _finish_form(self) -> None:
        self.form.addRow(self.tr("扣分"), self.deduction)
        self.form.addRow(self.tr("常用理由"), self.picker)
        self.form.addRow(self.tr("理由"), self.reason)
        self.form.addRow(self.buttons)
        self.setMinimumWidth(560)  # a library reason with its basis is a long line
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason.toPlainText().strip()))

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _reason_chosen(self, reason: Reason) -> None:
        self.reason.setPlainText(reason.full_text())
        self.reason.setFocus()
        cursor = self.reason.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.reason.setTextCursor(cursor)

    def chosen_reason(self) -> Reason | None:
        """The library reason the text was written from (None when rewritten)."""
        return self.picker.matching(self.reason_text())


class OverrideDialog(_DecisionDialog):
    """改判: the deduction the reviewer holds right for the item (0 = no deduction) and why."""

    def __init__(
        self, result: ItemResult, parent: QWidget | None = None, reasons: Sequence[Reason] = ()
    ) -> None:
        super().__init__(parent, reasons)
        self.picker.set_item(result.item_id)
        self.setWindowTitle(self.tr("改判 {0}").format(result.item_id))
        title = QLabel(f"<b>{result.item_id} {result.title}</b>", self)
        title.setWordWrap(True)
        self.form.addRow(title)
        machine = self.tr("机器结果：{0}，扣 {1} 分（分值 {2} 分）").format(
            result.proposed_status.value, _points(result.proposed_deduction), _points(result.points)
        )
        self.form.addRow(QLabel(machine, self))
        if result.reason:
            why = QLabel(result.reason, self)
            why.setWordWrap(True)
            why.setStyleSheet("color:#555")
            self.form.addRow(why)
        self.deduction.setRange(0.0, result.points)
        # The usual override is the opposite of the machine: none where it deducted, all where not.
        self.deduction.setValue(0.0 if result.proposed_deduction > 0 else result.points)
        self._finish_form()


class ManualDeductionDialog(_DecisionDialog):
    """人工扣分: which item, how much and why, for the region marked on page ``page``."""

    def __init__(
        self,
        items: Sequence[ItemResult],
        page: int,
        preselected: str | None = None,
        parent: QWidget | None = None,
        reasons: Sequence[Reason] = (),
    ) -> None:
        super().__init__(parent, reasons)
        self.setWindowTitle(self.tr("人工扣分（第{0}页）").format(page))
        self._items = list(items)
        self.item_combo = QComboBox(self)
        self.item_combo.setObjectName("itemCombo")
        for result in self._items:
            self.item_combo.addItem(
                f"{result.item_id} {result.title}（{_points(result.points)}分）", result.item_id
            )
        if preselected is not None:
            index = self.item_combo.findData(preselected)
            if index >= 0:
                self.item_combo.setCurrentIndex(index)
        self.item_combo.currentIndexChanged.connect(self._item_changed)
        self.form.addRow(self.tr("评查项目"), self.item_combo)
        self._finish_form()
        self._item_changed()

    def _item_changed(self) -> None:
        result = self.chosen()
        if result is not None:
            self.deduction.setRange(0.0, result.points)
            self.deduction.setValue(result.points)
            self.picker.set_item(result.item_id)

    def chosen(self) -> ItemResult | None:
        index = self.item_combo.currentIndex()
        return self._items[index] if 0 <= index < len(self._items) else None
