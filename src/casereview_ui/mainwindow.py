"""The workstation window: case list and thumbnails (left), the page viewer with its search bar
(centre), 评查 / 文书 / 要素 / 典型案例 (right), the case timeline (bottom).

The window builds the widgets and helpers and wires them; it does not push a case into them. The
shown case is a model (:class:`~casereview_ui.shown.ShownCaseModel`) that :meth:`MainWindow._show`
sets and every view subscribes to, in one place (:meth:`MainWindow._subscribe`). The helpers get the
window's services (:class:`~casereview_ui.services.WindowServices`), not the window."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QWidget
from typing_extensions import override

from casereview.db import Database
from casereview.errors import CaseReviewError
from casereview.messages import describe
from casereview.sessions.model import SessionInfo
from casereview_ui import shown_views as views
from casereview_ui.actions import ActionTargets, WindowActions
from casereview_ui.case_browser import CaseBrowser
from casereview_ui.case_opening import CaseOpener, local_paths
from casereview_ui.case_sync import ReviewRowSync
from casereview_ui.cases import CaseLoader, CaseState, OpenCase
from casereview_ui.dialogs import DialogPrompts, Prompts
from casereview_ui.dialogs.training_tag import TrainingTagList
from casereview_ui.exports import ExportActions
from casereview_ui.followup.actions import FollowUpActions
from casereview_ui.modes import MODE_TITLES, Modes
from casereview_ui.panels import CasePanel
from casereview_ui.read_progress import ReadProgress
from casereview_ui.review.controller import ReviewController
from casereview_ui.review.panel import FindingsPanel
from casereview_ui.services import WindowServices
from casereview_ui.session_actions import SessionActions
from casereview_ui.settings import AppSettings, effective_database_url, load_settings, ocr_workers
from casereview_ui.shown import ShownCaseModel
from casereview_ui.shown_views import STATUS_TIMEOUT_MS, ViewerPresenter, case_summary
from casereview_ui.timeline import TimelineView
from casereview_ui.viewer import PageView
from casereview_ui.viewer.searchbar import SearchBar, SearchController
from casereview_ui.viewer.thumbnails import ThumbnailStrip
from casereview_ui.window_dialogs import open_settings
from casereview_ui.window_layout import (
    add_docks,
    centre_widget,
    last_case_and_page,
    make_status_bar,
    restore_layout,
    save_layout,
)
from casereview_ui.window_setup import Setup, is_blind, is_lead, prepare, same_session
from casereview_ui.workers import TaskRunner, runner


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
        self.shown = ShownCaseModel(self)  # the case the window shows; the views subscribe to it
        self._database_url = ""
        self.session_info: SessionInfo | None = None  # the review session worked on, if any
        self.setAcceptDrops(True)
        self.services = WindowServices(
            self,
            self.runner,
            self.prompts,
            self.shown,
            database=lambda: self.database,
            database_url=lambda: self.loader.database_url,
            checker=lambda: self.review.checker,
            settings=lambda: self.settings,
            session=lambda: self.session_info,
            report_error=self.report_error,
            status=self.show_status,
        )

        self.viewer = PageView(self.runner, self)
        self.viewer.setObjectName("pageView")
        self.search_bar = SearchBar(self)
        self.search = SearchController(self.search_bar, self.viewer)
        self.setCentralWidget(centre_widget(self, self.search_bar, self.viewer))
        self.browser = CaseBrowser(self.services)
        self.cases, self.proxy = self.browser.cases, self.browser.proxy
        self.filter_bar, self.case_list = self.browser.filter_bar, self.browser.view
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
        docks = add_docks(
            self,
            [
                (self.browser.widget, self.tr("案卷"), "casesDock", area.LeftDockWidgetArea),
                (self.thumbnails, self.tr("缩略图"), "thumbsDock", area.LeftDockWidgetArea),
                (self.panel, self.tr("评查与要素"), "detailsDock", area.RightDockWidgetArea),
                (self.timeline, self.tr("时间轴"), "timelineDock", area.BottomDockWidgetArea),
            ],
        )
        self.cases_dock, self.thumbs_dock, self.details_dock, self.timeline_dock = docks

        indicators = make_status_bar(self)
        self.mode_label, self.progress_bar = indicators.mode, indicators.progress
        self.page_label, self.zoom_label = indicators.page, indicators.zoom
        self.viewer_presenter = ViewerPresenter(self.shown, self.viewer, self.thumbnails, self.show_status)
        preview = self.viewer_presenter.refresh_preview
        self.read_progress = ReadProgress(
            self.loader, self.progress_bar, self.current_case, preview, self.show_status
        )
        self.opener = CaseOpener(self.services, self.browser, self.loader, self.read_progress.update_busy)
        self.row_sync = ReviewRowSync(self.services, self.cases)

        self.review = ReviewController(self.viewer, self.findings, self.prompts, self, self.runner)
        self.modes = Modes(self.services, self.viewer, self.tag_list)
        self.exports = ExportActions(self.services, self.browser.listed_cases)
        self.sessions = SessionActions(
            self.services, self.browser.select_id, self.load_stored_cases, self.viewer.highlight
        )
        self.followup = FollowUpActions(self.services, self.panel, self.findings)
        helpers = (self.modes, self.exports, self.sessions, self.followup)
        window_entries = (self.show_settings, self.step_case, self.search_bar.focus)
        targets = ActionTargets(
            self.services, self.opener, self.viewer, self.review, *helpers, *window_entries
        )
        self.actions_ = WindowActions(self, targets)
        self.findings.set_actions(
            [self.actions_.accept, self.actions_.override, self.actions_.manual, self.actions_.withdraw]
        )
        self._subscribe()
        self._connect()
        restore_layout(self, docks, self.persist_layout)
        self.reconfigure(reload_cases=True)

    def _subscribe(self) -> None:
        """Every view of the shown case, in one place, in the order they update. ``changed``: another
        case is shown (or its state changed); ``review_changed``: its review changed. A new tab panel
        is one ``views.attach_panel(...)`` line at the end (README, "Adding a panel or a view")."""
        shown, review, panel, actions = self.shown, self.review, self.panel, self.actions_
        on_case, on_review = shown.changed.connect, shown.review_changed.connect
        on_case(self.viewer_presenter.show)  # the pages and thumbnails
        on_case(lambda s: review.show(s.analysis))  # opens the review: set_review follows
        review.changed.connect(lambda: shown.set_review(review.bench))
        on_review(lambda _s: actions.update_review())
        on_review(lambda s: views.show_corrections(panel, s))
        on_review(self.row_sync.review_changed)  # the case list's row
        on_review(lambda s: self.followup.refresh_objections())
        on_review(
            lambda s: views.show_timeline(self.timeline, s, self.settings) if s.case and s.bench else None
        )
        on_case(lambda s: views.show_documents(panel, s))  # 文书 and 要素
        on_case(lambda s: views.show_timeline(self.timeline, s, self.settings))
        on_case(lambda _s: self.modes.refresh_tags())  # 典型案例
        on_case(lambda s: actions.set_case_loaded(s.analysis is not None))
        on_case(lambda s: views.show_status(self.show_status, s))

    def _connect(self) -> None:
        self.browser.selection_changed.connect(self._selection_changed)
        self.loader.changed.connect(self._case_changed)
        self.loader.failed.connect(lambda _case, message: self.report_error(message))
        self.panel.page_requested.connect(self._go_to_page)
        self.panel.evidence_requested.connect(self.viewer.highlight)
        self.panel.fields.correction_requested.connect(
            lambda name, text: self.review.correct(name, text or None)
        )
        self.thumbnails.page_requested.connect(self._go_to_page)
        self.timeline.evidence_requested.connect(self.viewer.highlight)
        self.timeline.rule_requested.connect(
            lambda rule: views.select_rule(self.panel, self.findings, self.review.sheet, rule)
        )
        self.tag_list.page_requested.connect(self._go_to_page)
        self.tag_list.delete_requested.connect(self.modes.delete_tag)
        self.viewer.page_changed.connect(self._page_changed)
        self.viewer.zoom_changed.connect(self._zoom_changed)
        self.modes.mode_changed.connect(self.actions_.check_mode)
        self.modes.mode_changed.connect(lambda _mode: self.reconfigure())
        self.review.message.connect(lambda text: self.show_status(text, STATUS_TIMEOUT_MS))
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
            self.browser.list_stored(*setup.stored)
        self._show(self.current_case(), force=True)
        self.configured.emit()

    @property
    def is_lead(self) -> bool:
        return is_lead(self.session_info, self.settings.reviewer)

    @property
    def blind(self) -> bool:
        """Blind review: the reviewer does not see the unit or the officers' names."""
        return is_blind(self.session_info, self.settings.reviewer)

    def load_stored_cases(self) -> None:
        """List the stored cases (read on the task runner) under the mode's standard."""
        self.browser.load_stored(self.modes.standard_id())

    # -- opening (case_opening.py) ---------------------------------------------------------------
    def open_paths(self, paths: Iterable[str | Path]) -> list[OpenCase]:
        """Open (or re-select) each path; reading runs in the background, one file at a time."""
        return self.opener.open_paths(paths)

    def open_demo(self) -> OpenCase | None:
        return self.opener.open_demo()

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # -- the case list and the shown case --------------------------------------------------------
    def current_case(self) -> OpenCase | None:
        return self.browser.current_case()

    def current_case_id(self) -> int | None:
        case = self.current_case()
        return case.case_id if case is not None else None

    def select_case(self, case: OpenCase) -> None:
        self.browser.select_case(case)

    def step_case(self, forward: bool) -> bool:
        return self.browser.step_case(forward)

    def _selection_changed(self, case: OpenCase | None) -> None:
        if case is not None and case.state == CaseState.STORED:
            self.loader.load(case)
        self._show(case)

    def _show(self, case: OpenCase | None, force: bool = False) -> None:
        """Show ``case``: the model tells every view (:meth:`_subscribe`)."""
        self.shown.show(case, force)

    def _case_changed(self, case: OpenCase) -> None:
        self.cases.refresh(case)
        if case is self.current_case():
            self._show(case)
        self.read_progress.update_busy()
        if case.state == CaseState.READY and case is self.current_case():
            self.show_status(case_summary(case), STATUS_TIMEOUT_MS)

    # -- the status bar's indicators -------------------------------------------------------------
    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(text, timeout_ms)

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

    # -- dialogs ---------------------------------------------------------------------------------
    def report_error(self, message: str) -> None:
        """Show a Chinese error: always in the status bar, and through the prompts (a dialog)."""
        self.show_status(message, STATUS_TIMEOUT_MS)
        self.prompts.error(self, self.tr("案卷评查工作站"), message)

    def show_settings(self) -> None:
        """The settings dialog (:attr:`settings_dialog`) once the standards are read; OK applies them."""

        def accepted(settings: AppSettings) -> None:
            self.settings = settings
            self.reconfigure()

        open_settings(self.services, accepted, lambda dialog: setattr(self, "settings_dialog", dialog))

    # -- layout persistence ----------------------------------------------------------------------
    def save_layout(self) -> None:
        if self.persist_layout:
            save_layout(self, self.current_case_id(), self.viewer.current_page)

    def restore_last_case(self) -> OpenCase | None:
        """Select the case (and later the page) that was shown when the window was last closed."""
        case_id, page = last_case_and_page()
        case = self.cases.find_id(case_id) if case_id else None
        if case is not None:
            self.viewer_presenter.restore_page = page
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
