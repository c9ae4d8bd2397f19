"""Peak memory of reading a long digital PDF (1,000 pages) and a very large scan (one page image
of ~115 megapixels, about 115 MB as 8-bit grey) in a child process, measured as the child's peak
resident set (wait4's ru_maxrss). The figures are printed for the README."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pymupdf
import pytest

from casegen import generate_case, long_case
from casereview.ingest.raster import MAX_IMAGE_PIXELS

CHILD = Path(__file__).resolve().parent / "memory_child.py"
GIB = 1024**3
LONG_PDF_PAGES = 1000
LONG_PDF_LIMIT = 1 * GIB  # measured 216 MiB
SCAN_LIMIT = 2 * GIB  # measured 766 MiB without OCR, 884-953 MiB with


def peak_rss(*args: str) -> tuple[int, str, float]:
    """Run the child to its end: (peak RSS in bytes, its output, wall seconds)."""
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out, err = proc.stdout.read() if proc.stdout else "", proc.stderr.read() if proc.stderr else ""
    assert proc.returncode == 0, err
    del usage  # ru_maxrss counts the forking parent's pages too: the child reports its own VmHWM
    peak_kib = int(out.split("peak_kib")[1].split()[0])
    return peak_kib * 1024, out.strip(), time.perf_counter() - start


def long_pdf(path: Path, pages: int) -> Path:
    """Eight generated digital cases, cycled up to ``pages``."""
    return long_case(path, pages, first_seed=300, distinct=8)


@pytest.mark.slow
def test_memory_of_a_1000_page_pdf(tmp_path: Path) -> None:
    pdf = long_pdf(tmp_path / "long.pdf", LONG_PDF_PAGES)
    peak, out, seconds = peak_rss(str(pdf))
    assert out.startswith(f"pages {LONG_PDF_PAGES} "), out
    print(f"\n1,000-page digital PDF: peak RSS {peak / 2**20:.0f} MiB, {seconds:.1f} s ({out})")
    assert peak < LONG_PDF_LIMIT, f"{peak / 2**20:.0f} MiB"


def big_scan(path: Path, dpi: int) -> tuple[Path, int]:
    """Page 1 of a generated case rendered at ``dpi`` as one grey PNG: (file, pixels)."""
    case, _ = generate_case(path.parent / "scan_src", "big", kind="digital", seed=321)
    with pymupdf.open(case) as doc:
        pix = doc[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
        pix.save(path)
        pixels = pix.width * pix.height
    return path, pixels


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["no-ocr", "ocr"])
def test_memory_of_a_huge_scan(tmp_path: Path, mode: str) -> None:
    if mode == "ocr":
        pytest.importorskip("rapidocr")
    scan, pixels = big_scan(tmp_path / "big_scan.png", 1100)
    assert 100_000_000 < pixels < MAX_IMAGE_PIXELS
    peak, out, seconds = peak_rss(str(scan), mode)
    assert out.startswith("pages 1 "), out
    print(
        f"\n{pixels / 1e6:.0f}-megapixel scan ({scan.stat().st_size / 2**20:.1f} MiB PNG, {mode}): "
        f"peak RSS {peak / 2**20:.0f} MiB, {seconds:.1f} s ({out})"
    )
    assert peak < SCAN_LIMIT, f"{peak / 2**20:.0f} MiB"
    if mode == "ocr":
        assert seconds < 120, f"OCR of one huge page took {seconds:.0f} s"
