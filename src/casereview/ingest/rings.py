"""Seals on black-and-white scans: round rings, found by shape where no colour is left.

A grey scan turns every red seal grey, so the colour test of ``raster.find_red_seals`` sees none and
S-01 could only ask a person about every document. An official seal is a closed ring 3.5–4.5 cm
across; a Hough circle of that size whose circumference is inked almost all the way round is one.
Circles the transform proposes through dense text or a table touch ink on half to three quarters
of their circumference at most, so a near-full ring is the test, not the circle itself.
"""

from __future__ import annotations

import cv2
import numpy as np

from casereview.domain.model import BBox
from casereview.ingest.raster import Array, downscale, to_gray

_WORK_DPI = 60.0  # a seal ring is still ~35 px across in radius; memory stays a fraction of the page's
_MAX_WORK_SIDE = 1500  # pixels at _WORK_DPI (63 cm): larger pages are no case-file sheets
_RADIUS_CM = (1.5, 2.6)  # 3.0–5.2 cm across: official round seals with a margin for scan scaling
_INK = 170  # grey level below which a pixel is ink
_RING_COVER = 0.9  # share of the circumference with ink within a few pixels of the circle
# A pale ring (a light seal pad, a bright scan) is ink only at a lighter level, where text crowds in
# too: circles through text then reach 0.95 of their circumference, a seal's ring closes all round.
_PALE_INK, _PALE_COVER = 210, 0.98
_ANGLES = np.linspace(0.0, 2.0 * np.pi, 180, endpoint=False)
_COLOUR_SPREAD = 40  # channel spread (max − min) of a coloured pixel
_COLOUR_SHARE = 0.0005  # below this share of coloured pixels a page is black and white


def is_monochrome(image: Array) -> bool:
    """No colour on the page: a grey scan (or a colour scan of a page with no colour at all)."""
    if image.ndim == 2 or int(image.shape[2]) == 1:
        return True
    small = np.asarray(downscale(image, 600), dtype=np.int16)
    spread = small.max(axis=2) - small.min(axis=2)
    coloured = float(np.count_nonzero(spread > _COLOUR_SPREAD)) / float(spread.size)
    return coloured < _COLOUR_SHARE


def _cover(ink: np.ndarray, x: float, y: float, r: float) -> float:
    h, w = ink.shape
    hits = np.zeros(len(_ANGLES), dtype=bool)
    for dr in range(-3, 4):
        xs = np.rint(x + (r + dr) * np.cos(_ANGLES)).astype(int)
        ys = np.rint(y + (r + dr) * np.sin(_ANGLES)).astype(int)
        inside = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
        hits[inside] |= ink[ys[inside], xs[inside]]
    return float(hits.mean())


def find_ring_seals(image: Array, dpi: float) -> list[tuple[BBox, float]]:
    """Ring seals as (box in PDF points, share of the ring inked), top to bottom."""
    # Shrink before anything else: a full-size grey copy of a huge page would break the memory budget.
    long_side = max(image.shape[:2])
    if dpi > _WORK_DPI:
        image = downscale(image, round(long_side * _WORK_DPI / dpi))
        dpi *= max(image.shape[:2]) / long_side
    if max(image.shape[:2]) > _MAX_WORK_SIDE:
        return []
    gray = to_gray(image)
    px_per_cm = dpi / 2.54
    low, high = (round(v * px_per_cm) for v in _RADIUS_CM)
    circles = cv2.HoughCircles(
        cv2.GaussianBlur(gray, (5, 5), 0),
        cv2.HOUGH_GRADIENT,
        dp=1.2,
        minDist=low * 2,
        param1=80,
        param2=25,
        minRadius=low,
        maxRadius=high,
    )
    if circles is None:
        return []
    ink, pale = gray < _INK, gray < _PALE_INK
    scale = 72.0 / dpi
    found: list[tuple[BBox, float]] = []
    for x, y, r in circles[0]:
        cover = _cover(ink, float(x), float(y), float(r))
        if cover < _RING_COVER and _cover(pale, float(x), float(y), float(r)) >= _PALE_COVER:
            cover = _PALE_COVER
        if cover >= _RING_COVER:
            box = tuple(round(float(v) * scale, 1) for v in (x - r, y - r, x + r, y + r))
            found.append(((box[0], box[1], box[2], box[3]), round(cover, 3)))
    return sorted(found, key=lambda item: (item[0][1], item[0][0]))
