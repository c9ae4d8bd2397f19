"""The lead's 会话 menu: progress per reviewer, settling double reviews, arbitrating a case whose
two reviews differ beyond the tolerance (both side by side, their page marks on the page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from casereview.checking import Checker
from casereview.errors import CaseReviewError
from casereview.messages import describe
from casereview.sessions.arbitration import arbitrate
from casereview.sessions.double import Comparison, pending_arbitrations, settle
from casereview.sessions.model import STATUS_LABELS, CaseStatus
from casereview.sessions.store import link_reviews, progress, session_cases, status_counts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from casereview_ui.dialogs.arbitration import ArbitrationDialog
    from casereview_ui.mainwindow import MainWindow


class SessionActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.arbitration_dialog: ArbitrationDialog | None = None
        self.audit_dialog: QDialog | None = None

    def show_audit(self) -> None:
        """The audit trail of the selected case (any mode, with or without a session)."""
        from casereview.review.audit import audit_trail
        from casereview_ui.dialogs.audit import AuditDialog

        window = self._window
        case = window.current_case()
        if case is None or case.case_id is None or window.database is None:
            window.report_error("请先选择一份已导入的案卷")
            return
        with window.database.session_scope(readonly=True) as session:
            entries = audit_trail(session, case.case_id)
        dialog = AuditDialog(case.name, entries, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.audit_dialog = dialog

    def _ready(self) -> bool:
        window = self._window
        if window.session_info is None or window.database is None:
            window.report_error("请先在“设置”中选择评查会话")
            return False
        return True

    def progress_text(self) -> str:
        """Statuses and each reviewer's progress, as the lead reads them."""
        window = self._window
        assert window.session_info is not None and window.database is not None
        with window.database.session_scope() as session:
            link_reviews(session, window.session_info.id)
            counts = status_counts(session_cases(session, window.session_info.id))
            people = progress(session, window.session_info.id)
        lines = [f"<h3>{window.session_info.name}</h3>"]
        lines.append("，".join(f"{STATUS_LABELS[s]} {counts[s]} 份" for s in CaseStatus))
        lines.append("<table border='1' cellspacing='0' cellpadding='3'>")
        lines.append("<tr><th>评查人员</th><th>分配</th><th>已开始</th><th>已完成</th></tr>")
        for p in people:
            lines.append(
                f"<tr><td>{p.reviewer}</td><td>{p.assigned}</td><td>{p.started}</td><td>{p.done}</td></tr>"
            )
        lines.append("</table>")
        return "".join(lines)

    def show_progress(self) -> None:
        if self._ready():
            self._window.prompts.info(self._window, "会话进度", self.progress_text())

    def settle(self) -> int:
        """Settle the finished reviews; the number of cases that now wait for arbitration."""
        if not self._ready():
            return 0
        window = self._window
        assert window.session_info is not None and window.database is not None
        with window.database.session_scope() as session:
            changed = settle(session, window.session_info.id, window.settings.reviewer)
        waiting = sum(1 for c in changed if not c.within_tolerance)
        window.statusBar().showMessage(f"已结算 {len(changed)} 份双评案卷，其中 {waiting} 份待仲裁", 15000)
        window.load_stored_cases()
        return waiting

    def pending(self) -> list[Comparison]:
        window = self._window
        if window.session_info is None or window.database is None or window.review.checker is None:
            return []
        with window.database.session_scope(readonly=True) as session:
            return pending_arbitrations(session, window.session_info.id, window.review.checker.standard)

    def arbitrate_current(self) -> ArbitrationDialog | None:
        """Open the arbitration of the selected case (else the first waiting one)."""
        from casereview_ui.dialogs.arbitration import ArbitrationDialog

        if not self._ready():
            return None
        window = self._window
        waiting = self.pending()
        current = window.current_case_id()
        chosen = next((c for c in waiting if c.case_id == current), waiting[0] if waiting else None)
        if chosen is None:
            window.report_error("没有待仲裁的案卷")
            return None
        case = window.cases.find_id(chosen.case_id)
        if case is not None and case is not window.current_case():
            window.select_case(case)
        dialog = ArbitrationDialog(chosen, window)
        dialog.evidence_requested.connect(window.viewer.highlight)
        dialog.accepted.connect(lambda: self._decide(chosen, dialog))
        dialog.open()
        self.arbitration_dialog = dialog
        return dialog

    def _decide(self, comparison: Comparison, dialog: ArbitrationDialog) -> None:
        window = self._window
        info = window.session_info
        if window.database is None or info is None:
            return
        try:
            checker = Checker.create(info.standard_id, info.profile)
            arbitrate(
                window.database,
                comparison.session_case_id,
                dialog.choices(),
                window.settings.reviewer,
                checker,
            )
        except CaseReviewError as exc:
            window.report_error(describe(exc))
            return
        window.statusBar().showMessage("仲裁已保存，案卷评查完成", 15000)
        window.load_stored_cases()
