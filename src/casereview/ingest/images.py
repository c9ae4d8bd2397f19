"""Image case files (PNG/JPG/TIFF, multi-page TIFF): every frame is a page to OCR."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from casereview.domain.model import Page, TextSource
from casereview.errors import ErrorCode, IngestError
from casereview.ingest.options import IngestOptions
from casereview.ingest.raster import MAX_IMAGE_PIXELS, sha256_image
from casereview.ingest.scan import PageImage

DEFAULT_DPI = 200.0  # photos and faxes often carry no or absurd resolution metadata
MAX_OCR_DPI = 300.0  # higher-resolution scans are scaled down: OCR gains nothing, memory does


def read_image(path: Path, options: IngestOptions, first_number: int) -> Iterator[tuple[Page, PageImage]]:
    """Yield one page per frame, each with its image for the scanner."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:  # closed on a corrupt frame too, not left to the GC
                _check_pixels(path, img.width * img.height)
                for index, frame in enumerate(ImageSequence.Iterator(img)):
                    _check_pixels(path, frame.width * frame.height)
                    yield _frame_page(path, frame, index, first_number + index)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise IngestError(
            ErrorCode.IMAGE_TOO_LARGE, str(path), {"pixels": "超限", "limit": MAX_IMAGE_PIXELS}
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise IngestError(ErrorCode.CORRUPT_FILE, str(path), {"reason": "无法识别的图片数据"}) from exc


def _check_pixels(path: Path, pixels: int) -> None:
    if pixels > MAX_IMAGE_PIXELS:
        raise IngestError(ErrorCode.IMAGE_TOO_LARGE, str(path), {"pixels": pixels, "limit": MAX_IMAGE_PIXELS})


def _frame_page(path: Path, frame: Image.Image, index: int, number: int) -> tuple[Page, PageImage]:
    dpi = _dpi(frame)
    upright = ImageOps.exif_transpose(frame).convert("RGB")
    page_width = upright.width * 72.0 / dpi
    page_height = upright.height * 72.0 / dpi
    if dpi > MAX_OCR_DPI:
        scale = DEFAULT_DPI / dpi
        upright = upright.resize(
            (round(upright.width * scale), round(upright.height * scale)), Image.Resampling.LANCZOS
        )
        dpi = DEFAULT_DPI
    pixels = np.asarray(upright, dtype=np.uint8)
    digest = sha256_image(pixels)
    page = Page(
        number=number,
        width=page_width,
        height=page_height,
        source=TextSource.OCR,
        sha256=digest,
        origin=str(path),
        origin_page=index,
    )
    return page, PageImage(number, pixels, dpi, digest)


def _dpi(frame: Image.Image) -> float:
    raw = frame.info.get("dpi")
    try:
        value = float(raw[0]) if raw else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 50.0 <= value <= 1200.0 else DEFAULT_DPI
