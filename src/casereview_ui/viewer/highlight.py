"""The translucent box drawn over the evidence of a field on the page."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

HIGHLIGHT_FILL = QColor(255, 196, 0, 90)
HIGHLIGHT_EDGE = QColor(230, 110, 0)


class HighlightItem(QGraphicsRectItem):
    def __init__(self, rect: QRectF, text: str, parent: QGraphicsItem | None = None) -> None:
        super().__init__(rect, parent)
        self.setBrush(HIGHLIGHT_FILL)
        pen = QPen(HIGHLIGHT_EDGE, 1.5)
        pen.setCosmetic(True)  # the same line width at every zoom
        self.setPen(pen)
        self.setZValue(2)
        self.setToolTip(text)
