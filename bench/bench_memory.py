"""Peak memory of reading a 1,000-page digital PDF and a ~117-megapixel scan through the pipeline,
each in a fresh child process, against the raw library doing the least the pipeline must do with
the same file (PyMuPDF opening it and extracting every page's text; Pillow decoding the image).

The children are tests/robustness/memory_child.py (the memory tests' child) and a two-line raw
child here; each reports its own VmHWM.

Usage: python bench/bench_memory.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROBUST = HERE.parent / "tests" / "robustness"
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(ROBUST))

from test_memory import LONG_PDF_LIMIT, SCAN_LIMIT, big_scan, long_pdf  # noqa: E402

RAW_CHILD = """
import sys, pathlib
path = sys.argv[1]
if path.endswith(".pdf"):
    import pymupdf
    with pymupdf.open(path) as doc:
        pages = sum(1 for page in doc if page.get_text() is not None)
else:
    from PIL import Image
    Image.MAX_IMAGE_PIXELS = None
    with Image.open(path) as image:
        image.load()
        pages = 1
hwm = next(l for l in pathlib.Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM:"))
print(f"pages {pages} peak_kib {hwm.split()[1]}")
"""


def _child(args: list[str]) -> tuple[float, float]:
    """(peak MiB, seconds) of one child run."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, *args], check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - started
    return int(out.split("peak_kib")[1].split()[0]) / 1024, seconds


def run() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        folder = Path(tmp)
        pdf = long_pdf(folder / "long.pdf", 1000)
        scan, pixels = big_scan(folder / "big_scan.png", 1100)
        cases = [
            (
                f"1,000-page digital PDF ({pdf.stat().st_size / 2**20:.0f} MiB)",
                pdf,
                "no-ocr",
                "PyMuPDF open + get_text of every page",
                LONG_PDF_LIMIT,
            ),
            (
                f"{pixels / 1e6:.0f}-megapixel scan, PNG ({scan.stat().st_size / 2**20:.0f} MiB), no OCR",
                scan,
                "no-ocr",
                "Pillow decode",
                SCAN_LIMIT,
            ),
            ("same scan with OCR", scan, "ocr", "Pillow decode", SCAN_LIMIT),
        ]
        for label, path, mode, anchor, limit in cases:
            raw_mib, _ = _child(["-c", RAW_CHILD, str(path)])
            ours_mib, seconds = _child([str(ROBUST / "memory_child.py"), str(path), mode])
            rows.append(
                {
                    "input": label,
                    "anchor": anchor,
                    "anchor_mib": raw_mib,
                    "mib": ours_mib,
                    "seconds": seconds,
                    "limit_mib": limit / 2**20,  # the memory tests' limit for the same input
                }
            )
    return rows


HEADER = "| input | anchor | anchor peak RSS | pipeline peak RSS | ratio | read in | limit |\n|---|---|---:|---:|---:|---:|---|"


def limit_text(r: dict[str, object]) -> str:
    return f"< {float(r['limit_mib']) / 1024:.0f} GiB"  # type: ignore[arg-type]


def row(r: dict[str, object]) -> str:
    anchor, mib = float(r["anchor_mib"]), float(r["mib"])  # type: ignore[arg-type]
    limit = limit_text(r)
    return (
        f"| {r['input']} | {r['anchor']} | {anchor:.0f} MiB | {mib:.0f} MiB | {mib / anchor:.2f}× "
        f"| {float(r['seconds']):.1f} s | {limit} |"  # type: ignore[arg-type]
    )


def main() -> int:
    print(HEADER)
    for r in run():
        print(row(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
