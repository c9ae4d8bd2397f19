"""This family's printed formats: typed dates (2025年3月4日), signature dates in Chinese numerals, money."""

from __future__ import annotations

import datetime as dt

from casegen.formats import daxie

NUM = "〇一二三四五六七八九"


def d(x: dt.date) -> str:
    return f"{x.year}年{x.month}月{x.day}日"


def d0(x: dt.date) -> str:
    """Table cells of the 笔录 headers: zero-padded, as Word's date field inserts it."""
    return f"{x.year}年{x.month:02d}月{x.day:02d}日"


def _small(n: int) -> str:
    if n < 10:
        return NUM[n]
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else NUM[tens] + "十") + (NUM[ones] if ones else "")


def dcn(x: dt.date) -> str:
    """二〇二五年三月四日 (signature lines of external documents)."""
    return "".join(NUM[int(c)] for c in str(x.year)) + f"年{_small(x.month)}月{_small(x.day)}日"


def t(hm: tuple[int, int]) -> str:
    return f"{hm[0]}时{hm[1]:02d}分"


def money(amount: int, words: str | None = None) -> str:
    """人民币壹万元整（¥10,000.00）: words first, as the bureau's decisions print it."""
    return f"人民币{words or daxie(amount)}（¥{amount:,}.00）"


def yuan(amount: int) -> str:
    return f"{amount:,}元"


__all__ = ["d", "d0", "daxie", "dcn", "money", "t", "yuan"]
