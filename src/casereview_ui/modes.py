"""The window's three modes: 评查 (annual review against the session's standard), 法制审核 (the
legal-review checklist and the 法制审核意见书) and 案例培训 (tagging cases and page ranges for the
典型案例汇编). A mode chooses the standard the shown case is checked against and which panel
comes forward; the case list, viewer and keys stay the same."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from casereview.errors import CaseReviewError
from casereview.legal.opinion import draft_opinion
from casereview.messages import describe
from casereview.sessions.model import SessionInfo
from casereview.training.tags import TagRecord, TrainingTag, add_tag, delete_tag, list_tags

if TYPE_CHECKING:
    from casereview_ui.dialogs.legal_opinion import LegalOpinionDialog
    from casereview_ui.dialogs.training_tag import TrainingTagDialog, TrainingTagList
    from casereview_ui.services import WindowServices
    from casereview_ui.settings import AppSettings
    from casereview_ui.viewer import PageView

log = logging.getLogger(__name__)

REVIEW, LEGAL, TRAINING = "review", "legal", "training"
LEGAL_STANDARD = "legal_review_precheck"
MODE_TITLES = {REVIEW: "评查", LEGAL: "法制审核", TRAINING: "案例培训"}


def mode_standard(mode: str, info: SessionInfo | None, settings: AppSettings) -> tuple[str, str | None]:
    """The standard and profile a case is checked against in ``mode`` (in session ``info``, if any)."""
    if mode == LEGAL:
        return LEGAL_STANDARD, None
    if info is not None:
        return info.standard_id, info.profile
    return settings.standard_id, settings.profile or None


class Modes(QObject):
    """The mode, and what the 模式 menu does: the 法制审核意见书 and the training tags of the shown
    case (its tags fill ``tag_list``; the viewer gives the page a tag starts on). The window
    reconfigures and the actions check their entry on :attr:`mode_changed`."""

    mode_changed = Signal(str)

    def __init__(self, services: WindowServices, viewer: PageView, tag_list: TrainingTagList) -> None:
        super().__init__(services.parent)
        self._services, self._viewer, self._tag_list = services, viewer, tag_list
        self.mode = REVIEW
        self.opinion_dialog: LegalOpinionDialog | None = None
        self.tag_dialog: TrainingTagDialog | None = None
        self._tags_case: int | None = None  # the case whose tags the list shows

    def standard_id(self) -> str:
        return mode_standard(self.mode, self._services.session(), self._services.settings())[0]

    def profile(self) -> str | None:
        return mode_standard(self.mode, self._services.session(), self._services.settings())[1]

    def set_mode(self, mode: str) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        self.mode_changed.emit(mode)  # the actions check the mode's entry; the window reconfigures

    # -- 法制审核 ------------------------------------------------------------------------------------
    def write_opinion(self) -> LegalOpinionDialog | None:
        """Draft the 法制审核意见书 from the legal-review check of the shown case and open it."""
        from casereview_ui.dialogs.legal_opinion import LegalOpinionDialog

        if self.mode != LEGAL:
            self.set_mode(LEGAL)  # the opinion rests on the legal-review checklist
        shown = self._services.shown.current
        bench = shown.bench
        if bench is None:
            return None
        opinion = draft_opinion(
            bench.analysis,
            bench.sheet,
            self._services.reviewer,
            dt.date.today(),
            standard=bench.checker.standard,
        )
        opinion.unit = opinion.unit or (shown.case.unit if shown.case is not None else "")
        dialog = LegalOpinionDialog(opinion, self._services.parent)
        dialog.setModal(True)
        dialog.open()
        self.opinion_dialog = dialog
        return dialog

    # -- 案例培训 ------------------------------------------------------------------------------------
    def tag_case(self) -> TrainingTagDialog | None:
        """Tag the shown case (or a page range of it) as 优秀 / 典型差案 with a note."""
        from casereview_ui.dialogs.training_tag import TrainingTagDialog

        viewer = self._viewer
        if self._services.shown.current.bench is None or viewer.page_count == 0:
            return None
        dialog = TrainingTagDialog(viewer.page_count, max(viewer.current_page, 1), self._services.parent)
        dialog.accepted.connect(lambda: self._store_tag(dialog))
        dialog.setModal(True)
        dialog.open()
        self.tag_dialog = dialog
        return dialog

    def _store_tag(self, dialog: TrainingTagDialog) -> None:
        request = dialog.request()
        database = self._services.database()
        case_id = self._services.shown.current.case_id
        reviewer = self._services.reviewer
        if database is None or case_id is None:
            return

        def job(_p: object, _c: object) -> None:
            with database.session_scope() as session:
                add_tag(
                    session,
                    case_id,
                    TrainingTag(request.tag),
                    request.note,
                    reviewer,
                    request.first_page,
                    request.last_page,
                )

        def done(_result: object) -> None:
            self._services.status(self.tr("已标记为{0}").format(request.tag), 8000)
            self.refresh_tags()

        self._services.runner.run_task(job, on_done=done, on_error=self._failed, kind="tag-add")

    def delete_tag(self, tag_id: int) -> None:
        database = self._services.database()
        reviewer = self._services.reviewer
        if database is None:
            return

        def job(_p: object, _c: object) -> None:
            with database.session_scope() as session:
                delete_tag(session, tag_id, reviewer)

        self._services.runner.run_task(job, on_done=lambda _r: self.refresh_tags(), on_error=self._failed)

    def refresh_tags(self) -> None:
        """Show the shown case's tags (read on the task runner; none until they arrive)."""
        database = self._services.database()
        case_id = self._services.shown.current.case_id
        if case_id != self._tags_case:  # another case's tags never show meanwhile
            self._tag_list.set_tags([])
        self._tags_case = case_id
        if database is None or case_id is None:
            self._services.runner.discard("tags")
            self._tag_list.set_tags([])
            return

        def job(_p: object, _c: object) -> list[TagRecord]:
            with database.session_scope(readonly=True) as session:
                return list_tags(session, case_id)

        def done(tags: object) -> None:
            if isinstance(tags, list) and self._services.shown.current.case_id == case_id:
                self._tag_list.set_tags(tags)

        self._services.runner.run_task(job, on_done=done, on_error=self._failed, kind="tags")

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CaseReviewError):
            self._services.report_error(describe(exc))
