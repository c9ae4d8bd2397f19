"""Everything drawn over the shown page, rebuilt from plain data whenever the page changes.

Layers: marks (findings, fields, search hits), the OCR text overlay, doubtful OCR lines, and the one
flashing box. Items are children of the sheet, so they follow the page's coordinates (points).
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from casereview.domain.model import Page
from casereview_ui.viewer.highlight import FlashItem, MarkItem
from casereview_ui.viewer.marks import Mark, MarkKind
from casereview_ui.viewer.overlay import doubt_marks, text_overlay

LAYERS = ("marks", "overlay", "doubts")


class SheetLayers:
    def __init__(self, sheet: QGraphicsRectItem) -> None:
        self._sheet = sheet
        self._page: Page | None = None
        self._font = QFont()
        self._items: dict[str, list[QGraphicsItem]] = {layer: [] for layer in LAYERS}
        self.marks: list[Mark] = []  # the caller's, on every page
        self.search_marks: list[Mark] = []
        self.text_overlay = False
        self.flash: FlashItem | None = None

    def show(self, page: Page | None, font: QFont) -> None:
        """Draw the layers of ``page`` (None: nothing); the flash belongs to the previous page."""
        self.clear_flash()
        self._page, self._font = page, font
        self.draw_marks()
        self.draw_text()

    def marks_on_page(self, number: int) -> list[Mark]:
        return [mark for mark in (*self.marks, *self.search_marks) if mark.page == number]

    def draw_marks(self) -> None:
        items: list[QGraphicsItem] = []
        if self._page is not None:
            rect = self._sheet.rect()
            for mark in self.marks_on_page(self._page.number):
                width = 2.0 if mark.kind == MarkKind.CURRENT_SEARCH else 1.5
                items.append(MarkItem(mark, rect, self._sheet, width))
        self._replace("marks", items)

    def draw_text(self) -> None:
        page = self._page
        overlay = (
            text_overlay(page, self._font, self._sheet) if page is not None and self.text_overlay else []
        )
        self._replace("overlay", overlay)
        self._replace("doubts", doubt_marks(page, self._sheet) if page is not None else [])

    def current_search_item(self) -> MarkItem | None:
        for item in self._items["marks"]:
            if isinstance(item, MarkItem) and item.mark.kind == MarkKind.CURRENT_SEARCH:
                return item
        return None

    def doubt_count(self) -> int:
        return len(self._items["doubts"])

    def put_flash(self, mark: Mark) -> FlashItem:
        self.clear_flash()
        self.flash = FlashItem(mark, self._sheet.rect(), self._sheet)
        return self.flash

    def clear_flash(self) -> None:
        if self.flash is not None:
            self.flash.stop()
            self._remove(self.flash)
            self.flash = None

    def _replace(self, layer: str, items: list[QGraphicsItem]) -> None:
        for item in self._items[layer]:
            self._remove(item)
        self._items[layer] = items

    def _remove(self, item: QGraphicsItem) -> None:
        scene = item.scene()
        if scene is not None:
            scene.removeItem(item)  # also detaches it from the sheet
