"""The recognised text over the page image, and the marks on doubtful OCR lines.

The text overlay lets the reviewer compare what the machine read with the scan; low-confidence lines
are always outlined on OCR pages, because a wrong date or amount there can fail a check.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from casereview.domain.model import Page, Span, TextSource
from casereview_ui.viewer.marks import LOW_CONFIDENCE

OVERLAY_BACKGROUND = QColor(255, 255, 255, 228)  # the scan shows through, faintly
OVERLAY_TEXT = QColor(20, 30, 60)
DOUBT_EDGE = QColor(235, 120, 0)
OVERLAY_SOURCES = (TextSource.OCR, TextSource.TEXT_LAYER)


def _rect(span: Span) -> QRectF:
    x0, y0, x1, y1 = span.bbox
    return QRectF(x0, y0, x1 - x0, y1 - y0).normalized()


class SpanTextItem(QGraphicsRectItem):
    """A span's text on a white box of the span's size, the text squeezed to fit the box."""

    def __init__(self, span: Span, font: QFont, parent: QGraphicsItem | None = None) -> None:
        rect = _rect(span)
        super().__init__(rect, parent)
        self.span = span
        self.setBrush(QBrush(OVERLAY_BACKGROUND))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setZValue(1)
        sized = QFont(font)
        sized.setPixelSize(max(1, round(rect.height())))  # scene units are points
        text = QGraphicsSimpleTextItem(span.text, self)
        text.setFont(sized)
        text.setBrush(OVERLAY_TEXT)
        natural = text.boundingRect()  # the line height: taller than the glyphs (CJK fonts' leading)
        if natural.width() > 0 and natural.height() > 0:
            scale = rect.height() / natural.height()
            # Across the box's width, so each glyph sits over its twin in the image (no ghosts
            # beside a short line), but never distorted past a plausible letter shape.
            stretch = max(0.5 * scale, min(1.5 * scale, rect.width() / natural.width()))
            text.setTransform(QTransform.fromScale(min(stretch, rect.width() / natural.width()), scale))
        text.setPos(rect.topLeft())
        self.text_item = text


class DoubtItem(QGraphicsRectItem):
    """A dotted orange outline on an OCR line the engine was unsure of."""

    def __init__(self, span: Span, parent: QGraphicsItem | None = None) -> None:
        super().__init__(_rect(span).adjusted(-1, -1, 1, 1), parent)
        self.span = span
        pen = QPen(DOUBT_EDGE, 1.5, Qt.PenStyle.DotLine)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self.setZValue(2)
        percent = round(span.confidence * 100)
        self.setToolTip(QCoreApplication.translate("PageView", "识别置信度 {0}%").format(percent))


def text_overlay(page: Page, font: QFont, parent: QGraphicsItem) -> list[QGraphicsItem]:
    """Items for every non-empty span of an OCR or text-layer page (none for other pages)."""
    if page.source not in OVERLAY_SOURCES:
        return []
    return [SpanTextItem(span, font, parent) for span in page.spans if span.text.strip()]


def doubtful_spans(page: Page) -> list[Span]:
    if page.source != TextSource.OCR:
        return []
    return [span for span in page.spans if span.confidence < LOW_CONFIDENCE and span.text.strip()]


def doubt_marks(page: Page, parent: QGraphicsItem) -> list[QGraphicsItem]:
    return [DoubtItem(span, parent) for span in doubtful_spans(page)]
