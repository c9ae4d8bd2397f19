"""Money amounts in figures (1,000.00元, ¥1000, 1.5万元) and in words (壹仟元整, 一万五千元)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from casereview.extract.numerals import DIGITS, chinese_numeral_to_int


@dataclass(frozen=True)
class AmountMatch:
    start: int
    end: int
    text: str
    amount: float
    in_words: bool


_UPPER_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
_UPPER_UNITS: Final = ("", "拾", "佰", "仟")
_SECTION_UNITS: Final = ("", "万", "亿", "万亿")

_FIGURE_RE: Final = re.compile(
    r"(?P<cur>(?:人民币|RMB|CNY|¥|￥)\s*)?"
    r"(?<![0-9])(?<![0-9]\.)"
    r"(?P<num>[0-9]{1,3}(?:\s?,\s?[0-9]{3})+(?:\s?\.\s?[0-9]+)?|[0-9]+(?:\s?\.\s?[0-9]+)?)(?![0-9])"
    r"(?:\s*(?P<unit>万元|亿元|千元|元|圆|万))?"
)
_FIGURE_MULTIPLIER: Final = {"万元": 10_000, "万": 10_000, "亿元": 100_000_000, "千元": 1000}

_U_NUM: Final = "零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億"
_U_DIG: Final = "壹贰貳叁參肆伍陆陸柒捌玖"
_L_NUM: Final = "零〇一二两三四五六七八九十百千万亿"
_WORDS_RE: Final = re.compile(
    # 大写: integer part + 元/圆 + optional 角/分/整, or a bare 角 amount; OCR spaces allowed between
    # characters. Amounts are delimited by their own grammar so 壹仟元整伍佰元整 gives two matches.
    rf"(?P<cur>人民币\s*)?(?P<upper>"
    rf"[{_U_NUM}](?:\s*[{_U_NUM}])*\s*[元圆](?:\s*[{_U_DIG}]\s*角)?(?:\s*零?\s*[{_U_DIG}]\s*分)?"
    rf"(?:\s*[整正])?"
    rf"|[{_U_DIG}]\s*角(?:\s*零?\s*[{_U_DIG}]\s*分)?(?:\s*[整正])?)"
    # Lower-case numerals must contain a unit (十百千万亿) and 元, so that 百分之三, 三十分 (a time) or
    # 第一 are never read as money.
    rf"|(?<![{_L_NUM}])(?P<lower>[{_L_NUM}]*[十百千万亿][{_L_NUM}]*元"
    r"(?:[一二三四五六七八九]角)?(?:零?[一二三四五六七八九]分)?整?)"
)
_UPPER_DIGIT_SET: Final = frozenset(_U_DIG)

_STRIP_PREFIX_RE: Final = re.compile(r"^(?:人民币|RMB|¥|￥)?(?:\(?大写\)?)?[:]?(?:人民币)?")
_FRACTION_RE: Final = re.compile(r"(?:(?P<jiao>[^角分零])角)?(?:零?(?P<fen>[^角分零])分)?")


def parse_chinese_amount(text: str) -> float | None:
    """Yuan value of an amount in words: 壹万伍仟元整 → 15000.0, 叁仟伍佰元伍角 → 3500.5, 一万五千元 → 15000.

    Accepts a leading 人民币 / (大写): label and both 大写 and lower-case numerals; None if malformed.
    """
    s = _STRIP_PREFIX_RE.sub("", "".join(text.split()))
    s = s.rstrip("整正")
    if not s:
        return None
    cut = max(s.rfind("元"), s.rfind("圆"))
    if cut >= 0:
        int_part, frac_part = s[:cut], s[cut + 1 :]
    elif s[-1] in "角分":
        int_part, frac_part = "", s
    else:
        int_part, frac_part = s, ""
    if not int_part:
        yuan = 0
    elif len(int_part) > 1 and all(ch in DIGITS for ch in int_part):
        return None  # 壹贰 is not an amount (digit-by-digit reading is only for years)
    else:
        parsed = chinese_numeral_to_int(int_part)
        if parsed is None:
            return None
        yuan = parsed
    fm = _FRACTION_RE.fullmatch(frac_part)
    if fm is None:
        return None
    jiao = DIGITS.get(fm["jiao"], -1) if fm["jiao"] else 0
    fen = DIGITS.get(fm["fen"], -1) if fm["fen"] else 0
    if jiao < 0 or fen < 0 or (not int_part and not frac_part):
        return None
    return round(yuan + jiao / 10 + fen / 100, 2)


def _section_words(value: int) -> str:
    """0 < value < 10000 in 大写, inner zeros collapsed to one 零 and trailing zeros dropped."""
    digits = f"{value:04d}".lstrip("0")
    out: list[str] = []
    zero = False
    for i, ch in enumerate(digits):
        d = int(ch)
        if d == 0:
            zero = True
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_UPPER_DIGITS[d] + _UPPER_UNITS[len(digits) - 1 - i])
    return "".join(out)


def _integer_words(value: int) -> str:
    if value == 0:
        return "零"
    sections: list[int] = []
    while value:
        sections.append(value % 10_000)
        value //= 10_000
    if len(sections) > len(_SECTION_UNITS):
        raise ValueError("amount too large")
    out: list[str] = []
    pending_zero = False
    for idx in range(len(sections) - 1, -1, -1):
        s = sections[idx]
        if s == 0:
            pending_zero = bool(out)
            continue
        # A gap (an empty section, or a section under 1000 after a higher one) is read as 零.
        if out and (pending_zero or s < 1000):
            out.append("零")
        out.append(_section_words(s) + _SECTION_UNITS[idx])
        pending_zero = False
    return "".join(out)


def format_chinese_amount(amount: float) -> str:
    """Standard financial 大写: 15000 → 壹万伍仟元整, 1000.5 → 壹仟元伍角, 10050 → 壹万零伍拾元整.

    Rounded to the fen. 10–19 are written 壹拾…; 零 marks each gap once. Negative amounts raise ValueError.
    """
    if amount < 0:
        raise ValueError("negative amount")
    cents = round(amount * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    head = "" if yuan == 0 and rest else _integer_words(yuan) + "元"  # 0.5 → 伍角, not 零元伍角
    if rest == 0:
        return head + "整"
    if fen == 0:
        return head + _UPPER_DIGITS[jiao] + "角"
    if jiao == 0:
        return head + ("零" if head else "") + _UPPER_DIGITS[fen] + "分"
    return head + _UPPER_DIGITS[jiao] + "角" + _UPPER_DIGITS[fen] + "分"


# A figure broken by the end of a line (罚款1,00 / 0.00元): the head left at the end of the row.
# Only a short head right after a money word: an account number ending a row is no amount's head.
_BROKEN_HEAD_RE: Final = re.compile(
    r"(?:(?<=罚款)|(?<=金额)|(?<=缴纳)|(?<=人民币)|(?<=[¥￥:：]))[0-9][0-9,]{0,4}$"
)


_LABEL_ROW_RE: Final = re.compile(r"\n[\u4e00-\u9fff]{2,8}\n$")


def _rejoined(text: str, m: re.Match[str]) -> AmountMatch | None:
    """The whole figure when ``m`` starts a row right after a row ending in its first digits."""
    if m.start("num") == 0 or text[m.start("num") - 1] != "\n" or m["cur"] or not m["unit"]:
        return None
    end = m.start("num") - 1
    head = _BROKEN_HEAD_RE.search(text, max(0, end - 8), end)
    if head is None:
        # A form's label cell, centred on a two-row value, is read between the value's rows.
        label = _LABEL_ROW_RE.search(text, max(0, end - 12), m.start("num"))
        head = _BROKEN_HEAD_RE.search(text, max(0, end - 20), label.start()) if label else None
    if head is None:
        return None
    joined = head[0] + text[m.start("num") : m.end()]
    whole = _FIGURE_RE.fullmatch(joined)
    if whole is None:
        return None
    number = float("".join(ch for ch in whole["num"] if ch.isdigit() or ch == "."))
    amount = round(number * _FIGURE_MULTIPLIER.get(whole["unit"] or "", 1), 2)
    return AmountMatch(head.start(), m.end(), text[head.start() : m.end()], amount, False)


# A figure behind its currency sign broken by a line end: (¥15,00 / 0.00) or (¥1 / 00,000.00).
_SIGNED_BROKEN_RE: Final = re.compile(
    r"[¥￥]\s*(?P<head>[0-9][0-9,]*)\n(?P<tail>[0-9][0-9,]*(?:\.[0-9]{1,2})?)(?![0-9])"
)
_WELL_FORMED: Final = re.compile(r"(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|0|[1-9][0-9]*)(?:\.[0-9]{1,2})?")


def _bracketed(text: str, m: re.Match[str]) -> bool:
    """The broken figure sits alone inside one pair of brackets: （¥1 / 5,000.00）."""
    before = text[: m.start()].rstrip(" \u3000")
    return before.endswith(("（", "(")) and text.startswith(("）", ")"), m.end())


def _signed_broken(text: str) -> list[AmountMatch]:
    """Joined only where the parts are malformed alone and whole together, commas every three
    digits confirming the join: ¥15,00 + 0.00, ¥1 + 00,000.00; never ¥1,000 + 12 (a new row).
    Inside one pair of brackets the brackets confirm it: （¥1 / 5,000.00） is one figure."""
    out: list[AmountMatch] = []
    for m in _SIGNED_BROKEN_RE.finditer(text):
        head, tail = m["head"], m["tail"]
        joined = head + tail
        malformed_part = not _WELL_FORMED.fullmatch(head) or not _WELL_FORMED.fullmatch(tail)
        confirmed = ("," in joined and malformed_part) or _bracketed(text, m)
        if confirmed and _WELL_FORMED.fullmatch(joined):
            out.append(AmountMatch(m.start(), m.end(), m[0], float(joined.replace(",", "")), False))
    return out


def _figure_matches(text: str) -> list[AmountMatch]:
    broken = _signed_broken(text)
    out = _plain_figures(text)
    if broken:
        out = [a for a in out if not any(b.start <= a.start < b.end for b in broken)] + broken
        out.sort(key=lambda a: a.start)
    return out


def _plain_figures(text: str) -> list[AmountMatch]:
    out: list[AmountMatch] = []
    for m in _FIGURE_RE.finditer(text):
        rejoined = _rejoined(text, m)
        if rejoined is not None:
            out = [a for a in out if a.end <= rejoined.start]
            out.append(rejoined)
            continue
        unit = m["unit"]
        cur = m["cur"]
        # A bare number is money only with a currency sign or a 元 unit; 元/吨 is a rate, not an amount.
        if unit is None and cur is None:
            continue
        if unit == "万" and cur is None:
            continue
        if unit is not None and text.startswith("/", m.end()):
            continue
        number = float("".join(ch for ch in m["num"] if ch.isdigit() or ch == "."))
        amount = round(number * _FIGURE_MULTIPLIER.get(unit or "", 1), 2)
        out.append(AmountMatch(m.start(), m.end(), m[0], amount, False))
    return out


def _word_matches(text: str) -> list[AmountMatch]:
    out: list[AmountMatch] = []
    for m in _WORDS_RE.finditer(text):
        if m["lower"] is not None:
            start, end = m.span("lower")
        else:
            if not _UPPER_DIGIT_SET.intersection(m["upper"]):
                continue  # 万元, 零元整: no value digit
            start, end = m.span()
        amount = parse_chinese_amount(text[start:end])
        if amount is not None:
            out.append(AmountMatch(start, end, text[start:end], amount, True))
    return out


def find_amounts(text: str) -> list[AmountMatch]:
    """Amounts in figures and in words, in text order (in_words tells them apart).

    Figures need a currency sign (¥, 人民币) or a 元 unit, so dates, case numbers and percentages are never
    amounts.
    """
    found = _figure_matches(text) + _word_matches(text)
    found.sort(key=lambda a: (a.start, -a.end))
    out: list[AmountMatch] = []
    for a in found:
        if out and a.start < out[-1].end:
            continue
        out.append(a)
    return out
