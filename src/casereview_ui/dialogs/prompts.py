"""Questions and error reports to the user, behind a small interface tests can replace.

The window never calls ``QMessageBox``/``QInputDialog``/``QFileDialog`` directly: interactive runs use
:class:`DialogPrompts`; tests and the smoke test use :class:`RecordingPrompts`, which never blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from casereview.reasons.model import Reason
from casereview.scoring import ItemResult
from casereview_ui.dialogs.decision import ManualDeductionDialog, OverrideDialog
from casereview_ui.dialogs.files import choose_case_files, choose_case_folder


class Prompts(Protocol):
    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        """Report an error (must not block the caller)."""
        ...

    def info(self, parent: QWidget | None, title: str, message: str) -> None: ...

    def password(self, parent: QWidget | None, path: str, wrong: bool) -> str | None:
        """The password for the encrypted PDF ``path``; ``None`` when the user gives up."""
        ...

    def open_files(self, parent: QWidget | None) -> list[str]:
        """Case files the user chose to open (empty when cancelled)."""
        ...

    def open_folder(self, parent: QWidget | None) -> str | None: ...

    def open_attachment(self, parent: QWidget | None) -> str | None:
        """A unit's file to attach (整改报告, 异议材料: DOCX, PDF or a scan); None when cancelled."""
        ...

    def override(
        self, parent: QWidget | None, result: ItemResult, reasons: Sequence[Reason] = ()
    ) -> tuple[float, str] | None:
        """The reviewer's deduction and reason for overriding ``result`` (``reasons``: the library's,
        offered with type-ahead); None when cancelled."""
        ...

    def manual(
        self,
        parent: QWidget | None,
        items: Sequence[ItemResult],
        page: int,
        preselected: str | None,
        reasons: Sequence[Reason] = (),
    ) -> tuple[str, float, str] | None:
        """(item id, deduction, reason) of a manual deduction on ``page``; None when cancelled."""
        ...

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool: ...

    def save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        """Where to write an export (a file, or a folder when ``filters`` is empty); None: cancelled."""
        ...


class DialogPrompts:
    """Real dialogs: errors in a window-modal message box that does not block the event loop."""

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def info(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.about(parent, title, message)

    def password(self, parent: QWidget | None, path: str, wrong: bool) -> str | None:
        tr = QCoreApplication.translate
        prompt = (
            tr("prompts", "密码不正确，请重新输入：\n{0}")
            if wrong
            else tr("prompts", "PDF 文件已加密，请输入密码：\n{0}")
        )
        text, ok = QInputDialog.getText(
            parent, tr("prompts", "输入密码"), prompt.format(path), QLineEdit.EchoMode.Password
        )
        return text if ok and text else None

    def open_files(self, parent: QWidget | None) -> list[str]:
        return choose_case_files(parent)

    def open_folder(self, parent: QWidget | None) -> str | None:
        return choose_case_folder(parent)

    def open_attachment(self, parent: QWidget | None) -> str | None:
        tr = QCoreApplication.translate
        path, _ = QFileDialog.getOpenFileName(
            parent,
            tr("prompts", "选择整改报告"),
            "",
            tr("prompts", "整改报告 (*.docx *.pdf *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)"),
        )
        return path or None

    def override(
        self, parent: QWidget | None, result: ItemResult, reasons: Sequence[Reason] = ()
    ) -> tuple[float, str] | None:
        dialog = OverrideDialog(result, parent, reasons)
        if dialog.exec() != OverrideDialog.DialogCode.Accepted:
            return None
        return dialog.deduction.value(), dialog.reason_text()

    def manual(
        self,
        parent: QWidget | None,
        items: Sequence[ItemResult],
        page: int,
        preselected: str | None,
        reasons: Sequence[Reason] = (),
    ) -> tuple[str, float, str] | None:
        dialog = ManualDeductionDialog(items, page, preselected, parent, reasons)
        chosen = dialog.chosen() if dialog.exec() == ManualDeductionDialog.DialogCode.Accepted else None
        if chosen is None:
            return None
        return chosen.item_id, dialog.deduction.value(), dialog.reason_text()

    def save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        if not filters:
            folder = QFileDialog.getExistingDirectory(parent, title, suggested)
            return folder or None
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return QMessageBox.question(parent, title, question, buttons) == QMessageBox.StandardButton.Yes


class RecordingPrompts:
    """Records what would have been shown; answers password questions from a prepared list."""

    def __init__(
        self, passwords: list[str] | None = None, files: list[str] | None = None, folder: str | None = None
    ) -> None:
        self.overrides: list[tuple[float, str] | None] = []  # answers, in order; empty → cancelled
        self.manuals: list[tuple[str, float, str] | None] = []
        self.confirmations: list[bool] = []
        self.save_paths: list[str | None] = []
        self.questions: list[str] = []
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.attachments: list[str] = []  # files to attach, in order
        self.offered_reasons: list[Reason] = []  # what the last override dialog would have offered
        self.password_requests: list[tuple[str, bool]] = []
        self._passwords = list(passwords or [])
        self._files = list(files or [])
        self._folder = folder

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        self.errors.append((title, message))

    def info(self, parent: QWidget | None, title: str, message: str) -> None:
        self.infos.append((title, message))

    def password(self, parent: QWidget | None, path: str, wrong: bool) -> str | None:
        self.password_requests.append((path, wrong))
        return self._passwords.pop(0) if self._passwords else None

    def open_files(self, parent: QWidget | None) -> list[str]:
        return self._files

    def open_folder(self, parent: QWidget | None) -> str | None:
        return self._folder

    def open_attachment(self, parent: QWidget | None) -> str | None:
        return self.attachments.pop(0) if self.attachments else None

    def override(
        self, parent: QWidget | None, result: ItemResult, reasons: Sequence[Reason] = ()
    ) -> tuple[float, str] | None:
        self.questions.append(f"override {result.item_id}")
        self.offered_reasons = [r for r in reasons if r.item_id == result.item_id]
        return self.overrides.pop(0) if self.overrides else None

    def manual(
        self,
        parent: QWidget | None,
        items: Sequence[ItemResult],
        page: int,
        preselected: str | None,
        reasons: Sequence[Reason] = (),
    ) -> tuple[str, float, str] | None:
        self.questions.append(f"manual page {page}")
        return self.manuals.pop(0) if self.manuals else None

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        self.questions.append(question)
        return self.confirmations.pop(0) if self.confirmations else True

    def save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        self.questions.append(title)
        return self.save_paths.pop(0) if self.save_paths else None
