"""Page images for viewers and exports, from a case file's original sources.

The UI receives plain RGB bytes; no PyMuPDF object leaves the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image, ImageOps, ImageSequence

from casereview.budget import Budget
from casereview.domain.model import CaseFile, Page, TextSource
from casereview.ingest.docx import cached_docx_pdf
from casereview.ingest.raster import level


@dataclass(frozen=True)
class RenderedPage:
    number: int
    width: int  # pixels
    height: int
    rgb: bytes  # width*height*3 bytes, rows top-down
    scale: float  # pixels per PDF point


def render_page(case: CaseFile, number: int, dpi: float = 100.0, password: str | None = None) -> RenderedPage:
    """Render page ``number`` (1-based) of ``case`` as displayed (boxes in points × scale).

    A page too large for the memory budget at ``dpi`` comes at a lower one: ``scale`` says which."""
    page = case.pages[number - 1]
    dpi = Budget(page.origin or case.source).fit_dpi(page.width, page.height, dpi, min_dpi=1.0) or 1.0
    scale = dpi / 72.0
    origin = Path(page.origin or case.source)
    suffix = origin.suffix.lower()
    if suffix == ".docx":
        if page.source == TextSource.DOCX_TEXT:
            return _blank(page, scale)
        origin = cached_docx_pdf(origin)
        suffix = ".pdf"
    if suffix == ".pdf":
        with pymupdf.open(origin, filetype="pdf") as doc:
            if doc.needs_pass and password:
                doc.authenticate(password)
            # Scans recognised on their side or upside down are shown upright, like their spans.
            matrix = pymupdf.Matrix(scale, scale).prerotate(page.rotation)
            pix = doc[page.origin_page].get_pixmap(matrix=matrix, colorspace=pymupdf.csRGB, alpha=False)
            pixels = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)
            return _finish(number, pixels, page)
    with Image.open(origin) as img:
        frame = next(f for i, f in enumerate(ImageSequence.Iterator(img)) if i == page.origin_page)
        upright = ImageOps.exif_transpose(frame).convert("RGB")
        if page.rotation:
            upright = upright.rotate(-page.rotation, expand=True)  # PIL turns counter-clockwise
        size = (max(1, round(page.width * scale)), max(1, round(page.height * scale)))
        resized = upright.resize(size, Image.Resampling.BILINEAR)
        return _finish(number, np.asarray(resized, dtype=np.uint8), page)


def _finish(number: int, pixels: np.ndarray, page: Page) -> RenderedPage:
    """Level a scanned page as its spans were levelled (see ocr/scanner.py)."""
    pixels = level(pixels, page.skew)
    height, width = pixels.shape[:2]
    return RenderedPage(number, width, height, pixels.tobytes(), width / page.width)


def _blank(page: Page, scale: float) -> RenderedPage:
    """A white sheet for DOCX pages read without LibreOffice (the text is drawn by the viewer)."""
    width, height = max(1, round(page.width * scale)), max(1, round(page.height * scale))
    return RenderedPage(page.number, width, height, b"\xff" * (width * height * 3), scale)
