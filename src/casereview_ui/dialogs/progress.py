"""The progress dialog of a long job (opened by the worker runner once the job outlasts its delay)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from casereview.progress import ProgressEvent
from casereview_ui.labels import progress_text


class JobProgressDialog(QProgressDialog):
    """Non-modal: the reviewer can keep reading other cases while one is being recognised."""

    def __init__(self, label: str, on_cancel: Callable[[], None], parent: QWidget | None) -> None:
        super().__init__(label, "", 0, 0, parent)
        self.setCancelButtonText(self.tr("取消"))
        self.setWindowTitle(self.tr("请稍候"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setMinimumWidth(380)
        self._label = label
        self.canceled.connect(on_cancel)

    def update_progress(self, event: ProgressEvent) -> None:
        if event.total > 0:
            self.setMaximum(event.total)
            self.setValue(min(event.done, event.total))
        self.setLabelText(f"{self._label}\n{progress_text(event)}")

    def dismiss(self) -> None:
        """Close without reporting a cancellation (closing a QProgressDialog emits ``canceled``)."""
        self.canceled.disconnect()
        self.close()
        self.deleteLater()
