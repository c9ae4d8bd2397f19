"""Peak resident memory of a benchmark process and of the processes it starts.

The kernel's figure for waited children (``RUSAGE_CHILDREN`` ru_maxrss) is useless here: a child
made by fork + exec inherits the parent's high-water mark from before the exec, so an OCR worker of
a 1.4 GiB benchmark "peaks" at 1.4 GiB. Instead a thread reads each live descendant's own VmHWM
(its peak since exec) from /proc every ``interval`` seconds; being a high-water mark, a late read
still sees an earlier peak, and only growth in a child's last interval before it exits is missed.
A child that never execs (a plain fork) shares the parent's pages and is not counted.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType


def vm_hwm_kib(pid: int | str = "self") -> int:
    """VmHWM of a process in KiB (0 when it is gone or has no memory of its own, e.g. a zombie)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def children(pid: int) -> list[int]:
    """The live children of ``pid`` (started by any of its threads)."""
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                found += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
    except OSError:
        pass
    return found


def descendants(root: int) -> list[int]:
    """Every live process below ``root``."""
    found, todo = [], [root]
    while todo:
        for child in children(todo.pop()):
            found.append(child)
            todo.append(child)
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


class PeakMemory:
    """``with PeakMemory() as peak: …`` then ``peak.own_mib`` and ``peak.child_mib`` (the largest
    single descendant of ``root``; of this process when no root is given)."""

    def __init__(self, root: int | None = None, interval: float = 0.2) -> None:
        self.root = root  # whose descendants to watch: this process by default
        self.interval = interval
        self._child_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="peak-memory", daemon=True)

    def _watch(self) -> None:
        root = self.root or os.getpid()
        while True:
            mine = _cmdline(root)  # read anew: a root just started may not have exec'd yet
            for pid in descendants(root):
                # A child still running our command line is a fork before its exec: its VmHWM is
                # ours, inherited. Count processes only once they run their own program.
                if _cmdline(pid) != mine:
                    self._child_kib = max(self._child_kib, vm_hwm_kib(pid))
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def own_mib(self) -> float:
        """This process's own peak (not the root's)."""
        return vm_hwm_kib() / 1024

    @property
    def child_mib(self) -> float:
        return self._child_kib / 1024
