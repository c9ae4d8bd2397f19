"""Picking a region of the page with a rubber band (the reviewer's mark for a manual deduction).

The band is drawn in viewport pixels; its corners are mapped through the view transform (zoom and
rotation) into the sheet's coordinates, which are PDF points, then clipped to the page.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPolygonF
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsView, QRubberBand

from casereview.domain.model import BBox
from casereview_ui.viewer.marks import WHOLE_PAGE

MIN_REGION = 3.0  # points: a smaller drag is a click, meaning the whole page


def page_bbox(view: QGraphicsView, sheet: QGraphicsRectItem, start: QPoint, end: QPoint) -> BBox:
    """The band between two viewport positions as a bbox in page points, clipped and normalised."""
    corners = (start, QPoint(end.x(), start.y()), end, QPoint(start.x(), end.y()))
    polygon = QPolygonF([sheet.mapFromScene(view.mapToScene(corner)) for corner in corners])
    picked = polygon.boundingRect().intersected(sheet.rect())
    if picked.width() < MIN_REGION or picked.height() < MIN_REGION:
        return WHOLE_PAGE
    return (
        round(picked.left(), 1),
        round(picked.top(), 1),
        round(picked.right(), 1),
        round(picked.bottom(), 1),
    )


class RegionPicker:
    """The rubber-band state of one view; the view forwards its mouse events while picking."""

    def __init__(self, view: QGraphicsView) -> None:
        self._view = view
        self._band = QRubberBand(QRubberBand.Shape.Rectangle, view.viewport())
        self._origin: QPoint | None = None
        self.active = False

    def start(self) -> None:
        self.active = True
        self._origin = None
        self._view.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def stop(self) -> None:
        self.active = False
        self._origin = None
        self._band.hide()
        self._view.viewport().unsetCursor()

    def press(self, pos: QPoint) -> None:
        self._origin = pos
        self._band.setGeometry(QRect(pos, QSize()))
        self._band.show()

    def move(self, pos: QPoint) -> None:
        if self._origin is not None:
            self._band.setGeometry(QRect(self._origin, pos).normalized())

    def release(self, pos: QPoint) -> tuple[QPoint, QPoint] | None:
        """Where the drag started and ended in viewport pixels (None when no press started it)."""
        origin = self._origin
        if origin is None:
            return None
        self.stop()
        return origin, pos
