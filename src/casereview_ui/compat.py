"""Work-arounds for defects of the Qt bindings, each detected by behaviour, not by version number.

PySide6 6.12.0 drops a reference to ``None`` on every call of a C++ method returning ``void``
(``QTimer.stop``, ``QWidget.update``, ``processEvents`` …). From Python 3.12 on ``None`` is immortal
and nothing happens; on Python 3.11 ``None``'s count reaches zero after a few thousand such calls and
the interpreter aborts with "Fatal Python error: none_dealloc". PySide6 6.11.3 does not have the
defect. Until the project pins a fixed PySide6 or moves to Python 3.12+, :func:`guard_none_refcount`
makes ``None`` practically immortal, as CPython 3.12 does, when (and only when) the defect is seen.
"""

from __future__ import annotations

import ctypes
import sys

_PROBE_CALLS = 64
_BOOST = 1 << 48  # no program makes 2**48 void calls
_guarded = False


def void_calls_leak_none() -> bool:
    """True when calling a void Qt method lowers ``None``'s reference count."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - _PROBE_CALLS // 2


def guard_none_refcount() -> bool:
    """Raise ``None``'s reference count out of reach when the bindings leak it; True if applied."""
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or not void_calls_leak_none():
        return _guarded
    # CPython < 3.12: ob_refcnt (a Py_ssize_t) is the first field of every object, at id(obj).
    ctypes.c_ssize_t.from_address(id(None)).value += _BOOST
    _guarded = True
    return True
