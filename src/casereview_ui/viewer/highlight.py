"""Graphics items for marks: a translucent box (or a frame round the page) and the flashing box."""

from __future__ import annotations

import math

from PySide6.QtCore import QEasingCurve, QObject, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QBrush, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from casereview_ui.viewer.marks import Mark, fill_color, mark_color, z_value

FLASH_MS = 600
FRAME_GAP = 5.0  # points between the page edge and a whole-page frame


def bbox_rect(mark: Mark, page: QRectF) -> QRectF:
    """The mark's rectangle in page points (a whole-page mark frames the page just outside it)."""
    if mark.whole_page:
        return page.adjusted(-FRAME_GAP, -FRAME_GAP, FRAME_GAP, FRAME_GAP)
    x0, y0, x1, y1 = mark.bbox
    return QRectF(x0, y0, x1 - x0, y1 - y0).normalized()


class MarkItem(QGraphicsRectItem):
    """One mark on the sheet; pens are cosmetic so lines keep their width at every zoom."""

    def __init__(
        self, mark: Mark, page: QRectF, parent: QGraphicsItem | None = None, width: float = 1.5
    ) -> None:
        super().__init__(bbox_rect(mark, page), parent)
        self.mark = mark
        self.setBrush(QBrush(Qt.BrushStyle.NoBrush) if mark.whole_page else QBrush(fill_color(mark.kind)))
        self.set_pen_width(3.0 if mark.whole_page else width)
        self.setZValue(z_value(mark.kind))
        if mark.tooltip:
            self.setToolTip(mark.tooltip)

    def set_pen_width(self, width: float) -> None:
        pen = QPen(mark_color(self.mark.kind), width)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self.setPen(pen)


class FlashItem(MarkItem):
    """The box of the evidence the reviewer just asked for: thick, above everything, pulsing once."""

    REST_WIDTH = 3.0

    def __init__(self, mark: Mark, page: QRectF, parent: QGraphicsItem | None = None) -> None:
        super().__init__(mark, page, parent, self.REST_WIDTH)
        self.setZValue(10)
        self._animation: QVariantAnimation | None = None

    def animate(self, owner: QObject) -> QVariantAnimation:
        """Two blinks and a shrinking pen over FLASH_MS; the box stays at rest afterwards."""
        animation = QVariantAnimation(owner)
        animation.setStartValue(0.0)
        animation.setEndValue(1.0)
        animation.setDuration(FLASH_MS)
        animation.setEasingCurve(QEasingCurve.Type.Linear)
        animation.valueChanged.connect(self._step)
        animation.finished.connect(self._rest)
        self._animation = animation
        animation.start(QVariantAnimation.DeletionPolicy.DeleteWhenStopped)
        return animation

    @property
    def animating(self) -> bool:
        return self._animation is not None

    def stop(self) -> None:
        if self._animation is not None:
            animation, self._animation = self._animation, None
            animation.valueChanged.disconnect(self._step)
            animation.stop()  # deletes it (DeleteWhenStopped)
        self._rest()

    def _step(self, value: object) -> None:
        t = float(value) if isinstance(value, float | int) else 1.0
        self.set_pen_width(self.REST_WIDTH + 5.0 * (1.0 - t))
        self.setOpacity(0.35 + 0.65 * (0.5 + 0.5 * math.cos(4.0 * math.pi * t)))

    def _rest(self) -> None:
        self._animation = None
        self.set_pen_width(self.REST_WIDTH)
        self.setOpacity(1.0)
