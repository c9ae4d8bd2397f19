"""Checking one 30-page digital case after ingest (rules + scoring), against raw PyMuPDF text
extraction of the same file in the same run. Target: under 0.2 s.

Usage: python bench/bench_check.py [--pages 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_ingest import build_pdf, raw_pymupdf  # noqa: E402
from casereview.checking import Checker  # noqa: E402
from casereview.pipeline import read_case  # noqa: E402

ROUNDS = 7


def run(pages: int = 30) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        pdf = build_pdf(Path(tmp), pages)
        analysis = read_case(pdf)
        checker = Checker.create()
        checker.check(analysis)  # warm: standard loaded, rules imported
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            sheet = checker.check(analysis)
            times.append(time.perf_counter() - started)
        raw = min(raw_pymupdf(pdf) for _ in range(3))
    return {
        "pages": float(pages),
        "check_s": statistics.median(times),
        "raw_s": raw,
        "findings": float(len(sheet.findings)),
    }


def table(r: dict[str, float]) -> str:
    return "\n".join(
        [
            "| measure | check + score (median of 7) | raw PyMuPDF get_text, same file | ratio | target |",
            "|---|---:|---:|---:|---|",
            f"| {r['pages']:.0f}-page digital case, {r['findings']:.0f} findings | {r['check_s'] * 1000:.1f} ms "
            f"| {r['raw_s'] * 1000:.1f} ms | {r['check_s'] / r['raw_s']:.2f}× | < 200 ms |",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=30)
    print(table(run(parser.parse_args().pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
