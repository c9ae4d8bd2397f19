"""How longjiang prints dates, times, amounts and people (several styles side by side, as the
platform's forms were written by different vendors over the years)."""

from __future__ import annotations

import datetime as dt

from casegen.model import HM, Person

_CN_DIGITS = "〇一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"


def cn_date(d: dt.date) -> str:
    """Signature style of notices and decisions: 二〇二六年三月五日."""
    return f"{''.join(_CN_DIGITS[int(c)] for c in str(d.year))}年{_cn_small(d.month)}月{_cn_small(d.day)}日"


def _cn_small(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def ymd(d: dt.date) -> str:
    """Body style: 2026年3月5日."""
    return f"{d.year}年{d.month}月{d.day}日"


def iso(d: dt.date) -> str:
    """Platform fields (date pickers print ISO): 2026-03-05."""
    return d.isoformat()


def dot(d: dt.date) -> str:
    """Handwritten-register style of the cover and 备考表: 2026.3.5."""
    return f"{d.year}.{d.month}.{d.day}"


def hm(t: HM) -> str:
    return f"{t[0]:02d}:{t[1]:02d}"


def hm_cn(t: HM) -> str:
    return f"{t[0]}时{t[1]:02d}分"


def daxie(amount: int) -> str:
    """Whole yuan in capital numerals: 2000 → 贰仟元整, 10500 → 壹万零伍佰元整."""
    if amount == 0:
        return "零元整"
    out = ""
    for unit, part in (("亿", amount // 10**8), ("万", amount // 10**4 % 10**4), ("", amount % 10**4)):
        if not part:
            if out and not out.endswith("零"):
                out += "零"
            continue
        chunk = _four(part)
        if out and part < 1000 and not out.endswith("零"):
            chunk = "零" + chunk
        out += chunk + unit
    return out.rstrip("零") + "元整"


def _four(n: int) -> str:
    s, zero = "", False
    for i, unit in ((1000, "仟"), (100, "佰"), (10, "拾"), (1, "")):
        digit = n // i % 10
        if digit:
            s += ("零" if zero and s else "") + _UPPER[digit] + unit
            zero = False
        else:
            zero = True
    return s


def money(amount: int) -> str:
    """Figures with separators, as the payment slip prints them: ¥2,000.00."""
    return f"¥{amount:,}.00"


def yuan(amount: int) -> str:
    return f"{amount}元"


def rmb_words(amount: int) -> str:
    return f"人民币{daxie(amount)}"


def wan(amount: int) -> str:
    """罚款金额（万元） of the publication table."""
    return f"{amount / 10000:.4f}".rstrip("0").rstrip(".")


def age_sex(p: Person, on: dt.date) -> str:
    return f"{p.sex}，{p.age_on(on)}岁"
