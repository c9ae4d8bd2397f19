"""The page viewer: navigation keys, zoom with Ctrl+wheel, render cache."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem
from pytestqt.qtbot import QtBot

from casereview.domain.model import CaseFile, Evidence, Page, Span, TextSource
from casereview.pipeline import read_case
from casereview_ui.viewer import FitMode, MarkKind, PageImageCache, PageView
from casereview_ui.viewer.cache import PageImage
from casereview_ui.workers import runner


def _viewer(qtbot: QtBot, case_pdf: Path) -> PageView:
    view = PageView(runner())
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.show()
    view.set_case(read_case(case_pdf).case)
    assert runner().wait_for_idle(30)
    return view


def test_page_keys_and_indicator(qtbot: QtBot, case_pdf: Path) -> None:
    view = _viewer(qtbot, case_pdf)
    assert view.page_text() == "第 1 / 5 页"
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.current_page == 3
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.current_page == 2
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.page_text() == "第 5 / 5 页"
    assert not view.next_page()
    zoom = view.zoom
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom > zoom and view.fit_mode == FitMode.NONE
    assert runner().wait_for_idle(30)


def test_ctrl_wheel_zooms(qtbot: QtBot, case_pdf: Path) -> None:
    view = _viewer(qtbot, case_pdf)
    zoom = view.zoom
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom > zoom
    assert runner().wait_for_idle(30)


def test_highlight_on_another_page(qtbot: QtBot, case_pdf: Path) -> None:
    view = _viewer(qtbot, case_pdf)
    assert view.highlight(Evidence(4, (72, 700, 300, 720), "2026年3月20日"))
    assert view.current_page == 4 and view.highlight_item is not None
    assert view.highlight_item.rect() == QRectF(72, 700, 228, 20)  # the evidence box exactly
    assert view.highlight_item.mark.kind == MarkKind.FIELD
    assert not view.highlight(Evidence(9, (0, 0, 1, 1), "no such page"))
    view.show_page(1)
    assert view.highlight_item is None  # a highlight belongs to its page
    assert runner().wait_for_idle(30)


def test_rendered_pages_are_cached(qtbot: QtBot, case_pdf: Path) -> None:
    view = _viewer(qtbot, case_pdf)
    first = view.shown_key
    assert first is not None
    view.next_page()
    assert runner().wait_for_idle(30)
    view.previous_page()
    assert view.shown_key == first  # straight from the cache, no worker job
    assert runner().active_jobs() == 0


def test_cache_is_lru() -> None:
    cache = PageImageCache(capacity=2)
    image = PageImage(QImage(1, 1, QImage.Format.Format_RGB888), 1.0)
    cache.put(("a", 1, 100), image)
    cache.put(("a", 2, 100), image)
    assert cache.get(("a", 1, 100)) is image
    cache.put(("a", 3, 100), image)
    assert ("a", 2, 100) not in cache and ("a", 1, 100) in cache and len(cache) == 2


def test_text_only_docx_pages_draw_their_lines(qtbot: QtBot) -> None:
    page = Page(
        1, 595, 842, TextSource.DOCX_TEXT, [Span("行政处罚决定书", (200, 70, 354, 94))], origin="x.docx"
    )
    view = PageView(runner())
    qtbot.addWidget(view)
    view.set_case(CaseFile("x.docx", "sha", "docx", [page]))
    texts = [i for i in view.scene().items() if isinstance(i, QGraphicsSimpleTextItem) and i.isVisible()]
    assert [t.text() for t in texts] == ["行政处罚决定书"]
    assert runner().wait_for_idle(30)
    assert view.shown_key == ("sha", 1, view.shown_key[2])  # a blank sheet came back from render_page
    view.set_case(None)
    assert "尚未打开案卷" in view.message
