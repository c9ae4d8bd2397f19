"""The page viewer's drawings: marks, flashes, OCR text overlay, doubtful lines, rotation, picking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from pytestqt.qtbot import QtBot

from casereview.domain.model import CaseFile, Evidence, Page, Span, TextSource
from casereview.pipeline import read_case
from casereview_ui.viewer import WHOLE_PAGE, Mark, MarkKind, PageView
from casereview_ui.viewer.highlight import FlashItem, MarkItem
from casereview_ui.viewer.overlay import DoubtItem, SpanTextItem
from casereview_ui.workers import runner


def _view(qtbot: QtBot, case: CaseFile, size: tuple[int, int] = (700, 900)) -> PageView:
    view = PageView(runner())
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    view.set_case(case)
    return view


def _items(view: PageView, kind: type) -> list:  # type: ignore[type-arg]
    return [item for item in view.scene().items() if type(item) is kind]


def _ocr_case(case_pdf: Path) -> CaseFile:
    """Page 1 of the test PDF, read as if by OCR, with lines of chosen confidences."""
    spans = [
        Span("立案登记表", (200, 70, 310, 94), 0.99),
        Span("案号：交执罚〔2026〕12号", (72, 138, 260, 154), 0.63),
        Span("当事人：张三", (72, 166, 150, 182), 0.79),
        Span("案由：未取得道路运输经营许可", (72, 194, 250, 210), 0.80),
        Span("  ", (72, 222, 90, 238), 0.10),  # blank: nothing to show or doubt
    ]
    page = Page(1, 595, 842, TextSource.OCR, spans, origin=str(case_pdf), origin_page=0)
    text = Page(
        2, 595, 842, TextSource.TEXT_LAYER, [Span("低置信", (72, 100, 200, 120), 0.5)], origin=str(case_pdf)
    )
    return CaseFile(str(case_pdf), "ocr-sha", "pdf", [page, text])


def test_marks_are_drawn_on_their_own_page_only(qtbot: QtBot, case_pdf: Path) -> None:
    view = _view(qtbot, read_case(case_pdf).case)
    fail = Mark(1, (72, 140, 300, 160), MarkKind.FAIL, "立案超期", key="T-01")
    field = Mark(2, (72, 168, 200, 184), MarkKind.FIELD)
    frame = Mark(2, WHOLE_PAGE, MarkKind.MANUAL, "缺少签名")
    view.set_marks([fail, field, frame])
    drawn = _items(view, MarkItem)
    assert [item.mark for item in drawn] == [fail]
    assert drawn[0].rect() == QRectF(72, 140, 228, 20) and drawn[0].toolTip() == "立案超期"
    red = drawn[0].pen().color()
    assert red.red() > 200 and red.green() < 80 and drawn[0].pen().isCosmetic()
    assert drawn[0].brush().color().alpha() < 100  # translucent: the text underneath stays readable

    view.next_page()
    assert {item.mark for item in _items(view, MarkItem)} == {field, frame}
    assert view.marks_on_page(2) == [field, frame] and view.marks_on_page(3) == []
    whole = next(item for item in _items(view, MarkItem) if item.mark is frame)
    assert whole.rect().contains(QRectF(0, 0, 595, 842))  # a frame round the whole page
    view.set_marks([])
    assert _items(view, MarkItem) == []
    assert runner().wait_for_idle(30)


def test_clicking_a_mark_gives_its_key(qtbot: QtBot, case_pdf: Path) -> None:
    view = _view(qtbot, read_case(case_pdf).case)
    view.set_marks([Mark(1, (72, 300, 400, 340), MarkKind.NEEDS_REVIEW, key=("finding", 7))])
    with qtbot.waitSignal(view.mark_activated) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(QPointF(200, 320)))
    assert signal.args == [("finding", 7)]
    assert runner().wait_for_idle(30)


def test_flash_goes_to_the_page_centres_the_box_and_pulses_once(qtbot: QtBot, case_pdf: Path) -> None:
    view = _view(qtbot, read_case(case_pdf).case)
    view.set_zoom(2.0)
    bbox = (72.0, 600.0, 300.0, 620.0)
    assert view.flash(Evidence(3, bbox, "罚款"), MarkKind.FAIL)
    item = view.highlight_item
    assert isinstance(item, FlashItem) and view.current_page == 3
    assert item.rect() == QRectF(72, 600, 228, 20) and item.mark.kind == MarkKind.FAIL
    centre = view.mapFromScene(item.rect().center())
    middle = view.viewport().rect().center()
    assert abs(centre.y() - middle.y()) <= 3 and abs(centre.x() - middle.x()) <= 3
    assert item.animating
    qtbot.waitUntil(lambda: not item.animating, timeout=3000)
    assert item.opacity() == 1.0 and item.pen().widthF() == FlashItem.REST_WIDTH
    assert item.scene() is view.scene()  # the box stays after the animation

    assert view.flash(Evidence(3, (80, 100, 120, 120), "第二次"), MarkKind.PASS)
    assert _items(view, FlashItem) == [view.highlight_item]  # one flash at a time
    assert not view.flash(Evidence(6, bbox, "无此页"), MarkKind.FAIL)
    view.clear_highlight()
    assert view.highlight_item is None and _items(view, FlashItem) == []
    assert runner().wait_for_idle(30)


def test_text_overlay_toggles_and_doubtful_lines_are_always_marked(qtbot: QtBot, case_pdf: Path) -> None:
    view = _view(qtbot, _ocr_case(case_pdf))
    assert not view.text_overlay and _items(view, SpanTextItem) == []
    assert view.low_confidence_spans_on_page() == 2  # 0.63 and 0.79; 0.80 is not below the line
    tips = sorted(item.toolTip() for item in _items(view, DoubtItem))
    assert tips == ["识别置信度 63%", "识别置信度 79%"]

    view.set_text_overlay(True)
    texts = sorted(_items(view, SpanTextItem), key=lambda item: item.rect().top())
    assert [t.span.text for t in texts] == [
        "立案登记表",
        "案号：交执罚〔2026〕12号",
        "当事人：张三",
        "案由：未取得道路运输经营许可",
    ]
    for item in texts:
        inner = item.text_item.sceneBoundingRect()
        assert item.rect().adjusted(-1, -2, 1, 2).contains(inner)  # squeezed into the span's box
        assert inner.height() > 0.6 * item.rect().height()  # scaled to the box height
    assert view.low_confidence_spans_on_page() == 2

    view.next_page()  # a text layer: its text is overlaid, but never doubted
    assert len(_items(view, SpanTextItem)) == 1 and view.low_confidence_spans_on_page() == 0
    view.set_text_overlay(False)
    assert _items(view, SpanTextItem) == [] and not view.text_overlay
    assert runner().wait_for_idle(30)


def test_rotation_is_a_view_transform_kept_per_case(qtbot: QtBot, case_pdf: Path, tmp_path: Path) -> None:
    case = read_case(case_pdf).case
    view = _view(qtbot, case)
    upright_zoom = view.zoom
    view.rotate_right()
    assert view.rotation == 90
    transform = view.transform()
    assert transform.m11() == pytest.approx(0, abs=1e-9) and transform.m12() > 0
    assert view.zoom < upright_zoom  # fit width now fits the page's height across
    view.next_page()
    assert view.rotation == 90  # kept while flipping
    view.rotate_left()
    view.rotate_left()
    assert view.rotation == 270 and view.transform().m12() < 0

    other = CaseFile(case.source, "another-sha", "pdf", case.pages[:1])
    view.set_case(other)
    assert view.rotation == 0 and view.transform().m11() > 0
    view.set_case(case)
    assert view.rotation == 270
    assert runner().wait_for_idle(30)


def _drag(qtbot: QtBot, view: PageView, start: QPointF, end: QPointF) -> None:
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), (a + b) / 2)
    qtbot.mouseMove(view.viewport(), b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
def test_region_pick_returns_page_points_at_any_rotation(qtbot: QtBot, case_pdf: Path, turns: int) -> None:
    view = _view(qtbot, read_case(case_pdf).case)
    view.set_zoom(0.6)  # the whole page on screen, however it is turned
    for _ in range(turns):
        view.rotate_right()
    assert view.start_region_pick() and view.picking_region
    assert view.viewport().cursor().shape() == Qt.CursorShape.CrossCursor
    with qtbot.waitSignal(view.region_picked) as signal:
        _drag(qtbot, view, QPointF(300, 350), QPointF(100, 200))  # dragged up and left: normalised
    page, bbox = signal.args
    assert page == 1 and not view.picking_region
    assert bbox == pytest.approx((100, 200, 300, 350), abs=1.0)
    assert runner().wait_for_idle(30)


def test_region_pick_clips_to_the_page_and_a_click_means_the_whole_page(qtbot: QtBot, case_pdf: Path) -> None:
    view = _view(qtbot, read_case(case_pdf).case)
    view.set_zoom(0.6)
    view.start_region_pick()
    with qtbot.waitSignal(view.region_picked) as signal:
        _drag(qtbot, view, QPointF(-8, -8), QPointF(150, 120))  # from the grey margin
    assert signal.args[1] == pytest.approx((0, 0, 150, 120), abs=1.0)
    view.start_region_pick()
    with qtbot.waitSignal(view.region_picked) as signal:
        _drag(qtbot, view, QPointF(200, 200), QPointF(201, 201))
    assert signal.args == [1, WHOLE_PAGE]
    assert runner().wait_for_idle(30)


def test_escape_cancels_a_region_pick(qtbot: QtBot, case_pdf: Path) -> None:
    view = _view(qtbot, read_case(case_pdf).case)
    view.start_region_pick()
    with qtbot.waitSignal(view.region_pick_cancelled), qtbot.assertNotEmitted(view.region_picked):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.picking_region
    assert view.dragMode() == view.DragMode.ScrollHandDrag
    assert view.viewport().cursor().shape() != Qt.CursorShape.CrossCursor
    view.cancel_region_pick()  # not picking: nothing to cancel, no second signal
    assert runner().wait_for_idle(30)


def test_space_scrolls_a_screen_and_flips_at_the_ends(qtbot: QtBot, case_pdf: Path) -> None:
    view = _view(qtbot, read_case(case_pdf).case, size=(700, 300))
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.minimum()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.current_page == 1
    assert bar.value() - bar.minimum() == pytest.approx(0.9 * view.viewport().height(), abs=1)
    for _ in range(10):
        if bar.value() >= bar.maximum():
            break
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert bar.value() == bar.maximum() and view.current_page == 1
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.current_page == 2 and bar.value() == bar.minimum()
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_page == 1 and bar.value() == bar.maximum()
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_page == 1 and bar.value() < bar.maximum()
    assert runner().wait_for_idle(30)


def test_mouse_position_helper_is_inside_the_viewport(qtbot: QtBot, case_pdf: Path) -> None:
    """Guards the picking tests: mapped page points must land on the viewport to be clicked."""
    view = _view(qtbot, read_case(case_pdf).case)
    view.set_zoom(0.6)
    view.rotate_right()
    for point in (QPointF(0, 0), QPointF(595, 842)):
        assert view.viewport().rect().contains(view.mapFromScene(point) + QPoint(0, 0))
    assert runner().wait_for_idle(30)
