"""How the qilu platform writes values: ISO dates in form fields (a web date picker), Chinese-numeral
dates under signatures of documents sent to the party, amounts as ￥ figures plus 大写."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

from casegen.model import Plan

CN = "〇一二三四五六七八九"
BIG = "零壹贰叁肆伍陆柒捌玖"


def iso(d: dt.date) -> str:
    return d.isoformat()


def iso_hm(d: dt.date, hm: tuple[int, int]) -> str:
    return f"{d.isoformat()} {hm[0]:02d}:{hm[1]:02d}"


def ymd0(d: dt.date) -> str:
    """The zero-padded 年月日 the platform prints on receipts of service (2026年03月05日)."""
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def _cn_num(n: int) -> str:
    if n < 10:
        return "〇一二三四五六七八九"[n] if n else "〇"
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens]) + "十" + (CN[ones] if ones else "")


def cn_date(d: dt.date) -> str:
    """二〇二六年三月五日: the date under the agency's signature on documents sent out."""
    return "".join(CN[int(c)] for c in str(d.year)) + f"年{_cn_num(d.month)}月{_cn_num(d.day)}日"


def daxie(amount: int) -> str:
    """壹万伍仟元整 (yuan, whole amounts only: every fine of the plan is whole yuan)."""
    if amount == 0:
        return "零元整"
    units = ["", "拾", "佰", "仟"]
    out, zero = [], False
    for big_unit, chunk in zip(("", "万", "亿"), _chunks(amount), strict=False):
        part, z = _four(chunk, units)
        if chunk:
            out.append(part + big_unit + ("零" if zero else ""))
        zero = z or (chunk == 0 and bool(out))
    text = "".join(reversed(out)).rstrip("零")
    return text + "元整"


def _chunks(n: int) -> list[int]:
    out = []
    while n:
        n, r = divmod(n, 10000)
        out.append(r)
    return out


def _four(n: int, units: list[str]) -> tuple[str, bool]:
    """One group of four digits; the bool says it had leading zeros (a 零 joins it to the next)."""
    digits = f"{n:04d}"
    s, pending = "", False
    for i, ch in enumerate(digits):
        v = int(ch)
        if v == 0:
            pending = bool(s)
            continue
        if pending:
            s += "零"
            pending = False
        s += BIG[v] + units[3 - i]
    return s, n < 1000


def yen(amount: int) -> str:
    return f"￥{amount:,}.00"


def esc(text: str) -> str:
    return html.escape(text, quote=False)


@dataclass
class QDoc:
    """One document as the platform prints it: its HTML body and what the truth needs to know."""

    type: str
    title: str
    html: str
    key: str = ""
    serves: str | None = None
    seal: bool = False  # the agency's red seal over the signature
    seal_anchor: str = ""  # text on the last page the seal is stamped over
    stamp: str = ""  # print timestamp of the page footer (the platform prints on the day)
    web: bool = False  # a browser printout of a public web page (公示), not a form
    extra_seals: list[str] = field(default_factory=list)  # other seal anchors (receipt's 财政 seal)

    def __post_init__(self) -> None:
        if not self.key:
            self.key = f"送达回证:{self.serves}" if self.serves else self.type


def retarget(doc: QDoc, plan: Plan) -> QDoc:
    """C-01/C-02: the chosen document prints another case number / party name wherever it prints one."""
    m = plan.mut
    if m.get("c01_type") == doc.key:
        doc.html = doc.html.replace(esc(plan.number.format()), esc(m["c01_number"]))
    if m.get("c02_type") == doc.key:
        doc.html = doc.html.replace(esc(plan.party.name), esc(m["c02_name"]))
    return doc


def you(plan: Plan) -> str:
    return "你" if plan.party.kind == "individual" else "你单位"
