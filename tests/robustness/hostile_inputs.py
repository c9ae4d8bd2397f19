"""Small files that ask for a lot of memory (issue 18, item 2), built on demand: each is a few
kilobytes to a few megabytes on disk and gigabytes when read naively.

Shared by tests/robustness/test_memory_budget.py (under a 256 MiB test budget) and
bench/bench_budget.py (under the machine's own budget too).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from PIL import Image


def blank_pdf(path: Path, pages: int, width: float, height: float | None = None) -> Path:
    """``pages`` blank pages (no text layer: each is rendered for OCR)."""
    doc = pymupdf.open()
    for _ in range(pages):
        doc.new_page(width=width, height=height or width)
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    return path


def tiff_frames(path: Path, frames: int, side: int, dpi: int) -> Path:
    """A multi-frame bilevel TIFF, Group 4 compressed: a blank frame is a few hundred bytes."""
    first = Image.new("1", (side, side), 1)
    first.save(
        path,
        compression="group4",
        save_all=True,
        append_images=[first] * (frames - 1),
        dpi=(dpi, dpi),
    )
    return path


def long_strip_png(path: Path, mode: str = "L") -> Path:
    """The 100000×1999 strip of the issue (grey unless ``mode`` says otherwise)."""
    Image.new(mode, (100_000, 1999), "white" if mode != "1" else 1).save(path, optimize=False)
    return path


_HEADER = ("行政处罚决定书文号", "公示日期")


def far_cell_xlsx(path: Path, far_rows: int = 0) -> Path:
    """A publication list of two good rows, one with a note in cell XFD3 (the sheet then declares
    A1:XFD…); ``far_rows`` > 0 adds that many rows with a value in column XFD, and a last cell at
    XFD1048576, as the issue's 5 KB file had."""
    from openpyxl import Workbook  # type: ignore[import-untyped]

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(_HEADER)
    sheet.append(["粤交罚〔2025〕1号", "2025-05-01"])
    sheet.append(["粤交罚〔2025〕2号", "2025-05-02"])
    sheet["XFD3"] = "备注"
    for row in range(4, 4 + far_rows):
        sheet.cell(row=row, column=1, value=f"粤交罚〔2025〕{row}号")
        sheet.cell(row=row, column=2, value="2025-05-03")
        sheet.cell(row=row, column=16384, value="x")
    if far_rows:
        sheet["XFD1048576"] = "x"
    workbook.save(path)
    return path


def small_bombs_docx(path: Path, parts: int = 400, size: int = 1 << 20) -> Path:
    """A DOCX of ``parts`` parts of 1 MiB of spaces each: every part stays under the 1 MiB floor of
    the compression-ratio check, yet the whole unpacks to ``parts`` MiB from ~``parts`` KB."""
    body = b" " * size
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for index in range(parts):
            archive.writestr(f"customXml/item{index}.xml", body)
    return path


def deflate_bomb_docx(path: Path) -> Path:
    """One 400 MiB part of spaces (the compression-ratio check's case)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (400 << 20) + b"</w:document>")
    return path


def small_bombs_package(path: Path, entries: int = 400) -> Path:
    """A review package whose JSON entries (read into memory) unpack to ``entries`` MiB."""
    body = b" " * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("manifest.json", json.dumps({"format": "casereview-package"}))
        for index in range(entries):
            archive.writestr(f"reviews/{index}.json", body)
    return path


def billion_laughs(path: Path, levels: int = 9) -> Path:
    """The 349-byte standard: nine levels of nine aliases, 10⁹ strings once expanded."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def deep_list(path: Path, depth: int = 5000) -> Path:
    path.write_text("id: x\nitems: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    return path


def self_alias(path: Path) -> Path:
    path.write_text("id: x\nitems: &n [*n]\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Hostile:
    """One adversarial input: ``reader`` is the child's reader (see budget_child.py); ``expect``
    the outcome under the 256 MiB test budget: ``refused`` (over budget, or a bomb refused by its
    own check), ``reduced`` (read with pages at a lower resolution) or ``read``."""

    name: str
    reader: str
    file_name: str
    build: Callable[[Path], Path]
    expect: str


HOSTILE: tuple[Hostile, ...] = (
    Hostile("8 blank 5000-pt PDF pages", "case", "blank5000.pdf", lambda p: blank_pdf(p, 8, 5000), "refused"),
    Hostile("one 6700-pt PDF page", "case", "page6700.pdf", lambda p: blank_pdf(p, 1, 6700), "refused"),
    Hostile("4 blank 2000-pt PDF pages", "case", "blank2000.pdf", lambda p: blank_pdf(p, 4, 2000), "reduced"),
    Hostile("40 blank A4 pages", "case", "many.pdf", lambda p: blank_pdf(p, 40, 595, 842), "read"),
    Hostile(
        "TIFF, 8 frames of 36 MP at 300 dpi",
        "case",
        "frames.tif",
        lambda p: tiff_frames(p, 8, 6000, 300),
        "reduced",
    ),
    Hostile(
        "TIFF, 8 frames of 196 MP", "case", "bomb.tif", lambda p: tiff_frames(p, 8, 14_000, 200), "refused"
    ),
    Hostile("100000×1999 PNG (grey)", "case", "strip.png", long_strip_png, "refused"),
    Hostile("XLSX, a note in XFD3", "publication", "far.xlsx", far_cell_xlsx, "read"),
    Hostile(
        "XLSX, 3000 rows reaching XFD, last cell XFD1048576",
        "publication",
        "far_rows.xlsx",
        lambda p: far_cell_xlsx(p, 3000),
        "refused",
    ),
    Hostile("DOCX, 400 × 1 MiB parts", "case", "bombs.docx", small_bombs_docx, "refused"),
    Hostile("DOCX, one 400 MiB part", "case", "deflate.docx", deflate_bomb_docx, "refused"),
    Hostile("package, 400 × 1 MiB JSON", "package", "bombs.zip", small_bombs_package, "refused"),
    Hostile("billion-laughs standard", "standard", "laughs.yaml", billion_laughs, "refused"),
    Hostile("5000-deep YAML list", "standard", "deep.yaml", deep_list, "refused"),
    Hostile("YAML &n [*n]", "standard", "cycle.yaml", self_alias, "refused"),
)
