"""The 案卷 dock: the list of open and stored cases with its filter bar. It says which case is
selected (:attr:`CaseBrowser.selection_changed`), selects and steps through cases, and lists the
stored cases (read on the task runner, then merged into the list)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from casereview.errors import CaseReviewError
from casereview.messages import describe
from casereview.review.caselist import CaseListRow
from casereview.sessions.model import SessionCase
from casereview_ui.caselist import CaseFilter, CaseFilterBar, CaseFilterProxy
from casereview_ui.cases import CaseState, OpenCase
from casereview_ui.models import CASE_ROLE, CaseListModel
from casereview_ui.services import WindowServices
from casereview_ui.window_setup import is_blind, is_lead, read_stored_cases


class CaseBrowser(QObject):
    selection_changed = Signal(object)  # OpenCase | None: the case selected now

    def __init__(self, services: WindowServices) -> None:
        parent = services.parent
        super().__init__(parent)
        self._services = services
        self.cases = CaseListModel(parent)
        self.proxy = CaseFilterProxy(parent)
        self.proxy.setSourceModel(self.cases)
        self.filter_bar = CaseFilterBar(parent)
        self.filter_bar.set_source(self.cases)
        self.view = _case_list(parent, self.proxy)
        self.widget = QWidget(parent)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.proxy.rowsInserted.connect(self.update_counts)
        self.proxy.rowsRemoved.connect(self.update_counts)
        self.proxy.modelReset.connect(self.update_counts)

    def current_case(self) -> OpenCase | None:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return None
        case = indexes[0].data(CASE_ROLE)
        return case if isinstance(case, OpenCase) else None

    def listed_cases(self) -> list[OpenCase]:
        """The stored cases the list shows (its filters apply)."""
        proxy = self.proxy
        cases = [proxy.index(row, 0).data(CASE_ROLE) for row in range(proxy.rowCount())]
        return [c for c in cases if c is not None and c.case_id is not None]

    def select_case(self, case: OpenCase) -> None:
        row = self.cases.row_of(case)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.cases.index(row, 0))
        if index.isValid():
            self.view.setCurrentIndex(index)

    def select_id(self, case_id: int) -> OpenCase | None:
        """Select the listed case ``case_id`` (if it is not selected already)."""
        case = self.cases.find_id(case_id)
        if case is not None and case is not self.current_case():
            self.select_case(case)
        return case

    def step_case(self, forward: bool) -> bool:
        current = self.view.currentIndex()
        row = current.row() + (1 if forward else -1) if current.isValid() else 0
        if not 0 <= row < self.proxy.rowCount():
            return False
        self.view.setCurrentIndex(self.proxy.index(row, 0))
        return True

    def update_counts(self) -> None:
        self.filter_bar.set_counts(self.proxy.rowCount(), self.cases.rowCount())

    def load_stored(self, standard_id: str) -> None:
        """List the stored cases with their newest review under ``standard_id``: every case, or in a
        review session the session's cases (a reviewer sees the ones assigned to them, the lead
        all). They are read on the task runner; the list fills when they arrive."""
        services = self._services
        database, info = services.database(), services.session()
        if database is None:
            return

        def done(stored: object) -> None:
            if isinstance(stored, tuple) and services.database() is database and services.session() is info:
                self.list_stored(*stored)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, CaseReviewError):
                services.report_error(describe(exc))

        services.runner.run_task(
            lambda _p, _c: read_stored_cases(database, info, standard_id),
            on_done=done,
            on_error=failed,
            kind="stored-cases",
        )

    def list_stored(self, rows: list[CaseListRow], listed: list[SessionCase]) -> int:
        """Merge the stored cases into the list (the GUI-thread half of :meth:`load_stored`); in a
        review session only the session's cases this reviewer sees, with the session's status and
        reviewers."""
        info, reviewer = self._services.session(), self._services.reviewer
        lead, blind = is_lead(info, reviewer), is_blind(info, reviewer)
        in_session = {c.case_id: c for c in listed if lead or reviewer in c.reviewers()}
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
            if blind:
                case.unit = ""
            self.cases.refresh(case)
        self.filter_bar.refresh_choices()
        self.update_counts()
        return added

    def _filter_changed(self, case_filter: object) -> None:
        if isinstance(case_filter, CaseFilter):
            self.proxy.set_filter(case_filter)
        self.update_counts()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.selection_changed.emit(self.current_case())


def _case_list(parent: QWidget, proxy: CaseFilterProxy) -> QListView:
    view = QListView(parent)
    view.setObjectName("caseList")
    view.setModel(proxy)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setSpacing(2)
    view.setWordWrap(True)  # 案号 and 当事人 in full; the tooltip has the path
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view
