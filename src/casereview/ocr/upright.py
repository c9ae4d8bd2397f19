"""An engine wrapper that makes scans upright and level before recognising them.

It runs inside the OCR pool workers (so deskewing costs no time on the GUI side) and returns quads
mapped back to the ORIGINAL image pixels, point by point. The first-to-second point of a quad
therefore runs along the text: the scanner reads the page's rotation and skew off the quads.
"""

from __future__ import annotations

import numpy as np

from casereview.ingest.raster import (
    compose,
    deskew,
    drop_seal_red,
    estimate_skew,
    invert,
    line_axis,
    rotate_quadrant,
)
from casereview.ocr.engine import Image, OcrEngine, OcrLine
from casereview.ocr.orientation import detect_orientation

LOW_CONFIDENCE = 0.75  # below this mean, the page may be lying or upside down: check orientation
UPSIDE_DOWN_SHARE = 0.6
_CLS_LINES = 8  # longest lines sampled by the 0/180 classifier


class UprightEngine(OcrEngine):
    def __init__(self, inner: OcrEngine) -> None:
        self.inner = inner

    @property
    def name(self) -> str:
        return f"upright({self.inner.name})"

    @property
    def version(self) -> str:
        return f"upright-4/{self.inner.version}"  # bump when preprocessing changes: it keys the OCR cache

    def load(self) -> None:
        self.inner.load()

    def for_pool(self, workers: int) -> UprightEngine:
        return UprightEngine(self.inner.for_pool(workers))

    def recognize(self, image: Image) -> list[OcrLine]:
        image = drop_seal_red(image)
        lines = self._recognize_turned(image, 0)
        if not lines:
            return lines
        axis = line_axis([line.bbox for line in lines])
        mean = sum(line.confidence for line in lines) / len(lines)
        rotation = 0
        if axis == "vertical" or mean < LOW_CONFIDENCE:
            rotation = detect_orientation(image, self.inner)
        elif self._upside_down(image, lines):
            rotation = 180
        return lines if rotation == 0 else self._recognize_turned(image, rotation)

    def _recognize_turned(self, image: Image, rotation: int) -> list[OcrLine]:
        turned, to_turned = rotate_quadrant(image, rotation)
        level, to_level = deskew(turned, estimate_skew(turned))
        back = invert(compose(to_level, to_turned))
        out: list[OcrLine] = []
        for line in self.inner.recognize(level):
            pts = np.hstack([np.array(line.quad, dtype=np.float64), np.ones((4, 1))]) @ back.T
            out.append(OcrLine.make(line.text, pts.tolist(), line.confidence))
        return out

    def _upside_down(self, image: Image, lines: list[OcrLine]) -> bool:
        """Ask the classifier about the longest lines only: cheap, and upright pages are the rule."""
        longest = sorted(lines, key=lambda ln: -(ln.bbox[2] - ln.bbox[0]))[:_CLS_LINES]
        share = self.inner.upside_down_share(image, [ln.quad for ln in longest])
        return share is not None and share > UPSIDE_DOWN_SHARE
