"""How the platform prints values: ISO or zero-padded dates in fields, Chinese numerals only under
signatures, amounts as 大写 and ¥ figures in separate cells, serials that are not case numbers."""

from __future__ import annotations

import datetime as dt
import hashlib

HM = tuple[int, int]
DIGITS = "零壹贰叁肆伍陆柒捌玖"
CN_DIGITS = "〇一二三四五六七八九"


def iso(d: dt.date) -> str:
    return d.isoformat()


def cn0(d: dt.date) -> str:
    """2026年03月05日: the zero-padded form some cells use."""
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def hm(t: HM) -> str:
    return f"{t[0]:02d}:{t[1]:02d}"


def iso_hm(d: dt.date, t: HM) -> str:
    return f"{d.isoformat()} {hm(t)}"


def cn_small(n: int) -> str:
    """1..31 in Chinese numerals (三, 十二, 二十一)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def cn_sign(d: dt.date) -> str:
    """二〇二六年三月五日: the date written under a signature or seal."""
    year = "".join(CN_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{cn_small(d.month)}月{cn_small(d.day)}日"


def daxie(amount: int) -> str:
    """Whole yuan in financial capitals, e.g. 30500 -> 叁万零伍佰元整."""
    if amount <= 0:
        return "零元整"
    out, zero = "", False
    for unit_big, group in (("万", amount // 10000), ("", amount % 10000)):
        if group == 0:
            zero = zero or bool(out)
            continue
        for unit, digit in zip(
            "仟佰拾 ", (group // 1000, group // 100 % 10, group // 10 % 10, group % 10), strict=True
        ):
            if digit == 0:
                zero = zero or bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += DIGITS[digit] + unit.strip()
        out += unit_big
        zero = False  # a group's trailing zeros never carry: 101000 is 壹拾万壹仟
    return out + "元整"


def yuan(amount: int) -> str:
    return f"¥{amount:,.2f}"


def wan(amount: int) -> str:
    return f"{amount / 10000:.4f}".rstrip("0").rstrip(".")


def mask_id(number: str) -> str:
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def digest(*parts: object) -> int:
    return int(hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12], 16)


def serial(region: str, d: dt.date, code: str, n: int) -> str:
    """文书编号 the platform stamps on every printout (distinct from the 案号)."""
    return f"No.{region}{d:%Y%m%d}{code}{n:05d}"
