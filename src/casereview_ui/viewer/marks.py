"""What the viewer draws over a page: marks for findings, fields, search hits, each with a colour.

A mark is plain data in PDF points, so panels can build them without touching the scene.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QColor

from casereview.domain.model import BBox

LOW_CONFIDENCE = 0.80  # OCR lines below this are marked on the page for the reviewer to check
WHOLE_PAGE: BBox = (0.0, 0.0, 0.0, 0.0)  # a mark about the page as a whole: a frame around it


class MarkKind(StrEnum):
    FAIL = "fail"
    NEEDS_REVIEW = "needs_review"
    PASS = "pass"
    FIELD = "field"
    MANUAL = "manual"
    SEARCH = "search"
    CURRENT_SEARCH = "current_search"


@dataclass(frozen=True)
class Mark:
    page: int  # 1-based
    bbox: BBox  # PDF points; WHOLE_PAGE frames the page
    kind: MarkKind
    tooltip: str = ""
    key: object = None  # the caller's handle (a finding id …), given back by PageView.mark_activated

    @property
    def whole_page(self) -> bool:
        return self.bbox == WHOLE_PAGE


# Edge colours; fills use the same hue, translucent (see fill_color).
_EDGES: dict[MarkKind, QColor] = {
    MarkKind.FAIL: QColor(214, 39, 40),
    MarkKind.NEEDS_REVIEW: QColor(240, 150, 0),
    MarkKind.PASS: QColor(44, 160, 44),
    MarkKind.FIELD: QColor(31, 119, 220),
    MarkKind.MANUAL: QColor(148, 80, 200),
    MarkKind.SEARCH: QColor(225, 190, 0),
    MarkKind.CURRENT_SEARCH: QColor(255, 110, 0),
}
_FILL_ALPHA: dict[MarkKind, int] = {MarkKind.SEARCH: 110, MarkKind.CURRENT_SEARCH: 120}
_Z: dict[MarkKind, float] = {MarkKind.SEARCH: 4.0, MarkKind.CURRENT_SEARCH: 5.0}


def mark_color(kind: MarkKind) -> QColor:
    """The opaque colour of a kind (also for panels that show the same status)."""
    return QColor(_EDGES[kind])


def fill_color(kind: MarkKind) -> QColor:
    color = mark_color(kind)
    color.setAlpha(_FILL_ALPHA.get(kind, 45))  # light enough to read the text underneath
    return color


def z_value(kind: MarkKind) -> float:
    """Search hits over findings so the reviewer always sees where the hit is."""
    return _Z.get(kind, 3.0)
