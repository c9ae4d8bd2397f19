"""Export benchmarks: each part times one export against an anchor measured in the same run.

- 评查评分表 session workbook: ``write_session_workbook`` over n reviewed cases (summaries and
  charts only above 50 cases) against openpyxl writing n plain rows of the same column count
  (target: 2,000 cases in < 15 s).
- 典型案例汇编: ``write_compilation`` over 50 tagged cases (a redacted page image each, every image
  read back by the real OCR, the PDF by LibreOffice) against python-docx writing the same number
  of paragraphs and pictures plainly (target: < 60 s).

Further export benches add a function returning a dict with the keys of :func:`row` and a line
in :func:`main`.

Usage: python bench/bench_exports.py [--cases 2000]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import docx  # noqa: E402
from docx import Document  # noqa: E402
from docx.shared import Mm  # noqa: E402
from openpyxl import Workbook  # type: ignore[import-untyped]  # noqa: E402

from casegen import generate_case  # noqa: E402
from casereview.checking import Checker  # noqa: E402
from casereview.export import ReviewedCase, collect  # noqa: E402
from casereview.export.anonymity_check import docx_images  # noqa: E402
from casereview.export.compilation import write_compilation  # noqa: E402
from casereview.export.scoresheet import write_session_workbook  # noqa: E402
from casereview.export.scoresheet_session import CASE_COLUMNS  # noqa: E402
from casereview.ocr.engine import Image as OcrImage  # noqa: E402
from casereview.ocr.engine import OcrEngine, OcrLine, RapidOcrEngine  # noqa: E402
from casereview.training.tags import TagRecord, TrainingTag  # noqa: E402

HEADER = "| export | anchor | anchor s | export s | ratio | target |\n|---|---|---:|---:|---:|---|"

# Real cases with different problems; seeds 41/44 give a Beijing unit, 42/46 Jiangmen, 45 Changsha.
SEEDS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (41, ("T-12",)),
    (42, ("P-01",)),
    (43, ()),
    (44, ("S-01",)),
    (45, ("T-02", "P-05")),
    (46, ("T-01",)),
)
UNITS = tuple(
    f"{city}交通运输局" for city in ("长沙市", "株洲市", "湘潭市", "衡阳市", "邵阳市", "岳阳市", "常德市")
)
REVIEWERS = ("张三", "李四", "王五", "赵六", "孙七")


def sample_cases(n: int, folder: Path) -> list[ReviewedCase]:
    """n reviewed cases from a handful of generated ones, with varied units, reviewers and dates."""
    paths = [
        str(generate_case(folder, f"b{seed}", kind="digital", seed=seed, defects=list(defects))[0])
        for seed, defects in SEEDS
    ]
    real = collect(paths, Checker.create())
    start = dt.datetime(2026, 3, 1, 2, 0, tzinfo=dt.UTC)
    return [
        dataclasses.replace(
            real[i % len(real)],
            unit=UNITS[i % len(UNITS)],
            reviewer=REVIEWERS[i % len(REVIEWERS)],
            reviewed_at=start + dt.timedelta(hours=7 * i),
            case_id=i + 1,
        )
        for i in range(n)
    ]


def _plain_rows(n: int, path: Path) -> None:
    workbook = Workbook()
    ws = workbook.active
    ws.append([name for name, _ in CASE_COLUMNS])
    for i in range(n):
        ws.append([i + 1, "长沙市交通运输局", f"湘长交罚〔2025〕{i:05d}号", "某某", 95.5, "优秀", None, "张三",
                   dt.date(2026, 3, 1), f"/cases/{i}.pdf"])  # fmt: skip
    workbook.save(str(path))


def scoresheet_bench(n: int = 2000) -> dict[str, object]:
    """Time ``write_session_workbook`` over n cases and, as the anchor, n plain openpyxl rows."""
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as tmp:
        folder = Path(tmp)
        cases = sample_cases(n, folder / "cases")
        started = time.perf_counter()
        _plain_rows(n, folder / "plain.xlsx")
        anchor = time.perf_counter() - started
        started = time.perf_counter()
        write_session_workbook(cases, folder / "session.xlsx")
        seconds = time.perf_counter() - started
        size = (folder / "session.xlsx").stat().st_size
    return {
        "export": f"评查评分表 session workbook, {n:,} cases ({size / 1024:.0f} KB)",
        "anchor": f"openpyxl, {n:,} plain rows × {len(CASE_COLUMNS)} columns",
        "anchor_s": round(anchor, 3),
        "seconds": round(seconds, 3),
        "ratio": round(seconds / anchor, 2) if anchor else float("inf"),
        "target": "< 15 s" + (" (met)" if seconds < 15 else " (**not met**)"),
    }


class _TimedOcr(OcrEngine):
    """The real engine, timed: how much of the compilation is the OCR check of its images."""

    def __init__(self, inner: OcrEngine) -> None:
        self.inner = inner
        self.seconds = 0.0

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def version(self) -> str:
        return self.inner.version

    def recognize(self, image: OcrImage) -> list[OcrLine]:
        started = time.perf_counter()
        try:
            return self.inner.recognize(image)
        finally:
            self.seconds += time.perf_counter() - started


def _plain_docx(paragraphs: int, pictures: list[bytes], path: Path) -> None:
    document = Document()
    for i in range(paragraphs):
        document.add_paragraph(f"第{i + 1}段：案由为未取得道路运输经营许可擅自从事道路旅客运输经营。")
    for png in pictures:
        document.add_picture(io.BytesIO(png), width=Mm(130))
    document.save(str(path))


def compilation_bench(n_cases: int = 50) -> dict[str, object]:
    """Time ``write_compilation`` over n tagged cases (one redacted page image each, every image
    read back by the real OCR, DOCX → PDF by LibreOffice when installed) and, as the anchor,
    python-docx writing the same number of paragraphs and pictures plainly."""
    with tempfile.TemporaryDirectory(prefix="bench-compilation-") as tmp:
        folder = Path(tmp)
        now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
        tags = (TrainingTag.GOOD, TrainingTag.POOR)
        # Distinct cases: identical page images would be stored and checked once.
        paths = [str(generate_case(folder, f"c{i}", kind="digital", seed=500 + i)[0]) for i in range(n_cases)]
        note = "证据链完整，文书规范。"
        cases = [
            dataclasses.replace(
                case, tags=(TagRecord(i + 1, i + 1, tags[i % 2], None, None, note, "王培训", now),)
            )
            for i, case in enumerate(collect(paths, Checker.create()))
        ]
        ocr = _TimedOcr(RapidOcrEngine())
        ocr.load()
        started = time.perf_counter()
        result = write_compilation(cases, folder / "汇编.docx", ocr=ocr)
        seconds = time.perf_counter() - started
        written = docx.Document(str(result.docx))
        paragraphs, pictures = len(written.paragraphs), docx_images(written)
        started = time.perf_counter()
        _plain_docx(paragraphs, pictures, folder / "plain.docx")
        anchor = time.perf_counter() - started
        size = result.docx.stat().st_size + (result.pdf.stat().st_size if result.pdf else 0)
    pdf = "DOCX + PDF" if result.pdf else "DOCX only (no LibreOffice)"
    return {
        "export": (
            f"典型案例汇编 {pdf}, {n_cases} tagged cases, {result.checked_images} redacted page images "
            f"({size / 1024 / 1024:.1f} MB; OCR check of the images {ocr.seconds:.1f} s)"
        ),
        "anchor": f"python-docx, {paragraphs} plain paragraphs + {len(pictures)} pictures",
        "anchor_s": round(anchor, 3),
        "seconds": round(seconds, 3),
        "ratio": round(seconds / anchor, 2) if anchor else float("inf"),
        "target": "< 60 s" + (" (met)" if seconds < 60 else " (**not met**)"),
        "ocr_s": round(ocr.seconds, 3),
    }


def row(result: dict[str, object]) -> str:
    """One markdown table row under :data:`HEADER`."""
    return (
        f"| {result['export']} | {result['anchor']} | {result['anchor_s']} | {result['seconds']} "
        f"| {result['ratio']}× | {result['target']} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--compilation-cases", type=int, default=50)
    args = parser.parse_args(argv)
    rows = [row(scoresheet_bench(args.cases))]
    rows.append(row(compilation_bench(args.compilation_cases)))
    # Further export benches: rows.append(row(other_bench(...)))
    print(HEADER)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
