"""Digital PDF, 300 pages: ingest + segment + extract + store, against raw PyMuPDF text extraction.

Both run on the same file in the same process; the ratio is what counts (target ≤ 3×).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from casegen import long_case  # noqa: E402
from casereview.db import open_database, save_case  # noqa: E402
from casereview.pipeline import read_case  # noqa: E402

PAGES = 300
REPEAT = 3


def build_pdf(folder: Path, pages: int = PAGES) -> Path:
    """One long digital case file: generated cases appended up to ``pages`` pages."""
    return long_case(folder / f"digital_{pages}.pdf", pages, first_seed=1)


def raw_pymupdf(path: Path) -> float:
    start = time.perf_counter()
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text()
    return time.perf_counter() - start


def ours(path: Path, db_url: str) -> float:
    start = time.perf_counter()
    analysis = read_case(path)
    with open_database(db_url) as database, database.session_scope() as session:
        save_case(session, analysis.case, analysis.documents, analysis.extraction, replace=True)
    return time.perf_counter() - start


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdf = build_pdf(folder)
        db_url = f"sqlite:///{folder / 'bench.db'}"
        ours(pdf, db_url)  # warm imports and the database file
        raw_times = [raw_pymupdf(pdf) for _ in range(REPEAT)]
        our_times = [ours(pdf, db_url) for _ in range(REPEAT)]
        tracemalloc.start()
        ours(pdf, db_url)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    raw, mine = statistics.median(raw_times), statistics.median(our_times)
    return {
        "pages": PAGES,
        "raw_s": round(raw, 3),
        "ours_s": round(mine, 3),
        "ratio": round(mine / raw, 2),
        "peak_python_mb": round(peak / 2**20, 1),
    }


def main() -> int:
    result = run()
    print(
        "| measure | raw PyMuPDF get_text | read+segment+extract+store | ratio (target ≤ 3) | peak Python heap |"
    )
    print("|---|---|---|---|---|")
    print(
        f"| digital PDF, {result['pages']} pages | {result['raw_s']} s | {result['ours_s']} s "
        f"| {result['ratio']}× | {result['peak_python_mb']} MB |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
