"""One page of a case file at a time: rendered in a worker, zoomable, rotatable, with marks.

Scene coordinates are PDF points (the core's box unit); the rendered image is scaled down by its
pixels-per-point, so marks are drawn at their bboxes as they are, and zoom and rotation are only the
view transform. Everything drawn over the page is a child of the sheet, so it follows the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
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
from casereview_ui.viewer.highlight import FlashItem, MarkItem
from casereview_ui.viewer.layers import SheetLayers
from casereview_ui.viewer.marks import Mark, MarkKind
from casereview_ui.viewer.picking import RegionPicker, page_bbox
from casereview_ui.viewer.renderer import PageRenderer
from casereview_ui.viewer.sheet import PageSheet
from casereview_ui.workers import TaskRunner

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
DPI_BUCKETS = (72, 100, 150, 200, 300)
MARGIN = 12.0  # points of grey around the sheet
SCREEN_STEP = 0.9  # Space scrolls this share of the viewport, keeping a line of context
CLICK_SLOP = 4  # pixels a press may move and still count as a click on a mark


class FitMode(Enum):
    NONE = "none"
    WIDTH = "width"
    PAGE = "page"


class PageView(QGraphicsView):
    page_changed = Signal(int, int)  # current page (1-based, 0 when empty), page count
    zoom_changed = Signal(float)  # 1.0 = actual size
    rotation_changed = Signal(int)  # degrees clockwise: 0, 90, 180, 270
    case_changed = Signal()  # another case (or none) is shown: marks and search hits were dropped
    region_picked = Signal(int, object)  # page, bbox in page points (WHOLE_PAGE for a click)
    region_pick_cancelled = Signal()
    mark_activated = Signal(object)  # the key of a mark the reviewer clicked

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
        self._press: QPoint | None = None
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

    # -- marks, flashes, search hits -------------------------------------------------------------
    def set_marks(self, marks: Sequence[Mark]) -> None:
        """Findings and fields to mark; each page shows its own (redrawn on every page change)."""
        self._layers.marks = list(marks)
        self._layers.draw_marks()

    def marks_on_page(self, page: int) -> list[Mark]:
        return self._layers.marks_on_page(page)

    def set_search_hits(self, hits: Sequence[Evidence], current: int) -> None:
        """Mark every hit; go to hit ``current`` (an index into ``hits``) and mark it stronger."""
        self._layers.search_marks = [
            Mark(hit.page, hit.bbox, MarkKind.CURRENT_SEARCH if i == current else MarkKind.SEARCH, hit.text)
            for i, hit in enumerate(hits)
        ]
        if 0 <= current < len(hits):
            self.show_page(hits[current].page)
        self._layers.draw_marks()
        item = self._layers.current_search_item()
        if item is not None:
            self.ensureVisible(item, 60, 80)

    def flash(self, evidence: Evidence, kind: MarkKind) -> bool:
        """Go to the evidence, centre it and pulse a box over it; the box stays until the next one."""
        if not self.show_page(evidence.page):
            return False
        item = self._layers.put_flash(Mark(evidence.page, evidence.bbox, kind, evidence.text))
        if not item.mark.whole_page:
            self.centerOn(item)
        item.animate(self)
        return True

    def highlight(self, evidence: Evidence) -> bool:
        """A field's evidence (the fields panel): a flash in the field colour."""
        return self.flash(evidence, MarkKind.FIELD)

    def clear_highlight(self) -> None:
        self._layers.clear_flash()

    # -- OCR text ----------------------------------------------------------------------------------
    @property
    def text_overlay(self) -> bool:
        return self._layers.text_overlay

    def set_text_overlay(self, on: bool) -> None:
        """Draw the recognised text over the image (doubtful OCR lines are marked either way)."""
        self._layers.text_overlay = on
        self._layers.draw_text()

    def low_confidence_spans_on_page(self) -> int:
        return self._layers.doubt_count()

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

    # -- events ----------------------------------------------------------------------------------
    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit != FitMode.NONE:
            self._apply_zoom()

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._picker.active:
            if event.button() == Qt.MouseButton.LeftButton:
                self._picker.press(pos)
            else:
                self.cancel_region_pick()  # a right click gives up, like Esc
            event.accept()
            return
        self._press = pos
        super().mousePressEvent(event)

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._picker.active:
            self._picker.move(event.position().toPoint())
            event.accept()
            return
        super().mouseMoveEvent(event)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._picker.active:
            ends = self._picker.release(pos) if event.button() == Qt.MouseButton.LeftButton else None
            if ends is not None:
                self._end_pick()
                self.region_picked.emit(self._page, page_bbox(self, self._sheet, *ends))
            event.accept()
            return
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if (
            press is not None
            and (pos - press).manhattanLength() <= CLICK_SLOP
            and self._activate_mark_at(pos)
        ):
            event.accept()

    def _activate_mark_at(self, pos: QPoint) -> bool:
        for item in self.items(pos):
            if isinstance(item, MarkItem) and item.mark.key is not None:
                self.mark_activated.emit(item.mark.key)
                return True
        return False

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
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        actions: dict[int, Callable[[], object]] = {
            Qt.Key.Key_PageDown: self.next_page,
            Qt.Key.Key_PageUp: self.previous_page,
            Qt.Key.Key_Home: lambda: self.show_page(1),
            Qt.Key.Key_End: lambda: self.show_page(self.page_count),
            Qt.Key.Key_Plus: self.zoom_in,
            Qt.Key.Key_Equal: self.zoom_in,
            Qt.Key.Key_Minus: self.zoom_out,
            Qt.Key.Key_Space: lambda: self.scroll_screen(forward=not shift),
            Qt.Key.Key_Escape: self.cancel_region_pick,
        }
        action = actions.get(event.key())
        if action is None or (event.key() == Qt.Key.Key_Escape and not self._picker.active):
            super().keyPressEvent(event)
            return
        action()
        event.accept()
