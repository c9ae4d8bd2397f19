"""Page orientation (0/90/180/270) of a scan, decided with the OCR engine's own models."""

from __future__ import annotations

from casereview.ingest.raster import downscale, line_axis, rotate_quadrant
from casereview.ocr.engine import Image, OcrEngine

ORIENTATION_SIDE = 1280  # a downscaled copy is plenty for line boxes and the 0/180 classifier


def detect_orientation(image: Image, engine: OcrEngine, max_side: int = ORIENTATION_SIDE) -> int:
    """Clockwise rotation (0, 90, 180 or 270) that makes the page upright; 0 when unsure.

    Line boxes tell lying pages (tall lines) from standing ones; the engine's upside-down
    classifier then tells 0 from 180 on the page turned so that its lines run across.
    """
    small = downscale(image, max_side)
    boxes = [
        (min(p[0] for p in q), min(p[1] for p in q), max(p[0] for p in q), max(p[1] for p in q))
        for q in engine.detect(small)
    ]
    axis = line_axis(boxes)
    if axis is None:
        return 0
    base = 90 if axis == "vertical" else 0
    turned, _ = rotate_quadrant(small, base)
    share = engine.upside_down_share(turned)
    if share is not None and share > 0.6:  # a clear majority: single glyphs are ambiguous
        base += 180
    return base % 360
