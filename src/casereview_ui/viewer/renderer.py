"""The page images of one view: the visible page's render, neighbour prefetches and the cache.

The visible page and each prefetch direction have their own runner kind, so a prefetch never
cancels the page the reviewer is waiting for; a visible request drops queued prefetches instead, so
they never hold the pool's threads ahead of it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from casereview.domain.model import CaseFile
from casereview_ui.viewer.cache import CacheKey, PageImage, PageImageCache
from casereview_ui.viewer.rendering import render_job
from casereview_ui.workers import TaskRunner

log = logging.getLogger(__name__)

PREFETCH_SLOTS = ("next", "previous")


class PageRenderer:
    def __init__(
        self, runner: TaskRunner, owner: int, on_image: Callable[[CacheKey, PageImage], None]
    ) -> None:
        self.runner = runner
        self.cache = PageImageCache()
        self._owner = owner
        self._on_image = on_image
        self._case: CaseFile | None = None
        self._password: str | None = None
        self._visible: CacheKey | None = None  # key of the visible render in flight
        self._prefetching: dict[str, CacheKey] = {}  # slot → key in flight

    @property
    def visible_kind(self) -> str:
        return f"render:{self._owner}"

    def prefetch_kind(self, slot: str) -> str:
        return f"prefetch-{slot}:{self._owner}"

    def set_case(self, case: CaseFile | None, password: str | None) -> None:
        """Forget the jobs of the previous case (its images stay cached: keys carry the sha)."""
        self.discard()
        self._case, self._password = case, password

    def discard(self) -> None:
        self.runner.discard(self.visible_kind)
        self._visible = None
        for slot in PREFETCH_SLOTS:
            self._drop_prefetch(slot)

    def in_flight(self, key: CacheKey) -> bool:
        return key == self._visible or key in self._prefetching.values()

    def request(self, key: CacheKey) -> PageImage | None:
        """The cached image at once, or None and the image later through ``on_image``."""
        cached = self.cache.get(key)
        if cached is not None or self.in_flight(key):
            return cached  # an image being prefetched is awaited, not rendered twice
        for slot in PREFETCH_SLOTS:
            self._drop_prefetch(slot)
        self._visible = key
        self._start(key, self.visible_kind, self._visible_done)
        return None

    def prefetch(self, slot: str, key: CacheKey | None) -> None:
        """Render ``key`` ahead of need in ``slot`` (replacing that slot's stale prefetch)."""
        if key is None or key in self.cache or self.in_flight(key):
            return
        self._prefetching[slot] = key
        self._start(key, self.prefetch_kind(slot), lambda k, image: self._prefetch_done(slot, k, image))

    def _start(self, key: CacheKey, kind: str, done: Callable[[CacheKey, PageImage | None], None]) -> None:
        assert self._case is not None and self._case.sha256 == key[0]
        self.runner.run_task(
            render_job(self._case, key[1], key[2], self._password),
            on_done=lambda image: done(key, image),
            on_error=lambda error: self._failed(key, kind, error, done),
            kind=kind,
        )

    def _failed(
        self,
        key: CacheKey,
        kind: str,
        error: BaseException,
        done: Callable[[CacheKey, PageImage | None], None],
    ) -> None:
        log.warning("page %s not rendered (%s): %s", key[1], kind, error)
        done(key, None)

    def _visible_done(self, key: CacheKey, image: PageImage | None) -> None:
        if self._visible == key:
            self._visible = None
        self._deliver(key, image)

    def _prefetch_done(self, slot: str, key: CacheKey, image: PageImage | None) -> None:
        if self._prefetching.get(slot) == key:
            del self._prefetching[slot]
        self._deliver(key, image)

    def _deliver(self, key: CacheKey, image: PageImage | None) -> None:
        if image is not None:
            self.cache.put(key, image)
            self._on_image(key, image)

    def _drop_prefetch(self, slot: str) -> None:
        if self._prefetching.pop(slot, None) is not None:
            self.runner.discard(self.prefetch_kind(slot))
