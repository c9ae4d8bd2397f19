"""OcrService with the fake engine: cache, progress, streaming, cancel, pools and failures."""

from __future__ import annotations

import os
import pickle
import sqlite3
import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from casereview.errors import Cancelled, ErrorCode, IngestError
from casereview.ingest.raster import sha256_image
from casereview.ocr import FakeOcrEngine, OcrLine, RapidOcrEngine
from casereview.ocr.cache import OcrCache
from casereview.ocr.service import OcrService, PageImage
from casereview.progress import CancelToken, ProgressEvent

QUAD = ((10.0, 20.0), (110.0, 20.0), (110.0, 40.0), (10.0, 40.0))


def page(n: int) -> np.ndarray:
    img = np.full((60, 80, 3), 255, np.uint8)
    img[0, 0] = (n % 256, n // 256, 7)  # distinct pixels, distinct sha256
    return img


def lines_for(img: np.ndarray) -> list[OcrLine]:
    """Module-level (picklable) line source: the page number is written in its first pixel."""
    n = int(img[0, 0, 0]) + 256 * int(img[0, 0, 1])
    return [OcrLine.make(f"第{n}页", QUAD, 0.9)]


def slow_lines(img: np.ndarray) -> list[OcrLine]:
    time.sleep(0.4)
    return lines_for(img)


def crashing_lines(img: np.ndarray) -> list[OcrLine]:
    if int(img[0, 0, 0]) == 2:
        os._exit(3)  # a worker dying the way a native crash would
    return lines_for(img)


def failing_lines(img: np.ndarray) -> list[OcrLine]:
    raise RuntimeError("onnx session broke")


class Counting(FakeOcrEngine):
    def __init__(self, version: str = "fake-1") -> None:
        super().__init__(lines_for, version)
        self.calls = 0

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        self.calls += 1
        return super().recognize(image)


def pages(count: int) -> list[PageImage]:
    return [PageImage.from_array(page(n)) for n in range(count)]


def test_ocr_line_normalises_text_and_boxes() -> None:
    line = OcrLine.make(" 粤东交罚（２０２５）００９７７号，", [(3, 9), (50, 5), (51, 20), (4, 24)], 0.91234)
    assert line.text == "粤东交罚(2025)00977号,"
    assert line.bbox == (3.0, 5.0, 51.0, 24.0)
    assert line.confidence == 0.9123
    assert OcrLine.from_json(line.to_json()) == line


def test_fake_engine_returns_lines_by_image_hash() -> None:
    img = page(1)
    engine = FakeOcrEngine({sha256_image(img): [OcrLine.make("行政处罚决定书", QUAD, 1.0)]})
    assert [x.text for x in engine.recognize(img)] == ["行政处罚决定书"]
    assert engine.recognize(page(2)) == []
    assert engine.detect(img) == [QUAD]


def test_in_process_results_progress_and_streaming(tmp_path: Path) -> None:
    engine = Counting()
    events: list[ProgressEvent] = []
    streamed: list[int] = []
    with OcrService(engine, workers=1, cache=tmp_path / "c.sqlite3") as service:
        out = service.recognize_pages(pages(4), events.append, on_page=lambda i, _lines: streamed.append(i))
    assert [lines[0].text for lines in out] == ["第0页", "第1页", "第2页", "第3页"]
    assert sorted(streamed) == [0, 1, 2, 3]
    assert [(e.stage, e.done, e.total) for e in events] == [("ocr", n, 4) for n in range(5)]


def test_cache_hits_skip_the_engine_and_a_new_version_misses(tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite3"
    first = Counting()
    OcrService(first, workers=1, cache=cache).recognize_pages(pages(3))
    again = Counting()
    out = OcrService(again, workers=1, cache=cache).recognize_pages(pages(3))
    assert (first.calls, again.calls) == (3, 0)
    assert out[2][0].text == "第2页"
    other = Counting(version="fake-2")
    OcrService(other, workers=1, cache=cache).recognize_pages(pages(3))
    assert other.calls == 3


def test_default_cache_lives_in_the_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEREVIEW_CACHE_DIR", str(tmp_path))
    OcrService(Counting(), workers=1).recognize_pages(pages(1))
    assert (tmp_path / "ocr" / "ocr-cache.sqlite3").is_file()


def test_corrupt_entry_is_recomputed(tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite3"
    OcrService(Counting(), workers=1, cache=cache).recognize_pages(pages(2))
    with sqlite3.connect(cache) as db:
        db.execute("UPDATE ocr_page SET lines = '[{\"text\": 1' WHERE rowid = 1")
    engine = Counting()
    out = OcrService(engine, workers=1, cache=cache).recognize_pages(pages(2))
    assert engine.calls == 1 and [x[0].text for x in out] == ["第0页", "第1页"]
    with OcrCache(cache) as c:  # and rewritten
        assert c.get(pages(1)[0].sha256, "fake-1") is not None


def test_a_file_that_is_not_a_database_is_replaced(tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite3"
    cache.write_bytes(b"garbage " * 100)
    out = OcrService(Counting(), workers=1, cache=cache).recognize_pages(pages(1))
    assert out[0][0].text == "第0页"
    assert any(p.name.startswith("c.sqlite3.corrupt-") for p in tmp_path.iterdir())


def test_identical_pages_are_recognised_once() -> None:
    engine = Counting()
    same = PageImage.from_array(page(5))
    out = OcrService(engine, workers=1, cache=False).recognize_pages([same, same, same])
    assert engine.calls == 1 and [x[0].text for x in out] == ["第5页"] * 3


def test_encoded_pages_are_decoded_to_rgb() -> None:
    ok, png = cv2.imencode(".png", cv2.cvtColor(page(9), cv2.COLOR_RGB2BGR))
    assert ok
    out = OcrService(FakeOcrEngine(lines_for), workers=1, cache=False).recognize_pages(
        [PageImage.from_encoded(png.tobytes())]
    )
    assert out[0][0].text == "第9页"
    with pytest.raises(IngestError) as err:
        OcrService(FakeOcrEngine(lines_for), workers=1, cache=False).recognize_pages(
            [PageImage("x", b"nope")]
        )
    assert err.value.code == ErrorCode.CORRUPT_FILE


def test_cancel_in_process_stops_after_the_current_page() -> None:
    engine = Counting()
    token = CancelToken()
    with pytest.raises(Cancelled):
        OcrService(engine, workers=1, cache=False).recognize_pages(
            pages(5), cancel=token, on_page=lambda _i, _l: token.cancel()
        )
    assert engine.calls == 1


def test_engine_error_is_ocr_failed() -> None:
    with pytest.raises(IngestError) as err:
        OcrService(FakeOcrEngine(failing_lines), workers=1, cache=False).recognize_pages(pages(1))
    assert err.value.code == ErrorCode.OCR_FAILED
    assert "onnx session broke" in str(err.value.detail["reason"])


def test_pool_of_two_returns_pages_in_order(tmp_path: Path) -> None:
    streamed: list[int] = []
    with OcrService(FakeOcrEngine(lines_for), workers=2, cache=tmp_path / "c.sqlite3") as service:
        out = service.recognize_pages(pages(7), on_page=lambda i, _l: streamed.append(i))
        assert [x[0].text for x in out] == [f"第{n}页" for n in range(7)]
        assert sorted(streamed) == list(range(7))
        with pytest.raises(IngestError) as err:  # a worker's exception comes back as data
            service.recognize_pages([PageImage("bad", b"not an image")])
        assert err.value.code == ErrorCode.CORRUPT_FILE


def test_pool_cancel_is_prompt() -> None:
    token = CancelToken()
    with OcrService(FakeOcrEngine(slow_lines), workers=2, cache=False) as service:
        service.recognize_pages(pages(2)[:1])  # start the workers before timing
        timer = threading.Timer(0.5, token.cancel)
        timer.start()
        start = time.monotonic()
        with pytest.raises(Cancelled):
            service.recognize_pages(pages(20), cancel=token)  # would take 4 s
        assert time.monotonic() - start < 1.0
        timer.join()


def test_worker_crash_is_ocr_failed_and_the_service_recovers() -> None:
    with OcrService(FakeOcrEngine(crashing_lines), workers=2, cache=False) as service:
        with pytest.raises(IngestError) as err:
            service.recognize_pages(pages(4))
        assert err.value.code == ErrorCode.OCR_FAILED
        assert err.value.detail["reason"] == "worker_crashed"
        out = service.recognize_pages([pages(2)[1]])  # a fresh pool
        assert out[0][0].text == "第1页"


def test_rapid_engine_pickles_without_its_models_and_splits_threads() -> None:
    engine = RapidOcrEngine()
    assert "PP-OCRv6_det_small.onnx" in engine.version and "rapidocr-3.10" in engine.version
    clone = pickle.loads(pickle.dumps(engine.for_pool(2)))
    assert clone.threads == max(1, (os.cpu_count() or 1) // 2)
    assert RapidOcrEngine(threads=3).for_pool(2).threads == 3
