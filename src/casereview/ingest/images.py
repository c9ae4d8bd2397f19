"""Image case files (PNG/JPG/TIFF, multi-page TIFF): every frame is a page to OCR.

Each frame is checked against the read's memory budget before it is decoded (Pillow knows the size
from the header): its decoded pixels and the page image made of it must fit, the page image at a
resolution reduced to fit when the frame is huge; a frame that does not fit even at the minimum
resolution useful to OCR refuses the file.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from casereview.budget import COSTS, MIN_OCR_DPI, Budget
from casereview.domain.model import Page, TextSource
from casereview.errors import ErrorCode, IngestError
from casereview.ingest.options import IngestOptions
from casereview.ingest.raster import sha256_image
from casereview.ingest.scan import PageImage

DEFAULT_DPI = 200.0  # photos and faxes often carry no or absurd resolution metadata
MAX_OCR_DPI = 300.0  # higher-resolution scans are scaled down: OCR gains nothing, memory does
# Modes Pillow shrinks smoothly as they are; others ("1", palette, 16/32-bit) become L or RGB first.
_SMOOTH_MODES = frozenset({"L", "LA", "RGB", "RGBA", "CMYK"})
# Bytes per pixel while a frame is decoded and shrunk: Pillow keeps 1, L and P in a byte a pixel,
# I;16 in two, every other mode in four (RGB too); a converted copy (1 → L, others → RGB) and
# the first pass of the shrink (at most the size of what it shrinks) come on top.
_DECODED_BYTES = {"1": 3, "L": 2, "P": 9, "I;16": 10, "LA": 8, "RGB": 8, "RGBA": 8, "CMYK": 8}
_OTHER_MODE_BYTES = 12  # PA, I, F …: four bytes, the RGB copy, the shrink's pass
_PILLOW_RGB_BYTES = 4
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")
_TURNED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


def read_image(
    path: Path, options: IngestOptions, first_number: int, budget: Budget | None = None
) -> Iterator[tuple[Page, PageImage]]:
    """Yield one page per frame, each with its image for the scanner."""
    budget = budget or Budget(path, options.memory_budget)
    try:
        with warnings.catch_warnings():
            # Between Pillow's warning and error sizes the budget decides, below; past the error
            # size (400 megapixels) Pillow refuses at open, reported as over budget too.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as img:  # closed on a corrupt frame too, not left to the GC
                for index, frame in enumerate(ImageSequence.Iterator(img)):
                    yield _frame_page(path, frame, index, first_number + index, budget)
    except Image.DecompressionBombError as exc:
        found = _BOMB_PIXELS.search(str(exc))
        # Past 400 megapixels Pillow refuses at open; a pixel takes at least a byte decoded.
        raise budget.refuse("frame_bytes", int(found.group(1)) if found else 0, more=True) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise IngestError(ErrorCode.CORRUPT_FILE, str(path), {"why": "image_unrecognised"}) from exc


def _frame_page(
    path: Path, frame: Image.Image, index: int, number: int, budget: Budget
) -> tuple[Page, PageImage]:
    dpi = _dpi(frame)
    # The area, all the budget needs, does not depend on the EXIF turn (read later: for a PNG
    # Pillow decodes the whole image to find it).
    page_width, page_height = frame.width * 72.0 / dpi, frame.height * 72.0 / dpi
    want = DEFAULT_DPI if dpi > MAX_OCR_DPI else dpi
    # The decoded frame lives beside the page image made of it: what is left after decoding
    # bounds the page image. A frame may use all the budget that pages waiting for OCR leave; if
    # they make it shrink the frame, they are scanned first (drain), so every frame gets the same.
    decoded = frame.width * frame.height * _DECODED_BYTES.get(frame.mode, _OTHER_MODE_BYTES)
    target = _fitting_dpi(budget, decoded, page_width, page_height, want)
    if target < want and budget.held and budget.drain is not None:
        budget.drain()
        target = _fitting_dpi(budget, decoded, page_width, page_height, want)
    per_pixel = COSTS["pixels"].bytes_per_unit + _PILLOW_RGB_BYTES
    floor = min(want, MIN_OCR_DPI)
    if target < floor:
        least = budget.pixels_at(page_width, page_height, floor) * per_pixel
        raise budget.refuse("frame_bytes", decoded + least)
    page_pixels = budget.pixels_at(page_width, page_height, target)
    budget.charge("bytes", decoded + page_pixels * _PILLOW_RGB_BYTES)
    held = budget.hold("pixels", page_pixels)
    if target < want:
        budget.reduced.append((number, target))
    turn = frame.getexif().get(0x0112, 1)
    if turn in _TURNED:
        page_width, page_height = page_height, page_width
    image: Image.Image = frame
    if target < dpi:  # shrink before converting to RGB, so no full-size RGB copy is ever made
        if image.mode not in _SMOOTH_MODES:
            image = image.convert("L" if image.mode == "1" else "RGB")
        scale = target / dpi
        size = (max(round(image.width * scale), 1), max(round(image.height * scale), 1))
        image = image.resize(size, Image.Resampling.LANCZOS)
        dpi = target
    # Each step copies the whole image: only the ones needed (a 600 MB strip made 2.3 GB).
    if turn not in (None, 0, 1):
        image = ImageOps.exif_transpose(image)
    if image.mode != "RGB":
        image = image.convert("RGB")
    pixels = np.asarray(image, dtype=np.uint8)
    del image
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
    return page, PageImage(number, pixels, dpi, digest, held)


def _fitting_dpi(budget: Budget, decoded: int, width_pt: float, height_pt: float, want: float) -> float:
    """The highest whole dpi ≤ ``want`` at which the page image fits beside the decoded frame.

    The page image is held at the usual cost; while it is made, Pillow's own RGB copy (four
    bytes a pixel) exists beside it too."""
    room = budget.available - decoded
    per_pixel = COSTS["pixels"].bytes_per_unit + _PILLOW_RGB_BYTES
    fitting = (room / per_pixel / (width_pt * height_pt / 72.0**2)) ** 0.5 if room > 0 else 0.0
    return min(want, float(int(fitting)))


def _dpi(frame: Image.Image) -> float:
    raw = frame.info.get("dpi")
    try:
        value = float(raw[0]) if raw else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 50.0 <= value <= 1200.0 else DEFAULT_DPI
