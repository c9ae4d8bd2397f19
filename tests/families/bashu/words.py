"""The family's wording helpers: dates, money, party details, officers, C-01/C-02 retargeting."""

from __future__ import annotations

import datetime as dt
import random

from casegen.formats import daxie
from casegen.model import HM, Plan
from families.contract import case_number_on, party_name_on

COPIES = "（此联交当事人，另一联附卷）"  # this family's two-part-form footnote


def cn(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def hm(t: HM) -> str:
    return f"{t[0]}时{t[1]:02d}分"


def yuan(n: int) -> str:
    return f"{n:,}.00元"


def mask_id(number: str) -> str:
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 11 else phone


class Words:
    def __init__(self, plan: Plan, rng: random.Random) -> None:
        self.plan, self.rng = plan, rng
        self.p, self.a, self.v, self.d = plan.party, plan.agency, plan.violation, plan.dates
        self.mut = plan.mut

    def number(self, key: str) -> str:
        return case_number_on(self.plan, key)

    def name(self, key: str) -> str:
        return party_name_on(self.plan, key)

    def you(self) -> str:
        return "你" if self.p.kind == "individual" else "你单位"

    def facts(self, key: str, template: str | None = None) -> str:
        f = dict(self.plan.facts)
        f["name"] = self.name(key)
        f["when"] = cn(self.d.violation) + hm(self.d.violation_time)  # this family prints 年月日时分
        f["date"] = cn(self.d.violation)
        return (template or self.v.act).format(**f)

    def fine(self, amount: int, words: str | None = None) -> str:
        """罚款15,000.00元（大写：人民币壹万伍仟元整）."""
        return f"罚款{yuan(amount)}（大写：人民币{words or daxie(amount)}）"

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)

    def officers_line(self, offs=None, mode: str | None = None) -> str:
        """执法人员及证号：张三 川12345678 李四 （nocert: second without number; single: one only)."""
        a, b = offs or self.plan.officers[:2]
        if mode == "single":
            return f"{a.name} {a.certificate}"
        if mode == "nocert":
            return f"{a.name} {a.certificate}  {b.name}"
        return f"{a.name} {a.certificate}  {b.name} {b.certificate}"

    def party_blanks(self, key: str, masked: bool = False) -> list[list[tuple[str, str, float]]]:
        """The party block of a pre-printed form as lines of (label, value, blank width)."""
        p, name = self.p, self.name(key)
        if p.kind == "individual" and p.person is not None:
            pe = p.person
            idn = mask_id(pe.id_number) if masked else pe.id_number
            return [
                [
                    ("当事人", name, 110),
                    ("性别", pe.sex, 34),
                    ("年龄", f"{pe.age_on(self.d.violation)}岁", 44),
                ],
                [("身份证件号码", idn, 190), ("联系电话", mask_phone(pe.phone) if masked else pe.phone, 100)],
                [("住址", pe.address if not masked else pe.address[:6] + "（略）", 300)],
            ]
        return [
            [("当事人（单位名称）", name, 250)],
            [("统一社会信用代码", p.credit_code or "", 170), ("法定代表人", p.legal_rep or "", 70)],
            [("地址", p.address, 250), ("联系电话", p.phone, 100)],
        ]

    def party_sentence(self, key: str, masked: bool = False) -> str:
        p, name = self.p, self.name(key)
        if p.kind == "individual" and p.person is not None:
            pe = p.person
            idn = mask_id(pe.id_number) if masked else pe.id_number
            addr = pe.address[:6] + "（略）" if masked else pe.address
            return f"当事人：{name}，{pe.sex}，公民身份号码{idn}，住址{addr}。"
        return f"当事人：{name}，统一社会信用代码{p.credit_code}，住所{p.address}，法定代表人{p.legal_rep}。"
