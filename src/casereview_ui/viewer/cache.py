"""A small LRU cache of rendered page images keyed by (case sha256, page, dpi)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtGui import QImage

CacheKey = tuple[str, int, int]  # (case sha256, 1-based page, dpi)


@dataclass(frozen=True)
class PageImage:
    image: QImage
    scale: float  # image pixels per PDF point


class PageImageCache:
    def __init__(self, capacity: int = 24) -> None:
        self.capacity = capacity
        self._items: OrderedDict[CacheKey, PageImage] = OrderedDict()

    def get(self, key: CacheKey) -> PageImage | None:
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        return item

    def put(self, key: CacheKey, item: PageImage) -> None:
        self._items[key] = item
        self._items.move_to_end(key)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()
