"""The viewer's images: neighbour prefetch, synchronous flips from the cache, the memory budget."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from casereview.pipeline import read_case
from casereview_ui.viewer import PageImageCache, PageView
from casereview_ui.viewer.cache import PageImage
from casereview_ui.viewer.renderer import PageRenderer
from casereview_ui.workers import runner


def _view(qtbot: QtBot, case_pdf: Path) -> PageView:
    view = PageView(runner())
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.show()
    view.set_case(read_case(case_pdf).case)
    return view


def _jobs(prefix: str) -> int:
    return len(runner().jobs(prefix))


def test_neighbours_are_prefetched_and_a_flip_to_them_is_immediate(qtbot: QtBot, case_pdf: Path) -> None:
    view = _view(qtbot, case_pdf)
    view.show_page(2)
    assert runner().wait_for_idle(30)
    assert view.shown_key is not None and view.shown_key[1] == 2
    assert view.is_cached(1) and view.is_cached(3)
    assert not view.is_cached(4)  # only the neighbours
    view.show_page(3)
    assert view.shown_key is not None and view.shown_key[1] == 3
    assert _jobs("render:") == 0  # set from the cache: no worker round trip for the page itself
    assert _jobs("prefetch-next:") == 1  # …while page 4 is fetched ahead
    assert runner().wait_for_idle(30)
    assert view.is_cached(4)


def test_a_flip_to_a_page_being_prefetched_waits_for_it_instead_of_rendering_it_again(
    qtbot: QtBot, case_pdf: Path
) -> None:
    view = _view(qtbot, case_pdf)
    assert runner().wait_for_idle(30)
    assert view.is_cached(2)  # page 1's neighbour
    view.show_page(2)  # cached: prefetches page 3, not yet delivered (no events processed)
    assert _jobs("prefetch-next:") == 1
    view.show_page(3)
    assert view.shown_key is None and _jobs("render:") == 0
    assert runner().wait_for_idle(30)
    assert view.shown_key is not None and view.shown_key[1] == 3


def test_a_prefetch_never_cancels_the_visible_render_but_a_visible_render_drops_prefetches(
    qtbot: QtBot, case_pdf: Path
) -> None:
    case = read_case(case_pdf).case
    delivered: list[tuple[str, int, int]] = []
    renderer = PageRenderer(runner(), 1, lambda key, _image: delivered.append(key))
    renderer.set_case(case, None)
    assert renderer.request((case.sha256, 1, 72)) is None
    renderer.prefetch("next", (case.sha256, 2, 72))
    renderer.prefetch("previous", (case.sha256, 3, 72))
    assert _jobs("render:1") == 1 and _jobs("prefetch-") == 2
    renderer.request((case.sha256, 4, 72))  # the reviewer moved on: queued prefetches give way
    assert _jobs("prefetch-") == 0 and _jobs("render:1") == 1
    assert runner().wait_for_idle(30)
    assert delivered == [(case.sha256, 4, 72)]
    assert renderer.request((case.sha256, 4, 72)) is not None  # cached now


def test_the_existing_image_stays_while_zooming_renders_a_sharper_one(qtbot: QtBot, case_pdf: Path) -> None:
    view = _view(qtbot, case_pdf)
    assert runner().wait_for_idle(30)
    before = view.shown_key
    assert before is not None
    view.set_zoom(view.zoom * 3)
    assert runner().wait_for_idle(30)
    after = view.shown_key
    assert after is not None and after[:2] == before[:2] and after[2] > before[2]


def _image(width: int, height: int) -> PageImage:
    return PageImage(QImage(width, height, QImage.Format.Format_RGB888), 1.0)


def test_cache_is_bounded_by_bytes_not_count() -> None:
    big = _image(1000, 1000)  # ~3 MB
    cache = PageImageCache(budget=int(big.nbytes * 2.5))
    for page in range(1, 4):
        cache.put(("a", page, 200), big)
    assert len(cache) == 2 and ("a", 1, 200) not in cache
    assert cache.nbytes == 2 * big.nbytes
    small = _image(10, 10)
    for page in range(10, 40):
        cache.put(("a", page, 72), small)
    assert ("a", 39, 72) in cache and cache.nbytes <= cache.budget
    huge = _image(2000, 2000)  # alone over budget: still kept, being the page on screen
    cache.put(("a", 99, 300), huge)
    assert len(cache) == 1 and ("a", 99, 300) in cache and cache.nbytes == huge.nbytes
    cache.put(("a", 99, 300), small)  # replacing an entry counts its bytes once
    assert cache.nbytes == small.nbytes
