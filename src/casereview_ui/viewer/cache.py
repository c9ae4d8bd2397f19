"""An LRU cache of rendered page images keyed by (case sha256, page, dpi), sized by memory.

A count would be wrong both ways: 24 pages at 300 dpi are ~600 MB, at 72 dpi ~35 MB.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtGui import QImage

CacheKey = tuple[str, int, int]  # (case sha256, 1-based page, dpi)

DEFAULT_BUDGET = 256 * 1024 * 1024  # bytes of image data


@dataclass(frozen=True)
class PageImage:
    image: QImage
    scale: float  # image pixels per PDF point

    @property
    def nbytes(self) -> int:
        return int(self.image.sizeInBytes())


class PageImageCache:
    """Evicts the least recently used images once their bytes exceed ``budget``.

    ``capacity`` optionally caps the count too. The newest image is always kept, even alone over
    budget, so the page on screen can be shown again from the cache.
    """

    def __init__(self, budget: int = DEFAULT_BUDGET, capacity: int | None = None) -> None:
        self.budget = budget
        self.capacity = capacity
        self._items: OrderedDict[CacheKey, PageImage] = OrderedDict()
        self._bytes = 0

    @property
    def nbytes(self) -> int:
        return self._bytes

    def get(self, key: CacheKey) -> PageImage | None:
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        return item

    def put(self, key: CacheKey, item: PageImage) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self._bytes -= old.nbytes
        self._items[key] = item
        self._bytes += item.nbytes
        while len(self._items) > 1 and (
            self._bytes > self.budget or (self.capacity is not None and len(self._items) > self.capacity)
        ):
            _key, evicted = self._items.popitem(last=False)
            self._bytes -= evicted.nbytes

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()
        self._bytes = 0
