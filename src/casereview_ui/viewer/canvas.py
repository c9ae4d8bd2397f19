"""The page canvas under the viewer: one page of a case file at a time, rendered in a worker,
zoomable and rotatable, with the region picker of 人工扣分. :class:`~casereview_ui.viewer.pageview.PageView`
adds the marks, flashes, search hits, the OCR text and the mouse and keys.

Scene coordinates are PDF points (the core's box unit); the rendered image is scaled down by its
pixels-per-point, so marks are drawn at their bboxes as they are, and zoom and rotation are only the
view transform. Everything drawn over the page is a child of the sheet, so it follows the page.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from casereview.domain.model import CaseFile
from casereview_ui.labels import page_indicator
from casereview_ui.viewer.cache import CacheKey, PageImage, PageImageCache
from casereview_ui.viewer.highlight import FlashItem
from casereview_ui.viewer.layers import SheetLayers
from casereview_ui.viewer.picking import RegionPicker
from casereview_ui.viewer.renderer import PageRenderer
from casereview_ui.viewer.sheet import PageSheet
from casereview_ui.workers import TaskRunner

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
DPI_BUCKETS = (72, 100, 150, 200, 300)
MARGIN = 12.0  # points of grey around the sheet
SCREEN_STEP = 0.9  # Space scrolls this share of the viewport, keeping a line of context


class FitMode(Enum):
    NONE = "none"
    WIDTH = "width"
    PAGE = "page"


class PageCanvas(QGraphicsView):
    page_changed = Signal(int, int)  # current page (1-based, 0 when empty), page count
    zoom_changed = Signal(float)  # 1.0 = actual size
    rotation_changed = Signal(int)  # degrees clockwise: 0, 90, 180, 270
    case_changed = Signal()  # another case (or none) is shown: marks and search hits were dropped
    region_picked = Signal(int, object)  # page, bbox in page points (WHOLE_PAGE for a click)
    region_pick_cancelled = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = PageRenderer(runner, id(self), self._rendered)
        self._case: CaseFile | None = None
        self._password: str | None = None
        self._page = 0
        self._zoom = 1.0
        self._fit = FitMode.WIDTH
        self._rotation = 0
        self._rotations: dict[str, int] = {}  # case sha256 → rotation, kept while switching cases
        self._shown_key: CacheKey | None = None
        self._picker = RegionPicker(self)
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
        self._layers = SheetLayers(self._sheet)
        self._message = QGraphicsSimpleTextItem()
        self._message.setBrush(QColor(235, 235, 235))
        scene.addItem(self._message)

    # -- state -------------------------------------------------------------------------------------
    @property
    def case(self) -> CaseFile | None:
        return self._case

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
    def rotation(self) -> int:
        return self._rotation

    @property
    def cache(self) -> PageImageCache:
        return self._renderer.cache

    @property
    def highlight_item(self) -> FlashItem | None:
        """The box of the last flash/highlight (on the shown page), if any."""
        return self._layers.flash

    @property
    def shown_key(self) -> CacheKey | None:
        """The (sha, page, dpi) of the image on screen; None while the page is being rendered."""
        return self._shown_key

    def page_text(self) -> str:
        return page_indicator(self._page, self.page_count)

    def set_case(self, case: CaseFile | None, password: str | None = None, page: int = 1) -> None:
        """Show ``case`` at ``page``; marks and search hits belong to a case and go with another one."""
        if case is None or not case.pages:
            self.show_message(self.tr("尚未打开案卷。\n\n请使用“文件 → 打开案卷…”（Ctrl+O）。"))
            return
        self._switch_case(case, password)
        self._message.setVisible(False)
        self.show_page(page)

    def show_message(self, text: str) -> None:
        """No page: a line of text instead (nothing open, still reading, could not read)."""
        self._switch_case(None, None)
        self._sheet.setVisible(False)
        self._message.setText(text)
        self._message.setVisible(True)
        self.resetTransform()
        self.scene().setSceneRect(self._message.boundingRect().adjusted(-20, -40, 20, 40))
        self.page_changed.emit(0, 0)

    @property
    def message(self) -> str:
        return self._message.text() if self._message.isVisible() else ""

    def _switch_case(self, case: CaseFile | None, password: str | None) -> None:
        self.cancel_region_pick()
        self._renderer.set_case(case, password)
        self._clear_page()
        same = case is not None and self._case is not None and case.sha256 == self._case.sha256
        self._case, self._password, self._page = case, password, 0
        self._rotation = self._rotations.get(case.sha256, 0) if case is not None else 0
        if not same:
            self._layers.marks, self._layers.search_marks = [], []
            self.case_changed.emit()

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
            self._layers.show(page, self.font())
            self._apply_zoom()
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
            self.page_changed.emit(number, self._case.page_count)
        return True

    def next_page(self) -> bool:
        return self.show_page(self._page + 1)

    def previous_page(self) -> bool:
        return self.show_page(self._page - 1)

    def scroll_screen(self, forward: bool = True) -> bool:
        """Space / Shift+Space: a viewport further, flipping the page at its end."""
        bar = self.verticalScrollBar()
        step = max(1, round(self.viewport().height() * SCREEN_STEP))
        if forward:
            if bar.value() >= bar.maximum():
                return self.next_page()
            bar.setValue(bar.value() + step)
        else:
            if bar.value() <= bar.minimum():
                if not self.previous_page():
                    return False
                bar.setValue(bar.maximum())
                return True
            bar.setValue(bar.value() - step)
        return True

    # -- zoom and rotation -----------------------------------------------------------------------
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

    def rotate_left(self) -> None:
        self._set_rotation(self._rotation - 90)

    def rotate_right(self) -> None:
        self._set_rotation(self._rotation + 90)

    def _set_rotation(self, degrees: int) -> None:
        self._rotation = degrees % 360
        if self._case is not None:
            self._rotations[self._case.sha256] = self._rotation
        self._apply_zoom()
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self.rotation_changed.emit(self._rotation)

    def _base_scale(self) -> float:
        return self.logicalDpiX() / 72.0

    def _apply_zoom(self) -> None:
        rect = self._sheet.rect()
        width, height = rect.width(), rect.height()
        if self._rotation in (90, 270):
            width, height = height, width  # fitting is about the page as it appears
        if self._fit != FitMode.NONE and width > 0 and self.viewport().width() > 50:
            view = self.viewport().size()
            scale = (view.width() - 2) / (width + 2 * MARGIN)  # the margin is in points too
            if self._fit == FitMode.PAGE:
                scale = min(scale, (view.height() - 2) / (height + 2 * MARGIN))
            self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, scale / self._base_scale()))
        scale = self._zoom * self._base_scale()
        self.resetTransform()
        self.scale(scale, scale)
        self.rotate(self._rotation)
        self.zoom_changed.emit(self._zoom)
        self._request_render()

    def _wanted_dpi(self) -> int:
        needed = 72.0 * self._zoom * self._base_scale() * self.devicePixelRatioF()
        return next((dpi for dpi in DPI_BUCKETS if dpi >= needed * 0.9), DPI_BUCKETS[-1])

    # -- rendering -------------------------------------------------------------------------------
    def _wanted_key(self) -> CacheKey | None:
        if self._case is None or self._page < 1:
            return None
        return (self._case.sha256, self._page, self._wanted_dpi())

    def is_cached(self, page: int) -> bool:
        """Whether ``page`` at the current zoom's dpi would be shown without waiting for a render."""
        if self._case is None:
            return False
        return (self._case.sha256, page, self._wanted_dpi()) in self._renderer.cache

    def _request_render(self) -> None:
        key = self._wanted_key()
        if key is None or key == self._shown_key:
            return
        image = self._renderer.request(key)  # a cached page is set here, without a worker round trip
        if image is not None:
            self._show_image(key, image)

    def _rendered(self, key: CacheKey, image: PageImage) -> None:
        wanted = self._wanted_key()
        if key == wanted or (self._shown_key is None and wanted is not None and key[:2] == wanted[:2]):
            self._show_image(key, image)  # another dpi is better than a blank sheet meanwhile

    def _show_image(self, key: CacheKey, image: PageImage) -> None:
        self._sheet.set_image(image)
        self._shown_key = key
        if key == self._wanted_key():
            self._prefetch_neighbours(key)

    def _prefetch_neighbours(self, key: CacheKey) -> None:
        sha, page, dpi = key
        count = self.page_count
        self._renderer.prefetch("next", (sha, page + 1, dpi) if page < count else None)
        self._renderer.prefetch("previous", (sha, page - 1, dpi) if page > 1 else None)

    def _clear_page(self) -> None:
        self._layers.show(None, self.font())
        self._sheet.clear()
        self._shown_key = None

    # -- region picking --------------------------------------------------------------------------
    @property
    def picking_region(self) -> bool:
        return self._picker.active

    def start_region_pick(self) -> bool:
        """Crosshair and rubber band on the shown page until a drag (region_picked) or Esc."""
        if self._case is None or self._page < 1:
            return False
        self.setDragMode(QGraphicsView.DragMode.NoDrag)  # before the cursor: it resets the cursor
        self._picker.start()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def cancel_region_pick(self) -> None:
        if self._picker.active:
            self._end_pick()
            self.region_pick_cancelled.emit()

    def _end_pick(self) -> None:
        self._picker.stop()
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
