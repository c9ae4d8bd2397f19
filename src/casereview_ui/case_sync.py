"""The case list's row of the shown case follows its review: score and grade, and outside a
session the reviewer and 评查中 / 已完成; in a review session the session's assignment gets the
review (on the task runner, once per stored version) and the row shows the session's status."""

from __future__ import annotations

from PySide6.QtCore import QObject

from casereview.db import Database
from casereview.errors import CaseReviewError
from casereview.messages import describe
from casereview.sessions.model import SessionCase
from casereview.sessions.store import case_in_session, link_reviews
from casereview_ui.cases import OpenCase
from casereview_ui.cases.session import STATUS_DONE, STATUS_REVIEWING
from casereview_ui.models import CaseListModel
from casereview_ui.services import WindowServices
from casereview_ui.shown import ShownCase


class ReviewRowSync(QObject):
    def __init__(self, services: WindowServices, cases: CaseListModel) -> None:
        super().__init__(services.parent)
        self._services, self._cases = services, cases
        self._linked: tuple[int, int | None, int, int] | None = None  # the review last linked

    def review_changed(self, shown: ShownCase) -> None:
        case, bench = shown.case, shown.bench
        if case is None or bench is None:
            return
        case.score, case.grade = bench.sheet.score, bench.sheet.grade
        info, database = self._services.session(), self._services.database()
        if info is None:
            case.reviewer = bench.reviewer
            case.review_status = STATUS_DONE if bench.status == "done" else STATUS_REVIEWING
        elif database is not None and case.case_id is not None:
            self._link_review(database, info.id, case, bench.review_id, bench.version)
        self._cases.refresh(case)

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
                self._cases.refresh(case)

        def failed(exc: BaseException) -> None:
            self._linked = None
            if isinstance(exc, CaseReviewError):
                self._services.report_error(describe(exc))

        self._services.runner.run_task(job, on_done=done, on_error=failed, kind=f"link:{case_id}")
