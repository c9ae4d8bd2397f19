"""Image-level helpers for page rasters: skew, rotation, box mapping, red seals, hashing, size limits.

Images are numpy arrays: RGB ``uint8`` H×W×3 or grey H×W. Angles follow OpenCV: positive is
counter-clockwise as seen on screen. Affine matrices are 2×3, mapping source → result pixels, with
continuous coordinates (pixel ``i`` spans ``[i, i+1)``) so boxes map without half-pixel drift.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image

from casereview.domain.model import BBox

Array = npt.NDArray[np.uint8]  # RGB H×W×3 or grey H×W
Matrix = npt.NDArray[np.float64]
Point = tuple[float, float]

MAX_IMAGE_PIXELS = 200_000_000  # ~ an A0 sheet at 400 dpi; anything larger is a decompression bomb
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS

_SKEW_WORK_SIDE = 1200  # skew is searched on a copy this size: lines stay ~15 px tall at 200 dpi
_SKEW_MAX_POINTS = 150_000


def image_too_large(width: int, height: int, limit: int = MAX_IMAGE_PIXELS) -> bool:
    return width * height > limit


def sha256_image(arr: Array) -> str:
    """SHA-256 of the raw pixel bytes (C order), the same as ``hashlib.sha256(arr.tobytes())``."""
    return hashlib.sha256(np.ascontiguousarray(arr).data.cast("B")).hexdigest()


def to_gray(image: Array) -> npt.NDArray[np.uint8]:
    if image.ndim == 2:
        return np.asarray(image, dtype=np.uint8)
    return np.asarray(cv2.cvtColor(np.asarray(image, dtype=np.uint8), cv2.COLOR_RGB2GRAY), dtype=np.uint8)


def downscale(image: Array, max_side: int) -> Array:
    """``image`` shrunk (area interpolation) so its longer side is at most ``max_side``."""
    scale = max_side / max(image.shape[:2])
    if scale >= 1.0:
        return image
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return np.asarray(small, dtype=np.uint8)


def estimate_skew(gray: Array, max_angle: float = 5.0) -> float:
    """Skew of the text lines in degrees (positive = rotated counter-clockwise), 0.0 if unsure.

    Projection-profile search: ink pixels projected across the text-line direction give the
    sharpest histogram (sum of squared bin counts) when the trial angle matches the lines.
    """
    gray = downscale(to_gray(gray), _SKEW_WORK_SIDE)
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    ys, xs = np.nonzero(ink)
    if len(ys) < 200 or len(ys) > 0.4 * ink.size:  # blank page, or a threshold that caught the paper
        return 0.0
    if len(ys) > _SKEW_MAX_POINTS:
        pick = np.random.default_rng(0).choice(len(ys), _SKEW_MAX_POINTS, replace=False)
        ys, xs = ys[pick], xs[pick]
    yf, xf = ys.astype(np.float64), xs.astype(np.float64)

    def sharpness(angle: float) -> float:
        t = math.radians(angle)
        proj = yf * math.cos(t) + xf * math.sin(t)
        counts = np.bincount((proj - proj.min()).astype(np.int64))
        return float(np.dot(counts, counts))

    best = max(np.arange(-max_angle, max_angle + 1e-9, 0.5), key=sharpness)
    best = max(np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05), key=sharpness)
    return round(float(best), 2) if abs(best) >= 0.05 else 0.0


def deskew(image: Array, angle: float) -> tuple[Array, Matrix]:
    """Rotate by ``-angle`` so the lines are level, growing the canvas so no part is cut off.

    Returns the new image and the 2×3 matrix original → deskewed; the border is white.
    """
    if abs(angle) < 0.01:
        return image, identity()
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), -angle, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = math.ceil(h * sin + w * cos), math.ceil(h * cos + w * sin)
    matrix[0, 2] += new_w / 2.0 - w / 2.0
    matrix[1, 2] += new_h / 2.0 - h / 2.0
    white = (255, 255, 255) if image.ndim == 3 else 255
    out = cv2.warpAffine(
        image,
        matrix,
        (new_w, new_h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=white,
    )
    return np.asarray(out, dtype=np.uint8), np.asarray(matrix, dtype=np.float64)


_ROTATE_CODES = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


def quadrant_matrix(rotation: int, width: float, height: float) -> Matrix:
    """Original → result matrix of a clockwise quarter-turn rotation of a ``width`` × ``height`` image."""
    rotation %= 360
    if rotation == 0:
        return identity()
    if rotation == 90:
        return np.array([[0.0, -1.0, height], [1.0, 0.0, 0.0]])
    if rotation == 180:
        return np.array([[-1.0, 0.0, width], [0.0, -1.0, height]])
    if rotation == 270:
        return np.array([[0.0, 1.0, 0.0], [-1.0, 0.0, width]])
    raise ValueError(f"rotation must be a multiple of 90, got {rotation}")


def level_matrix(skew: float, width: float, height: float) -> Matrix:
    """Matrix that levels a page tilted by ``skew`` degrees, turning about its centre (same size)."""
    if abs(skew) < 0.01:
        return identity()
    return np.asarray(cv2.getRotationMatrix2D((width / 2.0, height / 2.0), -skew, 1.0), dtype=np.float64)


def level(image: Array, skew: float) -> Array:
    """``image`` levelled as :func:`level_matrix` says: what a viewer shows of a scanned page.

    Unlike :func:`deskew` the canvas keeps its size (a few degrees only cut into the margins), so
    the page keeps its size in points and boxes on it stay simple to map back.
    """
    if abs(skew) < 0.01:
        return image
    h, w = image.shape[:2]
    white = (255, 255, 255) if image.ndim == 3 else 255
    out = cv2.warpAffine(image, level_matrix(skew, w, h), (w, h), flags=cv2.INTER_LINEAR, borderValue=white)
    return np.asarray(out, dtype=np.uint8)


def rotate_quadrant(image: Array, rotation: int) -> tuple[Array, Matrix]:
    """Rotate clockwise by ``rotation`` (0/90/180/270); returns the image and original → result matrix."""
    h, w = image.shape[:2]
    matrix = quadrant_matrix(rotation, w, h)
    rotation %= 360
    return (image if rotation == 0 else _rot(image, _ROTATE_CODES[rotation])), matrix


def _rot(image: Array, code: int) -> Array:
    return np.asarray(cv2.rotate(image, code), dtype=np.uint8)


def identity() -> Matrix:
    return np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])


def compose(second: Matrix, first: Matrix) -> Matrix:
    """The affine map applying ``first`` then ``second``."""
    a = np.vstack([second, [0.0, 0.0, 1.0]])
    b = np.vstack([first, [0.0, 0.0, 1.0]])
    return np.asarray((a @ b)[:2], dtype=np.float64)


def invert(matrix: Matrix) -> Matrix:
    return np.asarray(cv2.invertAffineTransform(matrix), dtype=np.float64)


def map_box_back(box: BBox | Sequence[Point], inverse: Matrix, dpi: float) -> BBox:
    """Map a box (``x0, y0, x1, y1`` or a quad of points) found on a transformed image back to the
    original image, then to PDF points: the axis-aligned bounds of the mapped corners × 72/dpi.

    ``inverse`` maps transformed → original pixels (``invert`` of the forward matrix).
    """
    if len(box) == 4 and not isinstance(box[0], Sequence | np.ndarray):
        x0, y0, x1, y1 = (float(v) for v in box)  # type: ignore[arg-type]
        corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    else:
        corners = [(float(p[0]), float(p[1])) for p in box]  # type: ignore[index]
    pts = np.hstack([np.array(corners), np.ones((len(corners), 1))]) @ np.asarray(inverse).T
    k = 72.0 / dpi
    return (
        float(pts[:, 0].min() * k),
        float(pts[:, 1].min() * k),
        float(pts[:, 0].max() * k),
        float(pts[:, 1].max() * k),
    )


def line_axis(boxes: Sequence[BBox]) -> str | None:
    """``"horizontal"`` or ``"vertical"`` by which way most text (weighted by length) runs; None if no boxes.

    Chinese documents are horizontal, so tall line boxes mean the page lies on its side.
    """
    wide = tall = 0.0
    for x0, y0, x1, y1 in boxes:
        w, h = x1 - x0, y1 - y0
        if w > 1.5 * h:
            wide += w
        elif h > 1.5 * w:
            tall += h
    if wide == tall == 0.0:
        return None
    return "vertical" if tall > wide else "horizontal"


# Red in OpenCV HSV (hue 0–180 wraps at red). Saturation ≥ 45 keeps faded scan red and pale
# semi-transparent digital stamps (238,192,192 → S 49); grey noise, even strong per-channel noise,
# only gives scattered pixels that never form a seal-sized component. Value ≥ 90 drops black text,
# whose dark pixels can have any hue.
_RED_LOW = ((0, 45, 90), (10, 255, 255))
_RED_HIGH = ((160, 45, 90), (180, 255, 255))
_SEAL_MIN_CM, _SEAL_MAX_CM = 2.2, 6.5  # official seals are 3.5–4.5 cm; a margin for scan scaling
_SEAL_MAX_ASPECT = 1.7  # round and oval seals, not red lines or a red title row
_SEAL_WORK_DPI = 72.0
_SEAL_MIN_RED = 0.06  # share of red pixels in the box: a ring with text has 15–40 %


def red_mask(rgb: Array) -> npt.NDArray[np.uint8]:
    hsv = cv2.cvtColor(np.asarray(rgb, dtype=np.uint8), cv2.COLOR_RGB2HSV)
    low = cv2.inRange(hsv, np.array(_RED_LOW[0]), np.array(_RED_LOW[1]))
    high = cv2.inRange(hsv, np.array(_RED_HIGH[0]), np.array(_RED_HIGH[1]))
    return np.asarray(cv2.bitwise_or(low, high), dtype=np.uint8)


def find_red_seals(rgb: Array, dpi: float) -> list[tuple[BBox, float]]:
    """Red seal candidates as (box in PDF points, share of red pixels in the box), top to bottom."""
    if dpi > _SEAL_WORK_DPI:  # averaging down evens out scan noise, and 1 pt precision is plenty
        long_side = max(rgb.shape[:2])
        rgb = downscale(rgb, round(long_side * _SEAL_WORK_DPI / dpi))
        dpi *= max(rgb.shape[:2]) / long_side
    mask = red_mask(rgb)
    px_per_cm = dpi / 2.54
    k = max(3, round(0.15 * px_per_cm) | 1)  # closing bridges ring gaps where black text overlaps
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    lo, hi = _SEAL_MIN_CM * px_per_cm, _SEAL_MAX_CM * px_per_cm
    scale = 72.0 / dpi
    found: list[tuple[BBox, float]] = []
    for i in range(1, count):
        x, y, w, h, _area = (int(v) for v in stats[i])
        if not (lo <= w <= hi and lo <= h <= hi) or max(w, h) > _SEAL_MAX_ASPECT * min(w, h):
            continue
        ratio = float(np.count_nonzero(mask[y : y + h, x : x + w])) / float(w * h)
        if ratio >= _SEAL_MIN_RED:
            x0, y0, x1, y1 = (round(v * scale, 1) for v in (x, y, x + w, y + h))
            found.append(((x0, y0, x1, y1), round(ratio, 3)))
    return sorted(found, key=lambda item: (item[0][1], item[0][0]))


def drop_seal_red(rgb: Array) -> Array:
    """A copy of ``rgb`` in which seals no longer hide the text under them (the decision date).

    Inside each seal-shaped region the red channel becomes the grey value of all three: red ink is
    as bright as paper in that channel, black text stays dark, and no halo is left (whitening the
    red pixels leaves ring outlines that OCR reads as strokes). Red header text elsewhere stays.
    The resolution is estimated from the width, case files being A4 portrait.
    """
    if rgb.ndim != 3:
        return rgb
    height, width = rgb.shape[:2]
    dpi = min(max(min(width, height) / 8.27, 100.0), 400.0)
    seals = find_red_seals(rgb, dpi)
    if not seals:
        return rgb
    out = rgb.copy()
    k = dpi / 72.0
    for (x0, y0, x1, y1), _ratio in seals:
        a, b = max(int(x0 * k) - 2, 0), min(int(x1 * k) + 2, width)
        c, d = max(int(y0 * k) - 2, 0), min(int(y1 * k) + 2, height)
        out[c:d, a:b] = out[c:d, a:b, :1]
    return out
