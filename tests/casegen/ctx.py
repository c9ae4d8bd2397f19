"""Shared wording helpers for the content modules: dates, numbers, party lines, headers."""

from __future__ import annotations

import datetime as dt
import random

from casegen.blocks import Cell, Doc, kv
from casegen.formats import daxie, fmt_amount, fmt_date, fmt_datetime, mask_id
from casegen.model import HM, Plan

FORM_NO = {
    "立案登记表": "一",
    "询问笔录": "二",
    "勘验笔录": "三",
    "现场笔录": "四",
    "证据登记保存清单": "六",
    "解除证据登记保存决定书": "七",
    "行政强制措施决定书": "八",
    "解除行政强制措施决定书": "十",
    "违法行为通知书": "十一",
    "听证通知书": "十二",
    "听证笔录": "十三",
    "当场行政处罚决定书": "十四",
    "行政处罚决定书": "十五",
    "送达回证": "二十三",
    "结案报告": "二十四",
}
UNNUMBERED = {"卷宗封面", "卷内目录", "备考表", "证据材料", "罚没款票据"}
EXTERNAL = {
    "违法行为通知书",
    "听证通知书",
    "行政处罚决定书",
    "当场行政处罚决定书",
    "行政强制措施决定书",
    "解除行政强制措施决定书",
    "解除证据登记保存决定书",
    "证据登记保存清单",
}
COPIES = "（本文书一式两份：一份存根，一份交当事人或其代理人。）"


class Ctx:
    def __init__(self, plan: Plan, rng: random.Random) -> None:
        self.plan = plan
        self.rng = rng
        self.s = plan.styles
        self.p = plan.party
        self.a = plan.agency

    # dates
    def d(self, date: dt.date) -> str:
        return fmt_date(date, self.s.date)

    def sd(self, date: dt.date) -> str:
        """Signature date of notices and decisions (often in Chinese numerals)."""
        return fmt_date(date, self.s.sign)

    def at(self, date: dt.date, hm: HM) -> str:
        return fmt_datetime(date, hm, self.s.date, self.s.colon_time)

    def span(self, date: dt.date, start: HM, end: HM) -> str:
        if self.s.colon_time:
            return f"{self.at(date, start)}至{end[0]:02d}:{end[1]:02d}"
        return f"{self.at(date, start)}至{end[0]}时{end[1]:02d}分"

    def hm(self) -> HM:
        return self.rng.randint(8, 16), self.rng.choice((0, 10, 20, 30, 40, 50))

    # identity of the case
    def number(self, key: str) -> str:
        if self.plan.mut.get("c01_type") == key:
            return self.plan.mut["c01_number"]
        return self.plan.number.format()

    def name(self, key: str) -> str:
        if self.plan.mut.get("c02_type") == key:
            return self.plan.mut["c02_name"]
        return self.p.name

    def you(self) -> str:
        return "你" if self.p.kind == "individual" else "你单位"

    def cause(self) -> str:
        return self.plan.violation.cause

    def case_title(self, key: str) -> str:
        return f"{self.name(key)}{self.cause()}案"

    def fact(self, template: str, key: str = "") -> str:
        facts = dict(self.plan.facts)
        facts["name"] = self.name(key) if key else facts["name"]
        return template.format(**facts)

    def money(self, amount: int, words: str | None = None) -> str:
        return f"罚款人民币{words or daxie(amount)}（{fmt_amount(amount, self.s.amount)}）"

    # headers and party details
    def doc(self, typ: str, title: str | None = None, *, serves: str | None = None, key: str = "") -> Doc:
        doc = Doc(typ, title or typ, [], serves=serves, key=key)
        if typ in UNNUMBERED:
            doc.numbered = typ not in ("卷宗封面", "卷内目录", "备考表")
            return doc
        if self.s.agency_line or typ in EXTERNAL:
            doc.agency_line = self.a.name
        if self.s.form_line and typ in FORM_NO:
            doc.form_line = f"交通运输行政执法文书式样之{FORM_NO[typ]}"
        doc.case_no = "案号：" + self.number(doc.key)
        return doc

    def party_rows(self, key: str, masked: bool = False) -> list[list[Cell]]:
        p = self.p
        name = self.name(key)
        if p.kind == "individual" and p.person is not None:
            pe = p.person
            idn = mask_id(pe.id_number) if masked else pe.id_number
            age = str(pe.age_on(self.plan.dates.violation))
            return kv(
                ("当事人|性别", f"{name}|{pe.sex}"),
                ("身份证件号|年龄", f"{idn}|{age}岁"),
                ("住址", pe.address),
                ("联系电话|车（船）号", f"{pe.phone}|{p.plate}"),
            )
        return kv(
            ("当事人（单位）", name),
            ("统一社会信用代码|法定代表人", f"{p.credit_code}|{p.legal_rep}"),
            ("地址", p.address),
            ("联系电话|车（船）号", f"{p.phone}|{p.plate}"),
        )

    def party_line(self, key: str) -> str:
        """The party as one paragraph, the way decisions and notices open."""
        p = self.p
        name = self.name(key)
        if p.kind == "individual" and p.person is not None:
            pe = p.person
            return f"当事人：{name}，性别：{pe.sex}，身份证件号：{pe.id_number}，住址：{pe.address}，联系电话：{pe.phone}。"
        return (
            f"当事人：{name}，统一社会信用代码：{p.credit_code}，法定代表人：{p.legal_rep}，"
            f"地址：{p.address}，联系电话：{p.phone}。"
        )

    def person_line(self, role: str, key: str = "") -> str:
        """被询问人/现场人员 details of the plan's contact person."""
        c = self.p.contact
        assert c is not None
        age = c.age_on(self.plan.dates.violation)
        return f"{role}：{c.name}  性别：{c.sex}  年龄：{age}岁  身份证件号：{c.id_number}"
