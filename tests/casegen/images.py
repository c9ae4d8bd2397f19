"""Writers for the page-based kinds: digital, scanned and mixed PDFs, image folders, multi-page TIFF."""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import io
import random
from pathlib import Path

import cv2
import numpy as np
import pymupdf
from PIL import Image

from casegen.degrade import DPI, degrade
from casegen.fonts import digital_fonts
from casegen.layout import LaidPage
from casegen.render_pdf import Painter, digital_pdf, rasterise, save_pdf


def _scans(pages: list[LaidPage], agency: str, rng: random.Random) -> list[bytes]:
    return [degrade(bgr, rng)[0] for bgr in rasterise(pages, agency)]


def write_digital(pages: list[LaidPage], path: Path, agency: str) -> list[str]:
    save_pdf(digital_pdf(pages, agency), str(path))
    return ["digital"] * len(pages)


def write_pdf(
    pages: list[LaidPage], path: Path, agency: str, rng: random.Random, scanned: list[bool]
) -> list[str]:
    """Scanned pages become image-only A4 pages; the rest keep their text layer."""
    jpegs = iter(_scans([p for p, s in zip(pages, scanned, strict=True) if s], agency, rng))
    doc = pymupdf.open()
    painter = Painter(doc, digital_fonts(), agency)
    for lp, is_scan in zip(pages, scanned, strict=True):
        if is_scan:
            page = doc.new_page(width=595.28, height=841.89)
            page.insert_image(page.rect, stream=next(jpegs))
        else:
            painter.page(lp)
    save_pdf(doc, str(path))
    return ["scanned" if s else "digital" for s in scanned]


def mixed_flags(n: int, rng: random.Random) -> list[bool]:
    flags = [rng.random() < 0.45 for _ in range(n)]
    if n >= 2 and len(set(flags)) == 1:  # a mixed file has both kinds of page
        flags[rng.randrange(n)] = not flags[0]
    return flags


def _decode(jpeg: bytes) -> np.ndarray:
    bgr = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert bgr is not None
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


def write_images(pages: list[LaidPage], folder: Path, agency: str, rng: random.Random) -> list[str]:
    """001.png, 002.jpg, 003.tif … in file-name order, 200 dpi."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, jpeg in enumerate(_scans(pages, agency, rng)):
        ext = rng.choices(("png", "jpg", "tif"), (35, 45, 20))[0]
        path = folder / f"{i + 1:03d}.{ext}"
        if ext == "jpg":
            path.write_bytes(jpeg)
            continue
        img = Image.fromarray(_decode(jpeg))
        if ext == "png":
            img.save(path, "PNG", compress_level=1, dpi=(DPI, DPI))
        else:
            img.save(path, "TIFF", compression="tiff_lzw", dpi=(DPI, DPI))
    return ["scanned"] * len(pages)


def write_tiff(pages: list[LaidPage], path: Path, agency: str, rng: random.Random) -> list[str]:
    imgs = [Image.fromarray(_decode(j)) for j in _scans(pages, agency, rng)]
    buf = io.BytesIO()
    imgs[0].save(
        buf, "TIFF", save_all=True, append_images=imgs[1:], compression="jpeg", quality=80, dpi=(DPI, DPI)
    )
    path.write_bytes(buf.getvalue())
    return ["scanned"] * len(pages)
