"""Ties the review of the shown case together: the core Workbench, the 评查 panel, the viewer's
marks and the fields panel's corrections. Every reviewer action goes through here, so each is
stored at once (autosave) and can be undone.

Opening the review and every workbench write run on the task runner (a shared PostgreSQL server is
a network round trip away). The writes stay in order: while one is saved the reviewer actions are
disabled (:attr:`ReviewController.saving`), so undo/redo stays exact.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from casereview.checking import Checker
from casereview.db import Database
from casereview.domain.findings import Status
from casereview.domain.model import BBox, Evidence
from casereview.errors import CaseReviewError, InputError, ReviewConflict, StandardUnavailable
from casereview.messages import describe
from casereview.pipeline import Analysis
from casereview.reasons.model import Reason
from casereview.review.workbench import RuleChange, Workbench
from casereview.scoring import ScoreSheet
from casereview_ui.dialogs.prompts import Prompts
from casereview_ui.review.marks import review_marks
from casereview_ui.review.model import FINDING_STATUS_TEXT, first_failing
from casereview_ui.review.panel import FindingsPanel
from casereview_ui.review.reasons import ReasonLibrary
from casereview_ui.viewer import PageView
from casereview_ui.viewer.marks import MarkKind
from casereview_ui.workers import TaskRunner, runner

log = logging.getLogger(__name__)


def rule_changes_text(changes: list[RuleChange]) -> str:
    if not changes:
        return "重新检查：各规则结果不变"

    def word(status: Status | None) -> str:
        return FINDING_STATUS_TEXT.get(status, "无") if status is not None else "无"

    parts = [f"{c.rule} {word(c.before)}→{word(c.after)}" for c in changes]
    return "重新检查：" + "，".join(parts)


class ReviewController(QObject):
    changed = Signal()  # the sheet, decisions or undo state changed
    message = Signal(str)  # a short Chinese status line
    saving_changed = Signal(bool)  # a reviewer action is being stored (the actions wait for it)

    def __init__(
        self,
        viewer: PageView,
        panel: FindingsPanel,
        prompts: Prompts,
        window: QWidget,
        task_runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(window)
        self.runner = task_runner or runner()
        self.viewer, self.panel, self.prompts, self._window = viewer, panel, prompts, window
        self.database: Database | None = None
        self.checker: Checker | None = None
        self.reviewer = ""
        self.bench: Workbench | None = None
        self.saving = False  # a write of the workbench is running on the task runner
        self.show_field_marks = False
        self._manual_item: str | None = None
        self.library = ReasonLibrary(self.runner, lambda: self.bench, lambda: self.database, self)
        self.library.message.connect(self.message)
        self.library.failed.connect(self._error)
        panel.evidence_requested.connect(self._flash)
        panel.page_requested.connect(self._go_to_page)
        panel.item_selected.connect(lambda _item: self.changed.emit())
        viewer.region_picked.connect(self._region_picked)
        viewer.region_pick_cancelled.connect(self._region_cancelled)

    # -- configuration ---------------------------------------------------------------------------
    def configure(self, database: Database | None, checker: Checker, reviewer: str) -> None:
        self.database, self.checker, self.reviewer = database, checker, reviewer

    @property
    def sheet(self) -> ScoreSheet | None:
        return self.bench.sheet if self.bench is not None else None

    @property
    def analysis(self) -> Analysis | None:
        """The shown case with the reviewer's corrections applied."""
        return self.bench.analysis if self.bench is not None else None

    # -- showing a case --------------------------------------------------------------------------
    def show(self, analysis: Analysis | None) -> bool:
        """Open this reviewer's review of ``analysis`` (stored case files only) on the task runner;
        False if there is none to open. The panel stays empty until the review arrives."""
        self.bench = None
        self.viewer.cancel_region_pick()
        database, checker, reviewer = self.database, self.checker, self.reviewer
        if analysis is not None and analysis.case_id is not None and database is not None and checker:
            shown, checking = analysis, checker
            self.runner.run_task(
                lambda _p, _c: Workbench.open(database, shown, checking, reviewer),
                on_done=self._opened,
                on_error=self._open_failed,
                kind="review-open",  # a newer case shown drops the older one's review
            )
            self._refresh()
            return True
        self.runner.discard("review-open")
        if analysis is not None and self.checker is not None:
            # No database (read-only data dir …): the machine's findings still show, read-only.
            checker = self.checker.resolved(analysis)  # the standard of its case type
            sheet = checker.check(analysis)
            self.panel.set_sheet(sheet, checker.standard, analysis.documents)
            self._refresh_marks(sheet)
            self.changed.emit()
            return False
        self._refresh()
        return False

    def _opened(self, bench: object) -> None:
        if isinstance(bench, Workbench):
            self.bench = bench
            self.load_reasons()
            self._refresh()

    def _open_failed(self, exc: BaseException) -> None:
        if isinstance(exc, CaseReviewError):
            self._error(exc)

    # -- the reason library (reasons.py) ---------------------------------------------------------
    @property
    def reasons(self) -> list[Reason]:
        """The library of the shown case's standard (loaded off the GUI thread)."""
        return self.library.reasons

    def load_reasons(self) -> None:
        """(Re)load the library of the open review's standard off the GUI thread."""
        self.library.load()

    def save_reason(self) -> bool:
        """存为常用理由: the current item's decision reason joins the library (the reviewer's own)."""
        bench, item = self.bench, self.panel.current_item()
        decision = bench.decisions.get(item) if bench is not None and item is not None else None
        text = decision.reason.strip() if decision is not None else ""
        if bench is None or self.database is None or item is None or not text:
            self.prompts.error(
                self._window, "常用理由", "当前项目没有可存入的理由：请先改判或人工扣分并填写理由"
            )
            return False
        return self.library.add(bench, self.database, item, text, self.reviewer)

    def _reason_id(self, item_id: str, reason: str) -> int | None:
        return self.library.reason_id(item_id, reason)

    def _refresh(self) -> None:
        bench = self.bench
        if bench is None:
            self.panel.set_sheet(None, None, [])
            self.viewer.set_marks([])
        else:
            self.panel.set_sheet(bench.sheet, bench.checker.standard, bench.analysis.documents)
            self._refresh_marks(bench.sheet)
        self.changed.emit()

    def _refresh_marks(self, sheet: ScoreSheet) -> None:
        bench = self.bench
        fields = bench.analysis.extraction if self.show_field_marks and bench is not None else None
        self.viewer.set_marks(review_marks(sheet, fields))

    def set_field_marks(self, on: bool) -> None:
        self.show_field_marks = on
        if self.sheet is not None:
            self._refresh_marks(self.sheet)

    def select_first_failing(self) -> str | None:
        sheet = self.sheet
        item = first_failing(sheet) if sheet is not None else None
        if item is not None:
            self.panel.select_item(item)
        return item

    # -- reviewer actions ------------------------------------------------------------------------
    def accept(self) -> bool:
        item = self.panel.current_item()
        if item is None or self.bench is None:
            return False
        return self._do(lambda bench: bench.accept(item), f"已确认 {item}")

    def override(self) -> bool:
        result = self.panel.current_result()
        if result is None or self.bench is None:
            return False
        answer = self.prompts.override(self._window, result, self.reasons)
        if answer is None:
            return False
        deduction, reason = answer
        used = self._reason_id(result.item_id, reason)
        return self._do(
            lambda bench: bench.override(result.item_id, deduction, reason, used),
            f"已改判 {result.item_id}",
            # the counts, so the most used stay first
            then=self.load_reasons if used is not None else None,
        )

    def withdraw(self) -> bool:
        item = self.panel.current_item()
        if item is None or self.bench is None or item not in self.bench.decisions:
            return False
        return self._do(lambda bench: bench.withdraw(item), f"已撤回对 {item} 的决定")

    def start_manual(self) -> bool:
        """人工扣分: the reviewer draws the box on the page, then picks the item and the points."""
        if self.bench is None or self.viewer.page_count == 0:
            return False
        self._manual_item = self.panel.current_item()
        self.viewer.start_region_pick()
        self.message.emit("请在页面上拖动鼠标框选扣分依据所在位置（Esc 取消；单击则标注整页）")
        return True

    def _region_picked(self, page: int, bbox: object) -> None:
        bench = self.bench
        if bench is None or not isinstance(bbox, tuple):
            return
        answer = self.prompts.manual(
            self._window, list(bench.sheet.items), page, self._manual_item, self.reasons
        )
        if answer is None:
            self.message.emit("已取消人工扣分")
            return
        item_id, deduction, reason = answer
        region: BBox = bbox
        used = self._reason_id(item_id, reason)

        def then() -> None:
            if used is not None:
                self.load_reasons()
            self.panel.select_item(item_id, flash=False)

        self._do(
            lambda b: b.manual(item_id, deduction, reason, page, region, used),
            f"已对 {item_id} 人工扣 {deduction:g} 分",
            then=then,
        )
        self.panel.select_item(item_id, flash=False)

    def _region_cancelled(self) -> None:
        self.message.emit("已取消框选")

    def correct(self, field: str, value: str | None) -> bool:
        """A corrected field value (None: back to the machine's reading); the rules re-run."""
        if self.bench is None:
            return False
        page = self.viewer.current_page or None
        changes: list[RuleChange] = []

        def run(bench: Workbench) -> object:
            changes.extend(bench.correct(field, value, page))
            return None

        return self._do(run, "", then=lambda: self.message.emit(rule_changes_text(changes)))

    def undo(self) -> bool:
        if self.bench is None or not self.bench.can_undo:
            return False
        text = self.bench.undo_text()
        return self._do(lambda bench: bench.undo(), f"已撤销：{text}")

    def redo(self) -> bool:
        if self.bench is None or not self.bench.can_redo:
            return False
        text = self.bench.redo_text()
        return self._do(lambda bench: bench.redo(), f"已重做：{text}")

    def set_done(self, done: bool) -> bool:
        if self.bench is None:
            return False
        if done and self.bench.waiting_items():
            waiting = "、".join(self.bench.waiting_items()[:8])
            if not self.prompts.confirm(
                self._window, "完成评查", f"以下项目尚待确认或评定：{waiting}。仍要标记为已完成吗？"
            ):
                return False
        return self._do(lambda bench: bench.set_done(done), "已标记为评查完成" if done else "已恢复为评查中")

    def _do(
        self,
        action: Callable[[Workbench], object],
        done_text: str,
        then: Callable[[], None] | None = None,
    ) -> bool:
        """Store ``action`` on the task runner; True when it was started. Until it returns the
        reviewer actions are disabled; then the panel shows the stored result, ``done_text`` and
        ``then`` follow (on success only, as before)."""
        bench = self.bench
        if bench is None or self.saving:
            return False
        self._set_saving(True)

        def done(_result: object) -> None:
            self._set_saving(False)
            if self.bench is not bench:  # another case is shown now: the write is stored all the same
                return
            self._refresh()
            if done_text:
                self.message.emit(done_text)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self._set_saving(False)
            self._save_failed(bench, exc)

        self.runner.run_task(lambda _p, _c: action(bench), on_done=done, on_error=failed)
        return True

    def _save_failed(self, bench: Workbench, exc: BaseException) -> None:
        if isinstance(exc, ReviewConflict):
            self.prompts.error(self._window, "评查冲突", describe(exc))
            if self.prompts.confirm(self._window, "评查冲突", "现在重新载入这份评查吗？"):
                self._reload(bench)
        elif isinstance(exc, (InputError, StandardUnavailable)):  # a decision or correction to fix first
            self.prompts.error(self._window, "无法保存", describe(exc))
        elif isinstance(exc, CaseReviewError):
            self._error(exc)
        # anything else is a programming error, logged by the runner: nothing was stored

    def _reload(self, bench: Workbench) -> None:
        """Read the review again after a conflict (on the task runner), then show it."""
        self._set_saving(True)

        def done(_result: object) -> None:
            self._set_saving(False)
            if self.bench is bench:
                self._refresh()

        def failed(exc: BaseException) -> None:
            self._set_saving(False)
            if isinstance(exc, Exception):
                self._error(exc)

        self.runner.run_task(lambda _p, _c: bench.reload(), on_done=done, on_error=failed)

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.saving_changed.emit(saving)

    def _error(self, exc: Exception) -> None:
        """A refused operation's sentence; anything else (a worker's unexpected failure) as is."""
        text = describe(exc) if isinstance(exc, CaseReviewError) else str(exc)
        log.warning("review action failed: %s", text)
        self.prompts.error(self._window, "案卷评查工作站", text)

    # -- viewer ----------------------------------------------------------------------------------
    def _flash(self, evidence: object, kind: object) -> None:
        if isinstance(evidence, Evidence):
            self.viewer.flash(evidence, kind if isinstance(kind, MarkKind) else MarkKind.FAIL)

    def _go_to_page(self, page: int) -> None:
        self.viewer.clear_highlight()
        self.viewer.show_page(page)
