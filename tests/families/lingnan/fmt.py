"""Lingnan print formats: zero-padded dates, 人民币…元整（¥…）amounts, system timestamps.

The provincial web system formats every date from a DATE column with zero padding (2025年03月04日),
and money with both the 大写 words and the figure with thousands separators.
"""

from __future__ import annotations

import datetime as dt

from casegen.formats import daxie

ABBR = {"广东省": "粤", "湖南省": "湘", "四川省": "川", "北京市": "京", "吉林省": "吉"}


def d0(d: dt.date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def t0(hm: tuple[int, int]) -> str:
    return f"{hm[0]:02d}时{hm[1]:02d}分"


def dt0(d: dt.date, hm: tuple[int, int]) -> str:
    return f"{d0(d)}{t0(hm)}"


def span0(d: dt.date, start: tuple[int, int], end: tuple[int, int]) -> str:
    return f"{d0(d)}{t0(start)}至{t0(end)}"


def stamp(d: dt.date, hm: tuple[int, int], sec: int = 0) -> str:
    """The system's print timestamp (ISO style, as databases print it)."""
    return f"{d.isoformat()} {hm[0]:02d}:{hm[1]:02d}:{sec:02d}"


def figure(amount: int) -> str:
    return f"¥{amount:,.2f}"


def money(amount: int, words: str | None = None) -> str:
    """人民币贰仟元整（¥2,000.00）; ``words`` overrides the 大写 (C-03 defect)."""
    return f"人民币{words or daxie(amount)}（{figure(amount)}）"


def abbr(province: str) -> str:
    return ABBR.get(province, province[:1])


def system_name(province: str) -> str:
    """The header the enforcement system prints on every page."""
    return f"{province}交通运输综合执法信息系统"
