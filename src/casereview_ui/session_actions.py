"""The lead's 会话 menu: progress per reviewer, settling double reviews, arbitrating a case whose
two reviews differ beyond the tolerance (both side by side, their page marks on the page).

Every read and write runs on the window's task runner; the dialog or message follows its result."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from casereview.checking import Checker
from casereview.errors import CaseReviewError
from casereview.messages import describe
from casereview.sessions.arbitration import arbitrate
from casereview.sessions.double import Comparison, pending_arbitrations, settle
from casereview.sessions.model import STATUS_LABELS, CaseStatus, ReviewerProgress
from casereview.sessions.store import link_reviews, progress, session_cases, status_counts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from casereview.domain.model import Evidence
    from casereview_ui.dialogs.arbitration import ArbitrationDialog
    from casereview_ui.services import WindowServices


class SessionActions(QObject):
    """The 会话 menu's entries over the window's services; ``select_case`` selects a listed case by id, ``reload_cases`` lists the stored cases again and
    ``highlight`` shows a piece of evidence on its page."""

    def __init__(
        self,
        services: WindowServices,
        select_case: Callable[[int], object],
        reload_cases: Callable[[], None],
        highlight: Callable[[Evidence], object],
    ) -> None:
        super().__init__(services.parent)
        self._services, self._select_case = services, select_case
        self._reload_cases, self._highlight = reload_cases, highlight
        self.arbitration_dialog: ArbitrationDialog | None = None
        self.audit_dialog: QDialog | None = None
        self.waiting: int | None = None  # after 结算双评: the cases that now wait for arbitration

    def _run(self, job: Callable[[], object], done: Callable[[object], None], kind: str = "") -> None:
        """``job`` on the task runner; ``done`` with its result in the GUI thread, errors reported."""
        self._services.runner.run_task(lambda _p, _c: job(), on_done=done, on_error=self._failed, kind=kind)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CaseReviewError):
            self._services.report_error(describe(exc))

    def show_audit(self) -> None:
        """The audit trail of the selected case (any mode, with or without a session)."""
        from casereview.review.audit import audit_trail
        from casereview_ui.dialogs.audit import AuditDialog

        services = self._services
        case = services.shown.current.case
        database = services.database()
        if case is None or case.case_id is None or database is None:
            services.report_error("请先选择一份已导入的案卷")
            return
        case_id, name = case.case_id, case.name

        def job() -> object:
            with database.session_scope(readonly=True) as session:
                return audit_trail(session, case_id)

        def done(entries: object) -> None:
            assert isinstance(entries, list)
            dialog = AuditDialog(name, entries, services.parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.audit_dialog = dialog

        self._run(job, done, kind="audit")

    def _ready(self) -> bool:
        services = self._services
        if services.session() is None or services.database() is None:
            services.report_error("请先在“设置”中选择评查会话")
            return False
        return True

    def show_progress(self) -> None:
        """Statuses and each reviewer's progress, as the lead reads them."""
        if not self._ready():
            return
        services = self._services
        info, database = services.session(), services.database()
        assert info is not None and database is not None

        def job() -> object:
            with database.session_scope() as session:
                link_reviews(session, info.id)
                counts = status_counts(session_cases(session, info.id))
                return counts, progress(session, info.id)

        def done(found: object) -> None:
            assert isinstance(found, tuple)
            services.prompts.info(services.parent, "会话进度", progress_text(info.name, *found))

        self._run(job, done, kind="session-progress")

    def settle(self) -> None:
        """Settle the finished reviews; :attr:`waiting` then counts the cases that wait for arbitration."""
        if not self._ready():
            return
        services = self._services
        info, database, reviewer = services.session(), services.database(), services.reviewer
        assert info is not None and database is not None

        def job() -> object:
            with database.session_scope() as session:
                return settle(session, info.id, reviewer)

        def done(changed: object) -> None:
            assert isinstance(changed, list)
            self.waiting = sum(1 for c in changed if not c.within_tolerance)
            services.status(f"已结算 {len(changed)} 份双评案卷，其中 {self.waiting} 份待仲裁", 15000)
            self._reload_cases()

        self._run(job, done, kind="session-settle")

    def arbitrate_current(self) -> None:
        """Open the arbitration of the selected case (else the first waiting one) once the cases
        waiting for it are read (:attr:`arbitration_dialog`)."""
        if not self._ready():
            return
        services = self._services
        info, database, checker = services.session(), services.database(), services.checker()
        if info is None or database is None or checker is None:
            self._chosen([])
            return
        standard = checker.standard

        def job() -> object:
            with database.session_scope(readonly=True) as session:
                return pending_arbitrations(session, info.id, standard)

        self._run(job, lambda waiting: self._chosen(waiting if isinstance(waiting, list) else []), "pending")

    def _chosen(self, waiting: list[Comparison]) -> None:
        from casereview_ui.dialogs.arbitration import ArbitrationDialog

        services = self._services
        current = services.shown.current.case_id
        chosen = next((c for c in waiting if c.case_id == current), waiting[0] if waiting else None)
        if chosen is None:
            services.report_error("没有待仲裁的案卷")
            return
        self._select_case(chosen.case_id)
        dialog = ArbitrationDialog(chosen, services.parent)
        dialog.evidence_requested.connect(self._highlight)
        dialog.accepted.connect(lambda: self._decide(chosen, dialog))
        dialog.open()
        self.arbitration_dialog = dialog

    def _decide(self, comparison: Comparison, dialog: ArbitrationDialog) -> None:
        services = self._services
        info, database = services.session(), services.database()
        if database is None or info is None:
            return
        choices, reviewer = dialog.choices(), services.reviewer

        def job() -> object:
            checker = Checker.create(info.standard_id, info.profile)
            arbitrate(database, comparison.session_case_id, choices, reviewer, checker)
            return None

        def done(_result: object) -> None:
            services.status("仲裁已保存，案卷评查完成", 15000)
            self._reload_cases()

        self._run(job, done, kind="arbitrate")


def progress_text(name: str, counts: dict[CaseStatus, int], people: list[ReviewerProgress]) -> str:
    """The session's statuses and each reviewer's progress as the lead reads them (HTML)."""
    lines = [f"<h3>{name}</h3>"]
    lines.append("，".join(f"{STATUS_LABELS[s]} {counts[s]} 份" for s in CaseStatus))
    lines.append("<table border='1' cellspacing='0' cellpadding='3'>")
    lines.append("<tr><th>评查人员</th><th>分配</th><th>已开始</th><th>已完成</th></tr>")
    for p in people:
        lines.append(
            f"<tr><td>{p.reviewer}</td><td>{p.assigned}</td><td>{p.started}</td><td>{p.done}</td></tr>"
        )
    lines.append("</table>")
    return "".join(lines)
