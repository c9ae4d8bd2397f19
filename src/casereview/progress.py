"""Progress reporting and cancellation for long-running core functions.

Core functions take a ``Progress`` callback and a ``CancelToken`` and know nothing of threads;
the UI's worker module runs them and forwards progress by queued signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from casereview.errors import Cancelled


@dataclass(frozen=True)
class ProgressEvent:
    stage: str  # "ingest", "ocr", "segment", "extract", "store"
    done: int
    total: int
    path: str = ""
    message: str = ""


Progress = Callable[[ProgressEvent], None]


def no_progress(_event: ProgressEvent) -> None:
    """The default progress sink: ignore."""


class CancelToken:
    """A thread-safe flag; ``check()`` raises :class:`Cancelled` once it is set."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self, path: str = "") -> None:
        if self._event.is_set():
            raise Cancelled(path)
