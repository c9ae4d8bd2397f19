"""Reading cases in the status bar: the progress bar (the file being read, how many wait) and its
lines; the pages read so far are offered to the viewer as they come."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QProgressBar

from casereview.progress import ProgressEvent
from casereview_ui.cases import CaseLoader, OpenCase

Status = Callable[[str, int], None]


class ReadProgress(QObject):
    def __init__(
        self,
        loader: CaseLoader,
        bar: QProgressBar,
        shown: Callable[[], OpenCase | None],
        preview: Callable[[], None],
        status: Status,
    ) -> None:
        super().__init__(bar)
        self._loader, self._bar, self._shown, self._preview, self._status = (
            loader,
            bar,
            shown,
            preview,
            status,
        )
        loader.progressed.connect(self.progressed)

    def progressed(self, case: OpenCase, event: ProgressEvent) -> None:
        bar = self._bar
        if event.total > 0:
            bar.setRange(0, event.total)
            bar.setValue(min(event.done, event.total))
        waiting = self._loader.loading() - 1
        suffix = self.tr("（另有 {0} 份排队）").format(waiting) if waiting > 0 else ""
        bar.setFormat(f"{case.name} {case.message}")
        if case is self._shown() and case.partial_pages:
            self._preview()  # the first pages show as soon as they are read
        self._status(self.tr("{0}：{1}{2}").format(case.name, case.message, suffix), 0)

    def update_busy(self) -> None:
        busy = self._loader.loading() > 0
        if busy and not self._bar.isVisible():
            self._bar.setRange(0, 0)
            self._bar.setFormat(self.tr("正在读取…"))
        self._bar.setVisible(busy)
