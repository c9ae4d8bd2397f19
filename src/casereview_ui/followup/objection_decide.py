"""复核 of an objection from the 异议 tab: 维持 or 变更 (with the new deduction) and the reason.
The core decides who may (not the reviewer of the original finding) and writes a 变更 through the
normal decision path; this dialog only asks."""

from __future__ import annotations

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

from casereview.rectify.model import Objection, ObjectionStatus
from casereview.standards.checks import fmt_points


class ObjectionDecisionDialog(QDialog):
    def __init__(self, objection: Objection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("复核异议 #{0}").format(objection.id))
        form = QFormLayout(self)
        about = QLabel(
            self.tr("{0}：原扣 {1} 分。异议理由：{2}").format(
                objection.item_id, fmt_points(objection.original_deduction), objection.reason
            ),
            self,
        )
        about.setWordWrap(True)
        form.addRow(about)
        self.verdict = QComboBox(self)
        for status in (ObjectionStatus.UPHELD, ObjectionStatus.CHANGED):
            self.verdict.addItem(status.label, status)
        self.deduction = QDoubleSpinBox(self)
        self.deduction.setDecimals(1)
        self.deduction.setSingleStep(0.5)
        self.deduction.setRange(0.0, 100.0)  # the core refuses more than the item's points
        self.deduction.setSuffix(self.tr(" 分"))
        self.deduction.setEnabled(False)
        self.verdict.currentIndexChanged.connect(
            lambda: self.deduction.setEnabled(self.verdict.currentData() is ObjectionStatus.CHANGED)
        )
        self.reason = QPlainTextEdit(self)
        self.reason.setFixedHeight(80)
        self.reason.setPlaceholderText(self.tr("必填：复核理由"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(self.tr("复核结论"), self.verdict)
        form.addRow(self.tr("变更后扣分"), self.deduction)
        form.addRow(self.tr("理由"), self.reason)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def answer(self) -> tuple[ObjectionStatus, float | None, str]:
        verdict = self.verdict.currentData()
        assert isinstance(verdict, ObjectionStatus)
        deduction = self.deduction.value() if verdict is ObjectionStatus.CHANGED else None
        return verdict, deduction, self.reason.toPlainText().strip()


def ask_decision(
    parent: QWidget | None, objection: Objection
) -> tuple[ObjectionStatus, float | None, str] | None:
    dialog = ObjectionDecisionDialog(objection, parent)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
