"""How qinlong writes dates, times and money: the habits of a county brigade typing into Word."""

from __future__ import annotations

import datetime as dt

from casegen.model import Plan

_CN = "〇一二三四五六七八九"
_DX = "零壹贰叁肆伍陆柒捌玖"


def _cn_small(n: int) -> str:
    # 1..31 as spoken: 十, 十五, 二十, 二十一
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens] + "十")
    return head + (_CN[ones] if ones else "") if n else "〇"


def cn_date(d: dt.date) -> str:
    """二〇二六年三月五日: running text and signature lines."""
    return "".join(_CN[int(c)] for c in str(d.year)) + f"年{_cn_small(d.month)}月{_cn_small(d.day)}日"


def num_date(d: dt.date) -> str:
    """2026年3月5日 without zero padding: the short fields of the forms."""
    return f"{d.year}年{d.month}月{d.day}日"


def web_date(d: dt.date) -> str:
    """2026-03-05: a CMS website prints ISO dates."""
    return d.isoformat()


def hm(t: tuple[int, int]) -> str:
    return f"{t[0]}时{t[1]:02d}分"


def daxie(n: int) -> str:
    """Yuan in financial capitals, written out here rather than borrowed: 30500 -> 叁万零伍佰元整."""

    def four(g: int, lead: bool) -> str:
        out, zero = "", False
        for unit, name in ((1000, "仟"), (100, "佰"), (10, "拾"), (1, "")):
            digit = g // unit % 10
            if digit == 0:
                zero = zero or bool(out) or lead
                continue
            if zero:
                out += "零"
                zero = False
            out += _DX[digit] + name
        return out

    high, low = divmod(n, 10000)
    text = four(high, False) + "万" if high else ""
    text += four(low, bool(high)) if low else ""
    return (text or "零") + "元整"


def money(n: int, words: str | None = None) -> str:
    """罚款人民币伍仟元整（￥5000元）: capitals first, figures in brackets, inline."""
    return f"人民币{words or daxie(n)}（￥{n}元）"


def you(plan: Plan) -> str:
    return "你" if plan.party.kind == "individual" else "你单位"


def spaced(title: str) -> str:
    """行 政 处 罚 决 定 书: short titles typed with a space between characters."""
    return " ".join(title) if len(title) <= 9 else title


def cn_form_no(n: int) -> str:
    return _cn_small(n)
