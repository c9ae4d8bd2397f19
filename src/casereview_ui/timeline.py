"""The case timeline view: the case's dates on a working-day axis, each deadline as a bar from its
start to its due date (green kept, red breached, grey undecided), holidays shaded: the view a
reviewer uses to explain a time-limit finding.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget
from typing_extensions import override

from casereview.timeline import Timeline
from casereview_ui.timeline_canvas import (
    BREACHED,
    EVENT_COLOUR,
    HOLIDAY_BG,
    INK,
    KEPT,
    MAKEUP_BG,
    UNKNOWN,
    WEEKEND_BG,
    TimelineCanvas,
)
from casereview_ui.timeline_layout import MARGIN, MAX_DAY, MIN_DAY, ZOOM_STEP, TimelineHit

__all__ = ["TimelineHit", "TimelineLegend", "TimelineView"]


class TimelineLegend(QWidget):
    """Swatches in the timeline's own colours (painted: a rich-text label cannot draw a pale box)."""

    SWATCH = 12.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, QColor, str]] = [
            ("day", WEEKEND_BG, self.tr("周末")),
            ("day", HOLIDAY_BG, self.tr("法定节假日")),
            ("day", MAKEUP_BG, self.tr("调休上班")),
            ("bar", KEPT, self.tr("期限内")),
            ("bar", BREACHED, self.tr("超期")),
            ("bar", UNKNOWN, self.tr("无法判断")),
            ("event", EVENT_COLOUR, self.tr("案卷日期")),
            ("end", INK, self.tr("实际日期")),
        ]

    def _widths(self) -> list[float]:
        metrics = QFontMetricsF(self.font())
        return [self.SWATCH + 4 + metrics.horizontalAdvance(text) + 14 for _, _, text in self.items]

    @override
    def sizeHint(self) -> QSize:
        return QSize(int(sum(self._widths()) + 1), int(QFontMetricsF(self.font()).height() + 8))

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x, mid, s = 2.0, self.height() / 2, self.SWATCH
        for (kind, colour, text), width in zip(self.items, self._widths(), strict=True):
            box = QRectF(x, mid - s / 2, s, s)
            painter.setPen(QPen(colour.darker(125 if kind == "day" else 100), 1))
            if kind == "day":
                painter.setBrush(colour)
                painter.drawRect(box)
            elif kind == "bar":
                fill = QColor(colour)
                fill.setAlpha(90)
                painter.setBrush(fill)
                painter.drawRoundedRect(box.adjusted(0, 2, 0, -2), 2, 2)
            elif kind == "event":
                painter.setBrush(colour)
                painter.drawEllipse(box.center(), s / 2 - 1, s / 2 - 1)
            else:
                c = box.center()
                r = s / 2
                painter.setBrush(colour)
                painter.drawPolygon(
                    QPolygonF([c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r), c + QPointF(-r, 0)])
                )
            painter.setPen(self.palette().windowText().color())
            text_box = QRectF(x + s + 4, 0, width - s - 4, self.height())
            painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            x += width
        painter.end()


class TimelineView(QWidget):
    """The case timeline with a legend, zoom buttons and horizontal scrolling.

    Fits the case to the width by default; Ctrl+wheel, +/- (and the buttons) zoom the day width,
    0 fits again. A click on an event with evidence emits ``evidence_requested``; a click on a
    deadline emits ``rule_requested`` with its rule id.
    """

    evidence_requested = Signal(object)  # Evidence
    rule_requested = Signal(str)  # rule id, e.g. "T-02"
    zoom_changed = Signal(float)  # day width in logical pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timeline: Timeline | None = None
        self._day_width = 16.0
        self._fit = True
        self._canvas = TimelineCanvas()
        self._canvas.clicked.connect(self._on_click)
        self._canvas.zoom_requested.connect(self._zoom_at)
        self._scroll = QScrollArea()
        self._scroll.setWidget(self._canvas)
        self._scroll.setWidgetResizable(False)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.viewport().installEventFilter(self)
        self._legend = TimelineLegend()
        self._note = QLabel()
        self._note.setStyleSheet("color: #b03000")
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self._legend)
        bar.addWidget(self._note)
        bar.addStretch(1)
        self._buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            ("out", "−", self.tr("缩小（-）"), self.zoom_out),
            ("in", "+", self.tr("放大（+）"), self.zoom_in),
            ("fit", self.tr("适合宽度"), self.tr("整个案卷适合窗口宽度（0）"), self.fit_width),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self._buttons[key] = button
        self._buttons["fit"].setCheckable(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self._scroll, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._canvas.setFocusProxy(self)  # a click on the axis makes +/-/0 work at once
        self.set_timeline(None)

    # -- public API --------------------------------------------------------------------------------
    def set_timeline(self, timeline: Timeline | None) -> None:
        self._timeline = timeline
        self._fit = True
        missing = "、".join(str(y) for y in timeline.missing_years) if timeline else ""
        self._note.setText(
            self.tr("缺少{0}年节假日数据：未标注非工作日，跨入该年的工作日期限无法显示").format(missing)
            if missing
            else ""
        )
        self._relayout()
        self._scroll.horizontalScrollBar().setValue(0)

    def timeline(self) -> Timeline | None:
        return self._timeline

    @property
    def canvas(self) -> TimelineCanvas:
        return self._canvas

    @property
    def day_width(self) -> float:
        return self._day_width

    @property
    def fitted(self) -> bool:
        return self._fit

    def zoom_in(self) -> None:
        self.set_day_width(self._day_width * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_day_width(self._day_width / ZOOM_STEP)

    def fit_width(self) -> None:
        self._fit = True
        self._relayout()

    def set_day_width(self, width: float) -> None:
        self._fit = False
        self._day_width = min(max(width, MIN_DAY), MAX_DAY)
        self._relayout()

    def event_rect(self, index: int) -> QRect:
        """Clickable area of event ``index`` in canvas coordinates."""
        assert self._canvas.layout_ is not None
        return self._canvas.layout_.events[index].rect.toAlignedRect()

    def marker_pos(self, index: int) -> QPoint:
        assert self._canvas.layout_ is not None
        return self._canvas.layout_.events[index].marker.toPoint()

    def deadline_rect(self, index: int) -> QRect:
        assert self._canvas.layout_ is not None
        return self._canvas.layout_.deadlines[index].rect.toAlignedRect()

    def hit_test(self, point: QPoint) -> TimelineHit | None:
        """What lies at ``point`` (canvas coordinates)."""
        return self._canvas.layout_.hit(QPointF(point)) if self._canvas.layout_ else None

    # -- internals ---------------------------------------------------------------------------------
    def _relayout(self) -> None:
        viewport = self._scroll.viewport().size()
        timeline = self._timeline
        if self._fit and timeline is not None and not timeline.empty:
            self._day_width = min(max((viewport.width() - 2 * MARGIN) / timeline.days, MIN_DAY), MAX_DAY)
        self._canvas.relayout(timeline, self._day_width, (viewport.width(), viewport.height()))
        self._buttons["fit"].setChecked(self._fit)
        self._buttons["in"].setEnabled(self._day_width < MAX_DAY)
        self._buttons["out"].setEnabled(self._day_width > MIN_DAY)
        self.zoom_changed.emit(self._day_width)

    def _zoom_at(self, factor: float, x: float) -> None:
        """Zoom keeping the day under ``x`` (canvas coordinates) where it is on screen."""
        bar = self._scroll.horizontalScrollBar()
        on_screen = x - bar.value()
        days = (x - MARGIN) / self._day_width
        self.set_day_width(self._day_width * factor)
        bar.setValue(int(MARGIN + days * self._day_width - on_screen))

    def _on_click(self, hit: TimelineHit) -> None:
        timeline = self._timeline
        if timeline is None:
            return
        if hit.kind == "event":
            evidence = timeline.events[hit.index].evidence
            if evidence is not None:
                self.evidence_requested.emit(evidence)
        else:
            self.rule_requested.emit(timeline.deadlines[hit.index].rule)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._relayout()
        return super().eventFilter(watched, event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit_width()
        else:
            super().keyPressEvent(event)
