"""The window's 导出 menu: score sheets, 整改通知书, 典型案例汇编 and the annotated PDF, written by
the core exports in a worker (a compilation OCRs its own images to verify the anonymisation)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from casereview.checking import Checker
from casereview.db import open_database
from casereview.errors import CaseReviewError
from casereview.export.collect import collect
from casereview.export.model import ReviewedCase
from casereview.messages import describe
from casereview.progress import CancelToken, ProgressEvent
from casereview_ui.models import CASE_ROLE

if TYPE_CHECKING:
    from casereview_ui.cases import OpenCase
    from casereview_ui.mainwindow import MainWindow

Writer = Callable[[list[ReviewedCase], Path], list[Path]]


def _scoresheet(cases: list[ReviewedCase], target: Path) -> list[Path]:
    from casereview.export.scoresheet import write_scoresheet

    return write_scoresheet(cases, target)


def _notices(cases: list[ReviewedCase], target: Path) -> list[Path]:
    from casereview.export.notice import NoticeSettings, write_notices

    return write_notices(cases, target, NoticeSettings())


def _compilation(cases: list[ReviewedCase], target: Path) -> list[Path]:
    from casereview.export.compilation import write_compilation

    return write_compilation(cases, target).files


def _annotated(cases: list[ReviewedCase], target: Path) -> list[Path]:
    from casereview.export.annotated import write_annotated_pdf

    return [write_annotated_pdf(cases[0], target)]


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

    def scoresheet(self) -> None:
        self._run("评查评分表", _scoresheet, self._listed_cases(), "评查评分表.xlsx", "Excel 工作簿 (*.xlsx)")

    def notices(self) -> None:
        self._run("整改通知书", _notices, self._listed_cases(), "整改通知书", "")

    def compilation(self) -> None:
        self._run(
            "典型案例汇编", _compilation, self._listed_cases(), "典型案例汇编.docx", "Word 文档 (*.docx)"
        )

    def annotated(self) -> None:
        case = self._window.current_case()
        cases = [case] if case is not None and case.case_id is not None else []
        name = f"{case.path.stem}_批注版.pdf" if case is not None else "批注版.pdf"
        self._run("批注版 PDF", _annotated, cases, name, "PDF (*.pdf)")

    def _run(self, what: str, writer: Writer, cases: list[OpenCase], suggested: str, filters: str) -> None:
        window = self._window
        if not cases:
            window.report_error(f"没有可导出{what}的已导入案卷")
            return
        chosen = window.prompts.save_path(window, f"导出{what}", suggested, filters)
        if not chosen:
            return
        target = Path(chosen)
        ids = [str(c.case_id) for c in cases]
        url = window.loader.database_url
        checker = window.review.checker or Checker.create()

        def job(_progress: Callable[[ProgressEvent], None], cancel: CancelToken) -> list[Path]:
            with open_database(url or None) as database:
                reviewed = collect(ids, checker, database)
            cancel.check(str(target))
            return writer(reviewed, target)

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
