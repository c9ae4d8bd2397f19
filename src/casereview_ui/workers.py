"""The one place where the UI runs work off the GUI thread (after Picard's ``run_task``).

A job is a plain function ``fn(progress, cancel) -> result`` that knows nothing of threads. A
:class:`TaskRunner` runs it on its own ``QThreadPool`` and brings result, error and progress back to
the GUI thread by queued signals. A new job of the same ``kind`` cancels the stale one (whose outcome
is dropped); a progress dialog appears only once a labelled job outlasts ``dialog_delay_ms``.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from casereview.errors import Cancelled, CaseReviewError
from casereview.progress import CancelToken, ProgressEvent
from casereview_ui.dialogs.progress import JobProgressDialog

log = logging.getLogger(__name__)

JobFn = Callable[[Callable[[ProgressEvent], None], CancelToken], Any]
OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]
OnProgress = Callable[[ProgressEvent], None]

DIALOG_DELAY_MS = 500
_PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress signals a second per job


@dataclass(eq=False)
class Job:
    """A running job as seen from the GUI thread."""

    id: int
    kind: str
    token: CancelToken
    on_done: OnDone
    on_error: OnError | None
    on_progress: OnProgress | None
    label: str = ""
    superseded: bool = False  # a newer job of the same kind replaced it: its result is dropped
    finished: bool = False
    runnable: QRunnable | None = None
    dialog: JobProgressDialog | None = None
    last_event: ProgressEvent | None = field(default=None, repr=False)

    def cancel(self) -> None:
        """Ask the job to stop (the core checks the token between pages)."""
        self.token.cancel()


class _Relay(QObject):
    """Signals emitted from worker threads; the object lives in the GUI thread."""

    done = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, object)


class _Runnable(QRunnable):
    def __init__(self, job_id: int, fn: JobFn, token: CancelToken, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Job keeps it alive until its result has been delivered
        self._job_id = job_id
        self._fn = fn
        self._token = token
        self._relay = relay
        self._last_emit = 0.0

    def _progress(self, event: ProgressEvent) -> None:
        now = time.monotonic()
        if now - self._last_emit >= _PROGRESS_INTERVAL_S or event.done >= event.total:
            self._last_emit = now
            self._relay.progressed.emit(self._job_id, event)

    @override
    def run(self) -> None:
        try:
            if self._token.cancelled:
                raise Cancelled()
            result = self._fn(self._progress, self._token)
        except BaseException as exc:  # delivered to on_error in the GUI thread
            self._relay.failed.emit(self._job_id, exc)
        else:
            self._relay.done.emit(self._job_id, result)


class TaskRunner(QObject):
    """Runs jobs on a thread pool and delivers their outcome in the GUI thread."""

    def __init__(self, parent: QObject | None = None, max_threads: int | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        if max_threads:
            self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.done.connect(self._deliver_done, queued)
        self._relay.failed.connect(self._deliver_error, queued)
        self._relay.progressed.connect(self._deliver_progress, queued)
        self._jobs: dict[int, Job] = {}
        self._latest: dict[str, Job] = {}
        self._ids = itertools.count(1)

    def run_task(
        self,
        fn: JobFn,
        *,
        on_done: OnDone,
        on_error: OnError | None = None,
        on_progress: OnProgress | None = None,
        kind: str = "",
        label: str = "",
        dialog_parent: QWidget | None = None,
        dialog_delay_ms: int = DIALOG_DELAY_MS,
    ) -> Job:
        """Run ``fn(progress, cancel)`` on the pool; a running job of the same ``kind`` is cancelled."""
        if kind:
            self.discard(kind)
        token = CancelToken()
        job = Job(next(self._ids), kind, token, on_done, on_error, on_progress, label)
        job.runnable = _Runnable(job.id, fn, token, self._relay)
        self._jobs[job.id] = job
        if kind:
            self._latest[kind] = job
        if label and dialog_parent is not None:
            QTimer.singleShot(dialog_delay_ms, self, lambda: self._open_dialog(job, dialog_parent))
        self._pool.start(job.runnable)
        return job

    def cancel(self, kind: str) -> None:
        """Cancel the running job of ``kind``, if any (its error handler receives ``Cancelled``)."""
        job = self._latest.get(kind)
        if job is not None and not job.finished:
            job.cancel()

    def discard(self, kind: str) -> None:
        """Cancel the running job of ``kind`` and drop its outcome silently (its caller moved on)."""
        job = self._latest.get(kind)
        if job is not None and not job.finished:
            self._drop(job)

    def cancel_all(self) -> None:
        """Cancel every job and drop all outcomes (window closing, application exit)."""
        for job in list(self._jobs.values()):
            self._drop(job)

    def _drop(self, job: Job) -> None:
        job.superseded = True
        job.cancel()
        self._close_dialog(job)

    def active_jobs(self) -> int:
        """Jobs started whose outcome has not yet been delivered (stale ones included)."""
        return len(self._jobs)

    def jobs(self, kind_prefix: str = "") -> list[Job]:
        return [j for j in self._jobs.values() if j.kind.startswith(kind_prefix) and not j.superseded]

    def wait_for_idle(self, timeout_s: float = 30.0) -> bool:
        """Process events until every job has been delivered; False on timeout (tests, smoke test)."""
        deadline = time.monotonic() + timeout_s
        while self._jobs:
            if time.monotonic() > deadline:
                return False
            self._pool.waitForDone(10)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return True

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Cancel everything and wait for the threads (application exit)."""
        self.cancel_all()
        self._pool.waitForDone(int(timeout_s * 1000))
        QCoreApplication.processEvents()

    # -- delivery in the GUI thread --------------------------------------------------------------
    def _finish(self, job_id: int) -> Job | None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return None
        job.finished = True
        job.runnable = None
        self._close_dialog(job)
        if self._latest.get(job.kind) is job:
            del self._latest[job.kind]
        return None if job.superseded else job

    @Slot(int, object)
    def _deliver_done(self, job_id: int, result: object) -> None:
        job = self._finish(job_id)
        if job is None:
            return
        if job.token.cancelled:  # finished although cancelled: the user asked not to see it
            self._call(job, job.on_error, Cancelled(job.label))
        else:
            self._call(job, job.on_done, result)

    @Slot(int, object)
    def _deliver_error(self, job_id: int, error: BaseException) -> None:
        job = self._finish(job_id)
        if job is None:
            return
        if isinstance(error, CaseReviewError):  # expected (unreadable file, cancelled …): no traceback
            log.info("job %s (%s): %s", job.id, job.kind, error)
        else:
            log.error("job %s (%s) failed", job.id, job.kind, exc_info=error)
        self._call(job, job.on_error, error)

    @staticmethod
    def _call(job: Job, callback: Callable[[Any], None] | None, value: object) -> None:
        try:
            if callback is not None:
                callback(value)
        except Exception:
            log.exception("handler of job %s (%s) failed", job.id, job.kind)

    @Slot(int, object)
    def _deliver_progress(self, job_id: int, event: ProgressEvent) -> None:
        job = self._jobs.get(job_id)
        if job is None or job.superseded:
            return
        job.last_event = event
        if job.dialog is not None:
            job.dialog.update_progress(event)
        if job.on_progress is not None:
            job.on_progress(event)

    # -- the delayed progress dialog -------------------------------------------------------------
    def _open_dialog(self, job: Job, parent: QWidget) -> None:
        if job.finished or job.superseded:
            return
        job.dialog = JobProgressDialog(job.label, job.cancel, parent)
        if job.last_event is not None:
            job.dialog.update_progress(job.last_event)
        job.dialog.show()

    @staticmethod
    def _close_dialog(job: Job) -> None:
        if job.dialog is not None:
            job.dialog.dismiss()
            job.dialog = None


_runner: TaskRunner | None = None


def runner() -> TaskRunner:
    """The application-wide runner (created on first use, owned by the QApplication)."""
    global _runner
    if _runner is None or not shiboken6.isValid(_runner):
        _runner = TaskRunner(QCoreApplication.instance())
    return _runner


def run_task(
    fn: JobFn,
    *,
    on_done: OnDone,
    on_error: OnError | None = None,
    on_progress: OnProgress | None = None,
    kind: str = "",
    label: str = "",
    dialog_parent: QWidget | None = None,
) -> Job:
    """``runner().run_task(...)``: run ``fn(progress, cancel)`` off the GUI thread."""
    return runner().run_task(
        fn,
        on_done=on_done,
        on_error=on_error,
        on_progress=on_progress,
        kind=kind,
        label=label,
        dialog_parent=dialog_parent,
    )


def active_jobs() -> int:
    return runner().active_jobs()


def wait_for_idle(timeout_s: float = 30.0) -> bool:
    return runner().wait_for_idle(timeout_s)
