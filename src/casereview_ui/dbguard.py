"""Debug guard: no database work on the GUI thread (every unit of work goes through ``workers``).

``install("raise")`` hooks :func:`casereview.db.set_session_guard`: a database opened or a unit of
work started by window code (a ``casereview_ui`` frame on the stack) in the Qt GUI thread is
recorded in :data:`hits` and refused with :class:`GuiThreadDatabaseAccess`; ``install("record")``
only records (to count the calls). The UI tests install it for every test; the application does
when ``CASEREVIEW_GUI_DB_GUARD`` is ``1`` (refuse) or ``record``.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from PySide6.QtCore import QCoreApplication, QThread

from casereview.db import set_session_guard

log = logging.getLogger(__name__)
ENV = "CASEREVIEW_GUI_DB_GUARD"
RAISE, RECORD = "raise", "record"
_UI_PACKAGE = "casereview_ui"


class GuiThreadDatabaseAccess(AssertionError):
    """Window code opened a database session in the GUI thread (a programming error)."""


@dataclass(frozen=True)
class Hit:
    what: str  # "session" or "open"
    place: str  # the innermost window frame: "casereview_ui/modes.py:137 refresh_tags"

    def __str__(self) -> str:
        return f"{self.what} at {self.place}"


hits: list[Hit] = []
_mode = ""


def mode_from_env() -> str:
    """The mode ``CASEREVIEW_GUI_DB_GUARD`` asks for: "raise", "record" or "" (off)."""
    value = os.environ.get(ENV, "").strip().lower()
    if value in ("1", "true", "yes", RAISE):
        return RAISE
    return RECORD if value == RECORD else ""


def install(mode: str = RAISE) -> None:
    """Start guarding in ``mode`` ("raise" or "record"); "" removes the guard."""
    global _mode
    _mode = mode
    set_session_guard(_guard if mode else None)


def uninstall() -> None:
    install("")


@contextmanager
def paused() -> Iterator[None]:
    """No guard inside (a test calling a job function such as ``check_database`` directly)."""
    previous = set_session_guard(None)
    try:
        yield
    finally:
        set_session_guard(previous)


def on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def _window_place() -> str | None:
    """The innermost ``casereview_ui`` frame on the stack (None: not window code, e.g. a test's set-up)."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if (module == _UI_PACKAGE or module.startswith(_UI_PACKAGE + ".")) and module != __name__:
            path = frame.f_code.co_filename.replace("\\", "/")
            short = path[path.rfind(_UI_PACKAGE + "/") :] if _UI_PACKAGE + "/" in path else path
            return f"{short}:{frame.f_lineno} {frame.f_code.co_name}"
        frame = frame.f_back
    return None


def _guard(what: str) -> None:
    if not on_gui_thread():
        return
    place = _window_place()
    if place is None:
        return
    hit = Hit(what, place)
    hits.append(hit)
    log.warning("database %s on the GUI thread", hit)
    if _mode == RAISE:
        raise GuiThreadDatabaseAccess(f"database {hit} runs on the GUI thread: use casereview_ui.workers")
