"""Chinese numerals and whitespace-insensitive matching helpers shared by the parsers."""

from __future__ import annotations

from typing import Final

# Digit characters, lower-case (小写) and financial (大写). "O"/"o" and the circle "○" are common OCR
# and typing substitutes for 〇 in years such as 二O二四.
DIGITS: Final[dict[str, int]] = {
    **dict.fromkeys("零〇○OoО0", 0),
    **dict.fromkeys("一壹1", 1),
    **dict.fromkeys("二两贰貳2", 2),
    **dict.fromkeys("三叁參3", 3),
    **dict.fromkeys("四肆4", 4),
    **dict.fromkeys("五伍5", 5),
    **dict.fromkeys("六陆陸6", 6),
    **dict.fromkeys("七柒7", 7),
    **dict.fromkeys("八捌8", 8),
    **dict.fromkeys("九玖9", 9),
}
SMALL_UNITS: Final[dict[str, int]] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: Final[dict[str, int]] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CJK_DIGIT_CHARS: Final[str] = "零〇○一二两三四五六七八九"


def chinese_numeral_to_int(text: str) -> int | None:
    """Value of a Chinese (or ASCII) numeral: 六十三 → 63, 一百零五 → 105, 二〇二四 → 2024, 壹拾万 → 100000.

    A run of bare digits without units is read digit by digit (years). Malformed numerals (two digits in a
    row inside a positional numeral, units out of order) give None rather than a guess.
    """
    s = "".join(text.split())
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if all(ch in DIGITS for ch in s):
        value = 0
        for ch in s:
            value = value * 10 + DIGITS[ch]
        return value
    return _positional(s)


def _positional(s: str) -> int | None:
    total = 0  # completed 亿 groups
    wan = 0  # completed 万 group inside the current 亿 group
    section = 0  # value below 万 inside the current group
    num: int | None = None  # pending digit
    last_small = 10_000  # small units must decrease inside a section
    prev_unit = 0  # unit right before the pending digit (0 after 零): 一万五 means 15000
    for ch in s:
        if ch in DIGITS:
            d = DIGITS[ch]
            if d == 0:
                if num is not None:
                    return None
                prev_unit = 0
                continue
            if num is not None:
                return None
            num = d
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if unit >= last_small:
                return None
            if num is None:
                # only a leading 十 may omit its 一 (十一 = 11)
                if unit != 10 or section:
                    return None
                num = 1
            section += num * unit
            num = None
            last_small = unit
            prev_unit = unit
        elif ch in BIG_UNITS:
            unit = BIG_UNITS[ch]
            group = section + (num or 0)
            if unit == 10_000:
                if group == 0 or wan:
                    return None
                wan = group * unit
            else:
                group += wan
                if group == 0 or total:
                    return None
                total = group * unit
                wan = 0
            section = 0
            num = None
            last_small = 10_000
            prev_unit = unit
        else:
            return None
    if num is not None and prev_unit:
        num *= prev_unit // 10
    return total + wan + section + (num or 0)


def compact(text: str) -> tuple[str, list[int]]:
    """Text without whitespace, and for each compact index the index of that character in ``text``.

    Callers match on the compact text and map a compact span [a, b) back with ``map_span``.
    """
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if not ch.isspace():
            chars.append(ch)
            index.append(i)
    return "".join(chars), index


def map_span(index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a non-empty compact span [start, end) back to the original string (see ``compact``)."""
    return index[start], index[end - 1] + 1
