"""What the viewer draws over a page: marks for findings, fields, search hits, each with a colour.

A mark is plain data in PDF points, so panels can build them without touching the scene.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QColor

from casereview.domain.model import BBox
from casereview_ui import palette

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
    MarkKind.FAIL: palette.FAIL,
    MarkKind.NEEDS_REVIEW: palette.NEEDS_REVIEW,
    MarkKind.PASS: palette.PASS,
    MarkKind.FIELD: palette.FIELD,
    MarkKind.MANUAL: palette.MANUAL,
    MarkKind.SEARCH: palette.SEARCH,
    MarkKind.CURRENT_SEARCH: palette.CURRENT_SEARCH,
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
