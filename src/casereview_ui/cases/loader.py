"""Reading case files through the worker runner, asking for a password when a PDF is encrypted."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from casereview.checking import Checker
from casereview.db import Database, load_case, open_database
from casereview.errors import Cancelled, CaseReviewError, ErrorCode, StorageError
from casereview.extract.agency import enforcement_unit
from casereview.ingest import IngestOptions
from casereview.ingest.reader import PageSink
from casereview.ingest.scan import PageScanner
from casereview.library import open_case
from casereview.messages import describe
from casereview.pipeline import Analysis
from casereview.progress import CancelToken, ProgressEvent
from casereview.review.workbench import Workbench
from casereview_ui.cases.session import CaseState, OpenCase
from casereview_ui.dialogs.prompts import Prompts
from casereview_ui.labels import progress_text
from casereview_ui.workers import TaskRunner

MAX_PASSWORD_ATTEMPTS = 5
ReviewSetup = tuple[Checker, str]  # the window's checker and reviewer name


def ocr_enabled_by_default() -> bool:
    """OCR is on unless ``CASEREVIEW_NO_OCR=1`` (tests, quick looks at digital PDFs)."""
    return os.environ.get("CASEREVIEW_NO_OCR", "") not in ("1", "true", "yes")


def _make_scanner(workers: int | None) -> PageScanner | None:
    try:
        from casereview.ocr.scanner import OcrScanner  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    scanner: PageScanner = OcrScanner(workers=workers or None)
    return scanner


def _database(url: str | None) -> Database | None:
    """The workstation's database; without one (read-only data dir …) cases are still shown."""
    try:
        return open_database(url or None)
    except StorageError:
        return None


def stored_job(
    case_id: int, path: Path, database_url: str | None, checker: ReviewSetup | None = None
) -> Callable[..., Analysis]:
    """A job loading a stored case's analysis by id (the file is only needed to show its pages)."""

    def job(_progress: Callable[[ProgressEvent], None], _cancel: CancelToken) -> Analysis:
        with open_database(database_url or None) as database:
            with database.session_scope(readonly=True) as session:
                case, documents, extraction = load_case(session, case_id)
            for page in case.pages:  # the stored paths are where the file was when it was read
                if page.origin in ("", case.source) and path.exists():
                    page.origin = str(path)
            analysis = Analysis(case, documents, extraction, case_id)
            _prepare_review(database, analysis, checker)
            return analysis

    return job


def _prepare_review(database: Database | None, analysis: Analysis, review: ReviewSetup | None) -> None:
    """Check the case and store the reviewer's review of it here, in the worker thread, so the
    window only has to load it (running the rules on a long case would stall the GUI thread)."""
    if database is None or review is None or analysis.case_id is None:
        return
    checker, reviewer = review
    Workbench.open(database, analysis, checker, reviewer)


def read_job(
    path: Path,
    password: str | None,
    use_ocr: bool,
    on_page: PageSink | None = None,
    database_url: str | None = None,
    ocr_workers: int | None = None,
    checker: ReviewSetup | None = None,
) -> Callable[..., Analysis]:
    """A job function for the runner: the stored analysis of ``path``, or read, analyse and store it
    (the scanner and the database connection live for one job, in the worker thread), and the
    machine's check of it so the window need not run the rules in the GUI thread."""

    def job(progress: Callable[[ProgressEvent], None], cancel: CancelToken) -> Analysis:
        scanner = _make_scanner(ocr_workers) if use_ocr else None
        database = _database(database_url)
        try:
            options = IngestOptions(password=password)
            analysis = open_case(path, database, options, scanner, progress, cancel, on_page=on_page)
            _prepare_review(database, analysis, checker)
            return analysis
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
    """Reads case files one at a time (OCR already uses every core), loads stored ones at once,
    and reports each case's change of state."""

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
        self.database_url: str | None = None
        self.ocr_workers: int | None = None
        self.review: ReviewSetup | None = None  # the read job checks the case and stores the review
        self._queue: list[tuple[OpenCase, int]] = []
        self._reading: OpenCase | None = None

    def load(self, case: OpenCase, attempt: int = 0) -> None:
        """Read ``case`` (from the database when it is stored there), queued behind other reads."""
        case.analysis = None
        case.partial_pages = []
        if case.case_id is not None and attempt == 0:
            self._load_stored(case)
            return
        case.state = CaseState.QUEUED
        case.message = self.tr("排队等待读取")
        self._queue.append((case, attempt))
        self.changed.emit(case)
        self._next()

    def _next(self) -> None:
        if self._reading is not None or not self._queue:
            return
        case, attempt = self._queue.pop(0)
        self._reading = case
        case.state = CaseState.LOADING
        case.message = self.tr("正在读取…")
        self.changed.emit(case)
        pages = case.partial_pages
        self._runner.run_task(
            read_job(
                case.path,
                case.password,
                self.use_ocr,
                pages.append,
                self.database_url,
                self.ocr_workers,
                self.review,
            ),
            on_done=lambda analysis: self._read_done(case, analysis),
            on_error=lambda error: self._read_failed(case, error, attempt),
            on_progress=lambda event: self._progress(case, event),
            kind=f"read:{case.path}",
        )

    def _load_stored(self, case: OpenCase) -> None:
        assert case.case_id is not None
        case.state = CaseState.LOADING
        case.message = self.tr("正在载入…")
        self.changed.emit(case)
        self._runner.run_task(
            stored_job(case.case_id, case.path, self.database_url, self.review),
            on_done=lambda analysis: self._loaded(case, analysis),
            on_error=lambda error: self._failed(case, error, 0),
            kind=f"stored:{case.case_id}",
        )

    def cancel(self, case: OpenCase) -> bool:
        """Stop reading ``case`` (or take it off the queue); True when there was something to stop."""
        for queued in list(self._queue):
            if queued[0] is case:
                self._queue.remove(queued)
                self._failed(case, Cancelled(str(case.path)), MAX_PASSWORD_ATTEMPTS)
                return True
        if self._reading is case:
            self._runner.cancel(f"read:{case.path}")
            return True
        return False

    def cancel_all(self) -> int:
        cancelled = [c for c, _ in self._queue] + ([self._reading] if self._reading is not None else [])
        for case in cancelled:
            self.cancel(case)
        return len(cancelled)

    def loading(self) -> int:
        return len(self._queue) + (1 if self._reading is not None else 0) + len(self._runner.jobs("stored:"))

    def _read_done(self, case: OpenCase, analysis: Analysis) -> None:
        self._reading = None
        self._loaded(case, analysis)
        self._next()

    def _read_failed(self, case: OpenCase, error: BaseException, attempt: int) -> None:
        self._reading = None
        self._failed(case, error, attempt)
        self._next()

    def _loaded(self, case: OpenCase, analysis: Analysis) -> None:
        case.analysis = analysis
        case.case_id = analysis.case_id
        case.unit = case.unit or enforcement_unit(analysis.case, analysis.documents) or ""
        case.state = CaseState.READY
        case.message = ""
        case.partial_pages = []
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
        case.partial_pages = []
        self.changed.emit(case)
        if not isinstance(error, Cancelled):
            self.failed.emit(case, case.message)
