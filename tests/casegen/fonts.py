"""Fonts: PyMuPDF's built-in Droid Sans Fallback (subsettable TrueType) for digital pages, Noto CJK
(a CFF font that MuPDF cannot subset, so only used where the PDF is thrown away) for scanned pages."""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

import pymupdf

NOTO_DIR = Path("/usr/share/fonts/opentype/noto")


@lru_cache(maxsize=1)
def droid() -> pymupdf.Font:
    # The "china-s" reserved font renders ASCII full-width; its buffer loaded as a file font does not.
    return pymupdf.Font(fontbuffer=pymupdf.Font("china-s").buffer)


def _ttc_face(path: Path, want: str) -> bytes | None:
    """Cut one face out of a TrueType collection as a standalone OpenType font."""
    data = path.read_bytes()
    if data[:4] != b"ttcf":
        return None
    (count,) = struct.unpack(">I", data[8:12])
    for off in struct.unpack(f">{count}I", data[12 : 12 + 4 * count]):
        (num_tables,) = struct.unpack(">H", data[off + 4 : off + 6])
        records = [
            struct.unpack(">4sIII", data[off + 12 + 16 * i : off + 28 + 16 * i]) for i in range(num_tables)
        ]
        pos = 12 + 16 * num_tables
        head, chunks = [], []
        for tag, checksum, start, length in records:
            head.append(struct.pack(">4sIII", tag, checksum, pos, length))
            chunk = data[start : start + length]
            chunk += b"\0" * (-length % 4)
            chunks.append(chunk)
            pos += len(chunk)
        font = data[off : off + 12] + b"".join(head) + b"".join(chunks)
        if want in pymupdf.Font(fontbuffer=font).name:
            return font
    return None


@lru_cache(maxsize=4)
def noto(file: str) -> pymupdf.Font | None:
    path = NOTO_DIR / file
    if not path.exists():
        return None
    face = _ttc_face(path, "SC")
    return pymupdf.Font(fontbuffer=face) if face else None


def scan_fonts() -> tuple[pymupdf.Font, pymupdf.Font, bool]:
    """(body, title, fake_bold) for pages that will be rasterised."""
    body = noto("NotoSerifCJK-Regular.ttc")
    title = noto("NotoSansCJK-Bold.ttc")
    if body is None or title is None:
        return droid(), droid(), True
    return body, title, False


def digital_fonts() -> tuple[pymupdf.Font, pymupdf.Font, bool]:
    return droid(), droid(), True


@lru_cache(maxsize=1)
def pil_font_source() -> tuple[str | bytes, int]:
    """A CJK font for PIL (seals): Noto Serif Bold SC if installed, else the Droid buffer."""
    path = NOTO_DIR / "NotoSerifCJK-Bold.ttc"
    if path.exists():
        return str(path), 2  # index 2 is the SC face (JP, KR, SC, TC, HK)
    return bytes(pymupdf.Font("china-s").buffer), 0
