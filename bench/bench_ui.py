"""The workstation's responsiveness, measured offscreen in the real window.

- first paint: opening a 300-page digital case (new, then stored) until page 1 is painted,
  against raw PyMuPDF opening the file and rendering page 1 at the same resolution (target < 0.5 s);
- page flip: showing a neighbouring page that the viewer prefetched, until painted, against
  rendering that page from the file (target < 50 ms);
- UI stall: the longest gap of a 5 ms heartbeat timer while a 100-page scanned file is imported
  with OCR, against the same heartbeat idle (target < 100 ms).

Usage: python bench/bench_ui.py [--scan-pages 100] [--no-scan]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import pymupdf  # noqa: E402
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from casegen import long_case  # noqa: E402
from casereview_ui.app import configure_application  # noqa: E402
from casereview_ui.cases import CaseState  # noqa: E402
from casereview_ui.dialogs import RecordingPrompts  # noqa: E402
from casereview_ui.mainwindow import MainWindow  # noqa: E402
from casereview_ui.settings import AppSettings  # noqa: E402


class PaintWatch(QObject):
    """Notes when the viewer's viewport is first painted with a page image on it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.painted_at: float | None = None
        window.viewer.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.painted_at is None and self.window.viewer.shown_key:
            self.painted_at = time.perf_counter()
        return False


def _spin(until: object, timeout_s: float) -> bool:
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        QCoreApplication.processEvents()
        if until():  # type: ignore[operator]
            return True
        time.sleep(0.001)
    return False


def _window(db: Path, use_ocr: bool) -> MainWindow:
    settings = AppSettings(reviewer="bench", database_url=f"sqlite:///{db}")
    window = MainWindow(prompts=RecordingPrompts(), use_ocr=use_ocr, persist_layout=False, settings=settings)
    window.show()
    _spin(lambda: False, 0.2)
    return window


def raw_first_page(pdf: Path, dpi: int) -> float:
    start = time.perf_counter()
    with pymupdf.open(pdf) as doc:
        pix = doc[0].get_pixmap(dpi=dpi, alpha=False)
        QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888).copy()
    return time.perf_counter() - start


def first_paint(pdf: Path, work: Path) -> dict[str, float]:
    db = work / "paint.db"
    out: dict[str, float] = {}
    for label in ("new", "stored"):
        window = _window(db, use_ocr=False)
        watch = PaintWatch(window)
        start = time.perf_counter()
        if label == "new":
            (case,) = window.open_paths([pdf])
        else:
            window.load_stored_cases()
            window.runner.wait_for_idle(60)  # the list is read on the task runner
            case = window.cases.cases()[0]
            window.select_case(case)
        _spin(lambda w=watch: w.painted_at is not None, 60)  # type: ignore[misc]
        out[f"{label}_paint_s"] = (watch.painted_at or time.perf_counter()) - start
        _spin(lambda c=case: c.state in (CaseState.READY, CaseState.FAILED), 300)  # type: ignore[misc]
        out[f"{label}_ready_s"] = time.perf_counter() - start
        dpi = window.viewer.shown_key[2] if window.viewer.shown_key else 100
        window.runner.wait_for_idle(60)
        window.close()
    out["raw_s"] = min(raw_first_page(pdf, dpi) for _ in range(3))
    return out


def page_flips(pdf: Path, work: Path, flips: int = 40) -> dict[str, float]:
    window = _window(work / "flip.db", use_ocr=False)
    (case,) = window.open_paths([pdf])
    _spin(lambda: case.state == CaseState.READY, 300)
    viewer = window.viewer
    viewer.show_page(20)
    window.runner.wait_for_idle(60)
    times: list[float] = []
    cached = 0
    timer = QElapsedTimer()
    page = 20
    for i in range(flips):
        target = page + (1 if i % 2 == 0 else -1)
        cached += viewer.is_cached(target)
        timer.start()
        viewer.show_page(target)
        viewer.viewport().repaint()
        times.append(timer.nsecsElapsed() / 1e6)
        page = target
        window.runner.wait_for_idle(30)  # the prefetch of the next neighbours
    dpi = viewer.shown_key[2] if viewer.shown_key else 100
    window.close()
    raw = []
    with pymupdf.open(pdf) as doc:
        for number in (20, 21, 22):
            start = time.perf_counter()
            doc[number - 1].get_pixmap(dpi=dpi, alpha=False)
            raw.append((time.perf_counter() - start) * 1000)
    return {
        "median_ms": statistics.median(times),
        "max_ms": max(times),
        "cached_share": cached / flips,
        "raw_render_ms": statistics.median(raw),
    }


def heartbeat(duration_s: float, busy: object = None, timeout_s: float = 3600) -> tuple[float, float, int]:
    """(longest gap ms, 99th percentile gap ms, ticks) of a 5 ms timer until ``busy()`` is False."""
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    start = time.perf_counter()
    while True:
        QCoreApplication.processEvents()
        time.sleep(0.0005)
        elapsed = time.perf_counter() - start
        if busy is None and elapsed > duration_s:
            break
        if busy is not None and (not busy() or elapsed > timeout_s):  # type: ignore[operator]
            break
    timer.stop()
    gaps.sort()
    return gaps[-1], gaps[int(len(gaps) * 0.99) - 1], len(gaps)


def ui_stall(pdf: Path, work: Path) -> dict[str, float]:
    idle_max, idle_p99, _ = heartbeat(2.0)
    window = _window(work / "stall.db", use_ocr=True)
    start = time.perf_counter()
    (case,) = window.open_paths([pdf])
    busy_max, busy_p99, ticks = heartbeat(0, lambda: case.state not in (CaseState.READY, CaseState.FAILED))
    seconds = time.perf_counter() - start
    pages = case.analysis.case.page_count if case.analysis else 0
    window.runner.wait_for_idle(60)
    window.close()
    return {
        "idle_max_ms": idle_max,
        "idle_p99_ms": idle_p99,
        "import_max_ms": busy_max,
        "import_p99_ms": busy_p99,
        "import_s": seconds,
        "pages": pages,
        "ticks": ticks,
        "state_ok": float(case.state == CaseState.READY),
    }


def run(scan_pages: int = 100, scan: bool = True) -> dict[str, dict[str, float]]:
    app = QApplication.instance() or QApplication([])
    configure_application(app)  # type: ignore[arg-type]
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["CASEREVIEW_DATA_DIR"] = str(work / "data")
        os.environ["CASEREVIEW_CACHE_DIR"] = str(work / "cache")
        digital = long_case(work / "digital300.pdf", 300)
        results["paint"] = first_paint(digital, work)
        results["flip"] = page_flips(digital, work)
        if scan:
            results["stall"] = ui_stall(long_case(work / "scan.pdf", scan_pages, kind="scanned"), work)
    return results


def table(results: dict[str, dict[str, float]]) -> str:
    paint, flip = results["paint"], results["flip"]
    rows = [
        "| measure | CaseReview | anchor | ratio | target |",
        "|---|---|---|---|---|",
        f"| first page painted, 300-page digital PDF opened new | {paint['new_paint_s'] * 1000:.0f} ms "
        f"(whole file read in {paint['new_ready_s']:.1f} s) | raw PyMuPDF open + render p.1: {paint['raw_s'] * 1000:.0f} ms "
        f"| {paint['new_paint_s'] / paint['raw_s']:.1f}× | < 500 ms |",
        f"| first page painted, same case from the database | {paint['stored_paint_s'] * 1000:.0f} ms | "
        f"{paint['raw_s'] * 1000:.0f} ms | {paint['stored_paint_s'] / paint['raw_s']:.1f}× | < 500 ms |",
        f"| page flip to a prefetched page (median / max of 40) | {flip['median_ms']:.1f} / {flip['max_ms']:.1f} ms "
        f"({flip['cached_share']:.0%} from cache) | raw render of the page: {flip['raw_render_ms']:.1f} ms | "
        f"{flip['median_ms'] / flip['raw_render_ms']:.2f}× | < 50 ms |",
    ]
    if "stall" in results:
        stall = results["stall"]
        rows.append(
            f"| longest UI stall importing a {stall['pages']:.0f}-page scan with OCR ({stall['import_s']:.0f} s) "
            f"| {stall['import_max_ms']:.0f} ms (p99 {stall['import_p99_ms']:.0f} ms) | idle heartbeat: "
            f"{stall['idle_max_ms']:.0f} ms | {stall['import_max_ms'] / max(stall['idle_max_ms'], 1):.1f}× | < 100 ms |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scan-pages", type=int, default=100)
    parser.add_argument("--no-scan", action="store_true")
    args = parser.parse_args()
    results = run(args.scan_pages, not args.no_scan)
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
