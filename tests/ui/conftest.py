"""Qt test set-up: offscreen platform, no OCR, isolated QSettings, no worker left running, and no
database session opened by window code on the GUI thread (the guard of ``casereview_ui.dbguard``)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import (the root conftest does too)
os.environ["CASEREVIEW_NO_OCR"] = "1"

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from uihelpers import write_case_pdf

from casereview_ui import dbguard, workers
from casereview_ui.app import configure_application
from casereview_ui.dialogs import RecordingPrompts
from casereview_ui.mainwindow import MainWindow

# The offscreen platform warns about every top-level window with size constraints.
_OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def app(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> QApplication:
    """The configured application with QSettings redirected to a temporary directory."""
    configure_application(qapp)
    settings_dir = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    return qapp


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test its own data directory, so the window's database starts empty."""
    data = tmp_path / "data"
    monkeypatch.setenv("CASEREVIEW_DATA_DIR", str(data))
    return data


@pytest.fixture(autouse=True)
def no_jobs_left_running(app: QApplication) -> Iterator[None]:
    """Fail a test that leaves worker jobs running (they would outlive the widgets they report to)."""
    yield
    left = workers.active_jobs()
    if left:
        runner = workers.runner()
        runner.cancel_all()
        runner.wait_for_idle(10.0)
        pytest.fail(f"{left} worker job(s) still running at the end of the test")


_recorded: Counter[str] = Counter()  # CASEREVIEW_GUI_DB_GUARD=record: GUI-thread calls by place


@pytest.fixture(autouse=True)
def no_database_on_gui_thread() -> Iterator[None]:
    """Fail a test in which window code opens a database session on the GUI thread.

    ``CASEREVIEW_GUI_DB_GUARD=record`` counts those calls instead (summed up after the run)."""
    mode = dbguard.mode_from_env() or dbguard.RAISE
    dbguard.hits.clear()
    dbguard.install(mode)
    try:
        yield
    finally:
        dbguard.uninstall()
        found = list(dbguard.hits)
        dbguard.hits.clear()
    if mode == dbguard.RECORD:
        _recorded.update(str(hit) for hit in found)
    elif found:
        pytest.fail("database work on the GUI thread: " + "; ".join(str(hit) for hit in found))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _recorded:
        terminalreporter.section("GUI-thread database calls (CASEREVIEW_GUI_DB_GUARD=record)")
        for place, count in _recorded.most_common():
            terminalreporter.write_line(f"{count:5d}  {place}")
        terminalreporter.write_line(f"{sum(_recorded.values()):5d}  in all, at {len(_recorded)} places")


@pytest.fixture
def case_pdf(tmp_path: Path) -> Path:
    return write_case_pdf(tmp_path / "case.pdf")


@pytest.fixture
def prompts() -> RecordingPrompts:
    return RecordingPrompts()


@pytest.fixture
def window(qtbot: object, prompts: RecordingPrompts) -> Iterator[MainWindow]:
    win = MainWindow(prompts=prompts, use_ocr=False)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    win.runner.wait_for_idle(30.0)  # the database is opened and the stored cases listed off-thread
    yield win
    win.runner.wait_for_idle(30.0)
