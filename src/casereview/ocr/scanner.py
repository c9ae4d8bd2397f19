"""The PageScanner the ingest stage uses: OCR pool + upright engine → spans in PDF points.

Spans of a scanned page are given in the upright, levelled page frame (what a reviewer reads):
``rotation`` says how the source image was turned and ``skew`` how much it was then levelled (about
its centre, same size), so a viewer shows the image turned and levelled the same way.
"""

from __future__ import annotations

import math
import statistics

import numpy as np

from casereview.domain.model import Span
from casereview.ingest.cells import crossing_lines, image_rulings, ink_mask
from casereview.ingest.ink import unread_ink
from casereview.ingest.raster import compose, level_matrix, quadrant_matrix
from casereview.ingest.scan import PageImage, ScanOutcome
from casereview.ingest.textlayer import sort_spans
from casereview.ocr.engine import OcrEngine, OcrLine, RapidOcrEngine
from casereview.ocr.service import OcrService
from casereview.ocr.upright import UprightEngine
from casereview.progress import CancelToken, Progress


class OcrScanner:
    def __init__(
        self, workers: int | None = None, engine: OcrEngine | None = None, cache: bool = True
    ) -> None:
        inner = engine or RapidOcrEngine()
        self.service = OcrService(UprightEngine(inner), workers=workers, cache=cache)

    def close(self) -> None:
        self.service.close()

    def __enter__(self) -> OcrScanner:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def scan(self, pages: list[PageImage], progress: Progress, cancel: CancelToken) -> list[ScanOutcome]:
        results = self.service.recognize_pages(pages, progress, cancel)
        return [outcome_of(page, lines) for page, lines in zip(pages, results, strict=True)]


def outcome_of(page: PageImage, lines: list[OcrLine]) -> ScanOutcome:
    """Rotation and skew read off the quads' text direction; boxes turned upright, in points."""
    if not lines:
        return ScanOutcome([], 0, 0.0, None)
    angles = [
        math.degrees(math.atan2(ln.quad[1][1] - ln.quad[0][1], ln.quad[1][0] - ln.quad[0][0]))
        for ln in lines
        if ln.bbox[2] - ln.bbox[0] > 0 or ln.bbox[3] - ln.bbox[1] > 0
    ]
    direction = statistics.median(angles) if angles else 0.0
    rotation = (-round(direction / 90.0) * 90) % 360  # text running down → the page lies at 90°
    residual = (direction + rotation + 180.0) % 360.0 - 180.0
    skew = round(-residual, 2) if abs(residual) < 45 else 0.0
    height, width = page.image.shape[:2]
    upright_w, upright_h = (height, width) if rotation in (90, 270) else (width, height)
    # Boxes go to the levelled upright page: rows are then horizontal, which the row grouping
    # of the analysis needs, and the viewer shows the page levelled the same way.
    matrix = compose(level_matrix(skew, upright_w, upright_h), quadrant_matrix(rotation, width, height))
    k = 72.0 / page.dpi
    spans: list[Span] = []
    for line in lines:
        pts = np.hstack([np.array(line.quad, dtype=np.float64), np.ones((4, 1))]) @ matrix.T
        x0, y0 = pts[:, 0].min() * k, pts[:, 1].min() * k
        x1, y1 = pts[:, 0].max() * k, pts[:, 1].max() * k
        spans.append(
            Span(line.text, (round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1)), line.confidence)
        )
    confidence = sum(ln.confidence for ln in lines) / len(lines)
    ink = ink_mask(page.image)  # thresholded once for the rulings and the unread ink
    rulings = image_rulings(ink, matrix, k)
    crossed = crossing_lines(spans, rulings)
    unread = unread_ink(ink, matrix, k, spans)
    return ScanOutcome(
        sort_spans(spans, rulings),
        rotation,
        skew,
        round(confidence, 4),
        cells_unread=crossed,
        unread_ink=unread,
    )
