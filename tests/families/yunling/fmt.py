"""yunling's ways of writing dates, times, amounts and people (the spreadsheet program's own habits)."""

from __future__ import annotations

import datetime as dt

from casegen.formats import daxie
from casegen.model import Officer, Plan
from families.contract import case_number_on, party_name_on

DIGITS = "〇一二三四五六七八九"


def cell(d: dt.date) -> str:
    """Cells: 2026年3月5日 (no zero padding)."""
    return f"{d.year}年{d.month}月{d.day}日"


def dot(d: dt.date) -> str:
    """Tables (卷内目录, 公开列表, 回单): 2026.03.05."""
    return f"{d.year}.{d.month:02d}.{d.day:02d}"


def _cn_num(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else DIGITS[tens] + "十")) + (
        DIGITS[ones] if ones else ""
    )


def sign(d: dt.date) -> str:
    """Signature lines only: 二〇二六年三月五日."""
    return "".join(DIGITS[int(c)] for c in str(d.year)) + f"年{_cn_num(d.month)}月{_cn_num(d.day)}日"


def at(d: dt.date, hm: tuple[int, int]) -> str:
    return f"{cell(d)}{hm[0]}时{hm[1]:02d}分"


def amount(n: int, words: str | None = None) -> str:
    """5000元（伍仟元整）; ``words`` overrides the 大写 (the C-03 defect)."""
    return f"{n}元（{words or daxie(n)}）"


def officer(o: Officer) -> str:
    return f"{o.name}（证号{o.certificate}）"


class Ctx:
    """What every document builder needs: the plan, and the number and name as document ``key`` prints."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.p = plan.party
        self.a = plan.agency
        self.d = plan.dates

    def number(self, key: str) -> str:
        return case_number_on(self.plan, key)

    def name(self, key: str) -> str:
        return party_name_on(self.plan, key)

    def cause(self) -> str:
        return self.plan.violation.cause + "案"

    def act(self) -> str:
        return self.plan.violation.act.format(**self.plan.facts)

    def party_rows(self, sheet, key: str, label: str = "当事人") -> None:
        """Party cells, two pairs a row (姓名 | 张三 | 性别 | 男)."""
        p, name = self.p, self.name(key)
        if p.kind == "individual" and p.person is not None:
            sheet.pair(label, name, "性别", p.person.sex)
            sheet.pair("身份证号", p.person.id_number, "联系电话", p.phone)
            sheet.kv("住址", p.address)
        else:
            sheet.kv(label, name)
            sheet.pair("统一社会信用代码", p.credit_code or "", "法定代表人", p.legal_rep or "")
            sheet.pair("地址", p.address, "联系电话", p.phone)
        if p.plate:
            sheet.pair("车（船）号", p.plate, "车（船）型", p.vehicle)
