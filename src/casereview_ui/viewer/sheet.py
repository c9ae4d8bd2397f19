"""The sheet of paper in the viewer's scene: a white page in PDF points with its rendered image.

Pages read from DOCX without LibreOffice have no image; their text lines are drawn at their boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from casereview.domain.model import Page, TextSource
from casereview_ui.viewer.cache import PageImage


class PageSheet(QGraphicsRectItem):
    def __init__(self) -> None:
        super().__init__()
        self.setBrush(QBrush(Qt.GlobalColor.white))
        self.setPen(QPen(QColor(60, 60, 60), 0))
        self._image = QGraphicsPixmapItem(self)
        self._image.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._extras: list[QGraphicsSimpleTextItem] = []
        self.setVisible(False)

    def set_page(self, page: Page) -> None:
        """A blank sheet of the page's size (the image arrives later from the renderer)."""
        self.clear()
        self.setRect(QRectF(0, 0, page.width, page.height))
        self.setVisible(True)
        if page.source == TextSource.DOCX_TEXT:
            for span in page.spans:
                x0, y0, _x1, y1 = span.bbox
                item = QGraphicsSimpleTextItem(span.text, self)
                font = QFont()
                font.setPixelSize(max(4, round((y1 - y0) * 0.8)))
                item.setFont(font)
                item.setPos(x0, y0)
                self._extras.append(item)

    def set_image(self, image: PageImage) -> None:
        self._image.setPixmap(QPixmap.fromImage(image.image))
        self._image.setScale(1.0 / image.scale)  # image pixels → points

    def clear(self) -> None:
        self._image.setPixmap(QPixmap())
        scene = self.scene()
        for item in self._extras:
            if scene is not None:
                scene.removeItem(item)  # also detaches it from the sheet
        self._extras.clear()
