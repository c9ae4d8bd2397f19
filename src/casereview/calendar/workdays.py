"""Working days and calendar-day periods (legal-reference §5): chinesecalendar plus local overrides.

A working day is Monday–Friday without statutory holidays, plus the 调休 weekend days declared
working days (chinesecalendar semantics). Periods exclude their start day (程序规定 第17条). A date
in a year with no holiday data raises ``CalendarDataMissing``: a weekday count would be wrong around
every holiday, so rules report needs_review instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from chinese_calendar import constants as _cc  # type: ignore[import-untyped]

from casereview.calendar.overrides import Overrides, load_overrides

OVERRIDE_FILE = "holidays_override.yaml"
_ONE = dt.timedelta(days=1)

# chinesecalendar's names are English; the UI and messages are Chinese.
_CN_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
_HOLIDAYS: dict[dt.date, str] = {d: _CN_NAMES.get(str(n), str(n)) for d, n in _cc.holidays.items()}
_WORKDAYS: dict[dt.date, str] = {d: _CN_NAMES.get(str(n), str(n)) for d, n in _cc.workdays.items()}
BUILTIN_YEARS = range(min(_HOLIDAYS).year, max(_HOLIDAYS).year + 1)


class CalendarDataMissing(Exception):  # reads as a condition, hence no "Error" suffix
    """No holiday data for ``year``: a rule must say needs_review, never count Mon–Fri silently."""

    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year

    @property
    def message(self) -> str:
        return f"缺少{self.year}年节假日数据，无法计算工作日"

    def __str__(self) -> str:
        return self.message


class WorkCalendar:
    """Working-day arithmetic. ``override`` (and ``extra``) are YAML override files, later ones win."""

    def __init__(self, override: Path | None = None, *, extra: Sequence[Path] = ()) -> None:
        self.override = override
        self.files = [p for p in (override, *extra) if p is not None]
        self._data = Overrides()
        for path in self.files:
            self._data.merge(load_overrides(path, BUILTIN_YEARS))

    @classmethod
    def default(cls) -> WorkCalendar:
        """The shipped override file plus the user's own in the data directory, when present."""
        from casereview.paths import data_dir, resources_dir

        shipped = resources_dir() / "calendar" / OVERRIDE_FILE
        user = data_dir() / OVERRIDE_FILE
        return cls(shipped if shipped.is_file() else None, extra=[user] if user.is_file() else [])

    # single days
    def covers(self, year: int) -> bool:
        return year in BUILTIN_YEARS or year in self._data.covered_years

    def _check(self, day: dt.date) -> None:
        if not self.covers(day.year):
            raise CalendarDataMissing(day.year)

    def is_workday(self, day: dt.date) -> bool:
        self._check(day)
        if day in self._data.workdays:
            return True
        if day in self._data.holidays:
            return False
        if day.year in BUILTIN_YEARS and day in _WORKDAYS:
            return True
        return day.weekday() < 5 and day not in _HOLIDAYS

    def holiday_name(self, day: dt.date) -> str | None:
        """Name of the statutory holiday ``day`` belongs to; None on working days and plain weekends."""
        if self.is_workday(day):
            return None
        return self._data.holidays.get(day) or _HOLIDAYS.get(day)

    def makeup_name(self, day: dt.date) -> str | None:
        """Name of the holiday a 调休 weekend working day belongs to, else None."""
        if not self.is_workday(day) or day.weekday() < 5:
            return None
        return self._data.workdays.get(day) or _WORKDAYS.get(day)

    # periods
    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (start excluded); before it for n < 0; start for 0."""
        step = _ONE if n >= 0 else -_ONE
        day, left = start, abs(n)
        while left:
            day += step
            if self.is_workday(day):
                left -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: start excluded, end included; negative when end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for day in _days_after(start, end) if self.is_workday(day))

    def add_calendar_days(self, start: dt.date, n: int, roll: bool = True) -> dt.date:
        """start + n days; with ``roll`` a last day on a holiday/weekend moves to the next working day
        (程序规定 第17条)."""
        day = start + dt.timedelta(days=n)
        while roll and not self.is_workday(day):
            day += _ONE
        return day

    def holidays_between(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
        """Named holiday days in [start, end] for the timeline (plain weekends are left out)."""
        out: list[tuple[dt.date, str]] = []
        for day in _days_after(start - _ONE, end):
            name = self.holiday_name(day)
            if name:
                out.append((day, name))
        return out

    def makeup_days_between(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
        """调休 weekend working days in [start, end], with the holiday they make up for."""
        out: list[tuple[dt.date, str]] = []
        for day in _days_after(start - _ONE, end):
            name = self.makeup_name(day)
            if name:
                out.append((day, name))
        return out


def _days_after(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """The days in (start, end]."""
    day = start
    while day < end:
        day += _ONE
        yield day
