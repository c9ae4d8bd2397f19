"""PDF reading: text-layer pages directly, image-only or garbage-text pages through the scanner."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pymupdf

from casereview.budget import MIN_OCR_DPI, Budget
from casereview.domain.model import Page, TextSource
from casereview.errors import ErrorCode, IngestError
from casereview.ingest.options import IngestOptions
from casereview.ingest.raster import sha256_image
from casereview.ingest.scan import PageImage
from casereview.ingest.seals import seals_on_rendering
from casereview.ingest.textlayer import page_layout, seal_search_area, text_layer_usable

pymupdf.TOOLS.mupdf_display_errors(False)  # broken objects are reported through our own errors


def mupdf_open(path: Path) -> pymupdf.Document:
    """``pymupdf.open`` for any file name: a name that is not valid UTF-8 (GBK bytes from a Windows
    archive) cannot reach MuPDF, so the file is opened by descriptor, or read into memory."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        fd = os.open(os.fsencode(name), os.O_RDONLY)
        try:
            if Path(f"/proc/self/fd/{fd}").exists():
                return pymupdf.open(f"/proc/self/fd/{fd}", filetype="pdf")
            with os.fdopen(os.dup(fd), "rb") as handle:
                return pymupdf.open(stream=handle.read(), filetype="pdf")
        finally:
            os.close(fd)  # MuPDF has opened its own handle by now
    return pymupdf.open(path, filetype="pdf")


@contextmanager
def open_pdf(path: Path, password: str | None) -> Iterator[pymupdf.Document]:
    """Open ``path`` or raise an IngestError naming the problem (corrupt, encrypted, empty)."""
    try:
        doc = mupdf_open(path)
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        raise IngestError(ErrorCode.CORRUPT_FILE, str(path), {"reason": _reason(exc)}) from exc
    try:
        if doc.needs_pass:
            if not password:
                raise IngestError(ErrorCode.ENCRYPTED, str(path))
            if not doc.authenticate(password):
                raise IngestError(ErrorCode.WRONG_PASSWORD, str(path))
        if doc.page_count == 0:
            raise IngestError(ErrorCode.NO_PAGES, str(path))
        yield doc
    finally:
        doc.close()


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text[:120] if text else type(exc).__name__


def render(page: pymupdf.Page, dpi: float, clip: pymupdf.Rect | None = None) -> np.ndarray:
    """RGB pixels of the displayed page (or of ``clip`` on it) at ``dpi``."""
    pix = page.get_pixmap(dpi=int(dpi), colorspace=pymupdf.csRGB, alpha=False, clip=clip)
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)


def read_pdf(
    path: Path, options: IngestOptions, first_number: int, budget: Budget | None = None
) -> Iterator[tuple[Page, PageImage | None]]:
    """Yield each page; pages that need OCR come with their rendered image (spans filled later),
    rendered at a resolution that fits ``budget`` (reduced when the page is huge, see fit_dpi)."""
    budget = budget or Budget(path, options.memory_budget)
    with open_pdf(path, options.password) as doc:
        for index in range(doc.page_count):
            try:
                page = doc[index]
                yield _read_page(page, path, index, first_number + index, options, budget)
            except IngestError:
                raise
            except Exception as exc:  # a broken page object inside an otherwise readable file
                raise IngestError(
                    ErrorCode.CORRUPT_FILE,
                    str(path),
                    {"why": "page_unreadable", "page": index + 1, "error": _reason(exc)},
                ) from exc


def _fit(budget: Budget, rect: pymupdf.Rect, dpi: float, min_dpi: float) -> float:
    """The dpi to render ``rect`` at within the budget; refuses the file when even ``min_dpi``
    would not fit (the page is then too large to be read usefully)."""
    fitted = budget.fit_dpi(rect.width, rect.height, dpi, min_dpi)
    if fitted is None:
        raise budget.refuse("page_pixels", budget.pixels_at(rect.width, rect.height, min(dpi, min_dpi)))
    return fitted


def _read_page(
    page: pymupdf.Page, path: Path, index: int, number: int, options: IngestOptions, budget: Budget
) -> tuple[Page, PageImage | None]:
    rect = page.rect
    spans, crossed = page_layout(page)
    usable = text_layer_usable(spans) and not options.force_ocr
    contents = page.read_contents()
    result = Page(
        number=number,
        width=rect.width,
        height=rect.height,
        source=TextSource.TEXT_LAYER if usable else TextSource.OCR,
        spans=spans if usable else [],
        origin=str(path),
        origin_page=index,
        text_layer_usable=usable,
        cells_unread=crossed if usable else 0,
    )
    if usable:
        # Chain of custody for digital pages: the page's own content stream.
        result.sha256 = hashlib.sha256(contents).hexdigest()
        area = seal_search_area(page, contents) if options.detect_seals else None
        if area is not None:
            # Seals are ~4 cm across: a third of the usual resolution still finds them.
            dpi = _fit(budget, area, options.seal_dpi, options.seal_dpi / 3)
            budget.charge("pixels", budget.pixels_at(area.width, area.height, dpi))
            image = render(page, dpi, area)
            result.seals = seals_on_rendering(image, dpi, number, (area.x0, area.y0))
        return result, None
    dpi = _fit(budget, rect, options.ocr_dpi, MIN_OCR_DPI)
    held = budget.hold("pixels", budget.pixels_at(rect.width, rect.height, dpi))
    if dpi < options.ocr_dpi:
        budget.reduced.append((number, dpi))
    image = render(page, dpi)
    result.sha256 = sha256_image(image)
    return result, PageImage(number, image, dpi, result.sha256, held)
