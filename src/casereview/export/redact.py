"""True redaction of page images: the pixels under an identifier are removed, not covered.

Each chosen page is rendered as displayed (``render_page``: rotated scans upright, levelled like
their spans) and put on a new PDF page of the same size in points, so span boxes apply as they are.
The redactions are applied with PyMuPDF (image pixels blanked, then filled black): nothing of the
original survives in the file — not the text layer (the new page has none), not the pixels.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pymupdf

from casereview.budget import Budget
from casereview.domain.model import BBox, CaseFile, Page, Span, TextSource
from casereview.errors import CaseReviewError, ErrorCode
from casereview.export.anonymise import Identifier, fold
from casereview.export.model import ReviewedCase
from casereview.ingest.docx import cached_docx_pdf
from casereview.render import render_page

# Redaction boxes grow by this share of the line height: an estimated box must not leave the edge
# of a glyph readable.
PAD_X = 0.35
PAD_Y = 0.12
# Blank the image pixels under a redaction (not only the text): the point of redacting images.
REDACT_PIXELS: int = pymupdf.PDF_REDACT_IMAGE_PIXELS  # type: ignore[attr-defined]
INK = 128  # grey level below which a pixel is ink (scans are levelled to a light background)
_WIDE_PUNCTUATION = set(",:;()!?\"'[]")  # NFKC turned full-width ，：；（） into these


# Widths of a narrow character (digit, Latin) and of ASCII punctuation, in CJK character widths:
# fonts differ (half width in 宋体/仿宋, wider in the Latin faces scans often use), so the box
# of an identifier is the union of its boxes under each guess.
_WIDTH_GUESSES = ((0.5, 1.0), (0.7, 1.0), (0.5, 0.5))


def _weights(text: str, narrow: float, punctuation: float) -> list[float]:
    return [1.0 if ord(ch) > 0x2E80 else punctuation if ch in _WIDE_PUNCTUATION else narrow for ch in text]


def _char_box(span: Span, start: int, end: int) -> BBox:
    """Estimated box of ``span.text[start:end]`` (OCR lines carry no character boxes), unpadded."""
    x0, y0, x1, y1 = span.bbox
    lefts: list[float] = []
    rights: list[float] = []
    for narrow, punctuation in _WIDTH_GUESSES:
        weights = _weights(span.text, narrow, punctuation)
        unit = (x1 - x0) / (sum(weights) or 1.0)
        lefts.append(x0 + unit * sum(weights[:start]))
        rights.append(x0 + unit * sum(weights[:end]))
    return (min(lefts), y0, max(rights), y1)


def _pad(box: BBox) -> BBox:
    height = box[3] - box[1]
    return (
        box[0] - PAD_X * height,
        box[1] - PAD_Y * height,
        box[2] + PAD_X * height,
        box[3] + PAD_Y * height,
    )


def snap_to_gaps(box: BBox, grey: npt.NDArray[np.uint8], scale: float) -> BBox:
    """Widen an estimated box (points) to the blank columns around it on the rendered page.

    An estimate can end inside a glyph; each edge moves outwards, past a small margin, to the first
    column without ink. Where no gap is near (touching glyphs), the padded estimate stands.
    """
    x0, y0, x1, y1 = (round(v * scale) for v in box)
    height = max(y1 - y0, 1)
    rows = grey[max(y0, 0) : min(y1, grey.shape[0])]
    if rows.size == 0:
        return _pad(box)
    ink: npt.NDArray[np.bool_] = np.asarray((rows < INK).any(axis=0), dtype=bool)
    reach, push = round(0.7 * height), max(1, round(0.1 * height))
    left, right = x0 - push, x1 + push
    while left > max(x0 - reach, 0) and ink[left]:
        left -= 1
    while right < min(x1 + reach, ink.size - 1) and ink[right]:
        right += 1
    padded = _pad(box)
    left_pt = left / scale if not ink[max(left, 0)] else padded[0]
    right_pt = right / scale if not ink[min(right, ink.size - 1)] else padded[2]
    margin = PAD_Y * height / scale
    return (left_pt - 1.0 / scale, box[1] - margin, right_pt + 1.0 / scale, box[3] + margin)


def _span_boxes(page: Page, identifiers: Sequence[Identifier]) -> list[list[BBox]]:
    """Boxes of every occurrence of each identifier in the page's spans, also across line ends."""
    chars: list[str] = []
    origin: list[tuple[int, int]] = []  # (span index, character index) of each folded character
    for s, span in enumerate(page.spans):
        for i, ch in enumerate(span.text):
            for part in fold(ch):
                chars.append(part)
                origin.append((s, i))
    text = "".join(chars)
    found: list[list[BBox]] = []
    for identifier in identifiers:
        needle = fold(identifier.text)
        boxes: list[BBox] = []
        start = text.find(needle) if needle else -1
        while start >= 0:
            pieces: dict[int, list[int]] = {}
            for s, i in origin[start : start + len(needle)]:
                pieces.setdefault(s, []).append(i)
            for s, indexes in pieces.items():
                boxes.append(_char_box(page.spans[s], min(indexes), max(indexes) + 1))
            start = text.find(needle, start + 1)
        found.append(boxes)
    return found


def _text_layer_boxes(case: CaseFile, page: Page, identifiers: Sequence[Identifier]) -> list[list[BBox]]:
    """Exact boxes from the PDF's own text (digital pages), per identifier: PyMuPDF finds the glyphs."""
    origin = Path(page.origin or case.source)
    if origin.suffix.lower() == ".docx":
        origin = cached_docx_pdf(origin)
    elif origin.suffix.lower() != ".pdf":
        return [[] for _ in identifiers]
    found: list[list[BBox]] = []
    with pymupdf.open(origin, filetype="pdf") as doc:
        pdf_page = doc[page.origin_page]
        for identifier in identifiers:
            boxes: list[BBox] = []
            for needle in {identifier.text, unicodedata.normalize("NFKC", identifier.text)}:
                for rect in pdf_page.search_for(needle):
                    shown = rect * pdf_page.rotation_matrix  # hits are unrotated; spans are as displayed
                    boxes.append((shown.x0 - 0.5, shown.y0 - 0.5, shown.x1 + 0.5, shown.y1 + 0.5))
            found.append(boxes)
    return found


def _overlaps(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def identifier_boxes(
    case: CaseFile, number: int, identifiers: Sequence[Identifier]
) -> list[tuple[BBox, bool]]:
    """Boxes (PDF points on the displayed page) to redact on page ``number``, each with True when it
    is exact.

    Text-layer pages use PyMuPDF's glyph boxes; occurrences it cannot see (a value wrapped over two
    lines) and OCR pages use boxes estimated within the span, to be widened on the image.
    """
    page = case.pages[number - 1]
    if page.source == TextSource.TEXT_LAYER:
        glyphs = _text_layer_boxes(case, page, identifiers)
    else:
        glyphs = [[] for _ in identifiers]
    boxes: list[tuple[BBox, bool]] = []
    for exact, estimated in zip(glyphs, _span_boxes(page, identifiers), strict=True):
        boxes.extend((b, True) for b in exact)
        boxes.extend((b, False) for b in estimated if not any(_overlaps(_pad(b), e) for e in exact))
    return boxes


def _grey(rgb: bytes, width: int, height: int) -> npt.NDArray[np.uint8]:
    """Darkest channel: red seal strokes count as ink too."""
    pixels: npt.NDArray[np.uint8] = np.frombuffer(rgb, dtype=np.uint8).reshape(height, width, 3)
    return np.asarray(pixels.min(axis=2), dtype=np.uint8)


def redact_pages(
    case: ReviewedCase,
    pages: Sequence[int],
    identifiers: Sequence[Identifier],
    out_pdf: Path,
    dpi: int = 110,
) -> Path:
    """A PDF of ``pages`` (1-based) as images with every identifier redacted; written atomically."""
    source = case.analysis.case
    tmp = out_pdf.with_name(f".{out_pdf.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with pymupdf.open() as out:
            for number in pages:
                rendered = render_page(source, number, dpi)
                width, height = rendered.width / rendered.scale, rendered.height / rendered.scale
                pdf_page = out.new_page(width=width, height=height)
                pixmap = pymupdf.Pixmap(pymupdf.csRGB, rendered.width, rendered.height, rendered.rgb, False)
                pdf_page.insert_image(pdf_page.rect, pixmap=pixmap)
                grey: npt.NDArray[np.uint8] | None = None
                for box, exact in identifier_boxes(source, number, identifiers):
                    if not exact:
                        grey = _grey(rendered.rgb, rendered.width, rendered.height) if grey is None else grey
                        box = snap_to_gaps(box, grey, rendered.scale)
                    pdf_page.add_redact_annot(pymupdf.Rect(box) & pdf_page.rect, fill=(0, 0, 0))
                pdf_page.apply_redactions(images=REDACT_PIXELS)
            out.save(tmp, garbage=4, deflate=True)
        tmp.replace(out_pdf)
    except CaseReviewError:
        tmp.unlink(missing_ok=True)
        raise
    except (OSError, RuntimeError, ValueError) as exc:
        tmp.unlink(missing_ok=True)
        raise CaseReviewError(ErrorCode.WRITE_FAILED, str(out_pdf), {"reason": str(exc)}) from exc
    return out_pdf


def page_images(pdf: Path, dpi: int = 110) -> list[bytes]:
    """PNG of each page of a redacted PDF, as it shows (black boxes where identifiers were)."""
    budget = Budget(pdf)
    with pymupdf.open(pdf, filetype="pdf") as doc:
        return [
            page.get_pixmap(dpi=_fitted(budget, page, dpi), colorspace=pymupdf.csRGB, alpha=False).tobytes(
                "png"
            )
            for page in doc
        ]


def _fitted(budget: Budget, page: pymupdf.Page, dpi: int) -> int:
    """``dpi``, or less for a page too large for the memory budget at it."""
    return int(budget.fit_dpi(page.rect.width, page.rect.height, dpi, min_dpi=1.0) or 1)
