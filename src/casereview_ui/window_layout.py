"""The window's frame: the centre (search bar over the page viewer), the docks, the status bar's
indicators, and the layout kept between runs (geometry, docks, the last case and page)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QProgressBar, QVBoxLayout, QWidget


def centre_widget(parent: QWidget, *widgets: QWidget) -> QWidget:
    """``widgets`` stacked, the last one taking the room left."""
    centre = QWidget(parent)
    box = QVBoxLayout(centre)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(0)
    for widget in widgets[:-1]:
        box.addWidget(widget)
    box.addWidget(widgets[-1], 1)
    return centre


def add_dock(
    window: QMainWindow, widget: QWidget, title: str, name: str, area: Qt.DockWidgetArea
) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    window.addDockWidget(area, dock)
    return dock


DockSpec = tuple[QWidget, str, str, Qt.DockWidgetArea]  # widget, title, object name, area


def add_docks(window: QMainWindow, specs: list[DockSpec]) -> list[QDockWidget]:
    return [add_dock(window, *spec) for spec in specs]


@dataclass
class StatusIndicators:
    mode: QLabel
    progress: QProgressBar
    page: QLabel
    zoom: QLabel


def make_status_bar(window: QMainWindow) -> StatusIndicators:
    bar = window.statusBar()
    mode_label = QLabel(window)
    mode_label.setObjectName("modeIndicator")
    progress_bar = QProgressBar(window)
    progress_bar.setObjectName("readProgress")
    progress_bar.setMaximumWidth(260)
    progress_bar.setTextVisible(True)
    progress_bar.setVisible(False)
    page_label = QLabel(window)
    page_label.setObjectName("pageIndicator")
    page_label.setMinimumWidth(110)
    page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    zoom_label = QLabel(window)
    zoom_label.setObjectName("zoomIndicator")
    zoom_label.setMinimumWidth(56)
    zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    for widget in (mode_label, progress_bar, page_label, zoom_label):
        bar.addPermanentWidget(widget)
    bar.showMessage(window.tr("就绪"))
    return StatusIndicators(mode_label, progress_bar, page_label, zoom_label)


def restore_layout(window: QMainWindow, docks: list[QDockWidget], persist: bool) -> None:
    """The default sizes of the docks (cases, thumbnails, details, timeline), then (``persist``)
    the geometry and docks of the last run."""
    cases, thumbs, details, timeline = docks
    window.resize(1500, 1000)
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    window.resizeDocks([cases, details], [280, 480], horizontal)
    window.resizeDocks([timeline], [270], vertical)
    window.resizeDocks([cases, thumbs], [560, 300], vertical)
    if not persist:
        return
    settings = QSettings()
    geometry = settings.value("mainWindow/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = settings.value("mainWindow/state")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)


def save_layout(window: QMainWindow, case_id: int | None, page: int) -> None:
    settings = QSettings()
    settings.setValue("mainWindow/geometry", window.saveGeometry())
    settings.setValue("mainWindow/state", window.saveState())
    settings.setValue("session/lastCase", case_id or 0)
    settings.setValue("session/lastPage", page)


def last_case_and_page() -> tuple[int, int]:
    """The case (0: none) and page shown when the window was last closed."""
    settings = QSettings()
    case_id = int(str(settings.value("session/lastCase", 0)) or 0)
    page = int(str(settings.value("session/lastPage", 1)) or 1)
    return case_id, page
