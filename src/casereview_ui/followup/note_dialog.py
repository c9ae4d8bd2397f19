"""Small questions of the ledger: the verification result with its note, a closing note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from casereview.rectify.model import ItemStatus


class VerifyDialog(QDialog):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("核查整改（{0} 项）").format(count))
        form = QFormLayout(self)
        self.verdict = QComboBox(self)
        for status in (ItemStatus.RECTIFIED, ItemStatus.NOT_RECTIFIED):
            self.verdict.addItem(status.label, status)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("认定未整改到位时必填：还缺什么"))
        self.note.setFixedHeight(80)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(self.tr("核查结论"), self.verdict)
        form.addRow(self.tr("说明"), self.note)
        form.addRow(buttons)
        self.setMinimumWidth(420)


def ask_verification(parent: QWidget | None, count: int) -> tuple[ItemStatus, str] | None:
    dialog = VerifyDialog(count, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    status = dialog.verdict.currentData()
    assert isinstance(status, ItemStatus)
    return status, dialog.note.toPlainText().strip()


def ask_note(parent: QWidget | None, title: str, label: str) -> str | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    note = QPlainTextEdit(dialog)
    note.setFixedHeight(80)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(label, note)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return note.toPlainText().strip()
