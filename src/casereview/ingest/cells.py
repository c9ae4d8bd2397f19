"""Table cells from a page's ruling lines, so that a form is read cell by cell.

Forms print a label in one cell and a value of several rows in the next; read by rows alone, a label
centred on a two-row value lands between the value's rows ("罚款人民币1 / 处理结果 / 2,000.00元") and
a tall 当事人 cell interleaves with the sub-rows beside it. The cell a text line sits in is the box of
the nearest ruling on each side that spans the line (left and right: verticals covering its middle
height; above and below: horizontals covering its middle width). That needs no grid model, so merged
and nested cells come out right. Lines in no cell (free text, a form filled over underlines) and
lines that cross a vertical ruling keep plain row order.

Rulings come from the page's drawings on digital pages and from the image on scans (long thin runs
of dark pixels kept by a morphological opening), in the same page coordinates as the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from casereview.domain.model import BBox, Span

Ruling = tuple[float, float, float, float]  # x0, y0, x1, y1: horizontal (y0 == y1) or vertical
MIN_LENGTH = 8.0  # points; shorter strokes are glyph parts or ticks, not rulings
THIN = 3.0  # a rectangle thinner than this is a drawn line
TOUCH = 2.5  # text may sit this close to (or over) the ruling that bounds its cell


def _segment(x0: float, y0: float, x1: float, y1: float) -> Ruling | None:
    if abs(y1 - y0) <= 1.5 and abs(x1 - x0) >= MIN_LENGTH:
        y = (y0 + y1) / 2
        return (min(x0, x1), y, max(x0, x1), y)
    if abs(x1 - x0) <= 1.5 and abs(y1 - y0) >= MIN_LENGTH:
        x = (x0 + x1) / 2
        return (x, min(y0, y1), x, max(y0, y1))
    return None


def _rect_rulings(x0: float, y0: float, x1: float, y1: float, stroked: bool) -> list[Ruling]:
    if y1 - y0 <= THIN:
        return [r for r in [_segment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2)] if r]
    if x1 - x0 <= THIN:
        return [r for r in [_segment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1)] if r]
    if not stroked:
        return []  # a filled area (shading, a photo's frame) bounds no cell
    edges = [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]
    return [r for r in (_segment(*e) for e in edges) if r]


def digital_rulings(page: Any) -> list[Ruling]:
    """Rulings drawn on a PyMuPDF page, in displayed (rotated) page coordinates."""
    out: list[Ruling] = []
    matrix = page.rotation_matrix if page.rotation else None
    for path in page.get_cdrawings():
        stroked = "s" in (path.get("type") or "")
        for item in path.get("items", ()):
            kind = item[0]
            if kind == "l":
                (ax, ay), (bx, by) = item[1], item[2]
                found = [r for r in [_segment(ax, ay, bx, by)] if r]
            elif kind == "re":
                x0, y0, x1, y1 = (float(v) for v in item[1])
                found = _rect_rulings(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), stroked)
            else:
                continue
            out.extend(found if matrix is None else _rotated(found, matrix))
    return out


def _rotated(rulings: list[Ruling], matrix: Any) -> list[Ruling]:
    import pymupdf  # only digital pages come here; the scan path needs no PDF library

    out: list[Ruling] = []
    for x0, y0, x1, y1 in rulings:
        a = pymupdf.Point(x0, y0) * matrix
        b = pymupdf.Point(x1, y1) * matrix
        seg = _segment(a.x, a.y, b.x, b.y)
        if seg:
            out.append(seg)
    return out


def ink_mask(image: np.ndarray) -> np.ndarray:
    """The dark pixels of a scanned page (255 = ink), from its red channel: black print and
    rulings stay dark while a red seal's ring and text vanish."""
    import cv2  # the OCR engine's dependency; imported here so digital-only use never loads it

    gray = np.ascontiguousarray(image if image.ndim == 2 else image[:, :, 0])
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 40)


def line_mask(ink: np.ndarray, horizontal: bool) -> tuple[np.ndarray, int]:
    """The ink of long horizontal (vertical) runs, and the run length that counts as long."""
    import cv2

    height, width = ink.shape
    length = max(24, (width if horizontal else height) // 30)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel), length


def image_rulings(ink: np.ndarray, matrix: np.ndarray, scale: float) -> list[Ruling]:
    """Rulings of a scanned page (``ink``: its ``ink_mask``): long horizontal and vertical runs.

    ``matrix`` (3×3) takes image pixels to the upright, levelled page the OCR boxes are in, and
    ``scale`` pixels to points. A slightly skewed line breaks into pieces; each piece is a ruling.
    """
    import cv2

    out: list[Ruling] = []
    for horizontal in (True, False):
        lines, length = line_mask(ink, horizontal)
        count, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
        for x, y, w, h, _area in stats[1:count]:
            if horizontal and (w < length or h > max(8, w // 20)):
                continue
            if not horizontal and (h < length or w > max(8, h // 20)):
                continue
            if horizontal:
                ends = [(x, y + h / 2), (x + w, y + h / 2)]
            else:
                ends = [(x + w / 2, y), (x + w / 2, y + h)]
            pts = np.hstack([np.array(ends, dtype=np.float64), np.ones((2, 1))]) @ matrix.T
            (ax, ay), (bx, by) = pts[0, :2] * scale, pts[1, :2] * scale
            # levelled, a piece of a skewed line is horizontal (vertical) again up to rounding
            if horizontal:
                seg = _segment(ax, (ay + by) / 2, bx, (ay + by) / 2)
            else:
                seg = _segment((ax + bx) / 2, ay, (ax + bx) / 2, by)
            if seg:
                out.append(seg)
    return out


def _across(span: Span, verticals: Sequence[Ruling]) -> list[float]:
    """The x of each vertical ruling spanning the line's middle height."""
    cy = (span.bbox[1] + span.bbox[3]) / 2
    return [v[0] for v in verticals if v[1] - TOUCH <= cy <= v[3] + TOUCH]


def _crosses(span: Span, across: Sequence[float]) -> bool:
    """The line runs over a cell border: a row of free text, or two cells read as one."""
    return any(span.bbox[0] + TOUCH < x < span.bbox[2] - TOUCH for x in across)


def _cell(span: Span, horizontals: Sequence[Ruling], verticals: Sequence[Ruling]) -> BBox | None:
    x0, y0, x1, y1 = span.bbox
    cx = (x0 + x1) / 2
    across = _across(span, verticals)
    if _crosses(span, across):
        return None
    lefts = [x for x in across if x <= x0 + TOUCH]
    rights = [x for x in across if x >= x1 - TOUCH]
    spanning = [h[1] for h in horizontals if h[0] - TOUCH <= cx <= h[2] + TOUCH]
    tops = [y for y in spanning if y <= y0 + TOUCH]
    bottoms = [y for y in spanning if y >= y1 - TOUCH]
    if not (lefts and rights and tops and bottoms):
        return None
    box = (max(lefts), max(tops), min(rights), min(bottoms))
    left, top, right, bottom = box
    # A real cell is closed: each side drawn along most of its length (a seal's ring, a tick or a
    # short stroke is no border of the box it happens to bound).
    sides_drawn = (
        _drawn(verticals, 0, left, top, bottom)
        and _drawn(verticals, 0, right, top, bottom)
        and _drawn(horizontals, 1, top, left, right)
        and _drawn(horizontals, 1, bottom, left, right)
    )
    return box if sides_drawn else None


CLOSED = 0.6  # share of a cell side that its rulings must cover


def _drawn(rulings: Sequence[Ruling], axis: int, at: float, lo: float, hi: float) -> bool:
    """Rulings at ``at`` (x for verticals, y for horizontals) cover most of [lo, hi]."""
    a, b = (1, 3) if axis == 0 else (0, 2)
    pieces = sorted((max(r[a], lo), min(r[b], hi)) for r in rulings if abs(r[axis] - at) <= TOUCH)
    covered, reach = 0.0, lo
    for start, end in pieces:
        if end > reach:
            covered += end - max(start, reach)
            reach = end
    return covered >= (hi - lo) * CLOSED


def crossing_lines(spans: Sequence[Span], rulings: Iterable[Ruling]) -> int:
    """Lines of a ruled table that run across one of its cell borders: the cells they belong to
    could not be rebuilt, so they are read in row order with whatever sits beside them."""
    rulings = list(rulings)
    horizontals = [r for r in rulings if r[1] == r[3]]
    verticals = [r for r in rulings if r[0] == r[2]]
    if len(horizontals) < 2 or len(verticals) < 2:
        return 0
    top = min(h[1] for h in horizontals)
    bottom = max(h[1] for h in horizontals)
    count = 0
    for span in spans:
        if not top < (span.bbox[1] + span.bbox[3]) / 2 < bottom:
            continue  # outside the table: free text above or below it
        count += _crosses(span, _across(span, verticals))
    return count


def cells_of(spans: Sequence[Span], rulings: Iterable[Ruling]) -> list[BBox | None]:
    """The cell box of each span (None when it is in no cell)."""
    rulings = list(rulings)
    horizontals = [r for r in rulings if r[1] == r[3]]
    verticals = [r for r in rulings if r[0] == r[2]] if horizontals else []
    if len(horizontals) < 2 or len(verticals) < 2:
        return [None] * len(spans)
    return _consistent([_cell(span, horizontals, verticals) for span in spans], spans)


def _inside(box: BBox, x: float, y: float) -> bool:
    return box[0] - TOUCH <= x <= box[2] + TOUCH and box[1] - TOUCH <= y <= box[3] + TOUCH


def _within(inner: BBox, outer: BBox) -> bool:
    return _inside(outer, inner[0], inner[1]) and _inside(outer, inner[2], inner[3])


def _consistent(cells: list[BBox | None], spans: Sequence[Span]) -> list[BBox | None]:
    """Cells that contradict the page are no cells: a real cell holds every line inside it, so a box
    with a line in it that belongs to no cell (or to a cell reaching out of it) was made of rulings
    that do not close it — a photographed sheet's edge against the desk, a header rule and a broken
    footer rule — and its lines keep plain row order like their neighbours."""
    centres = [((s.bbox[0] + s.bbox[2]) / 2, (s.bbox[1] + s.bbox[3]) / 2) for s in spans]
    for _ in range(4):  # dropping a box can leave lines of a larger one cell-less: settle it
        boxes = {c for c in cells if c is not None}
        bad = {
            box
            for box in boxes
            if any(
                _inside(box, x, y) and (cell is None or not _within(cell, box))
                for cell, (x, y) in zip(cells, centres, strict=True)
            )
        }
        if not bad:
            break
        cells = [None if c in bad else c for c in cells]
    return cells
