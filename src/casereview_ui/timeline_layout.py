"""Geometry of the case timeline: where each day, event marker, label and deadline bar goes.

Pure computation from the timeline, the day width and the font metrics, so painting, clicks,
tooltips and tests share the same rectangles. Coordinates are logical pixels (Qt scales them on
high-DPI screens).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from casereview.timeline import Timeline

MIN_DAY, MAX_DAY = 0.5, 64.0  # day width bounds, logical pixels (0.5: two years fit 400 pixels)
MIN_WEEKEND_DAY = 3.0  # narrower days show holidays but not weekends
ZOOM_STEP = 1.25
MARGIN = 10.0
MONTH_H, DAY_H, NAME_H = 20.0, 18.0, 16.0
HEADER_H = MONTH_H + DAY_H + NAME_H
ROW_H, TEXT_H = 22.0, 16.0
GAP = 8.0
MARKER_R, BAR_H = 5.0, 10.0


def md(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


def ymd(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def on_axis_date(day: dt.date, timeline: Timeline) -> str:
    """3月12日 on the axis (its month labels give the year); the full date off it (T-16's 2 years)."""
    return md(day) if timeline.first <= day <= timeline.last else ymd(day)


@dataclass(frozen=True)
class TimelineHit:
    kind: str  # "event" or "deadline"
    index: int


@dataclass(frozen=True)
class EventBox:
    marker: QPointF
    text_rect: QRectF
    rect: QRectF  # marker and label: the clickable area


@dataclass(frozen=True)
class DeadlineBox:
    bar_y: float  # centre line of the bar
    x_start: float
    x_due: float  # clipped to the axis
    x_end: float | None
    runs_off: bool  # the due date lies beyond the axis
    text_rect: QRectF
    rect: QRectF


class TimelineLayout:
    """Geometry of one timeline at one day width; texts are measured with ``metrics``."""

    def __init__(
        self, timeline: Timeline, day_width: float, metrics: QFontMetricsF, texts: tuple[list[str], list[str]]
    ) -> None:
        self.timeline = timeline
        self.day_width = day_width
        self.width = 2 * MARGIN + timeline.days * day_width
        self.events = self._place_events(metrics, texts[0])
        top = max((b.rect.bottom() for b in self.events), default=HEADER_H) + GAP
        self.deadlines = self._place_deadlines(metrics, texts[1], top)
        self.height = max((b.rect.bottom() for b in self.deadlines), default=top) + GAP

    def x(self, day: dt.date) -> float:
        """Left edge of ``day``'s column (days off the axis extrapolate)."""
        return MARGIN + (day - self.timeline.first).days * self.day_width

    def cx(self, day: dt.date) -> float:
        return self.x(day) + self.day_width / 2

    def day_at(self, x: float) -> dt.date | None:
        index = int((x - MARGIN) // self.day_width)
        return self.timeline.first + dt.timedelta(days=index) if 0 <= index < self.timeline.days else None

    def _place_events(self, metrics: QFontMetricsF, texts: list[str]) -> list[EventBox]:
        """Markers at their day, labels right of them (left near the end), stacked in free rows."""
        rows: list[float] = []  # right edge of the last label in each row
        out: list[EventBox] = []
        for event, text in zip(self.timeline.events, texts, strict=True):
            cx, w = self.cx(event.date), metrics.horizontalAdvance(text)
            text_left = cx + MARKER_R + 4
            if text_left + w > self.width - 2:
                text_left = cx - MARKER_R - 4 - w
            left, right = min(cx - MARKER_R, text_left), max(cx + MARKER_R, text_left + w)
            row = next((i for i, edge in enumerate(rows) if edge + 10 <= left), len(rows))
            if row == len(rows):
                rows.append(right)
            rows[row] = right
            cy = HEADER_H + GAP / 2 + row * ROW_H + ROW_H / 2
            text_rect = QRectF(text_left, cy - TEXT_H / 2, w, TEXT_H)
            rect = QRectF(left - 2, cy - ROW_H / 2 + 2, right - left + 4, ROW_H - 4)
            out.append(EventBox(QPointF(cx, cy), text_rect, rect))
        return out

    def _place_deadlines(self, metrics: QFontMetricsF, texts: list[str], top: float) -> list[DeadlineBox]:
        """One row per deadline; its label beside the bar when it fits, else on a line above it."""
        out: list[DeadlineBox] = []
        y, right_limit = top, self.width - 4
        for deadline, text in zip(self.timeline.deadlines, texts, strict=True):
            x_start, x_due = self.cx(deadline.start), self.cx(deadline.due)
            runs_off = x_due > self.width - MARGIN
            x_due = min(x_due, self.width - MARGIN)
            x_end = self.cx(deadline.end) if deadline.end else None
            lo = min(x_start, x_end if x_end is not None else x_start) - MARKER_R
            hi = max(x_due, x_end if x_end is not None else x_due) + MARKER_R
            w = metrics.horizontalAdvance(text)
            bar_y = y + ROW_H / 2
            if hi + 6 + w <= right_limit:
                text_rect = QRectF(hi + 6, bar_y - TEXT_H / 2, w, TEXT_H)
            elif lo - 6 - w >= 4:
                text_rect = QRectF(lo - 6 - w, bar_y - TEXT_H / 2, w, TEXT_H)
            else:  # a long bar: the label on its own line above, kept inside the canvas
                text_rect = QRectF(max(4.0, min(lo, right_limit - w)), y + 2, w, TEXT_H)
                bar_y += TEXT_H
            bar = QRectF(lo, bar_y - ROW_H / 2 + 2, hi - lo, ROW_H - 4)
            out.append(DeadlineBox(bar_y, x_start, x_due, x_end, runs_off, text_rect, bar.united(text_rect)))
            y = bar_y + ROW_H / 2
        return out

    def hit(self, point: QPointF) -> TimelineHit | None:
        for i, box in enumerate(self.events):
            if box.rect.contains(point):
                return TimelineHit("event", i)
        for i, dbox in enumerate(self.deadlines):
            if dbox.rect.contains(point):
                return TimelineHit("deadline", i)
        return None
