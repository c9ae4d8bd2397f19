"""The painted timeline: day axis, shaded non-working days, event markers and deadline bars.

Geometry comes from ``TimelineLayout``; this widget paints it, answers tooltips and reports clicks.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget
from typing_extensions import override

from casereview.domain.findings import Status
from casereview.timeline import Deadline, Timeline, TimelineEvent
from casereview_ui import palette
from casereview_ui.timeline_layout import (
    BAR_H,
    DAY_H,
    HEADER_H,
    MARKER_R,
    MIN_WEEKEND_DAY,
    MONTH_H,
    NAME_H,
    ZOOM_STEP,
    DeadlineBox,
    EventBox,
    TimelineLayout,
    md,
    on_axis_date,
    ymd,
)

WEEKEND_BG = QColor(234, 234, 234)
HOLIDAY_BG = QColor(252, 212, 176)
MAKEUP_BG = QColor(204, 222, 248)
KEPT, BREACHED, UNKNOWN = palette.PASS, palette.FAIL, palette.MUTED
EVENT_COLOUR, GRID, INK = QColor(30, 70, 140), QColor(200, 200, 200), QColor(40, 40, 40)


def colour_of(deadline: Deadline) -> QColor:
    return UNKNOWN if deadline.breached is None else BREACHED if deadline.breached else KEPT


class TimelineCanvas(QWidget):
    """The painted axis; sized by its layout inside the view's scroll area."""

    clicked = Signal(object)  # TimelineHit
    zoom_requested = Signal(float, float)  # factor, x of the anchor (canvas coordinates)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.layout_: TimelineLayout | None = None
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(self.font().pointSizeF() * 0.85, 7.0))
        return font

    def relayout(self, timeline: Timeline | None, day_width: float, min_size: tuple[int, int]) -> None:
        self.timeline = timeline
        if timeline is None or timeline.empty:
            self.layout_ = None
            self.resize(*min_size)
        else:
            texts = (
                [self.event_text(e) for e in timeline.events],
                [self.deadline_text(d) for d in timeline.deadlines],
            )
            self.layout_ = TimelineLayout(timeline, day_width, QFontMetricsF(self.font()), texts)
            self.resize(
                max(int(self.layout_.width + 0.5), min_size[0]),
                max(int(self.layout_.height + 1), min_size[1]),
            )
        self.update()

    # -- texts -------------------------------------------------------------------------------------
    def event_text(self, event: TimelineEvent) -> str:
        return f"{event.label} {md(event.date)}"

    def deadline_text(self, deadline: Deadline) -> str:
        when = self.tr("最早") if deadline.at_least else self.tr("截止")
        due = on_axis_date(deadline.due, self.timeline) if self.timeline else md(deadline.due)
        return f"{deadline.label} {deadline.limit_text}（{when} {due}）"

    def _weekday(self, day: dt.date) -> str:
        names = (
            self.tr("一"),
            self.tr("二"),
            self.tr("三"),
            self.tr("四"),
            self.tr("五"),
            self.tr("六"),
            self.tr("日"),
        )
        return self.tr("星期") + names[day.weekday()]

    def tooltip(self, point: QPointF) -> str:
        layout, timeline = self.layout_, self.timeline
        if layout is None or timeline is None:
            return ""
        hit = layout.hit(point)
        if hit is not None and hit.kind == "event":
            return self._event_tip(timeline.events[hit.index])
        if hit is not None:
            return self._deadline_tip(timeline.deadlines[hit.index])
        day = layout.day_at(point.x())
        if day is None:
            return ""
        kind = timeline.non_working.get(day)
        if kind is None and day in timeline.makeup_days:
            kind = self.tr("调休上班（{0}）").format(timeline.makeup_days[day])
        return f"{ymd(day)} {self._weekday(day)}" + (f"　{kind}" if kind else "")

    def _event_tip(self, event: TimelineEvent) -> str:
        head = f"<b>{html.escape(event.label)}</b><br>{ymd(event.date)} {self._weekday(event.date)}<br>"
        if event.evidence is None:
            return head + self.tr("来源：案卷外（公示清单或评查人员录入）")
        where = self.tr("第{0}页：“{1}”（单击查看原文）").format(event.evidence.page, event.evidence.text)
        return head + html.escape(where)

    def _deadline_tip(self, dl: Deadline) -> str:
        result = {True: self.tr("超期"), False: self.tr("未超期"), None: self.tr("无法判断，需人工核查")}
        if dl.at_least:
            result = {True: self.tr("不足期限"), False: self.tr("已满期限"), None: result[None]}
        lines = [
            f"<b>{html.escape(dl.rule)} {html.escape(dl.title)}</b>",
            self.tr("期限：{0}，自{1}起，{2}{3}").format(
                dl.limit_text, ymd(dl.start), self.tr("最早") if dl.at_least else self.tr("截止"), ymd(dl.due)
            ),
        ]
        if dl.end is not None:
            used = (
                self.tr("，间隔{0}个工作日").format(dl.working_days_used)
                if dl.working_days_used is not None
                else ""
            )
            lines.append(self.tr("实际：{0}（{1}日{2}）").format(ymd(dl.end), dl.days_used, used))
        else:
            lines.append(self.tr("实际：案卷中未找到"))
        lines.append(self.tr("结论：{0}").format(result[dl.breached]))
        lines.append(self.tr("依据：{0}").format(html.escape(dl.basis)))
        if dl.message:
            lines.append(f"<br>{html.escape(dl.message)}")
        return "<br>".join(lines)

    # -- events ------------------------------------------------------------------------------------
    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self.layout_.hit(event.position()) if self.layout_ else None
        if event.button() == Qt.MouseButton.LeftButton and hit is not None:
            self.clicked.emit(hit)
            event.accept()
            return
        super().mousePressEvent(event)

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.layout_.hit(event.position()) if self.layout_ else None
        clickable = hit is not None and (hit.kind == "deadline" or self._has_evidence(hit.index))
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def _has_evidence(self, index: int) -> bool:
        return self.timeline is not None and self.timeline.events[index].evidence is not None

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.angleDelta().y():
            factor = ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP
            self.zoom_requested.emit(factor, event.position().x())
            event.accept()
            return
        event.ignore()  # the scroll area scrolls

    # -- painting ----------------------------------------------------------------------------------
    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(255, 255, 255))
        layout, timeline = self.layout_, self.timeline
        if layout is None or timeline is None:
            painter.setPen(QColor(120, 120, 120))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("本案卷未提取到日期"))
            painter.end()
            return
        self._paint_days(painter, layout, timeline)
        self._paint_header(painter, layout, timeline)
        for box, ev in zip(layout.events, timeline.events, strict=True):
            self._paint_event(painter, box, ev)
        for dbox, dl in zip(layout.deadlines, timeline.deadlines, strict=True):
            self._paint_deadline(painter, dbox, dl)
        painter.end()

    def _days(self, timeline: Timeline) -> list[dt.date]:
        return [timeline.first + dt.timedelta(days=i) for i in range(timeline.days)]

    def _paint_days(self, painter: QPainter, layout: TimelineLayout, timeline: Timeline) -> None:
        """Non-working columns down the whole canvas, 调休 days in the day row, month lines.

        Below a few pixels a day, weekends would only stripe the axis: holidays stay."""
        w, bottom = layout.day_width, float(self.height())
        weekends = w >= MIN_WEEKEND_DAY
        for day in self._days(timeline):
            x = layout.x(day)
            if day in timeline.non_working and (weekends or timeline.is_holiday(day)):
                colour = HOLIDAY_BG if timeline.is_holiday(day) else WEEKEND_BG
                painter.fillRect(QRectF(x, MONTH_H, w, bottom - MONTH_H), colour)
            elif day in timeline.makeup_days and weekends:
                painter.fillRect(QRectF(x, MONTH_H, w, DAY_H), MAKEUP_BG)
            if day.day == 1:
                painter.setPen(QPen(GRID, 1))
                painter.drawLine(QPointF(x, 0), QPointF(x, bottom))

    def _month_labels(self, layout: TimelineLayout, timeline: Timeline) -> list[tuple[float, str]]:
        """(x, text) of the month row: 2026年3月 where a month is wide enough; on a narrow axis the
        years first (at January, then at the first month), month names where room is left."""
        metrics = QFontMetricsF(self.font())
        end = timeline.last + dt.timedelta(days=1)
        wanted: list[tuple[int, float, list[str]]] = []  # (priority, x, texts to try in order)
        for day in self._days(timeline):
            if day.day != 1 and day != timeline.first:
                continue
            nxt = min((day.replace(day=28) + dt.timedelta(days=4)).replace(day=1), end)
            full = self.tr("{0}年{1}月").format(day.year, day.month)
            year, month = self.tr("{0}年").format(day.year), self.tr("{0}月").format(day.month)
            fits = metrics.horizontalAdvance(full) <= layout.x(nxt) - layout.x(day) - 6
            texts = [full] if fits else [year, month] if day.month == 1 or day == timeline.first else [month]
            wanted.append(
                (0 if fits or day.month == 1 else 1 if day == timeline.first else 2, layout.x(day) + 4, texts)
            )
        taken: list[tuple[float, float]] = []
        out: list[tuple[float, str]] = []
        for _, x, texts in sorted(wanted, key=lambda w: w[0]):
            for text in texts:
                right = x + metrics.horizontalAdvance(text) + 6
                if all(right <= lo or x >= hi for lo, hi in taken):
                    taken.append((x, right))
                    out.append((x, text))
                    break
        return out

    def _paint_header(self, painter: QPainter, layout: TimelineLayout, timeline: Timeline) -> None:
        painter.setPen(INK)
        days = self._days(timeline)
        for x, text in self._month_labels(layout, timeline):
            span = QRectF(x, 0, layout.width, MONTH_H)
            painter.drawText(span, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        small = self.small_font()
        painter.setFont(small)
        fm = QFontMetricsF(small)
        step = next((s for s in (1, 2, 5, 10) if layout.day_width * s >= fm.horizontalAdvance("30") + 3), 0)
        for day in days if step else []:
            if step == 1 or day.day == 1 or (day.day % step == 0 and self._clear_of_firsts(day, step)):
                cell = QRectF(layout.x(day) - 8, MONTH_H, layout.day_width + 16, DAY_H)
                painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(day.day))
        self._paint_holiday_names(painter, layout, timeline, fm)
        painter.setFont(self.font())
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(0, HEADER_H), QPointF(layout.width, HEADER_H))

    @staticmethod
    def _clear_of_firsts(day: dt.date, step: int) -> bool:
        """A stepped day number far enough from the month's 1 and the next month's 1."""
        month_days = ((day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)).day
        return day.day - 1 >= 0.8 * step and month_days + 1 - day.day >= 0.8 * step

    def _paint_holiday_names(
        self, painter: QPainter, layout: TimelineLayout, timeline: Timeline, fm: QFontMetricsF
    ) -> None:
        """Each holiday block's name over it, when the block is wide enough."""
        blocks: list[tuple[dt.date, dt.date, str]] = []
        for day in self._days(timeline):
            name = timeline.non_working[day] if timeline.is_holiday(day) else None
            if name and blocks and blocks[-1][2] == name and blocks[-1][1] + dt.timedelta(days=1) == day:
                blocks[-1] = (blocks[-1][0], day, name)
            elif name:
                blocks.append((day, day, name))
        painter.setPen(QColor(150, 70, 20))
        for first, last, name in blocks:
            rect = QRectF(
                layout.x(first), MONTH_H + DAY_H, layout.x(last) + layout.day_width - layout.x(first), NAME_H
            )
            if fm.horizontalAdvance(name) <= rect.width() + 8:
                painter.drawText(rect.adjusted(-4, 0, 4, 0), Qt.AlignmentFlag.AlignCenter, name)

    def _paint_event(self, painter: QPainter, box: EventBox, event: TimelineEvent) -> None:
        painter.setPen(QPen(EVENT_COLOUR, 1.5))
        painter.setBrush(QBrush(EVENT_COLOUR) if event.evidence else QBrush(QColor(255, 255, 255)))
        painter.drawEllipse(box.marker, MARKER_R, MARKER_R)
        painter.setPen(INK)
        painter.drawText(
            box.text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.event_text(event)
        )

    def _paint_deadline(self, painter: QPainter, box: DeadlineBox, dl: Deadline) -> None:
        colour = colour_of(dl)
        y = box.bar_y
        bar = QRectF(box.x_start, y - BAR_H / 2, max(box.x_due - box.x_start, 2.0), BAR_H)
        fill = QColor(colour)
        fill.setAlpha(90)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(bar, 3, 3)
        if box.runs_off:  # the limit continues past the axis
            tip = QPolygonF(
                [QPointF(box.x_due, y - BAR_H), QPointF(box.x_due + 8, y), QPointF(box.x_due, y + BAR_H)]
            )
            painter.setBrush(colour)
            painter.drawPolygon(tip)
        else:
            painter.setPen(QPen(colour.darker(130), 2))
            painter.drawLine(QPointF(box.x_due, y - BAR_H), QPointF(box.x_due, y + BAR_H))
        if box.x_end is not None and dl.breached:  # the overrun (or the shortfall) in solid red
            lo, hi = sorted((box.x_due, box.x_end))
            over = QRectF(lo, y - BAR_H / 2 - 2, hi - lo, BAR_H + 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BREACHED)
            painter.drawRect(over)
            painter.setBrush(QBrush(QColor(255, 255, 255, 150), Qt.BrushStyle.BDiagPattern))
            painter.drawRect(over)
        if box.x_end is not None and not dl.breached:  # an end outside the bar, tied to it
            edge = box.x_due if box.x_end > box.x_due else box.x_start if box.x_end < box.x_start else None
            if edge is not None:
                painter.setPen(QPen(colour, 1.2, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(edge, y), QPointF(box.x_end, y))
        if box.x_end is not None:  # the actual end date: a diamond
            r = MARKER_R + 1
            diamond = QPolygonF(
                [
                    QPointF(box.x_end, y - r),
                    QPointF(box.x_end + r, y),
                    QPointF(box.x_end, y + r),
                    QPointF(box.x_end - r, y),
                ]
            )
            painter.setPen(QPen(QColor(255, 255, 255), 1))
            painter.setBrush(colour.darker(140))
            painter.drawPolygon(diamond)
        painter.setPen(colour.darker(150) if dl.status != Status.NEEDS_REVIEW else INK)
        painter.drawText(
            box.text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.deadline_text(dl)
        )
