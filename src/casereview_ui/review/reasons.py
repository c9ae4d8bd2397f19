"""The reason library (常用理由库) of the open review's standard, as the review controller uses it:
loaded off the GUI thread (an empty library is seeded from the file shipped beside the standard
first), a decision's reason added as the reviewer's own, and the entry a typed reason came from."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from casereview.db import Database
from casereview.reasons.model import Reason, match_reason
from casereview.reasons.store import add_reason, list_reasons, seed_if_empty
from casereview.review.workbench import Workbench
from casereview.standards.reason_files import ReasonEntry
from casereview_ui.workers import TaskRunner


class ReasonLibrary(QObject):
    message = Signal(str)  # a short Chinese status line
    failed = Signal(object)  # Exception: a job failed

    def __init__(
        self,
        runner: TaskRunner,
        bench: Callable[[], Workbench | None],
        database: Callable[[], Database | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self._bench, self._database = runner, bench, database
        self.reasons: list[Reason] = []  # the library of the shown case's standard (loaded off-thread)

    def load(self) -> None:
        """(Re)load the library of the open review's standard off the GUI thread."""
        bench, database = self._bench(), self._database()
        if bench is None or database is None:
            self.reasons = []
            return
        standard_id = bench.checker.standard.id

        def job(_progress: object, _cancel: object) -> list[Reason]:
            with database.session_scope() as session:
                seed_if_empty(session, standard_id)
                return list_reasons(session, standard_id)

        def done(found: object) -> None:
            if self._bench() is bench and isinstance(found, list):
                self.reasons = found

        self._runner.run_task(job, on_done=done, on_error=self._failed, kind="reasons")

    def add(self, bench: Workbench, database: Database, item: str, text: str, reviewer: str) -> bool:
        """``text`` joins the library for ``item`` as ``reviewer``'s own (not when it is there)."""
        if match_reason(self.reasons, item, text) is not None:
            self.message.emit("该理由已在常用理由库中")
            return False
        standard = bench.checker.standard
        known = {i.id for i in standard.items}

        def job(_progress: object, _cancel: object) -> Reason:
            with database.session_scope() as session:
                entry = ReasonEntry(item, text, (), reviewer)
                return add_reason(session, standard.id, entry, reviewer, known_items=known)

        def done(added: object) -> None:
            if isinstance(added, Reason):
                self.message.emit(f"已存入常用理由库：{added.item_id} {added.text}")
            self.load()

        self._runner.run_task(job, on_done=done, on_error=self._failed, kind="reason-add")
        return True

    def reason_id(self, item_id: str, reason: str) -> int | None:
        """The library entry ``reason`` was taken from, if any (its use is counted)."""
        used = match_reason(self.reasons, item_id, reason)
        return None if used is None else used.id

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Exception):
            self.failed.emit(exc)
