"""The workstation window: case list and thumbnails (left), the page viewer with its search bar
(centre), 评查 / 文书 / 要素 / 典型案例 (right), the case timeline (bottom)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QListView,
    QMainWindow,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from casereview import __version__
from casereview.db import Database
from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import describe
from casereview.paths import demo_case_path
from casereview.progress import ProgressEvent
from casereview.review.caselist import CaseListRow
from casereview.sessions.model import SessionCase, SessionInfo
from casereview.sessions.store import case_in_session, link_reviews
from casereview.standards.registry import installed_standards
from casereview.timeline import build_timeline
from casereview_ui.actions import WindowActions
from casereview_ui.caselist import CaseFilter, CaseFilterBar, CaseFilterProxy
from casereview_ui.cases import CaseLoader, CaseState, OpenCase
from casereview_ui.cases.session import STATUS_DONE, STATUS_REVIEWING
from casereview_ui.dialogs import DialogPrompts, Prompts
from casereview_ui.dialogs.training_tag import TrainingTagList
from casereview_ui.exports import ExportActions
from casereview_ui.followup.actions import FollowUpActions
from casereview_ui.models import CASE_ROLE, CaseListModel
from casereview_ui.modes import MODE_TITLES, Modes
from casereview_ui.panels import CasePanel
from casereview_ui.review.controller import ReviewController
from casereview_ui.review.panel import FindingsPanel
from casereview_ui.session_actions import SessionActions
from casereview_ui.settings import (
    AppSettings,
    calendar_for,
    effective_database_url,
    load_settings,
    ocr_workers,
)
from casereview_ui.timeline import TimelineView
from casereview_ui.viewer import PageView
from casereview_ui.viewer.searchbar import SearchBar, SearchController
from casereview_ui.viewer.thumbnails import ThumbnailStrip
from casereview_ui.window_setup import Setup, prepare, read_stored_cases, same_session
from casereview_ui.workers import TaskRunner, runner

log = logging.getLogger(__name__)
STATUS_TIMEOUT_MS = 15000
PREVIEW_REFRESH_MS = 300  # how often the pages recognised so far are offered to the viewer


class MainWindow(QMainWindow):
    configured = Signal()  # reconfigure's job is applied: database, session, checker, stored cases

    def __init__(
        self,
        task_runner: TaskRunner | None = None,
        prompts: Prompts | None = None,
        use_ocr: bool | None = None,
        persist_layout: bool = True,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.runner = task_runner or runner()
        self.prompts: Prompts = prompts or DialogPrompts()
        self.settings = settings or load_settings()
        self.persist_layout = persist_layout
        self.database: Database | None = None
        self.loader = CaseLoader(self.runner, self.prompts, self, use_ocr)
        self._shown: tuple[OpenCase | None, CaseState | None] = (None, None)
        self._preview_pages = 0
        self._database_url = ""
        self._restore_page = 0
        self._showing = False
        self._linked: tuple[int, int | None, int, int] | None = None  # the review last linked
        self.session_info: SessionInfo | None = None  # the review session worked on, if any
        self.setAcceptDrops(True)

        self.viewer = PageView(self.runner, self)
        self.viewer.setObjectName("pageView")
        self.search_bar = SearchBar(self)
        self.search = SearchController(self.search_bar, self.viewer)
        centre = QWidget(self)
        box = QVBoxLayout(centre)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.search_bar)
        box.addWidget(self.viewer, 1)
        self.setCentralWidget(centre)

        self.cases = CaseListModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.cases)
        self.filter_bar = CaseFilterBar(self)
        self.filter_bar.set_source(self.cases)
        self.case_list = self._make_case_list()
        cases_box = QWidget(self)
        layout = QVBoxLayout(cases_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.case_list, 1)
        self.thumbnails = ThumbnailStrip(self.runner, self)
        self.thumbnails.setObjectName("thumbnails")

        self.panel = CasePanel(self)
        self.panel.setObjectName("casePanel")
        self.findings = FindingsPanel(self)
        self.findings.setObjectName("findingsPanel")
        self.tag_list = TrainingTagList(self)
        self.tag_list.setObjectName("trainingTags")
        self.panel.insertTab(0, self.findings, self.tr("评查"))
        self.panel.addTab(self.tag_list, self.tr("典型案例"))
        self.panel.setCurrentIndex(0)
        self.timeline = TimelineView(self)
        self.timeline.setObjectName("timeline")

        area = Qt.DockWidgetArea
        self.cases_dock = self._add_dock(cases_box, self.tr("案卷"), "casesDock", area.LeftDockWidgetArea)
        self.thumbs_dock = self._add_dock(
            self.thumbnails, self.tr("缩略图"), "thumbsDock", area.LeftDockWidgetArea
        )
        self.details_dock = self._add_dock(
            self.panel, self.tr("评查与要素"), "detailsDock", area.RightDockWidgetArea
        )
        self.timeline_dock = self._add_dock(
            self.timeline, self.tr("时间轴"), "timelineDock", area.BottomDockWidgetArea
        )

        self.review = ReviewController(self.viewer, self.findings, self.prompts, self, self.runner)
        self.modes = Modes(self)
        self.exports = ExportActions(self)
        self.sessions = SessionActions(self)
        self.followup = FollowUpActions(self)
        self.actions_ = WindowActions(self)
        self.findings.set_actions(
            [self.actions_.accept, self.actions_.override, self.actions_.manual, self.actions_.withdraw]
        )
        self._preview_timer = QTimer(self)
        self._preview_timer.setInterval(PREVIEW_REFRESH_MS)
        self._preview_timer.timeout.connect(self._refresh_preview)
        self._make_status_bar()
        self._connect()
        self._restore_layout()
        self.reconfigure(reload_cases=True)

    # -- construction ----------------------------------------------------------------------------
    def _make_case_list(self) -> QListView:
        view = QListView(self)
        view.setObjectName("caseList")
        view.setModel(self.proxy)
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
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.mode_label = QLabel(self)
        self.mode_label.setObjectName("modeIndicator")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("readProgress")
        self.progress_bar.setMaximumWidth(260)
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
        for widget in (self.mode_label, self.progress_bar, self.page_label, self.zoom_label):
            bar.addPermanentWidget(widget)
        bar.showMessage(self.tr("就绪"))

    def _connect(self) -> None:
        self.case_list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.proxy.rowsInserted.connect(self._update_counts)
        self.proxy.rowsRemoved.connect(self._update_counts)
        self.proxy.modelReset.connect(self._update_counts)
        self.loader.changed.connect(self._case_changed)
        self.loader.failed.connect(lambda _case, message: self.report_error(message))
        self.loader.progressed.connect(self._case_progress)
        self.panel.page_requested.connect(self._go_to_page)
        self.panel.evidence_requested.connect(self.viewer.highlight)
        self.panel.fields.correction_requested.connect(self._correct_field)
        self.thumbnails.page_requested.connect(self._go_to_page)
        self.timeline.evidence_requested.connect(self.viewer.highlight)
        self.timeline.rule_requested.connect(self._select_rule)
        self.tag_list.page_requested.connect(self._go_to_page)
        self.tag_list.delete_requested.connect(self.modes.delete_tag)
        self.viewer.page_changed.connect(self._page_changed)
        self.viewer.zoom_changed.connect(self._zoom_changed)
        self.review.changed.connect(self._review_changed)
        self.review.message.connect(lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS))
        self.review.saving_changed.connect(lambda _saving: self.actions_.update_review())

    # -- configuration ---------------------------------------------------------------------------
    def reconfigure(self, reload_cases: bool = False) -> None:
        """Apply the settings and the mode: database, checker (standard, profile, calendar), reviewer.

        Opening the database, finding the session, building the checker and reading the stored
        cases run on the task runner; :meth:`_configured` applies them in the GUI thread."""
        url = effective_database_url(self.settings)
        reopen = self.database is None or url != self._database_url or reload_cases
        self._database_url = url
        self.loader.database_url = url
        self.loader.ocr_workers = ocr_workers(self.settings)
        title = MODE_TITLES[self.modes.mode]
        self.mode_label.setText(self.tr("{0}模式 · {1}").format(title, self.settings.reviewer))
        self.mode_label.setMinimumWidth(self.mode_label.sizeHint().width())
        self.setWindowTitle(self.tr("案卷评查工作站 — {0}").format(title))
        old, previous = self.database, self.session_info
        settings, mode = self.settings, self.modes.mode

        def job(_p: object, _c: object) -> Setup:
            return prepare(url, None if reopen else old, settings, mode, previous, reload_cases)

        def done(setup: object) -> None:
            if isinstance(setup, Setup):
                self._configured(setup, reopen)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, CaseReviewError):
                self.report_error(describe(exc))

        if reopen:
            self.database = None  # closed below, once the jobs using it are done with it
        self.runner.run_task(job, on_done=done, on_error=failed, kind="configure")
        if reopen and old is not None:
            self.runner.run_task(lambda _p, _c: old.close(), on_done=lambda _r: None)

    def _configured(self, setup: Setup, reopened: bool) -> None:
        if reopened:
            self.database = setup.database
        if setup.open_error is not None:
            self.report_error(describe(setup.open_error))
        if setup.session_error:
            self.report_error(setup.session_error)
        previous = self.session_info
        self.session_info = setup.session_info
        if not same_session(previous, self.session_info):
            self.cases.clear()
        blind = self.blind
        self.actions_.update_session(self.session_info is not None, self.is_lead)
        self.filter_bar.unit.setVisible(not blind)
        self.panel.blind = blind
        if setup.checker_error is not None:
            exc = setup.checker_error
            shown = describe(exc) if isinstance(exc, CaseReviewError) else exc
            self.report_error(self.tr("评查标准不可用：{0}").format(shown))
        checker = setup.checker
        if checker is not None:
            self.review.configure(self.database, checker, self.settings.reviewer)
        self.loader.review = (checker, self.settings.reviewer) if checker is not None else None
        if setup.stored is not None:
            self._list_stored_cases(*setup.stored)
        self._show(self.current_case(), force=True)
        self.configured.emit()

    @property
    def is_lead(self) -> bool:
        return self.session_info is not None and self.session_info.lead == self.settings.reviewer

    @property
    def blind(self) -> bool:
        """Blind review: the reviewer does not see the unit or the officers' names."""
        return self.session_info is not None and self.session_info.blind and not self.is_lead

    def load_stored_cases(self) -> None:
        """List the stored cases with their newest review: every case, or in a review session
        the session's cases (a reviewer sees the ones assigned to them, the lead all). They are
        read on the task runner; the list fills when they arrive."""
        database, info = self.database, self.session_info
        if database is None:
            return
        standard_id = self.modes.standard_id()

        def done(stored: object) -> None:
            if isinstance(stored, tuple) and self.database is database and self.session_info is info:
                self._list_stored_cases(*stored)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, CaseReviewError):
                self.report_error(describe(exc))

        self.runner.run_task(
            lambda _p, _c: read_stored_cases(database, info, standard_id),
            on_done=done,
            on_error=failed,
            kind="stored-cases",
        )

    def _list_stored_cases(self, rows: list[CaseListRow], listed: list[SessionCase]) -> int:
        """Merge the stored cases into the list (the GUI-thread half of :meth:`load_stored_cases`)."""
        info = self.session_info
        in_session = {c.case_id: c for c in listed if self.is_lead or self.settings.reviewer in c.reviewers()}
        if info is not None:
            rows = [r for r in rows if r.case_id in in_session]
        added = 0
        for row in rows:
            case = self.cases.find_id(row.case_id) or self.cases.find(Path(row.source))
            if case is None:
                case = OpenCase(Path(row.source), CaseState.STORED, case_id=row.case_id)
                self.cases.add(case)
                added += 1
            case.case_id = row.case_id
            case.unit, case.review_status, case.grade = row.unit, row.status, row.grade
            case.score, case.reviewer = row.score, row.reviewer
            case.known_number, case.known_party = row.case_number, row.party
            if row.case_id in in_session:
                listed_case = in_session[row.case_id]
                case.unit, case.review_status = listed_case.unit, listed_case.status.label
                case.reviewer = "、".join(listed_case.reviewers())
            if self.blind:
                case.unit = ""
            self.cases.refresh(case)
        self.filter_bar.refresh_choices()
        self._update_counts()
        return added

    # -- opening ---------------------------------------------------------------------------------
    def open_paths(self, paths: Iterable[str | Path]) -> list[OpenCase]:
        """Open (or re-select) each path; reading runs in the background, one file at a time."""
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
            self.filter_bar.clear()  # a new file must be visible whatever filter was on
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

    def cancel_current_read(self) -> None:
        case = self.current_case()
        if case is not None and self.loader.cancel(case):
            self.statusBar().showMessage(self.tr("已取消读取 {0}").format(case.name), STATUS_TIMEOUT_MS)

    def cancel_all_reads(self) -> None:
        count = self.loader.cancel_all()
        if count:
            self.statusBar().showMessage(self.tr("已取消 {0} 份案卷的读取").format(count), STATUS_TIMEOUT_MS)

    # -- drag and drop ---------------------------------------------------------------------------
    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # -- the case list ---------------------------------------------------------------------------
    def current_case(self) -> OpenCase | None:
        indexes = self.case_list.selectionModel().selectedRows()
        if not indexes:
            return None
        case = indexes[0].data(CASE_ROLE)
        return case if isinstance(case, OpenCase) else None

    def current_case_id(self) -> int | None:
        case = self.current_case()
        return case.case_id if case is not None else None

    def current_unit(self) -> str:
        case = self.current_case()
        return case.unit if case is not None else ""

    def select_case(self, case: OpenCase) -> None:
        row = self.cases.row_of(case)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.cases.index(row, 0))
        if index.isValid():
            self.case_list.setCurrentIndex(index)

    def step_case(self, forward: bool) -> bool:
        current = self.case_list.currentIndex()
        row = current.row() + (1 if forward else -1) if current.isValid() else 0
        if not 0 <= row < self.proxy.rowCount():
            return False
        self.case_list.setCurrentIndex(self.proxy.index(row, 0))
        return True

    def _filter_changed(self, case_filter: object) -> None:
        if isinstance(case_filter, CaseFilter):
            self.proxy.set_filter(case_filter)
        self._update_counts()

    def _update_counts(self) -> None:
        self.filter_bar.set_counts(self.proxy.rowCount(), self.cases.rowCount())

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        case = self.current_case()
        if case is not None and case.state == CaseState.STORED:
            self.loader.load(case)
        self._show(case)

    # -- showing a case --------------------------------------------------------------------------
    def _show(self, case: OpenCase | None, force: bool = False) -> None:
        state = case.state if case is not None else None
        if self._shown == (case, state) and not force:
            return
        self._shown = (case, state)
        self._preview_timer.stop()
        self._preview_pages = 0
        analysis = case.analysis if case is not None and state == CaseState.READY else None
        if analysis is not None and case is not None:
            shown = self.viewer.case
            page = (
                self.viewer.current_page if shown is not None and shown.source == analysis.case.source else 1
            )
            if self._restore_page:
                page, self._restore_page = self._restore_page, 0
            page = min(max(page, 1), analysis.case.page_count)
            self.viewer.set_case(analysis.case, case.password, page=page)
            self.thumbnails.set_case(analysis.case, case.password)
        elif case is not None and state in (CaseState.LOADING, CaseState.QUEUED, CaseState.STORED):
            self.viewer.show_message(self.tr("正在读取 {0}…").format(case.name))
            self.thumbnails.set_case(None)
            if case.case_id is None:
                self._preview_timer.start()
        elif case is not None:
            self.viewer.show_message(case.message)
            self.thumbnails.set_case(None)
        else:
            self.viewer.set_case(None)
            self.thumbnails.set_case(None)
        self._showing = True  # _review_changed must not rebuild what the rest of _show builds
        try:
            self.review.show(analysis)
        finally:
            self._showing = False
        corrected = self.review.analysis or analysis
        self.panel.show_analysis(corrected, corrected=self._corrected_fields())
        self.panel.fields.editable = self.review.bench is not None
        self._show_timeline()
        self.modes.refresh_tags()
        self.actions_.set_case_loaded(analysis is not None)
        if analysis is not None and case is not None:
            self.statusBar().showMessage(self._summary(case), STATUS_TIMEOUT_MS)
        if case is not None and state == CaseState.FAILED:
            self.statusBar().showMessage(case.message, STATUS_TIMEOUT_MS)

    def _corrected_fields(self) -> set[str]:
        bench = self.review.bench
        return set(bench.corrections) if bench is not None else set()

    def _show_timeline(self) -> None:
        bench = self.review.bench
        analysis = self.review.analysis
        if bench is None or analysis is None or self.review.checker is None:
            self.timeline.set_timeline(None)
            return
        checker = bench.checker
        try:
            timeline = build_timeline(
                analysis,
                checker.calendar or calendar_for(self.settings),
                checker.standard.params(checker.profile),
                findings=bench.sheet.findings,
            )
        except Exception:  # the timeline is a view: a failure must not stop the review
            log.exception("timeline not built")
            timeline = None
        self.timeline.set_timeline(timeline)

    def _refresh_preview(self) -> None:
        """While OCR goes on, show the pages recognised so far (the reviewer can start reading)."""
        case = self.current_case()
        if case is None or case.state not in (CaseState.LOADING, CaseState.QUEUED):
            self._preview_timer.stop()
            return
        count = len(case.partial_pages)
        if count == self._preview_pages:
            return
        shown = self.viewer.case
        if self._preview_pages and shown is not None and shown.kind == "partial":
            # Grow the shown preview in place: a new case object would restart the page's render.
            shown.pages[:] = sorted(case.partial_pages[:], key=lambda p: p.number)
            self._page_changed(self.viewer.current_page, shown.page_count)
        else:
            preview = case.preview()
            if preview is None:
                return
            self.viewer.set_case(preview, case.password, page=1)
        self._preview_pages = count
        self.statusBar().showMessage(
            self.tr("{0}：已可查看前 {1} 页，其余页面仍在识别…").format(case.name, count), STATUS_TIMEOUT_MS
        )

    def _case_changed(self, case: OpenCase) -> None:
        self.cases.refresh(case)
        if case is self.current_case():
            self._show(case)
        self._update_busy()
        if case.state == CaseState.READY and case is self.current_case():
            self.statusBar().showMessage(self._summary(case), STATUS_TIMEOUT_MS)

    def _review_changed(self) -> None:
        self.actions_.update_review()
        case = self.current_case()
        bench = self.review.bench
        self.panel.fields.editable = bench is not None
        if case is None or bench is None:
            return
        case.score, case.grade = bench.sheet.score, bench.sheet.grade
        if self.session_info is None:
            case.reviewer = bench.reviewer
            case.review_status = STATUS_DONE if bench.status == "done" else STATUS_REVIEWING
        elif self.database is not None and case.case_id is not None:
            self._link_review(self.database, self.session_info.id, case, bench.review_id, bench.version)
        self.cases.refresh(case)
        if not self._showing:
            self.panel.show_analysis(bench.analysis, corrected=self._corrected_fields(), keep_tab=True)
            self._show_timeline()

    def _link_review(
        self, database: Database, session_id: int, case: OpenCase, review: int, version: int
    ) -> None:
        """The session's assignment gets this review (on the task runner, once per stored version);
        the case's session status follows."""
        key = (session_id, case.case_id, review, version)
        if key == self._linked:
            return
        self._linked = key
        case_id = case.case_id
        assert case_id is not None

        def job(_p: object, _c: object) -> SessionCase | None:
            with database.session_scope() as session:
                link_reviews(session, session_id, case_id)
                return case_in_session(session, session_id, case_id)

        def done(listed: object) -> None:
            if isinstance(listed, SessionCase):
                case.review_status = listed.status.label
                self.cases.refresh(case)

        def failed(exc: BaseException) -> None:
            self._linked = None
            if isinstance(exc, CaseReviewError):
                self.report_error(describe(exc))

        self.runner.run_task(job, on_done=done, on_error=failed, kind=f"link:{case_id}")

    def _correct_field(self, name: str, text: str) -> None:
        self.review.correct(name, text or None)

    def _select_rule(self, rule: str) -> None:
        sheet = self.review.sheet
        if sheet is None:
            return
        finding = next((f for f in sheet.findings if f.rule == rule and f.item), None)
        if finding is not None and finding.item is not None:
            self.panel.setCurrentWidget(self.findings)
            self.findings.select_item(finding.item)

    def _summary(self, case: OpenCase) -> str:
        if case.analysis is None:
            return ""
        pages, docs = case.analysis.case.page_count, len(case.analysis.documents)
        return self.tr("已读取 {0}：{1} 页，{2} 份文书").format(case.name, pages, docs)

    def _case_progress(self, case: OpenCase, event: ProgressEvent) -> None:
        if event.total > 0:
            self.progress_bar.setRange(0, event.total)
            self.progress_bar.setValue(min(event.done, event.total))
        waiting = self.loader.loading() - 1
        suffix = self.tr("（另有 {0} 份排队）").format(waiting) if waiting > 0 else ""
        self.progress_bar.setFormat(f"{case.name} {case.message}")
        if case is self.current_case() and case.partial_pages:
            self._refresh_preview()  # the first pages show as soon as they are read
        self.statusBar().showMessage(self.tr("{0}：{1}{2}").format(case.name, case.message, suffix))

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
        else:
            self.thumbnails.set_current(page)
        self.actions_.update_navigation(page, total)

    def focus_search(self) -> None:
        self.search_bar.focus()

    # -- dialogs ---------------------------------------------------------------------------------
    def report_error(self, message: str) -> None:
        """Show a Chinese error: always in the status bar, and through the prompts (a dialog)."""
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)
        self.prompts.error(self, self.tr("案卷评查工作站"), message)

    def show_settings(self) -> None:
        from casereview_ui.dialogs.settings import SettingsDialog
        from casereview_ui.settings import save_settings

        def opened(standards: object) -> None:
            assert isinstance(standards, dict)
            dialog = SettingsDialog(self.settings, standards, self, task_runner=self.runner)

            def accepted() -> None:
                self.settings = dialog.settings()
                save_settings(self.settings)
                self.reconfigure()

            dialog.accepted.connect(accepted)
            dialog.setModal(True)
            dialog.open()
            self.settings_dialog = dialog

        # the installed standards are read from disk off the GUI thread; the dialog opens after
        self.runner.run_task(
            lambda _p, _c: dict(installed_standards()),  # a read-only Mapping: the dialog wants a dict
            on_done=opened,
            on_error=lambda exc: (
                self.report_error(describe(exc)) if isinstance(exc, CaseReviewError) else None
            ),
            kind="settings",
        )

    def show_shortcuts(self) -> None:
        from casereview_ui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.actions_.shortcut_groups(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.shortcuts_dialog = dialog

    def show_about(self) -> None:
        text = self.tr(
            "<h3>案卷评查工作站 {0}</h3>"
            "<p>交通运输行政执法案卷评查：读取案卷、划分文书、提取要素、逐项评查。</p>"
            "<p>本程序依据 GNU Affero 通用公共许可证第 3 版或更高版本（AGPL-3.0-or-later）发布。</p>"
        ).format(__version__)
        self.prompts.info(self, self.tr("关于 案卷评查工作站"), text)

    # -- layout persistence ----------------------------------------------------------------------
    def _restore_layout(self) -> None:
        self.resize(1500, 1000)
        self.resizeDocks([self.cases_dock, self.details_dock], [280, 480], Qt.Orientation.Horizontal)
        self.resizeDocks([self.timeline_dock], [270], Qt.Orientation.Vertical)
        self.resizeDocks([self.cases_dock, self.thumbs_dock], [560, 300], Qt.Orientation.Vertical)
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
        case = self.current_case()
        settings.setValue("session/lastCase", case.case_id if case is not None and case.case_id else 0)
        settings.setValue("session/lastPage", self.viewer.current_page)

    def restore_last_case(self) -> OpenCase | None:
        """Select the case (and later the page) that was shown when the window was last closed."""
        settings = QSettings()
        case_id = int(str(settings.value("session/lastCase", 0)) or 0)
        case = self.cases.find_id(case_id) if case_id else None
        if case is not None:
            self._restore_page = int(str(settings.value("session/lastPage", 1)) or 1)
            self.select_case(case)
        return case

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.loader.cancel_all()
        self.runner.cancel_all()
        if self.database is not None:
            self.database.close()
            self.database = None
        super().closeEvent(event)
