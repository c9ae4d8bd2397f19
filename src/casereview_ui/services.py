"""What the window's helpers (actions, exports, modes, session and follow-up actions, the panels'
presenters) are given instead of the window: the task runner, the prompts, the shown-case model,
readers of the window's present configuration, and the two ways to tell the reviewer something.

A helper holding these can be built and tested without a window, and cannot reach into widgets
it does not own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from casereview.checking import Checker
from casereview.db import Database
from casereview.sessions.model import SessionInfo
from casereview_ui.dialogs.prompts import Prompts
from casereview_ui.settings import AppSettings
from casereview_ui.shown import ShownCaseModel
from casereview_ui.workers import TaskRunner


@dataclass(frozen=True)
class WindowServices:
    parent: QWidget  # the dialogs' parent
    runner: TaskRunner
    prompts: Prompts
    shown: ShownCaseModel
    database: Callable[[], Database | None]  # the open database, None while it is (re)opened
    database_url: Callable[[], str | None]  # where it is (a worker opens its own connection there)
    checker: Callable[[], Checker | None]  # the review's checker (standard, profile, calendar)
    settings: Callable[[], AppSettings]
    session: Callable[[], SessionInfo | None]  # the review session worked on, if any
    report_error: Callable[[str], None]  # a Chinese error: status bar and a dialog
    status: Callable[[str, int], None]  # a status-bar line for so many milliseconds

    @property
    def reviewer(self) -> str:
        return self.settings().reviewer
