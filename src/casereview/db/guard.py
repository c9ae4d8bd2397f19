"""A debug hook run whenever a unit of work starts or a database is opened.

The core knows nothing of threads or windows: an application may install a guard (the window
installs one refusing its GUI thread, see ``casereview_ui.dbguard``) and every
:meth:`Database.session_scope` and :func:`open_database` calls it first. Without a guard this is
one global read per unit of work.
"""

from __future__ import annotations

from collections.abc import Callable

SessionGuard = Callable[[str], None]  # called with "session" or "open"; may raise to refuse

_guard: SessionGuard | None = None


def set_session_guard(guard: SessionGuard | None) -> SessionGuard | None:
    """Install ``guard`` (None removes it); returns the previous one so it can be restored."""
    global _guard
    previous, _guard = _guard, guard
    return previous


def check_session(what: str) -> None:
    """Run the installed guard, if any, before database work of kind ``what``."""
    guard = _guard
    if guard is not None:
        guard(what)
