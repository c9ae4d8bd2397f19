"""Dates, with an optional time of day, as printed: 2024年3月5日, 二〇二四年三月五日, 2024-03-05."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from casereview.extract.numerals import DIGITS, chinese_numeral_to_int

MIN_YEAR: Final = 1990
MAX_YEAR: Final = 2099


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    date: dt.date
    time: dt.time | None
    repaired: bool = False  # read from a damaged print (OCR lost the 〇 of 二〇二四): not to be relied on


_CN = "零〇○一二三四五六七八九十"
# Month/day/hour/minute: Arabic, or a short Chinese numeral validated after conversion.
_SMALL = rf"[0-9]{{1,2}}|[{_CN}]{{1,3}}"

_DATE_RE: Final = re.compile(
    # 年月日: the year may be Arabic, Chinese digit-by-digit (二〇二四) or mixed OCR (二O二四). No digit
    # may precede it, so ID numbers and long digit runs never yield a date.
    rf"(?<![0-9{_CN}])(?P<y>[0-9〇零○OО一二三四五六七八九]{{4}})\s*年\s*"
    rf"(?P<m>{_SMALL})\s*月\s*(?P<d>{_SMALL})\s*[日号]"
    # 2024.3.5 / 2024-03-05 / 2024/3/5, same separator twice, not part of a longer dotted/dashed run.
    r"|(?<![0-9.\-/])(?P<y2>(?:19|20)[0-9]{2})\s*(?P<sep>[.\-/])\s*(?P<m2>[0-9]{1,2})\s*(?P=sep)\s*"
    r"(?P<d2>[0-9]{1,2})(?![0-9])(?!\s*[.\-/][0-9])"
)

_PARTIAL_RE: Final = re.compile(rf"(?<![0-9{_CN}])(?P<m>{_SMALL})\s*月\s*(?P<d>{_SMALL})\s*[日号]")

_TIME_RE: Final = re.compile(
    r"\s*(?P<ap>上午|下午|中午|晚上|傍晚|凌晨|早上|早晨|夜间)?\s*"
    rf"(?P<h>{_SMALL})\s*(?:"
    rf"[时点](?:\s*(?:(?P<mi>[{_CN}]{{1,3}})\s*分|(?P<mia>[0-9]{{1,2}})(?![0-9])(?:\s*分)?|(?P<half>半)))?"
    r"|:\s*(?P<mi2>[0-9]{2})(?:\s*:\s*[0-9]{2})?(?![0-9])"
    r")"
)
_YEAR_ONLY_RE: Final = re.compile(rf"[0-9{_CN}]年\s*$")


def _small(value: str) -> int | None:
    return int(value) if value.isdigit() else chinese_numeral_to_int(value)


def _year(value: str) -> int:
    # Read digit by digit: 二〇二四 → 2024 (the class in the regex only admits digit characters).
    y = 0
    for ch in value:
        y = y * 10 + DIGITS[ch]
    return y


def _make_date(y: int, m: int | None, d: int | None) -> dt.date | None:
    if m is None or d is None or not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _time_at(text: str, pos: int) -> tuple[dt.time, int] | None:
    """A time of day starting right after a date at ``pos`` (14时30分, 14:30, 下午3时); range ends ignored."""
    m = _TIME_RE.match(text, pos)
    if m is None:
        return None
    hour = _small(m["h"])
    minute_text = m["mi"] or m["mia"] or m["mi2"]
    minute = 30 if m["half"] else (_small(minute_text) if minute_text else 0)
    if hour is None or minute is None:
        return None
    ap = m["ap"]
    if ap in ("下午", "晚上", "傍晚", "夜间") and hour < 12:
        hour += 12
    elif ap == "中午" and hour < 11:
        hour += 12  # 中午1时 = 13:00, 中午12时 stays
    elif ap == "凌晨" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return dt.time(hour, minute), m.end()


def _with_time(text: str, start: int, end: int, date: dt.date, repaired: bool = False) -> DateMatch:
    found = _time_at(text, end)
    if found is None:
        return DateMatch(start, end, text[start:end], date, None, repaired)
    time, tend = found
    return DateMatch(start, tend, text[start:tend], date, time, repaired)


# OCR drops the space between a date and its time: "2024.10.289时00分" is 2024.10.28 9时00分,
# "2023-08-1810:10" is 2023-08-18 10:10, and "2026.2.216:20" could be 2月21日 6:20 or 2月2日 16:20.
_GLUED_RE: Final = re.compile(
    r"(?<![0-9.\-/])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[.\-/])(?P<m>[0-9]{1,2})(?P=sep)"
    r"(?P<rest>[0-9]{2,4})(?=\s*[时点]|:[0-9]{2})"
)


def _glued(text: str, m: re.Match[str]) -> DateMatch | None:
    """Split day and hour; when both splits make sense the two-digit day is taken, flagged as mended."""
    rest = m["rest"]
    splits = [
        (date, m.start("rest") + cut)
        for cut in (2, 1)
        if len(rest) - cut in (1, 2)
        and int(rest[cut:]) < 24
        and (date := _make_date(int(m["y"]), int(m["m"]), int(rest[:cut]))) is not None
    ]
    if not splits:
        return None
    date, end = splits[0]
    return _with_time(text, m.start(), end, date, repaired=len(splits) > 1)


# OCR drops the small 〇 of a Chinese year now and then: 二〇二四年 comes out as 二二四年.
_LOST_ZERO_RE: Final = re.compile(
    rf"(?<![0-9{_CN}])(?P<y>二[一二三四五六七八九]{{2}})\s*年\s*(?P<m>{_SMALL})\s*月\s*(?P<d>{_SMALL})\s*[日号]"
)

# ... or the 年 itself: 二〇二五年五月六日 comes out as 二〇二五五月六日.
_LOST_YEAR_MARK_RE: Final = re.compile(
    rf"(?<![0-9{_CN}])(?P<y>二[〇零○OО][〇零○OО一二三四五六七八九]{{2}})(?P<m>{_SMALL})\s*月\s*(?P<d>{_SMALL})\s*[日号]"
)


def find_dates(text: str) -> list[DateMatch]:
    """All complete dates (year, month, day) in ``text``, each with the time printed right after it.

    For a range such as 2024年3月5日14时30分至15时10分 the start time is taken and the match ends there.
    Invalid calendar dates and years outside 1990–2099 are skipped.
    """
    out: list[DateMatch] = []
    for m in _DATE_RE.finditer(text):
        if m["y"] is not None:
            date = _make_date(_year(m["y"]), _small(m["m"]), _small(m["d"]))
        else:
            date = _make_date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
        if date is not None:
            out.append(_with_time(text, m.start(), m.end(), date))
    for m in _GLUED_RE.finditer(text):
        glued = _glued(text, m)
        if glued is not None:
            out.append(glued)
    for m in _LOST_ZERO_RE.finditer(text):
        date = _make_date(_year("二〇" + m["y"][1:]), _small(m["m"]), _small(m["d"]))
        if date is not None:
            out.append(_with_time(text, m.start(), m.end(), date, repaired=True))
    for m in _LOST_YEAR_MARK_RE.finditer(text):
        date = _make_date(_year(m["y"]), _small(m["m"]), _small(m["d"]))
        if date is not None:
            out.append(_with_time(text, m.start(), m.end(), date, repaired=True))
    out.sort(key=lambda d: d.start)
    return out


def find_partial_dates(text: str, default_year: int) -> list[DateMatch]:
    """Month-day dates without a year (3月5日, 三月五日), dated in ``default_year``.

    Complete dates (see ``find_dates``) are not repeated here, and neither is the tail of a
    complete-looking date whose year was rejected (1985年3月5日 does not become a 3月5日 match).
    """
    full = [(d.start, d.end) for d in find_dates(text)]
    out: list[DateMatch] = []
    for m in _PARTIAL_RE.finditer(text):
        if any(s <= m.start() < e for s, e in full):
            continue
        if _YEAR_ONLY_RE.search(text, max(0, m.start() - 8), m.start()):
            continue
        date = _make_date(default_year, _small(m["m"]), _small(m["d"]))
        if date is not None:
            out.append(_with_time(text, m.start(), m.end(), date))
    return out


# A year OCR damaged beyond repair (二六年 for 二〇二六年, 26年): the month and day are still read.
_DAMAGED_YEAR_RE: Final = re.compile(
    rf"(?<![0-9{_CN}])(?P<y>[0-9〇零○OО一二三四五六七八九]{{1,3}})\s*年\s*(?P<m>{_SMALL})\s*月\s*(?P<d>{_SMALL})\s*[日号]"
)


def _left_of(digits: str, year: int) -> bool:
    """``digits`` (a damaged year) are what is left of ``year`` with characters lost: 二六 of 二〇二六."""
    rest = iter(f"{year:04d}")
    return all(str(DIGITS[ch]) in rest for ch in digits)


# A Chinese-numeral date a seal printed over: one character of the year, the month or the day read as
# another character (冬〇二六年七月平四日 for 二〇二六年七月十四日).
_GARBLED_RE: Final = re.compile(
    r"(?<![0-9\u4e00-\u9fff])(?P<y>[〇○O\u4e00-\u9fff]{4})年(?P<m>[\u4e00-\u9fff]{1,3})月"
    r"(?P<d>[\u4e00-\u9fff]{1,3})日"
)
_NUMERAL = set(_CN)


def _garbled_year(value: str, year: int) -> bool:
    """``value`` is ``year`` in Chinese digits with at most one character garbled, none contradicting."""
    agree = 0
    for ch, digit in zip(value, f"{year:04d}", strict=True):
        if ch in DIGITS:
            if DIGITS[ch] != int(digit):
                return False
            agree += 1
    return agree >= 3


def _mended(value: str) -> str | None:
    """A month or day numeral with its one garbled character restored where only 十 fits
    (平四 → 十四, 二平 → 二十, 二平四 → 二十四); None when it is not one garbled character or is ambiguous."""
    bad = [i for i, ch in enumerate(value) if ch not in _NUMERAL]
    if not bad:
        return value
    if len(bad) > 1 or len(value) == 1:
        return None
    i = bad[0]
    if len(value) == 2 and i == 0 and value[1] in "一二三四五六七八九":
        return "十" + value[1]
    if len(value) == 2 and i == 1 and value[0] in "二三":
        return value[0] + "十"
    if len(value) == 3 and i == 1:
        return value[0] + "十" + value[2]
    return None


# A signature date whose 日 a seal hid (二〇二四年五月六 closing its row). A day that could go on
# (二 of 二十, 三 of 三十一, 十 of 十五) is left alone: the seal may hide more than 日.
_LOST_DAY_MARK_RE: Final = re.compile(
    rf"(?<![0-9{_CN}])(?P<y>[0-9〇零○OО一二三四五六七八九]{{1,4}})\s*年\s*(?P<m>{_SMALL})\s*月\s*"
    rf"(?P<d>[0-9]{{1,2}}|[{_CN}]{{1,3}})(?=[ \t]*(?:\n|$))"
)


def _lost_day_mark(text: str, year: int) -> list[DateMatch]:
    """Dates whose 日 a seal hid; a year damaged as well (〇二四年五月六) is ``year``'s remnant."""
    out: list[DateMatch] = []
    for m in _LOST_DAY_MARK_RE.finditer(text):
        if m["d"][-1] in "二三十" and not m["d"].isdigit():
            continue
        if len(m["y"]) < 4 and not _left_of(m["y"], year):
            continue
        read = _year(m["y"]) if len(m["y"]) == 4 else year
        date = _make_date(read, _small(m["m"]), _small(m["d"]))
        if date is not None:
            out.append(_with_time(text, m.start(), m.end(), date, repaired=True))
    return out


def find_damaged_dates(text: str, year: int) -> list[DateMatch]:
    """Dates whose year was damaged (fewer than four digits), whose Chinese numerals a seal garbled
    (one character each of year, month or day, where only one reading fits; dated in ``year``), or
    whose 日 a seal hid; marked repaired: only a witness elsewhere in the file may make such a
    reading sure."""
    out: list[DateMatch] = []
    for m in _DAMAGED_YEAR_RE.finditer(text):
        if not _left_of(m["y"], year):
            continue  # 〇二五年 is no remnant of 2026
        date = _make_date(year, _small(m["m"]), _small(m["d"]))
        if date is not None:
            out.append(_with_time(text, m.start(), m.end(), date, repaired=True))
    out += _lost_day_mark(text, year)
    for m in _GARBLED_RE.finditer(text):
        month, day = _mended(m["m"]), _mended(m["d"])
        if not _garbled_year(m["y"], year) or month is None or day is None:
            continue
        if (month, day, m["y"]) == (m["m"], m["d"], m["y"]) and all(ch in DIGITS for ch in m["y"]):
            continue  # a whole date: find_dates has it
        date = _make_date(year, _small(month), _small(day))
        if date is not None:
            out.append(_with_time(text, m.start(), m.end(), date, repaired=True))
    return out
