"""Reading case files through the worker runner, asking for a password when a PDF is encrypted."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from casereview.db import Database, open_database
from casereview.errors import Cancelled, CaseReviewError, ErrorCode, StorageError
from casereview.ingest import IngestOptions
from casereview.ingest.scan import PageScanner
from casereview.library import open_case
from casereview.messages import describe
from casereview.pipeline import Analysis
from casereview.progress import CancelToken, ProgressEvent
from casereview_ui.cases.session import CaseState, OpenCase
from casereview_ui.dialogs.prompts import Prompts
from casereview_ui.labels import progress_text
from casereview_ui.workers import TaskRunner

MAX_PASSWORD_ATTEMPTS = 5


def ocr_enabled_by_default() -> bool:
    """OCR is on unless ``CASEREVIEW_NO_OCR=1`` (tests, quick looks at digital PDFs)."""
    return os.environ.get("CASEREVIEW_NO_OCR", "") not in ("1", "true", "yes")


def _make_scanner() -> PageScanner | None:
    try:
        from casereview.ocr.scanner import OcrScanner  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    scanner: PageScanner = OcrScanner(workers=None)
    return scanner


def _database() -> Database | None:
    """The workstation's database; without one (read-only data dir …) cases are still shown."""
    try:
        return open_database()
    except StorageError:
        return None


def read_job(path: Path, password: str | None, use_ocr: bool) -> Callable[..., Analysis]:
    """A job function for the runner: the stored analysis of ``path``, or read, analyse and store it
    (the scanner and the database connection live for one job, in the worker thread)."""

    def job(progress: Callable[[ProgressEvent], None], cancel: CancelToken) -> Analysis:
        scanner = _make_scanner() if use_ocr else None
        database = _database()
        try:
            return open_case(path, database, IngestOptions(password=password), scanner, progress, cancel)
        finally:
            if database is not None:
                database.close()
            close = getattr(scanner, "close", None)
            if callable(close):
                close()

    return job


def as_case_error(error: BaseException, path: Path) -> CaseReviewError:
    if isinstance(error, CaseReviewError):
        return error
    return CaseReviewError(ErrorCode.INTERNAL, str(path), {"reason": f"{type(error).__name__}: {error}"})


class CaseLoader(QObject):
    """Starts reads and reports each case's change of state; one read job per path at a time."""

    changed = Signal(object)  # OpenCase: state, analysis or progress message changed
    failed = Signal(object, str)  # OpenCase, Chinese message (cancellations excluded)
    progressed = Signal(object, object)  # OpenCase, ProgressEvent

    def __init__(
        self,
        runner: TaskRunner,
        prompts: Prompts,
        dialog_parent: QWidget | None = None,
        use_ocr: bool | None = None,
    ) -> None:
        super().__init__(dialog_parent)
        self._runner = runner
        self._prompts = prompts
        self._parent = dialog_parent
        self.use_ocr = ocr_enabled_by_default() if use_ocr is None else use_ocr

    def load(self, case: OpenCase, attempt: int = 0) -> None:
        case.state = CaseState.LOADING
        case.analysis = None
        case.message = self.tr("正在读取…")
        self.changed.emit(case)
        self._runner.run_task(
            read_job(case.path, case.password, self.use_ocr),
            on_done=lambda analysis: self._loaded(case, analysis),
            on_error=lambda error: self._failed(case, error, attempt),
            on_progress=lambda event: self._progress(case, event),
            kind=f"read:{case.path}",
            label=self.tr("正在读取 {0}").format(case.name),
            dialog_parent=self._parent,
        )

    def loading(self) -> int:
        return len(self._runner.jobs("read:"))

    def _loaded(self, case: OpenCase, analysis: Analysis) -> None:
        case.analysis = analysis
        case.state = CaseState.READY
        case.message = ""
        self.changed.emit(case)

    def _progress(self, case: OpenCase, event: ProgressEvent) -> None:
        case.message = progress_text(event)
        self.progressed.emit(case, event)
        self.changed.emit(case)

    def _failed(self, case: OpenCase, error: BaseException, attempt: int) -> None:
        err = as_case_error(error, case.path)
        if err.code in (ErrorCode.ENCRYPTED, ErrorCode.WRONG_PASSWORD) and attempt < MAX_PASSWORD_ATTEMPTS:
            password = self._prompts.password(
                self._parent, str(case.path), err.code == ErrorCode.WRONG_PASSWORD
            )
            if password is not None:
                case.password = password
                self.load(case, attempt + 1)
                return
        case.state = CaseState.FAILED
        case.message = describe(err)
        self.changed.emit(case)
        if not isinstance(error, Cancelled):
            self.failed.emit(case, case.message)
