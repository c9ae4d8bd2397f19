"""One page of a case file at a time: rendered in a worker, zoomable, with evidence highlights.

Scene coordinates are PDF points (the core's box unit); the rendered image is scaled down by its
pixels-per-point, so a highlight is drawn at the evidence bbox as is and zoom is the view transform.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)
from typing_extensions import override

from casereview.domain.model import CaseFile, Evidence
from casereview_ui.labels import page_indicator
from casereview_ui.viewer.cache import CacheKey, PageImage, PageImageCache
from casereview_ui.viewer.highlight import HighlightItem
from casereview_ui.viewer.rendering import render_job
from casereview_ui.viewer.sheet import PageSheet
from casereview_ui.workers import TaskRunner

log = logging.getLogger(__name__)

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
DPI_BUCKETS = (72, 100, 150, 200, 300)
MARGIN = 12.0  # points of grey around the sheet


class FitMode(Enum):
    NONE = "none"
    WIDTH = "width"
    PAGE = "page"


class PageView(QGraphicsView):
    page_changed = Signal(int, int)  # current page (1-based, 0 when empty), page count
    zoom_changed = Signal(float)  # 1.0 = actual size

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._cache = PageImageCache()
        self._case: CaseFile | None = None
        self._password: str | None = None
        self._page = 0
        self._zoom = 1.0
        self._fit = FitMode.WIDTH
        self._shown_key: CacheKey | None = None
        self._highlight: HighlightItem | None = None
        self._setup_scene()
        self.set_case(None)

    def _setup_scene(self) -> None:
        scene = QGraphicsScene(self)
        self.setScene(scene)
        self.setBackgroundBrush(QColor(96, 99, 104))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._sheet = PageSheet()
        scene.addItem(self._sheet)
        self._message = QGraphicsSimpleTextItem()
        self._message.setBrush(QColor(235, 235, 235))
        scene.addItem(self._message)

    # -- state -------------------------------------------------------------------------------------
    @property
    def current_page(self) -> int:
        return self._page

    @property
    def page_count(self) -> int:
        return self._case.page_count if self._case is not None else 0

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def fit_mode(self) -> FitMode:
        return self._fit

    @property
    def highlight_item(self) -> HighlightItem | None:
        return self._highlight

    @property
    def shown_key(self) -> CacheKey | None:
        """The (sha, page, dpi) of the image on screen; None while the page is being rendered."""
        return self._shown_key

    def page_text(self) -> str:
        return page_indicator(self._page, self.page_count)

    def set_case(self, case: CaseFile | None, password: str | None = None, page: int = 1) -> None:
        self._runner.discard(self._kind)
        self._case, self._password, self._page = case, password, 0
        if case is None or not case.pages:
            self.show_message(self.tr("尚未打开案卷。\n\n请使用“文件 → 打开案卷…”（Ctrl+O）。"))
            return
        self._message.setVisible(False)
        self.show_page(page)

    def show_message(self, text: str) -> None:
        """No page: a line of text instead (nothing open, still reading, could not read)."""
        self._runner.discard(self._kind)
        self._case, self._page = None, 0
        self._clear_page()
        self._sheet.setVisible(False)
        self._message.setText(text)
        self._message.setVisible(True)
        self.resetTransform()
        self.scene().setSceneRect(self._message.boundingRect().adjusted(-20, -40, 20, 40))
        self.page_changed.emit(0, 0)

    @property
    def message(self) -> str:
        return self._message.text() if self._message.isVisible() else ""

    # -- navigation ------------------------------------------------------------------------------
    def show_page(self, number: int) -> bool:
        if self._case is None or not 1 <= number <= self._case.page_count:
            return False
        if number != self._page:
            self._page = number
            self._clear_page()
            page = self._case.pages[number - 1]
            self._sheet.set_page(page)
            self.scene().setSceneRect(self._sheet.rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
            self._apply_zoom()
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
            self.page_changed.emit(number, self._case.page_count)
        return True

    def next_page(self) -> bool:
        return self.show_page(self._page + 1)

    def previous_page(self) -> bool:
        return self.show_page(self._page - 1)

    # -- zoom ------------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        self._fit = FitMode.NONE
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._apply_zoom()

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        self._fit = FitMode.WIDTH
        self._apply_zoom()

    def fit_page(self) -> None:
        self._fit = FitMode.PAGE
        self._apply_zoom()

    def _base_scale(self) -> float:
        return self.logicalDpiX() / 72.0

    def _apply_zoom(self) -> None:
        rect = self._sheet.rect()
        if self._fit != FitMode.NONE and rect.width() > 0 and self.viewport().width() > 50:
            view = self.viewport().size()
            scale = (view.width() - 2) / (rect.width() + 2 * MARGIN)  # the margin is in points too
            if self._fit == FitMode.PAGE:
                scale = min(scale, (view.height() - 2) / (rect.height() + 2 * MARGIN))
            self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, scale / self._base_scale()))
        scale = self._zoom * self._base_scale()
        self.resetTransform()
        self.scale(scale, scale)
        self.zoom_changed.emit(self._zoom)
        self._request_render()

    def _wanted_dpi(self) -> int:
        needed = 72.0 * self._zoom * self._base_scale() * self.devicePixelRatioF()
        return next((dpi for dpi in DPI_BUCKETS if dpi >= needed * 0.9), DPI_BUCKETS[-1])

    # -- rendering -------------------------------------------------------------------------------
    @property
    def _kind(self) -> str:
        return f"render:{id(self)}"

    def _request_render(self) -> None:
        if self._case is None or self._page < 1:
            return
        key: CacheKey = (self._case.sha256, self._page, self._wanted_dpi())
        if key == self._shown_key:
            return
        cached = self._cache.get(key)
        if cached is not None:
            self._show_image(key, cached)
            return
        self._runner.run_task(
            render_job(self._case, self._page, key[2], self._password),
            on_done=lambda image: self._rendered(key, image),
            on_error=lambda error: log.warning("page %s not rendered: %s", key[1], error),
            kind=self._kind,
        )

    def _rendered(self, key: CacheKey, image: PageImage) -> None:
        self._cache.put(key, image)
        if self._case is not None and key[:2] == (self._case.sha256, self._page):
            self._show_image(key, image)

    def _show_image(self, key: CacheKey, image: PageImage) -> None:
        self._sheet.set_image(image)
        self._shown_key = key

    def _clear_page(self) -> None:
        self.clear_highlight()
        self._sheet.clear()
        self._shown_key = None

    # -- highlights ------------------------------------------------------------------------------
    def highlight(self, evidence: Evidence) -> bool:
        """Go to the evidence's page, draw a translucent box over it and scroll it into view."""
        if not self.show_page(evidence.page):
            return False
        self.clear_highlight()
        x0, y0, x1, y1 = evidence.bbox
        rect = QRectF(x0, y0, x1 - x0, y1 - y0).adjusted(-2, -2, 2, 2)  # points, like the scene
        item = HighlightItem(rect, evidence.text, self._sheet)
        self._highlight = item
        self.ensureVisible(item, 40, 60)
        return True

    def clear_highlight(self) -> None:
        if self._highlight is not None:
            self.scene().removeItem(self._highlight)
            self._highlight = None

    # -- events ----------------------------------------------------------------------------------
    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit != FitMode.NONE:
            self._apply_zoom()

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if steps:
                self.set_zoom(self._zoom * ZOOM_STEP**steps)
            event.accept()
            return
        bar = self.verticalScrollBar()
        if steps < 0 and bar.value() >= bar.maximum() and self.next_page():
            event.accept()
        elif steps > 0 and bar.value() <= bar.minimum() and self.previous_page():
            bar.setValue(bar.maximum())
            event.accept()
        else:
            super().wheelEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        actions: dict[int, Callable[[], object]] = {
            Qt.Key.Key_PageDown: self.next_page,
            Qt.Key.Key_PageUp: self.previous_page,
            Qt.Key.Key_Home: lambda: self.show_page(1),
            Qt.Key.Key_End: lambda: self.show_page(self.page_count),
            Qt.Key.Key_Plus: self.zoom_in,
            Qt.Key.Key_Equal: self.zoom_in,
            Qt.Key.Key_Minus: self.zoom_out,
        }
        action = actions.get(event.key())
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()
