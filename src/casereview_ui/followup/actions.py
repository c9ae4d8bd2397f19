"""The window's entry points to the follow-up views: 会话 → 整改台账… and 我的校准差异…, and the
异议 tab kept on the shown case. Reads run on the window's task runner, never the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from casereview.db.repository import case_labels
from casereview.errors import CaseReviewError
from casereview.messages import describe
from casereview.rectify.model import Objection, ObjectionStatus
from casereview.rectify.objections import decide_objection
from casereview_ui.followup.calibration import CalibrationDialog, load_results
from casereview_ui.followup.ledger import LedgerDialog
from casereview_ui.followup.objection_decide import ask_decision
from casereview_ui.followup.objections import ObjectionsPanel, load_objections

if TYPE_CHECKING:
    from casereview_ui.panels import CasePanel
    from casereview_ui.review.panel import FindingsPanel
    from casereview_ui.services import WindowServices


class FollowUpActions(QObject):
    """The 异议 tab (a tab of ``panel``; an objection's item is selected in ``findings``), kept on the
    shown case by the window (:meth:`refresh_objections` on every change of its review)."""

    def __init__(self, services: WindowServices, panel: CasePanel, findings: FindingsPanel) -> None:
        super().__init__(services.parent)
        self._services, self._panel = services, panel
        self.ledger_dialog: LedgerDialog | None = None
        self.calibration_dialog: CalibrationDialog | None = None
        self.objections = ObjectionsPanel(services.parent)
        self.objections.item_requested.connect(lambda item: findings.select_item(item))
        self.objections.decide_requested.connect(self._ask_decision)
        self._shown: tuple[int, int] | None = None  # (session id, case id) the tab shows
        panel.insertTab(1, self.objections, self.objections.title())

    def _error(self, exc: BaseException) -> None:
        text = describe(exc) if isinstance(exc, CaseReviewError) else str(exc)
        self._services.report_error(text)

    # -- 整改台账 ---------------------------------------------------------------------------------
    def show_ledger(self) -> LedgerDialog | None:
        services = self._services
        info, database = services.session(), services.database()
        if info is None or database is None:
            services.report_error("请先在“设置”中选择评查会话")
            return None
        dialog = LedgerDialog(
            database,
            info.id,
            info.name,
            services.reviewer,
            services.runner,
            services.prompts,
            services.parent,
        )
        dialog.open()
        self.ledger_dialog = dialog
        return dialog

    # -- 异议 -------------------------------------------------------------------------------------
    def refresh_objections(self, force: bool = False) -> None:
        services = self._services
        info, database, case_id = services.session(), services.database(), services.shown.current.case_id
        if info is None or database is None or case_id is None:
            self._shown = None
            self._set(None)
            return
        key = (info.id, case_id)
        if key == self._shown and not force:
            return
        self._shown = key
        services.runner.run_task(
            lambda _p, _c: load_objections(database, key[0], key[1]),
            on_done=lambda found: self._set(found) if self._shown == key else None,
            on_error=self._error,
            kind="objections",
        )

    def _ask_decision(self, objection: Objection) -> None:
        answer = ask_decision(self._services.parent, objection)
        if answer is not None:
            self.decide(objection, *answer)

    def decide(
        self, objection: Objection, verdict: ObjectionStatus, deduction: float | None, reason: str
    ) -> None:
        """复核 on the task runner as the window's reviewer; the core refuses the original finder."""
        services = self._services
        database, decider = services.database(), services.reviewer
        if database is None:
            return

        def job(_p: object, _c: object) -> Objection:
            with database.session_scope() as session:
                return decide_objection(
                    session,
                    objection.id,
                    verdict,
                    reason,
                    decider,
                    deduction=deduction,
                    session_id=objection.session_id,
                )

        def done(result: object) -> None:
            if isinstance(result, Objection):
                change = ""
                if result.outcome and "new_grade" in result.outcome:  # not on an offline copy
                    change = f"（{result.outcome.get('old_grade')} → {result.outcome.get('new_grade')}）"
                services.status(f"异议 #{result.id} 已复核：{result.status.label}{change}", 15000)
            self.refresh_objections(force=True)

        services.runner.run_task(job, on_done=done, on_error=self._error, kind="objection-decide")

    def _set(self, found: object) -> None:
        self.objections.set_objections(found if isinstance(found, list) else None)
        panel = self._panel
        panel.setTabText(panel.indexOf(self.objections), self.objections.title())

    # -- 校准 -------------------------------------------------------------------------------------
    def show_calibration(self) -> None:
        services = self._services
        database, trainee = services.database(), services.reviewer
        if database is None:
            services.report_error("没有可用的数据库")
            return

        def job(_p: object, _c: object) -> tuple[object, dict[int, str]]:
            results = load_results(database, trainee)
            with database.session_scope(readonly=True) as session:
                return results, case_labels(session)

        services.runner.run_task(
            job, on_done=self._calibration_loaded, on_error=self._error, kind="calibration"
        )

    def _calibration_loaded(self, loaded: object) -> None:
        assert isinstance(loaded, tuple)
        results, labels = loaded
        if not results:
            # Nothing handed in yet is no error: say what to do, as information.
            services = self._services
            message = f"“{services.reviewer}”没有已提交的校准轮次：提交后才能查看与标准答案的差异"
            services.status(message, 10000)
            services.prompts.info(services.parent, services.parent.tr("案卷评查工作站"), message)
            return
        dialog = CalibrationDialog(results, labels, self._services.parent)
        dialog.open()
        self.calibration_dialog = dialog
