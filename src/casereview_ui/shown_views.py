"""The shown case's views that are more than a panel's own method: the viewer and thumbnails (which
page to show, the pages read so far while OCR goes on), the case panel (documents and fields, the
reviewer's corrections), the timeline (built from the review) and the status line. Each is a
subscriber of :class:`~casereview_ui.shown.ShownCaseModel`; the window connects them in one place
(``MainWindow._subscribe``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

from casereview.scoring import ScoreSheet
from casereview.timeline import build_timeline
from casereview_ui.cases import CaseState, OpenCase
from casereview_ui.panels import CasePanel
from casereview_ui.review.panel import FindingsPanel
from casereview_ui.settings import AppSettings, calendar_for
from casereview_ui.shown import ShownCase, ShownCaseModel
from casereview_ui.timeline import TimelineView
from casereview_ui.viewer import PageView
from casereview_ui.viewer.thumbnails import ThumbnailStrip

log = logging.getLogger(__name__)
STATUS_TIMEOUT_MS = 15000
PREVIEW_REFRESH_MS = 300  # how often the pages recognised so far are offered to the viewer

Status = Callable[[str, int], None]
PanelT = TypeVar("PanelT", bound=QWidget)


def attach_panel(shown: ShownCaseModel, tabs: QTabWidget, panel: PanelT, title: str) -> PanelT:
    """``panel`` as a tab of ``tabs`` that follows the shown case: its ``show_case(ShownCase)`` is
    called whenever another case is shown (or the shown case's state changes), its
    ``show_review(ShownCase)`` whenever the case's review changes — each if the panel has it."""
    tabs.addTab(panel, title)
    for signal, name in ((shown.changed, "show_case"), (shown.review_changed, "show_review")):
        slot = getattr(panel, name, None)
        if callable(slot):
            signal.connect(slot)
    return panel


class ViewerPresenter(QObject):
    """The viewer and the thumbnails follow the shown case: its pages once it is read (on the page
    shown before, when it is the same file), a line while it is read — with the pages recognised
    so far, refreshed while OCR goes on — or why it could not be read."""

    def __init__(
        self, shown: ShownCaseModel, viewer: PageView, thumbnails: ThumbnailStrip, status: Status
    ) -> None:
        super().__init__(viewer)
        self._shown, self.viewer, self.thumbnails, self._status = shown, viewer, thumbnails, status
        self.restore_page = 0  # the page to show the next read case on (the last session's)
        self._preview_pages = 0
        self._timer = QTimer(self)
        self._timer.setInterval(PREVIEW_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_preview)

    def show(self, shown: ShownCase) -> None:
        self._timer.stop()
        self._preview_pages = 0
        case, analysis, viewer = shown.case, shown.analysis, self.viewer
        if analysis is not None and case is not None:
            current = viewer.case
            page = (
                viewer.current_page if current is not None and current.source == analysis.case.source else 1
            )
            if self.restore_page:
                page, self.restore_page = self.restore_page, 0
            page = min(max(page, 1), analysis.case.page_count)
            viewer.set_case(analysis.case, case.password, page=page)
            self.thumbnails.set_case(analysis.case, case.password)
        elif case is not None and shown.loading:
            viewer.show_message(self.tr("正在读取 {0}…").format(case.name))
            self.thumbnails.set_case(None)
            if case.case_id is None:
                self._timer.start()
        elif case is not None:
            viewer.show_message(case.message)
            self.thumbnails.set_case(None)
        else:
            viewer.set_case(None)
            self.thumbnails.set_case(None)

    def refresh_preview(self) -> None:
        """While OCR goes on, show the pages recognised so far (the reviewer can start reading)."""
        case = self._shown.current.case
        if case is None or case.state not in (CaseState.LOADING, CaseState.QUEUED):
            self._timer.stop()
            return
        count = len(case.partial_pages)
        if count == self._preview_pages:
            return
        shown = self.viewer.case
        if self._preview_pages and shown is not None and shown.kind == "partial":
            # Grow the shown preview in place: a new case object would restart the page's render.
            shown.pages[:] = sorted(case.partial_pages[:], key=lambda p: p.number)
            self.viewer.page_changed.emit(self.viewer.current_page, shown.page_count)  # the count grew
        else:
            preview = case.preview()
            if preview is None:
                return
            self.viewer.set_case(preview, case.password, page=1)
        self._preview_pages = count
        self._status(
            self.tr("{0}：已可查看前 {1} 页，其余页面仍在识别…").format(case.name, count), STATUS_TIMEOUT_MS
        )


def show_documents(panel: CasePanel, shown: ShownCase) -> None:
    """Another case: its documents and fields (the machine's reading until the review is open)."""
    panel.show_analysis(shown.corrected, corrected=shown.corrected_fields)
    panel.fields.editable = shown.bench is not None


def show_corrections(panel: CasePanel, shown: ShownCase) -> None:
    """The review changed: fields can be corrected while it is open, and show its corrections."""
    panel.fields.editable = shown.bench is not None
    if shown.case is not None and shown.bench is not None:
        panel.show_analysis(shown.bench.analysis, corrected=shown.corrected_fields, keep_tab=True)


def select_rule(tabs: QTabWidget, findings: FindingsPanel, sheet: ScoreSheet | None, rule: str) -> None:
    """The timeline asked for ``rule``: the 评查 tab comes forward with the item of its finding."""
    if sheet is None:
        return
    finding = next((f for f in sheet.findings if f.rule == rule and f.item), None)
    if finding is not None and finding.item is not None:
        tabs.setCurrentWidget(findings)
        findings.select_item(finding.item)


def show_timeline(view: TimelineView, shown: ShownCase, settings: AppSettings) -> None:
    """The case's dates and periods, once its review is open (the findings mark the late ones)."""
    bench = shown.bench
    if bench is None:
        view.set_timeline(None)
        return
    checker = bench.checker
    try:
        timeline = build_timeline(
            bench.analysis,
            checker.calendar or calendar_for(settings),
            checker.standard.params(checker.profile),
            findings=bench.sheet.findings,
        )
    except Exception:  # the timeline is a view: a failure must not stop the review
        log.exception("timeline not built")
        timeline = None
    view.set_timeline(timeline)


def case_summary(case: OpenCase) -> str:
    if case.analysis is None:
        return ""
    pages, docs = case.analysis.case.page_count, len(case.analysis.documents)
    return f"已读取 {case.name}：{pages} 页，{docs} 份文书"


def show_status(status: Status, shown: ShownCase) -> None:
    """A read case's summary, or why it could not be read, in the status line."""
    case = shown.case
    if case is None:
        return
    if shown.analysis is not None:
        status(case_summary(case), STATUS_TIMEOUT_MS)
    if shown.state == CaseState.FAILED:
        status(case.message, STATUS_TIMEOUT_MS)
