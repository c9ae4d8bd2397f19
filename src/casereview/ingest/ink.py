"""Ink the OCR engine read nothing from: where a scan's "empty" cell may hold a name after all.

On a scan, a value the reader did not find is no proof that the form left it blank: the engine
misses a short name in a small cell, under a watermark or beside a rule. A rule that would fail on
such an absence asks whether there is unread ink beside the label first (``DocText.ink_beside``).

Ink is the dark part of the red channel (so red seals vanish, as for rulings), with the rulings
removed, smeared into word-sized blobs; a blob that no OCR box overlaps and that has the height of
a line of text is unread ink. Watermarks are too light for the threshold; the desk around a
photographed sheet and seal rings are too large to pass as a line of text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from casereview.domain.model import BBox, Span
from casereview.ingest.cells import line_mask

MAX_BOXES = 60  # a page with more unread ink than this is unreadable anyway (readable() says so)
TEXT_HEIGHT = (5.0, 30.0)  # points: from a small footnote to a large title
MIN_WIDTH = 5.0  # points: about one character
MARGIN = 1.5  # points: a blob touching an OCR box this close was read with it


def unread_ink(ink: np.ndarray, matrix: np.ndarray, scale: float, spans: Sequence[Span]) -> list[BBox]:
    """Boxes (page points, levelled upright frame like ``spans``) of text-sized ink no span covers.

    ``ink`` is the page's ``ingest.cells.ink_mask``; ``matrix`` (3×3) takes image pixels to the
    levelled upright page in pixels and ``scale`` pixels to points, as in ``image_rulings``.
    """
    import cv2  # the OCR engine's dependency; only scans come here

    for horizontal in (True, False):  # the rulings, as image_rulings finds them, are no text
        lines, _ = line_mask(ink, horizontal)
        ink = cv2.subtract(ink, cv2.dilate(lines, np.ones((3, 3), np.uint8)))
    ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))  # speckle
    # Characters of one word into one blob: a gap of about half a character closes.
    px_per_pt = 1.0 / scale
    smear = max(3, round(4.0 * px_per_pt))
    words = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (smear, max(1, smear // 3))))
    count, _, stats, _ = cv2.connectedComponentsWithStats(words, connectivity=8)
    out: list[BBox] = []
    for x, y, w, h, _area in stats[1:count]:
        corners = np.array([[x, y, 1.0], [x + w, y, 1.0], [x, y + h, 1.0], [x + w, y + h, 1.0]]) @ matrix.T
        x0, y0 = corners[:, 0].min() * scale, corners[:, 1].min() * scale
        x1, y1 = corners[:, 0].max() * scale, corners[:, 1].max() * scale
        if not TEXT_HEIGHT[0] <= y1 - y0 <= TEXT_HEIGHT[1] or x1 - x0 < max(MIN_WIDTH, (y1 - y0) * 0.5):
            continue  # a piece of a skewed ruling is tall and thin; a word is not
        box = (round(float(x0), 1), round(float(y0), 1), round(float(x1), 1), round(float(y1), 1))
        if not any(_overlaps(box, span.bbox) for span in spans):
            out.append(box)
            if len(out) > MAX_BOXES:
                break
    return out


def _overlaps(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] + MARGIN and b[0] - MARGIN < a[2] and a[1] < b[3] + MARGIN and b[1] - MARGIN < a[3]
