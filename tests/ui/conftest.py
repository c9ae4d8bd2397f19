"""Qt test set-up: offscreen platform, no OCR, isolated QSettings, and no worker left running."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import (the root conftest does too)
os.environ["CASEREVIEW_NO_OCR"] = "1"

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from uihelpers import write_case_pdf

from casereview_ui import workers
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
    yield win
    win.runner.wait_for_idle(30.0)
