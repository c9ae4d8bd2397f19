"""Child process of the memory tests: reads one file through the pipeline and prints a summary.

Usage: ``python memory_child.py PATH [ocr|no-ocr]``. Prints ``pages N spans N seconds S peak_kib K``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from casereview.pipeline import read_case


def main(path: str, mode: str) -> None:
    start = time.perf_counter()
    if mode == "ocr":
        from casereview.ocr.scanner import OcrScanner

        with OcrScanner(cache=False) as scanner:
            analysis = read_case(Path(path), scanner=scanner, require_documents=False)
    else:
        analysis = read_case(Path(path), require_documents=False)
    spans = sum(len(p.spans) for p in analysis.case.pages)
    seconds = time.perf_counter() - start
    print(
        f"pages {len(analysis.case.pages)} spans {spans} seconds {seconds:.1f} peak_kib {_peak_kib()}",
        flush=True,
    )


def _peak_kib() -> int:
    """This process's own peak resident set since exec (VmHWM): wait4's ru_maxrss would also count
    the pages it shared with the forking parent before exec (a big pytest worker)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "no-ocr")
