"""Working-day arithmetic on chinesecalendar (legal-reference §5): start day excluded, 调休 counts."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import chinese_calendar

FIRST = dt.date(2023, 1, 1)
LAST = dt.date(2026, 12, 31)  # chinesecalendar 1.11 has no data after 2026


@lru_cache(maxsize=4096)
def is_workday(d: dt.date) -> bool:
    return bool(chinese_calendar.is_workday(d))


def add_wd(d: dt.date, n: int) -> dt.date:
    """The n-th working day after ``d`` (n > 0), before it (n < 0), or ``d`` rolled forward (n == 0)."""
    step = 1 if n >= 0 else -1
    cur = d
    if n == 0:
        while not is_workday(cur):
            cur += dt.timedelta(days=1)
        return cur
    left = abs(n)
    while left:
        cur += dt.timedelta(days=step)
        if is_workday(cur):
            left -= 1
    return cur


def wd_between(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    if end < start:
        return -wd_between(end, start)
    count = 0
    cur = start
    while cur < end:
        cur += dt.timedelta(days=1)
        count += is_workday(cur)
    return count


def add_cd_rolled(d: dt.date, n: int) -> dt.date:
    """n calendar days after d; a last day on a holiday or weekend rolls on (程序规定 第17条)."""
    return add_wd(d + dt.timedelta(days=n), 0)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


@lru_cache(maxsize=1)
def trap_decision_dates() -> tuple[dt.date, ...]:
    """Decision dates whose 7-WD service window crosses a holiday block and a 调休 weekend day.

    A naive Mon–Fri count overshoots 7 there, while the true count is exactly 7.
    """
    out: list[dt.date] = []
    cur = dt.date(2023, 6, 1)
    while cur < dt.date(2026, 10, 20):
        if is_workday(cur) and cur.weekday() < 5:
            end = add_wd(cur, 7)
            span = [cur + days(i) for i in range(1, (end - cur).days + 1)]
            has_makeup = any(is_workday(x) and x.weekday() >= 5 for x in span)
            has_holiday = any(not is_workday(x) and x.weekday() < 5 for x in span)
            if has_makeup and has_holiday:
                out.append(cur)
        cur += days(1)
    return tuple(out)
