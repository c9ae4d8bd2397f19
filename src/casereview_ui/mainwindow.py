"""The workstation window: open cases (left), the page viewer (centre), documents and fields (right)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QListView,
    QMainWindow,
    QProgressBar,
    QWidget,
)
from typing_extensions import override

from casereview import __version__
from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import describe
from casereview.paths import demo_case_path
from casereview.progress import ProgressEvent
from casereview_ui.actions import WindowActions
from casereview_ui.cases import CaseLoader, CaseState, OpenCase
from casereview_ui.dialogs import DialogPrompts, Prompts
from casereview_ui.models import CaseListModel
from casereview_ui.panels import CasePanel
from casereview_ui.viewer import PageView
from casereview_ui.workers import TaskRunner, runner

STATUS_TIMEOUT_MS = 15000


class MainWindow(QMainWindow):
    def __init__(
        self,
        task_runner: TaskRunner | None = None,
        prompts: Prompts | None = None,
        use_ocr: bool | None = None,
        persist_layout: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("案卷评查工作站"))
        self.runner = task_runner or runner()
        self.prompts: Prompts = prompts or DialogPrompts()
        self.loader = CaseLoader(self.runner, self.prompts, self, use_ocr)
        self._shown: tuple[OpenCase | None, CaseState | None] = (None, None)
        self.persist_layout = persist_layout

        self.viewer = PageView(self.runner, self)
        self.viewer.setObjectName("pageView")
        self.setCentralWidget(self.viewer)
        self.cases = CaseListModel(self)
        self.case_list = self._make_case_list()
        self.panel = CasePanel(self)
        self.panel.setObjectName("casePanel")
        area = Qt.DockWidgetArea
        self.cases_dock = self._add_dock(
            self.case_list, self.tr("案卷"), "casesDock", area.LeftDockWidgetArea
        )
        self.details_dock = self._add_dock(
            self.panel, self.tr("文书与要素"), "detailsDock", area.RightDockWidgetArea
        )
        self.actions_ = WindowActions(self)
        self._make_status_bar()
        self._connect()
        self._restore_layout()

    # -- construction ----------------------------------------------------------------------------
    def _make_case_list(self) -> QListView:
        view = QListView(self)
        view.setObjectName("caseList")
        view.setModel(self.cases)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setSpacing(2)
        view.setWordWrap(True)  # 案号 and 当事人 in full; the tooltip has the path
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return view

    def _add_dock(self, widget: QWidget, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("readProgress")
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setVisible(False)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageIndicator")
        self.page_label.setMinimumWidth(110)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("zoomIndicator")
        self.zoom_label.setMinimumWidth(56)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.page_label)
        bar.addPermanentWidget(self.zoom_label)
        bar.showMessage(self.tr("就绪"))

    def _connect(self) -> None:
        self.case_list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.loader.changed.connect(self._case_changed)
        self.loader.failed.connect(lambda _case, message: self.report_error(message))
        self.loader.progressed.connect(self._case_progress)
        self.panel.page_requested.connect(self._go_to_page)
        self.panel.evidence_requested.connect(self.viewer.highlight)
        self.viewer.page_changed.connect(self._page_changed)
        self.viewer.zoom_changed.connect(self._zoom_changed)

    # -- opening ---------------------------------------------------------------------------------
    def open_paths(self, paths: Iterable[str | Path]) -> list[OpenCase]:
        """Open (or re-select) each path; reading runs in the background."""
        opened: list[OpenCase] = []
        for raw in paths:
            path = Path(raw)
            case = self.cases.find(path)
            if case is None:
                case = OpenCase(path)
                self.cases.add(case)
                self.loader.load(case)
            elif case.state == CaseState.FAILED:
                self.loader.load(case)
            opened.append(case)
        if opened:
            self.select_case(opened[0])
        self._update_busy()
        return opened

    def open_demo(self) -> OpenCase | None:
        path = demo_case_path()
        if not path.exists():
            self.report_error(describe(CaseReviewError(ErrorCode.FILE_NOT_FOUND, str(path))))
            return None
        return self.open_paths([path])[0]

    def choose_files(self) -> None:
        files = self.prompts.open_files(self)
        if files:
            self.open_paths(files)

    def choose_folder(self) -> None:
        folder = self.prompts.open_folder(self)
        if folder:
            self.open_paths([folder])

    # -- showing a case ----------------------------------------------------------------------------
    def current_case(self) -> OpenCase | None:
        indexes = self.case_list.selectionModel().selectedRows()
        return self.cases.case_at(indexes[0].row()) if indexes else None

    def select_case(self, case: OpenCase) -> None:
        row = self.cases.row_of(case)
        if row >= 0:
            self.case_list.setCurrentIndex(self.cases.index(row, 0))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show(self.current_case())

    def _show(self, case: OpenCase | None) -> None:
        state = case.state if case is not None else None
        if self._shown == (case, state):
            return
        self._shown = (case, state)
        ready = case is not None and case.analysis is not None and state == CaseState.READY
        analysis = case.analysis if ready and case is not None else None
        if analysis is not None and case is not None:
            self.viewer.set_case(analysis.case, case.password)
        elif case is not None and state == CaseState.LOADING:
            self.viewer.show_message(self.tr("正在读取 {0}…").format(case.name))
        elif case is not None:
            self.viewer.show_message(case.message)
        else:
            self.viewer.set_case(None)
        self.panel.show_analysis(analysis)
        self.actions_.set_case_loaded(analysis is not None)
        if analysis is not None and case is not None:
            self.statusBar().showMessage(self._summary(case), STATUS_TIMEOUT_MS)
        if case is not None and state == CaseState.FAILED:
            self.statusBar().showMessage(case.message, STATUS_TIMEOUT_MS)

    def _case_changed(self, case: OpenCase) -> None:
        self.cases.refresh(case)
        if case is self.current_case():
            self._show(case)
        self._update_busy()
        if case.state == CaseState.READY:
            self.statusBar().showMessage(self._summary(case), STATUS_TIMEOUT_MS)

    def _summary(self, case: OpenCase) -> str:
        if case.analysis is None:
            return ""
        pages, docs = case.analysis.case.page_count, len(case.analysis.documents)
        return self.tr("已读取 {0}：{1} 页，{2} 份文书").format(case.name, pages, docs)

    def _case_progress(self, case: OpenCase, event: ProgressEvent) -> None:
        if event.total > 0:
            self.progress_bar.setRange(0, event.total)
            self.progress_bar.setValue(min(event.done, event.total))
        self.progress_bar.setFormat(f"{case.message}")
        self.statusBar().showMessage(self.tr("{0}：{1}").format(case.name, case.message))

    def _update_busy(self) -> None:
        busy = self.loader.loading() > 0
        if busy and not self.progress_bar.isVisible():
            self.progress_bar.setRange(0, 0)
            self.progress_bar.setFormat(self.tr("正在读取…"))
        self.progress_bar.setVisible(busy)

    def _zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom:.0%}" if self.viewer.page_count else "")

    def _go_to_page(self, page: int) -> None:
        self.viewer.clear_highlight()
        self.viewer.show_page(page)

    def _page_changed(self, page: int, total: int) -> None:
        self.page_label.setText(self.viewer.page_text())
        if total == 0:
            self.zoom_label.clear()
        self.actions_.update_navigation(page, total)

    # -- errors, about ---------------------------------------------------------------------------
    def report_error(self, message: str) -> None:
        """Show a Chinese error: always in the status bar, and through the prompts (a dialog)."""
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)
        self.prompts.error(self, self.tr("案卷评查工作站"), message)

    def show_about(self) -> None:
        text = self.tr(
            "<h3>案卷评查工作站 {0}</h3>"
            "<p>交通运输行政处罚案卷评查：读取案卷、划分文书、提取要素、逐项评查。</p>"
            "<p>本程序依据 GNU Affero 通用公共许可证第 3 版或更高版本（AGPL-3.0-or-later）发布。</p>"
        ).format(__version__)
        self.prompts.info(self, self.tr("关于 案卷评查工作站"), text)

    # -- layout persistence ----------------------------------------------------------------------
    def _restore_layout(self) -> None:
        self.resize(1400, 900)
        docks = [self.cases_dock, self.details_dock]
        self.resizeDocks(docks, [270, 400], Qt.Orientation.Horizontal)
        if not self.persist_layout:
            return
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = settings.value("mainWindow/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def save_layout(self) -> None:
        if not self.persist_layout:
            return
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.runner.cancel_all()
        super().closeEvent(event)
