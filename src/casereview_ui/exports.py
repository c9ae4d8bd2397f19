"""The window's 导出 menu: each entry runs an export of the core's registry
(:mod:`casereview.app.exports`) in a worker, for the cases the case list shows — and, in a review
session, with the session's data exactly as ``casereview export NAME --session`` has it (the review
that counts per case, units, deciders, agreement, the follow-up sheets; notices are recorded in
the session's ledger under the reviewer's name)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from casereview.app.exports import EXPORTERS, ExportOptions, ExportRequest, collect_export, write_export
from casereview.db import open_database
from casereview.errors import CaseReviewError
from casereview.messages import describe
from casereview.progress import CancelToken, ProgressEvent
from casereview_ui.models import CASE_ROLE

if TYPE_CHECKING:
    from casereview_ui.cases import OpenCase
    from casereview_ui.mainwindow import MainWindow


@dataclass(frozen=True)
class WindowExport:
    """How the window offers an export: its menu entry, the file name it suggests, the dialog's
    filter, and whose cases it writes."""

    label: str  # the 导出 menu's entry
    suggested: str
    filters: str = ""
    shortcut: str | None = None
    current_case: bool = False  # the case shown, not the listed ones


# The registry's exports the 导出 menu offers, in its order (the 通报 is the command line's for now).
WINDOW_EXPORTS = {
    "scoresheet": WindowExport("导出评查评分表…", "评查评分表.xlsx", "Excel 工作簿 (*.xlsx)"),
    "notice": WindowExport("导出整改通知书…", "整改通知书"),
    "compilation": WindowExport("导出典型案例汇编…", "典型案例汇编.docx", "Word 文档 (*.docx)"),
    "annotated": WindowExport(
        "导出批注版 PDF…", "批注版.pdf", "PDF (*.pdf)", "Ctrl+Shift+P", current_case=True
    ),
}


class ExportActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.last_written: list[Path] = []

    def _listed_cases(self) -> list[OpenCase]:
        """The stored cases the case list shows (its filters apply)."""
        proxy = self._window.proxy
        cases = [proxy.index(row, 0).data(CASE_ROLE) for row in range(proxy.rowCount())]
        return [c for c in cases if c is not None and c.case_id is not None]

    def run(self, name: str) -> None:
        """Ask where, then write the export ``name`` on the task runner."""
        window, offer, what = self._window, WINDOW_EXPORTS[name], EXPORTERS[name].title
        suggested = offer.suggested
        if offer.current_case:
            case = window.current_case()
            cases = [case] if case is not None and case.case_id is not None else []
            suggested = f"{case.path.stem}_{suggested}" if case is not None else suggested
        else:
            cases = self._listed_cases()
        if not cases:
            window.report_error(f"没有可导出{what}的已导入案卷")
            return
        chosen = window.prompts.save_path(window, f"导出{what}", suggested, offer.filters)
        if not chosen:
            return
        target = Path(chosen)
        info = window.session_info
        request = ExportRequest(
            target,
            tuple(str(c.case_id) for c in cases),
            info.id if info is not None else None,
            ocr=False,  # stored cases: their pages were read when they were opened
            # The listed cases, not a trainer's choice: only tagged ones are compiled.
            options=ExportOptions(actor=window.settings.reviewer, untagged=False),
        )
        url = window.loader.database_url
        checker = window.review.checker

        def job(_progress: Callable[[ProgressEvent], None], cancel: CancelToken) -> list[Path]:
            with open_database(url or None) as database:
                collected = collect_export(name, request, database, checker=checker)
                cancel.check(str(target))
                return write_export(name, collected.job)

        def done(paths: list[Path]) -> None:
            self.last_written = paths
            window.statusBar().showMessage(f"已导出{what}：{'、'.join(p.name for p in paths)}", 15000)

        def failed(error: BaseException) -> None:
            text = (
                describe(error) if isinstance(error, CaseReviewError) else f"{type(error).__name__}: {error}"
            )
            window.report_error(f"导出{what}失败：{text}")

        window.runner.run_task(
            job,
            on_done=done,
            on_error=failed,
            kind=f"export:{what}",
            label=f"正在导出{what}…",
            dialog_parent=window,
        )
