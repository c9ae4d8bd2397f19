"""WorkCalendar: the legal-reference §5.3 vectors, 2027 without data, override files, properties."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casereview.calendar import CalendarDataMissing, WorkCalendar
from casereview.errors import CalendarFileError, ErrorCode
from casereview.messages import describe

D = dt.date
CAL = WorkCalendar()


# legal-reference §5.3, computed with chinesecalendar 1.11.0 (start day excluded).
@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2025, 9, 26), 7, D(2025, 10, 13)),  # crosses 国庆 and two 调休 weekend days
        (D(2026, 2, 12), 7, D(2026, 2, 28)),  # lands on a 调休 Saturday
        (D(2025, 4, 30), 5, D(2025, 5, 12)),
    ],
)
def test_add_working_days_vectors(start: dt.date, n: int, expected: dt.date) -> None:
    assert CAL.add_working_days(start, n) == expected
    assert CAL.working_days_between(start, expected) == n


def test_working_days_counted_in_the_2025_national_day_window() -> None:
    counted = [D(2025, 9, 28), D(2025, 9, 29), D(2025, 9, 30), D(2025, 10, 9), D(2025, 10, 10)]
    counted += [D(2025, 10, 11), D(2025, 10, 13)]
    span = [D(2025, 9, 26) + dt.timedelta(days=i) for i in range(1, 18)]
    assert [day for day in span if CAL.is_workday(day)] == counted


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2026, 1, 5), 90, D(2026, 4, 7)),  # 2026-04-05 is a Sunday inside 清明
        (D(2025, 9, 23), 15, D(2025, 10, 9)),  # 2025-10-08 is a holiday
    ],
)
def test_add_calendar_days_rolls_past_holidays(start: dt.date, n: int, expected: dt.date) -> None:
    assert CAL.add_calendar_days(start, n) == expected
    assert CAL.add_calendar_days(start, n, roll=False) == start + dt.timedelta(days=n)


def test_working_days_in_october_2025() -> None:
    assert CAL.working_days_between(D(2025, 9, 30), D(2025, 10, 31)) == 18


def test_working_days_between_is_signed_and_excludes_the_start() -> None:
    assert CAL.working_days_between(D(2025, 4, 10), D(2025, 4, 10)) == 0
    assert CAL.working_days_between(D(2025, 4, 10), D(2025, 4, 11)) == 1  # Thu → Fri
    assert CAL.working_days_between(D(2025, 4, 11), D(2025, 4, 14)) == 1  # weekend not counted
    assert CAL.working_days_between(D(2025, 4, 14), D(2025, 4, 11)) == -1
    assert CAL.add_working_days(D(2025, 4, 14), -1) == D(2025, 4, 11)
    assert CAL.add_working_days(D(2025, 4, 12), 0) == D(2025, 4, 12)


def test_holiday_names_and_makeup_days_for_the_timeline() -> None:
    holidays = CAL.holidays_between(D(2025, 9, 27), D(2025, 10, 12))
    assert [day for day, _ in holidays] == [D(2025, 10, 1) + dt.timedelta(days=i) for i in range(8)]
    assert dict(holidays)[D(2025, 10, 1)] == "国庆节"
    assert CAL.holiday_name(D(2025, 10, 4)) == "国庆节"
    assert CAL.holiday_name(D(2025, 10, 18)) is None  # a plain Saturday has no name
    assert CAL.holiday_name(D(2025, 10, 9)) is None
    assert CAL.makeup_days_between(D(2025, 9, 27), D(2025, 10, 12)) == [
        (D(2025, 9, 28), "国庆节"),
        (D(2025, 10, 11), "国庆节"),
    ]


def test_2027_without_data_raises_calendar_data_missing() -> None:
    assert CAL.covers(2026) and not CAL.covers(2027)
    with pytest.raises(CalendarDataMissing) as caught:
        CAL.is_workday(D(2027, 1, 4))
    assert caught.value.year == 2027
    assert caught.value.message == "缺少2027年节假日数据，无法计算工作日"
    with pytest.raises(CalendarDataMissing):
        CAL.add_working_days(D(2026, 12, 28), 7)
    with pytest.raises(CalendarDataMissing):
        CAL.working_days_between(D(2026, 12, 20), D(2027, 1, 10))
    with pytest.raises(CalendarDataMissing):
        CAL.add_calendar_days(D(2026, 12, 20), 20)
    assert CAL.add_calendar_days(D(2026, 12, 20), 20, roll=False) == D(2027, 1, 9)
    with pytest.raises(CalendarDataMissing):
        CAL.is_workday(D(2003, 5, 6))


VALID = """\
# 2027 as a State Council notice would give it (test data, not the real schedule)
covered_years: [2027]
holidays:
  2027-01-01: 元旦
  2027-02-08: 春节
  2027-02-09: 春节
workdays:
  2027-02-06: 春节调休
"""


def write(tmp_path: Path, text: str, name: str = "holidays_override.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_override_file_adds_a_year(tmp_path: Path) -> None:
    cal = WorkCalendar(write(tmp_path, VALID))
    assert cal.covers(2027) and not cal.covers(2028)
    assert not cal.is_workday(D(2027, 1, 1))  # Friday, 元旦
    assert cal.is_workday(D(2027, 2, 6))  # Saturday, 调休
    assert cal.is_workday(D(2027, 1, 4))  # plain Monday
    assert not cal.is_workday(D(2027, 1, 9))  # plain Saturday
    assert cal.holiday_name(D(2027, 2, 8)) == "春节"
    assert cal.makeup_name(D(2027, 2, 6)) == "春节调休"
    # 2026-12-31 (Thu) → 2027-01-04 (Mon): 元旦 Friday and the weekend are skipped.
    assert cal.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert cal.add_calendar_days(D(2026, 12, 2), 30) == D(2027, 1, 4)


def test_user_file_wins_over_the_shipped_one(tmp_path: Path) -> None:
    user = write(tmp_path, "covered_years: [2027]\nworkdays:\n  2027-01-01: 更正\n", "user.yaml")
    cal = WorkCalendar(write(tmp_path, VALID), extra=[user])
    assert cal.is_workday(D(2027, 1, 1))


def test_override_can_correct_a_builtin_year(tmp_path: Path) -> None:
    cal = WorkCalendar(write(tmp_path, "holidays:\n  2026-03-02: 本地调整\n"))
    assert not cal.is_workday(D(2026, 3, 2))
    assert cal.holiday_name(D(2026, 3, 2)) == "本地调整"


def test_default_loads_the_shipped_file_and_the_user_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = WorkCalendar.default()
    assert shipped.files and shipped.files[0].name == "holidays_override.yaml"
    assert not shipped.covers(2027)  # the shipped file is a commented example only
    monkeypatch.setenv("CASEREVIEW_DATA_DIR", str(tmp_path))
    write(tmp_path, VALID)
    assert WorkCalendar.default().covers(2027)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("covered_years: [2027]\nholidays:\n  2027-13-01: 元旦\n", 3, "不是有效日期"),
        ("holidays:\n  2027-01-01: 元旦\n", 2, "covered_years"),
        ("covered_years: [2027]\nholidays:\n  2027-01-01:\n", 3, "缺少名称"),
        ("covered_years: 2027\n", 1, "年份列表"),
        ("covered_years: [abc]\n", 1, "不是有效年份"),
        ("covered_year: [2027]\n", 1, "未知项"),
        ("covered_years: [2027]\nholidays: [2027-01-01]\n", 2, "映射"),
        (
            "covered_years: [2027]\nholidays:\n  2027-01-01: 元旦\nworkdays:\n  2027-01-01: 调休\n",
            5,
            "同时列为",
        ),
        ("covered_years: [2027]\nholidays:\n  2027-01-01: 元旦\n  2027-01-01: 元旦\n", 4, "重复"),
        ("covered_years: [2027\nholidays: {}\n", 2, "YAML"),
        ("- 2027-01-01\n", 1, "covered_years"),
    ],
)
def test_malformed_override_names_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CalendarFileError) as caught:
        WorkCalendar(path)
    error = caught.value
    assert error.code == ErrorCode.CALENDAR_INVALID
    assert error.path == str(path)
    assert error.detail["line"] == line
    message = describe(error)
    assert str(path) in message and f"第{line}行" in message and words in message


def test_empty_or_comment_only_override_is_fine(tmp_path: Path) -> None:
    assert not WorkCalendar(write(tmp_path, "# nothing yet\n")).covers(2027)
    assert not WorkCalendar(write(tmp_path, "")).covers(2027)


DAYS = st.dates(min_value=D(2004, 1, 1), max_value=D(2026, 8, 1))  # + 120 days stays in 2026


@settings(max_examples=300, deadline=None)
@given(start=DAYS, n=st.integers(min_value=1, max_value=40))
def test_add_working_days_lands_on_a_working_day_n_days_on(start: dt.date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert CAL.is_workday(end)
    assert CAL.working_days_between(start, end) == n
    assert CAL.working_days_between(end, start) == -n


@settings(max_examples=300, deadline=None)
@given(start=DAYS, n=st.integers(min_value=0, max_value=120))
def test_rolled_calendar_deadline_is_the_first_working_day_on_or_after(start: dt.date, n: int) -> None:
    end = CAL.add_calendar_days(start, n)
    plain = start + dt.timedelta(days=n)
    assert end >= plain and CAL.is_workday(end)
    assert all(not CAL.is_workday(plain + dt.timedelta(days=i)) for i in range((end - plain).days))


@settings(max_examples=200, deadline=None)
@given(a=DAYS, b=DAYS, c=DAYS)
def test_working_days_between_is_additive(a: dt.date, b: dt.date, c: dt.date) -> None:
    a, b, c = sorted((a, b, c))
    b = min(b, a + dt.timedelta(days=200))
    c = min(c, b + dt.timedelta(days=200))
    total = CAL.working_days_between(a, c)
    assert total == CAL.working_days_between(a, b) + CAL.working_days_between(b, c)
