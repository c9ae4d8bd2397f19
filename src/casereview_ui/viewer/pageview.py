"""The page viewer: the :class:`~casereview_ui.viewer.canvas.PageCanvas` (one page, rendered in a
worker, zoom, rotation, region picking) with the marks of findings and fields, flashes, search hits,
the recognised text over the image, and the mouse and keys a reviewer reads with."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from casereview.domain.model import Evidence
from casereview_ui.viewer.canvas import ZOOM_STEP, FitMode, PageCanvas
from casereview_ui.viewer.highlight import MarkItem
from casereview_ui.viewer.marks import Mark, MarkKind
from casereview_ui.viewer.picking import page_bbox
from casereview_ui.workers import TaskRunner

__all__ = ["FitMode", "PageView"]

CLICK_SLOP = 4  # pixels a press may move and still count as a click on a mark


class PageView(PageCanvas):
    mark_activated = Signal(object)  # the key of a mark the reviewer clicked

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._press: QPoint | None = None

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
