"""Printed formats: dates, times, amounts in figures and 大写, identity numbers, plates."""

from __future__ import annotations

import datetime as dt
import random

CN_DIGITS = "〇一二三四五六七八九"
DAXIE = "零壹贰叁肆伍陆柒捌玖"

DATE_STYLES = ("cn", "cn0", "cnnum", "dot", "dash", "slash")


def cn_small(n: int) -> str:
    """1..31 as written in 二〇二四年三月十五日 style dates."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "十" if tens == 1 else CN_DIGITS[tens] + "十"
    return head + (CN_DIGITS[ones] if ones else "")


def fmt_date(d: dt.date, style: str = "cn") -> str:
    if style == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "cn0":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if style == "cnnum":
        year = "".join(CN_DIGITS[int(c)] for c in str(d.year))
        return f"{year}年{cn_small(d.month)}月{cn_small(d.day)}日"
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "dash":
        return d.isoformat()
    if style == "slash":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    raise ValueError(style)


def fmt_time(hm: tuple[int, int], colon: bool = False) -> str:
    h, m = hm
    return f"{h:02d}:{m:02d}" if colon else f"{h}时{m:02d}分"


def fmt_datetime(d: dt.date, hm: tuple[int, int], style: str = "cn", colon: bool = False) -> str:
    # Times follow Chinese dates directly (2024年3月5日14时30分); ISO-like dates get a space.
    sep = "" if style in ("cn", "cn0", "cnnum") and not colon else " "
    return fmt_date(d, style) + sep + fmt_time(hm, colon)


def daxie(amount: int) -> str:
    """Integer yuan in financial capitals: 15000 -> 壹万伍仟元整, 30500 -> 叁万零伍佰元整."""
    if amount <= 0:
        return "零元整"
    units = ("仟", "佰", "拾", "")
    groups: list[int] = []
    n = amount
    while n:
        groups.append(n % 10000)
        n //= 10000
    out = ""
    gap = False  # a zero group was skipped since the last written digit
    for gi in range(len(groups) - 1, -1, -1):
        g = groups[gi]
        if g == 0:
            gap = True
            continue
        pending = bool(out) and (gap or g < 1000)
        started = False
        for i, digit in enumerate((g // 1000, g // 100 % 10, g // 10 % 10, g % 10)):
            if digit == 0:
                pending = pending or started
                continue
            if pending:
                out += "零"
            pending = False
            out += DAXIE[digit] + units[i]
            started = True
        out += ("", "万", "亿")[gi]
        gap = False
    return out + "元整"


def fmt_amount(amount: int, style: int) -> str:
    if style == 0:
        return f"¥{amount}.00"
    if style == 1:
        return f"￥{amount:,}.00"
    return f"{amount}元"


def id_check_digit(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return "10X98765432"[total % 11]


def make_id_number(rng: random.Random, region: str, birth: dt.date, male: bool) -> str:
    seq = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_digit(first17)


CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _org_code(rng: random.Random) -> str:
    """GB 11714 organisation code: 8 characters + check character."""
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWY") for _ in range(8))
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c, 36) * w for c, w in zip(body, weights, strict=True))
    check = 11 - total % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def credit_check_char(first17: str) -> str:
    total = sum(CREDIT_CHARS.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return CREDIT_CHARS[(31 - total % 31) % 31]


def make_credit_code(rng: random.Random, region: str) -> str:
    """统一社会信用代码 (GB 32100): 9 = 工商, 1 = 企业, region, organisation code, check."""
    while True:
        first17 = "91" + region + _org_code(rng)
        code = first17 + credit_check_char(first17)
        if "XX" not in code:  # "XX" would look like an unfilled placeholder (W-01)
            return code


def make_phone(rng: random.Random) -> str:
    return "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9))


def make_plate(rng: random.Random, prefix: str) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWYZ"  # no I/O (not used on plates), no X (placeholder look)
    tail = [rng.choice("0123456789") for _ in range(5)]
    if rng.random() < 0.4:
        tail[rng.randrange(0, 3)] = rng.choice(letters)
    return f"{prefix}·{''.join(tail)}"


def mask_id(number: str) -> str:
    return number[:4] + "*" * (len(number) - 8) + number[-4:]
