"""Issue 18 (7): after ``kill -9`` of a reading process its OCR workers end by themselves (before they
lived on forever, ~1.1 GB). A real process starts a real two-worker pool and is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = """
import multiprocessing, sys, time
import numpy as np
from casereview.ocr import FakeOcrEngine, OcrService
from casereview.ocr.service import PageImage
pages = [PageImage.from_array(np.full((40, 40, 3), n, np.uint8)) for n in range(4)]
service = OcrService(FakeOcrEngine({}), workers=2, cache=False)
service.recognize_pages(pages)
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone for our purpose; its parent (killed) cannot reap it, init will.
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" not in status.read_text().lower()


def test_workers_end_when_the_reader_is_killed() -> None:
    with subprocess.Popen([sys.executable, "-c", SCRIPT], stdout=subprocess.PIPE, text=True) as reader:
        assert reader.stdout is not None
        workers = [int(p) for p in reader.stdout.readline().split()]
        assert len(workers) >= 2 and all(_alive(p) for p in workers)
        os.kill(reader.pid, signal.SIGKILL)
        reader.wait()
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers)
