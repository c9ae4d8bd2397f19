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

if TYPE_CHECKING:
    from casereview_ui.cases import OpenCase
    from casereview_ui.services import WindowServices


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
    """Runs the 导出 menu's exports: of the shown case, or of ``listed_cases`` (the stored cases the
    case list shows, its filters applied), with the review's checker, in a worker that opens the
    window's database itself."""

    def __init__(self, services: WindowServices, listed_cases: Callable[[], list[OpenCase]]) -> None:
        super().__init__(services.parent)
        self._services, self._listed_cases = services, listed_cases
        self.last_written: list[Path] = []

    def run(self, name: str) -> None:
        """Ask where, then write the export ``name`` on the task runner."""
        services, offer, what = self._services, WINDOW_EXPORTS[name], EXPORTERS[name].title
        suggested = offer.suggested
        if offer.current_case:
            case = services.shown.current.case
            cases = [case] if case is not None and case.case_id is not None else []
            suggested = f"{case.path.stem}_{suggested}" if case is not None else suggested
        else:
            cases = self._listed_cases()
        if not cases:
            services.report_error(f"没有可导出{what}的已导入案卷")
            return
        chosen = services.prompts.save_path(services.parent, f"导出{what}", suggested, offer.filters)
        if not chosen:
            return
        target = Path(chosen)
        info = services.session()
        request = ExportRequest(
            target,
            tuple(str(c.case_id) for c in cases),
            info.id if info is not None else None,
            ocr=False,  # stored cases: their pages were read when they were opened
            # The listed cases, not a trainer's choice: only tagged ones are compiled.
            options=ExportOptions(actor=services.reviewer, untagged=False),
        )
        url = services.database_url()
        checker = services.checker()

        def job(_progress: Callable[[ProgressEvent], None], cancel: CancelToken) -> list[Path]:
            with open_database(url or None) as database:
                collected = collect_export(name, request, database, checker=checker)
                cancel.check(str(target))
                return write_export(name, collected.job)

        def done(paths: list[Path]) -> None:
            self.last_written = paths
            services.status(f"已导出{what}：{'、'.join(p.name for p in paths)}", 15000)

        def failed(error: BaseException) -> None:
            text = (
                describe(error) if isinstance(error, CaseReviewError) else f"{type(error).__name__}: {error}"
            )
            services.report_error(f"导出{what}失败：{text}")

        services.runner.run_task(
            job,
            on_done=done,
            on_error=failed,
            kind=f"export:{what}",
            label=f"正在导出{what}…",
            dialog_parent=services.parent,
        )
