"""OCR over many page images: a process pool over all cores, a per-page cache, progress, cancel.

Page images travel to workers as raw arrays: pickling a 200-dpi A4 page (11.6 MB) and sending it
through the pool's pipe takes ~10 ms, while PNG-encoding it takes 60–230 ms and decoding 70 ms.
Encoded bytes (e.g. a JPEG lifted from a scanned PDF) are accepted too and decoded in the worker.
Workers use the "spawn" start method: safe in a threaded GUI process and the only one on Windows.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import threading
import time
import warnings
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np
from PIL import Image as PILImage

from casereview.errors import CaseReviewError, ErrorCode, IngestError
from casereview.ingest.raster import MAX_IMAGE_PIXELS, image_too_large, sha256_image
from casereview.ocr.cache import OcrCache
from casereview.ocr.engine import Image, OcrEngine, OcrLine
from casereview.progress import CancelToken, Progress, ProgressEvent, no_progress

PageCallback = Callable[[int, list[OcrLine]], None]
_POLL_SECONDS = 0.1  # how often a waiting job looks at its cancel token


class OcrPage(Protocol):
    """Anything with a cache key and pixels: :class:`PageImage` or the ingest stage's page image."""

    @property
    def sha256(self) -> str: ...

    @property
    def image(self) -> Image | bytes: ...


@dataclass(frozen=True)
class PageImage:
    """A page to recognise: RGB uint8 H×W×3 pixels (cheapest to ship) or encoded PNG/JPEG bytes."""

    sha256: str
    image: Image | bytes = field(repr=False)

    @classmethod
    def from_array(cls, rgb: Image) -> PageImage:
        return cls(sha256_image(rgb), rgb)

    @classmethod
    def from_encoded(cls, data: bytes) -> PageImage:
        import hashlib

        return cls(hashlib.sha256(data).hexdigest(), data)


def decode_image(data: Image | bytes) -> Image:
    """Pixels of ``data``; encoded images are size-checked before decoding (decompression bombs)."""
    if isinstance(data, np.ndarray):
        return data
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            width, height = PILImage.open(io.BytesIO(data)).size
    except PILImage.DecompressionBombError:
        width, height = MAX_IMAGE_PIXELS, 2
    except (OSError, SyntaxError, ValueError) as exc:
        raise IngestError(ErrorCode.CORRUPT_FILE, "", {"reason": "image_undecodable"}) from exc
    if image_too_large(width, height):
        raise IngestError(
            ErrorCode.IMAGE_TOO_LARGE, "", {"pixels": width * height, "limit": MAX_IMAGE_PIXELS}
        )
    bgr = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if bgr is None:
        raise IngestError(ErrorCode.CORRUPT_FILE, "", {"reason": "image_undecodable"})
    return np.asarray(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB), dtype=np.uint8)


@dataclass(frozen=True)
class _Failure:
    """An error raised in a worker, returned as plain data (CaseReviewError does not pickle)."""

    code: str
    detail: dict[str, object]


_worker_engine: OcrEngine | None = None


WATCH_PARENT_S = 1.0  # how often a worker checks that the process that started the pool still lives


def _watch_parent(parent: int) -> None:
    """End this worker when the reading process is gone (kill -9 leaves no one to shut the pool
    down: each worker holds ~0.5 GB of models and would live on forever)."""
    while True:
        time.sleep(WATCH_PARENT_S)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:  # pragma: no cover - a reused pid of another user: the parent is gone
            os._exit(0)


def _init_worker(engine: OcrEngine, threads: int, parent: int | None = None) -> None:
    global _worker_engine
    if parent is not None:
        threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()
    cv2.setNumThreads(threads)  # OpenCV's own pool would oversubscribe the cores shared by workers
    engine.load()
    _worker_engine = engine


def _recognize(engine: OcrEngine, data: Image | bytes) -> list[OcrLine] | _Failure:
    try:
        return engine.recognize(decode_image(data))
    except CaseReviewError as exc:
        return _Failure(exc.code.value, dict(exc.detail))
    except Exception as exc:  # an engine error must reach the caller as OCR_FAILED, not kill the job
        return _Failure(ErrorCode.OCR_FAILED.value, {"reason": f"{type(exc).__name__}: {exc}"[:300]})


def _recognize_in_worker(data: Image | bytes) -> list[OcrLine] | _Failure:
    assert _worker_engine is not None, "worker started without its initializer"
    return _recognize(_worker_engine, data)


def _outcome(future: Future[list[OcrLine] | _Failure]) -> list[OcrLine] | _Failure:
    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:  # e.g. a page that could not be pickled to the worker
        return _Failure(ErrorCode.OCR_FAILED.value, {"reason": f"{type(exc).__name__}: {exc}"[:300]})


class OcrService:
    """Runs ``engine`` over page images; ``workers=1`` runs in the calling process with no pool.

    The pool starts on first use and is kept (each worker loads its models once) until
    :meth:`close`. ``cache`` is True (the user cache dir), False, or the path of a cache file.
    """

    def __init__(
        self,
        engine: OcrEngine,
        *,
        workers: int | None = None,
        cache: bool | Path = True,
        start_method: str = "spawn",
    ) -> None:
        self.engine = engine
        self.workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
        self._cache = cache
        self._start_method = start_method
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()  # guards the pool handle and the in-process engine

    def __enter__(self) -> OcrService:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self, wait: bool = True) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)

    def recognize_pages(
        self,
        images: Sequence[OcrPage],
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        on_page: PageCallback | None = None,
        path: str = "",
    ) -> list[list[OcrLine]]:
        """Lines of every page, in input order. ``on_page(index, lines)`` is called in this thread
        as each page completes (cache hits first), so a viewer can show pages while OCR goes on.
        Raises Cancelled once ``cancel`` is set, IngestError(OCR_FAILED) if the engine fails.
        """
        cancel = cancel or CancelToken()
        cancel.check(path)
        version, total = self.engine.version, len(images)
        results: list[list[OcrLine] | None] = [None] * total
        same: dict[str, list[int]] = {}  # identical pages are recognised once
        for index, page in enumerate(images):
            same.setdefault(page.sha256, []).append(index)
        progress(ProgressEvent("ocr", 0, total, path))
        done = 0

        def deliver(sha: str, lines: list[OcrLine]) -> None:
            nonlocal done
            for index in same[sha]:
                results[index] = lines
                done += 1
                if on_page is not None:
                    on_page(index, lines)
            progress(ProgressEvent("ocr", done, total, path))

        cache_path = self._cache if isinstance(self._cache, Path) else None
        with OcrCache(cache_path, enabled=self._cache is not False) as cache:
            todo: list[int] = []
            for sha, indexes in same.items():
                hit = cache.get(sha, version)
                if hit is None:
                    todo.append(indexes[0])
                else:
                    deliver(sha, hit)
            run = self._run_local if self.workers == 1 else self._run_pool
            with closing(run(images, todo, cancel, path)) as outcomes:  # closing cancels queued pages
                for index, outcome in outcomes:
                    if isinstance(outcome, _Failure):
                        detail = {**outcome.detail, "page_index": index}
                        raise IngestError(ErrorCode(outcome.code), path, detail)
                    cache.put(images[index].sha256, version, outcome)
                    deliver(images[index].sha256, outcome)
                    cancel.check(path)
        return [lines or [] for lines in results]

    def _run_local(
        self, images: Sequence[OcrPage], todo: list[int], cancel: CancelToken, path: str
    ) -> Generator[tuple[int, list[OcrLine] | _Failure]]:
        for index in todo:
            cancel.check(path)
            with self._lock:
                outcome = _recognize(self.engine, images[index].image)
            yield index, outcome

    def _run_pool(
        self, images: Sequence[OcrPage], todo: list[int], cancel: CancelToken, path: str
    ) -> Generator[tuple[int, list[OcrLine] | _Failure]]:
        queue = iter(todo)
        pending: dict[Future[list[OcrLine] | _Failure], int] = {}
        index = -1
        try:
            pool = self._ensure_pool()
            while True:
                cancel.check(path)
                # A short queue per worker: cancel only has to drop a few pages, memory stays bounded.
                while len(pending) < 2 * self.workers and (index := next(queue, -1)) >= 0:
                    pending[pool.submit(_recognize_in_worker, images[index].image)] = index
                if not pending:
                    return
                finished, _ = wait(pending, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = pending.pop(future)
                    yield index, _outcome(future)
        except BrokenProcessPool as exc:
            self._discard_pool()
            raise IngestError(
                ErrorCode.OCR_FAILED, path, {"reason": "worker_crashed", "page_index": index}
            ) from exc
        finally:
            for future in pending:
                future.cancel()

    def _ensure_pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=multiprocessing.get_context(self._start_method),
                    initializer=_init_worker,
                    initargs=(
                        self.engine.for_pool(self.workers),
                        max(1, (os.cpu_count() or 1) // self.workers),
                        os.getpid(),
                    ),
                )
            return self._pool

    def _discard_pool(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
