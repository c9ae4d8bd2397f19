"""The case timeline view: painting, clicks on events and deadlines, zoom, empty state, layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casegen import generate_case
from casereview.calendar import WorkCalendar
from casereview.domain.findings import Status
from casereview.domain.model import Evidence
from casereview.pipeline import read_case
from casereview.rules.base import DEFAULT_PARAMS
from casereview.timeline import Deadline, Timeline, TimelineEvent, build_timeline
from casereview_ui.timeline import TimelineHit, TimelineView
from casereview_ui.timeline_canvas import BREACHED, HOLIDAY_BG, KEPT

CALENDAR = WorkCalendar()
D = dt.date
DECISION = Evidence(5, (100.0, 600.0, 220.0, 616.0), "2025年9月26日")
SERVICE = Evidence(7, (300.0, 500.0, 420.0, 516.0), "2025年10月14日")


def sample() -> Timeline:
    """决定 9-26, 送达 10-14 (one WD late across 国庆), a publication from outside the file."""
    events = (
        TimelineEvent(D(2025, 9, 26), "决定", "处罚决定", DECISION),
        TimelineEvent(D(2025, 10, 14), "送达", "决定书送达", SERVICE),
        TimelineEvent(D(2025, 10, 20), "公示", "公示（评查录入）", None),
    )
    late = Deadline(
        "T-02", "决定→送达", D(2025, 9, 26), D(2025, 10, 13), D(2025, 10, 14), "7个工作日", True,
        "行政处罚法第六十一条", "决定", "送达", "处罚决定书送达期限", working_days_used=8, days_used=18,
        status=Status.FAIL, message="间隔8个工作日，超过7个工作日的送达期限。",
    )  # fmt: skip
    kept = Deadline(
        "T-12", "决定→公示", D(2025, 9, 26), CALENDAR.add_working_days(D(2025, 9, 26), 20), D(2025, 10, 20),
        "20个工作日", False, "国办发〔2018〕118号", "决定", "公示", "处罚决定公示期限",
    )  # fmt: skip
    first, last = D(2025, 9, 23), D(2025, 10, 27)
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    off = {d: CALENDAR.holiday_name(d) or "周末" for d in days if not CALENDAR.is_workday(d)}
    makeup = dict(CALENDAR.makeup_days_between(first, last))
    return Timeline(events, (late, kept), off, first, last, makeup)


@pytest.fixture
def view(qtbot: QtBot) -> TimelineView:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1000, 320)
    widget.show()
    widget.set_timeline(sample())
    return widget


def image_of(view: TimelineView) -> QImage:
    return view.canvas.grab().toImage()


def pixel(image: QImage, point: QPointF) -> QColor:
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(point.x() * ratio), int(point.y() * ratio))


def count_colour(image: QImage, colour: QColor) -> int:
    return sum(
        1 for y in range(image.height()) for x in range(image.width()) if image.pixelColor(x, y) == colour
    )


def test_paints_holidays_and_bars(view: TimelineView) -> None:
    layout = view.canvas.layout_
    assert layout is not None
    image = image_of(view)
    assert not image.isNull() and image.width() >= view.canvas.width()
    bottom = view.canvas.height() - 2.0
    assert pixel(image, QPointF(layout.cx(D(2025, 10, 2)), bottom)) == HOLIDAY_BG  # 国庆节
    assert pixel(image, QPointF(layout.cx(D(2025, 9, 24)), bottom)) == QColor(255, 255, 255)  # a workday
    # the breached row holds solid red, the kept one none
    late, kept = (layout.deadlines[i].rect.toAlignedRect() for i in (0, 1))
    assert count_colour(image.copy(late), BREACHED) > 20
    assert count_colour(image.copy(kept), BREACHED) == 0
    assert count_colour(image.copy(kept), KEPT) > 20


def test_click_event_emits_its_evidence(qtbot: QtBot, view: TimelineView) -> None:
    assert view.hit_test(view.event_rect(1).center()) == TimelineHit("event", 1)
    with qtbot.waitSignal(view.evidence_requested, timeout=1000) as signal:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=view.marker_pos(1))
    assert signal.args == [SERVICE]
    with qtbot.assertNotEmitted(view.evidence_requested, wait=50):  # outside the file: nothing to show
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=view.event_rect(2).center())


def test_click_deadline_emits_its_rule(qtbot: QtBot, view: TimelineView) -> None:
    with qtbot.waitSignal(view.rule_requested, timeout=1000) as signal:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=view.deadline_rect(1).center())
    assert signal.args == ["T-12"]
    assert view.hit_test(QPoint(2, view.canvas.height() - 2)) is None


def test_texts_and_tooltips(view: TimelineView) -> None:
    canvas = view.canvas
    timeline = view.timeline()
    assert timeline is not None
    assert canvas.deadline_text(timeline.deadlines[0]) == "决定→送达 7个工作日（截止 10月13日）"
    tip = canvas.tooltip(QPointF(view.deadline_rect(0).center()))
    assert "T-02" in tip and "行政处罚法第六十一条" in tip and "间隔8个工作日" in tip and "超期" in tip
    assert "第7页" in canvas.tooltip(QPointF(view.marker_pos(1)))
    layout = canvas.layout_
    assert layout is not None
    assert "国庆节" in canvas.tooltip(QPointF(layout.cx(D(2025, 10, 3)), canvas.height() - 2.0))


def test_empty_state(qtbot: QtBot, view: TimelineView) -> None:
    view.set_timeline(None)
    assert view.canvas.layout_ is None and view.hit_test(QPoint(10, 10)) is None
    image = image_of(view)
    assert count_colour(image, QColor(255, 255, 255)) < image.width() * image.height()  # the message
    empty = Timeline((), (), {}, D(2025, 1, 1), D(2025, 1, 1))
    view.set_timeline(empty)
    assert view.canvas.layout_ is None
    view.set_timeline(sample())
    assert view.canvas.layout_ is not None


def axis_width(view: TimelineView) -> float:
    assert view.canvas.layout_ is not None
    return view.canvas.layout_.width


def test_zoom_changes_the_width(qtbot: QtBot, view: TimelineView) -> None:
    assert view.fitted
    fitted_width, fitted_day = axis_width(view), view.day_width
    assert view.canvas.width() <= view.width()  # fits: no horizontal scrolling
    assert fitted_width == pytest.approx(view.canvas.width(), abs=1)
    view.zoom_in()
    assert not view.fitted and view.day_width == pytest.approx(fitted_day * 1.25)
    assert axis_width(view) > fitted_width and view.canvas.width() > view.width()
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.day_width < fitted_day and axis_width(view) < fitted_width
    centre = QPointF(view.marker_pos(0))
    wheel = QWheelEvent(
        centre,
        QPointF(view.canvas.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    before = view.day_width
    QApplication.sendEvent(view.canvas, wheel)
    assert view.day_width == pytest.approx(before * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.fitted and view.day_width == pytest.approx(fitted_day)
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(2, view.canvas.height() - 2))
    assert view.hasFocus()  # a click on the axis lets the keys zoom


def test_generated_case_lays_out_without_overlaps(qtbot: QtBot, tmp_path: Path) -> None:
    path, _ = generate_case(tmp_path, "trap", kind="digital", seed=7, defects=["T-02"], calendar_trap=True)
    timeline = build_timeline(read_case(path), CALENDAR, DEFAULT_PARAMS)
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1200, 360)
    widget.show()
    widget.set_timeline(timeline)
    for zoom in range(4):
        layout = widget.canvas.layout_
        assert layout is not None
        boxes: list[QRectF] = [b.rect for b in layout.events] + [b.rect for b in layout.deadlines]
        for i, a in enumerate(boxes):
            assert all(not a.intersects(b) for b in boxes[i + 1 :]), (zoom, i)
        texts = [b.text_rect for b in layout.events] + [b.text_rect for b in layout.deadlines]
        assert all(t.left() >= 0 and t.right() <= widget.canvas.width() for t in texts), zoom
        widget.zoom_in()
    assert not widget.canvas.grab().isNull()
