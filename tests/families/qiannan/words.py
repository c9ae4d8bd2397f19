"""How this office writes dates, amounts and the violation's facts (its own conventions)."""

from __future__ import annotations

import datetime as dt

from casegen.model import Plan

CN = "〇一二三四五六七八九"
DX = "零壹贰叁肆伍陆柒捌玖"


def dot(d: dt.date) -> str:
    """Form cells: the clerk writes 2024.3.5."""
    return f"{d.year}.{d.month}.{d.day}"


def ymd(d: dt.date) -> str:
    """Running text: 2024年3月5日."""
    return f"{d.year}年{d.month}月{d.day}日"


def _small(n: int) -> str:
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else CN[tens] + "十") + (CN[ones] if ones else "")


def sign(d: dt.date) -> str:
    """Under signatures and seals: 二〇二四年三月五日."""
    return "".join(CN[int(c)] for c in str(d.year)) + f"年{_small(d.month)}月{_small(d.day)}日"


def hm(t: tuple[int, int]) -> str:
    return f"{t[0]}时{t[1]:02d}分"


def _group(n: int) -> str:
    """0 < n < 10000 in capital digits, with 零 for inner gaps."""
    out, zero = "", False
    for unit, div in (("仟", 1000), ("佰", 100), ("拾", 10), ("", 1)):
        q = n // div % 10
        if q:
            out += ("零" if zero and out else "") + DX[q] + unit
            zero = False
        else:
            zero = True
    return out


def daxie(n: int) -> str:
    """2000 → 贰仟元整; 15000 → 壹万伍仟元整."""
    wan, rest = divmod(n, 10000)
    s = _group(wan) + "万" if wan else ""
    if rest:
        s += ("零" if wan and rest < 1000 else "") + _group(rest)
    return (s or "零") + "元整"


def money(n: int) -> str:
    """¥2,000.00 on slips and tables."""
    return f"¥{n:,}.00"


def facts(plan: Plan) -> dict[str, str]:
    """The plan's fact fields with the dates re-written in this office's style."""
    f = dict(plan.facts)
    d = plan.dates
    f["when"] = f"{ymd(d.violation)}{hm(d.violation_time)}"
    f["date"] = ymd(d.violation)
    return f


def who(plan: Plan) -> str:
    """你 or 你单位, never the form's 你（单位）."""
    return "你" if plan.party.kind == "individual" else "你单位"
