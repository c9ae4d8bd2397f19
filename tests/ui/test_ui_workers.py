"""The worker runner: results in the GUI thread, stale jobs dropped, errors and progress delivered."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from casereview.errors import Cancelled, ErrorCode, IngestError
from casereview.progress import CancelToken, ProgressEvent
from casereview_ui.workers import TaskRunner

Report = Callable[[ProgressEvent], None]


@pytest.fixture
def runner(app: QApplication) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(app)
    yield task_runner
    task_runner.shutdown()
    task_runner.deleteLater()


def test_result_is_delivered_in_the_gui_thread(runner: TaskRunner) -> None:
    seen: dict[str, object] = {}

    def job(_progress: Report, _cancel: CancelToken) -> int:
        seen["worker_thread"] = QThread.currentThread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_thread"] = QThread.currentThread()

    runner.run_task(job, on_done=done)
    assert runner.active_jobs() == 1
    assert runner.wait_for_idle(10)
    assert seen["result"] == 42
    assert seen["done_thread"] is QApplication.instance().thread()  # type: ignore[union-attr]
    assert seen["worker_thread"] is not seen["done_thread"]
    assert runner.active_jobs() == 0


def test_errors_reach_on_error(runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def job(_progress: Report, _cancel: CancelToken) -> None:
        raise IngestError(ErrorCode.CORRUPT_FILE, "x.pdf")

    runner.run_task(job, on_done=lambda _r: pytest.fail("no result expected"), on_error=errors.append)
    assert runner.wait_for_idle(10)
    assert len(errors) == 1 and isinstance(errors[0], IngestError)


def test_progress_is_forwarded(runner: TaskRunner) -> None:
    events: list[ProgressEvent] = []

    def job(progress: Report, _cancel: CancelToken) -> str:
        for i in range(1, 4):
            progress(ProgressEvent("ingest", i, 3))
        return "ok"

    runner.run_task(job, on_done=lambda _r: None, on_progress=events.append)
    assert runner.wait_for_idle(10)
    assert events and events[-1].done == 3  # intermediate events may be coalesced, the last never


def test_a_new_job_of_the_same_kind_cancels_the_stale_one(runner: TaskRunner) -> None:
    release = threading.Event()
    results: list[str] = []
    errors: list[BaseException] = []

    def slow(_progress: Report, cancel: CancelToken) -> str:
        release.wait(10)
        cancel.check()
        return "stale"

    def fast(_progress: Report, _cancel: CancelToken) -> str:
        return "fresh"

    first = runner.run_task(slow, on_done=results.append, on_error=errors.append, kind="render")
    runner.run_task(fast, on_done=results.append, on_error=errors.append, kind="render")
    assert first.token.cancelled and first.superseded
    release.set()
    assert runner.wait_for_idle(10)
    assert results == ["fresh"]
    assert errors == []  # a superseded job is dropped silently


def test_user_cancel_reports_cancelled(runner: TaskRunner) -> None:
    started = threading.Event()
    errors: list[BaseException] = []

    def job(_progress: Report, cancel: CancelToken) -> None:
        started.set()
        while not cancel.cancelled:
            cancel.check()
            threading.Event().wait(0.01)
        cancel.check()

    runner.run_task(job, on_done=lambda _r: None, on_error=errors.append, kind="read:a")
    assert started.wait(5)
    runner.cancel("read:a")
    assert runner.wait_for_idle(10)
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)


def test_progress_dialog_only_after_the_delay(runner: TaskRunner, qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()

    def quick(_progress: Report, _cancel: CancelToken) -> None:
        return None

    runner.run_task(quick, on_done=lambda _r: None, label="快", dialog_parent=parent, dialog_delay_ms=300)
    assert runner.wait_for_idle(10)
    qtbot.wait(400)
    assert parent.findChildren(QProgressDialog) == []

    def slow(progress: Report, _cancel: CancelToken) -> None:
        progress(ProgressEvent("ocr", 1, 4))
        release.wait(10)

    job = runner.run_task(
        slow, on_done=lambda _r: None, label="正在读取", dialog_parent=parent, dialog_delay_ms=50
    )
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=5000)
    assert job.dialog is not None
    assert "文字识别 1/4" in job.dialog.labelText()
    release.set()
    assert runner.wait_for_idle(10)
    assert job.dialog is None


def test_cancel_button_of_the_dialog_cancels_the_job(runner: TaskRunner, qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[BaseException] = []

    def job_fn(_progress: Report, cancel: CancelToken) -> None:
        for _ in range(1000):
            cancel.check()
            threading.Event().wait(0.01)

    job = runner.run_task(
        job_fn,
        on_done=lambda _r: None,
        on_error=errors.append,
        label="读取",
        dialog_parent=parent,
        dialog_delay_ms=10,
    )
    qtbot.waitUntil(lambda: job.dialog is not None, timeout=5000)
    assert job.dialog is not None
    button = job.dialog.findChild(QPushButton)
    assert button is not None and button.text() == "取消"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert runner.wait_for_idle(10)
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)
