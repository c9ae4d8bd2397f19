"""Shared pieces of the Lingnan forms: wording helpers, the nested party grid, the officers table,
document heads, signature blocks with seals, and the system page furniture."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from casegen.model import Inquiry, Officer, Plan
from families.contract import case_number_on, party_name_on
from families.lingnan import fmt
from families.lingnan.canvas import BOTTOM, LEFT, RIGHT, Cell, L, Sheet, V, W
from families.lingnan.seal import agency_seal

# Form codes the system prints at the top-left (its own numbering, not the 9号令 式样 numbers).
FORM_CODE = {
    "立案登记表": "ZF-01",
    "询问笔录": "ZF-03",
    "现场笔录": "ZF-04",
    "勘验笔录": "ZF-05",
    "证据登记保存清单": "ZF-07",
    "解除证据登记保存决定书": "ZF-08",
    "行政强制措施决定书": "ZF-09",
    "解除行政强制措施决定书": "ZF-10",
    "证据材料": "ZF-06",
    "案件调查报告": "ZF-12",
    "违法行为通知书": "ZF-13",
    "陈述申辩笔录": "ZF-14",
    "放弃陈述申辩（听证）声明": "ZF-15",
    "听证通知书": "ZF-16",
    "听证笔录": "ZF-17",
    "法制审核意见": "ZF-19",
    "重大案件集体讨论记录": "ZF-20",
    "行政处罚决定书": "ZF-21",
    "当场行政处罚决定书": "ZF-22",
    "送达回证": "ZF-30",
    "结案报告": "ZF-33",
    "卷宗封面": "GD-01",
    "卷内目录": "GD-02",
    "备考表": "GD-03",
}
COPIES = "本文书一式二份，一份交当事人，一份存档。"


@dataclass
class Out:
    """One rendered document as write_case reports it."""

    type: str
    title: str
    pages: int
    sealed: list[int]
    serves: str | None = None
    date: dt.date | None = None
    number: str = ""


class Case:
    def __init__(self, plan: Plan, rng: random.Random) -> None:
        self.plan, self.rng = plan, rng
        self.p, self.a, self.d = plan.party, plan.agency, plan.dates
        self.abbr = fmt.abbr(self.a.province)

    # identity, with the C-01/C-02 mutations applied per document key
    def number(self, key: str) -> str:
        return case_number_on(self.plan, key)

    def name(self, key: str) -> str:
        return party_name_on(self.plan, key)

    def you(self) -> str:
        return "你" if self.p.kind == "individual" else "你单位"

    def cause(self) -> str:
        return self.plan.violation.cause

    def fact(self, template: str, key: str = "") -> str:
        """A violations.py sentence with this family's zero-padded dates."""
        facts = dict(self.plan.facts)
        d = self.d
        facts["when"] = fmt.dt0(d.violation, d.violation_time)
        facts["date"] = fmt.d0(d.violation)
        if key:
            facts["name"] = self.name(key)
        return template.format(**facts)

    def money(self, amount: int, words: str | None = None) -> str:
        return fmt.money(amount, words)

    def hm(self) -> tuple[int, int]:
        return self.rng.randint(8, 16), self.rng.choice((0, 5, 15, 20, 30, 40, 45, 50))

    # grids
    def party_grid(self, key: str) -> list[list[Cell]]:
        """当事人 | 个人 / 单位 nested block; the kind that does not apply stays blank."""
        p, name = self.p, self.name(key)
        pe = p.person if p.kind == "individual" else None
        ind = ("", "", "", "", "", "")
        if pe is not None:
            age = f"{pe.age_on(self.d.violation)}"
            ind = (name, pe.sex, age, pe.id_number, pe.phone, pe.address)
        org = ("", "", "", "", "")
        if p.kind == "organisation":
            org = (name, p.credit_code or "", p.legal_rep or "", p.address, p.phone)
        return [
            [
                L("当事人", 0.055, rows=6),
                L("个人", 0.055, rows=3),
                L("姓名", 0.14),
                V(ind[0], 0.25),
                L("性别", 0.09),
                V(ind[1], 0.09),
                L("年龄", 0.09),
                V(ind[2], 0.23),
            ],
            [L("身份证件号码", 0.14), V(ind[3], 0.34), L("联系电话", 0.12), V(ind[4], 0.29)],
            [L("住址", 0.14), V(ind[5], 0.75)],
            [L("单位", 0.055, rows=3), L("名称", 0.14), V(org[0], 0.75)],
            [L("统一社会信用代码", 0.14), V(org[1], 0.30), L("法定代表人（负责人）", 0.16), V(org[2], 0.29)],
            [L("地址", 0.14), V(org[3], 0.46), L("联系电话", 0.12), V(org[4], 0.17)],
        ]

    def officer_grid(self, officers: list[Officer], label: str = "执法人员", blank_second: bool = False):
        """执法人员 | 执法证号 table, one row per officer (P-01 blanks or drops the second)."""
        rows: list[list[Cell]] = [
            [L(label, 0.14, rows=len(officers) + 1), L("姓名", 0.26), L("执法证号", 0.3), L("所属单位", 0.3)]
        ]
        for i, o in enumerate(officers):
            cert = "" if blank_second and i == 1 else o.certificate
            rows.append([V(o.name, 0.26, "center"), V(cert, 0.3, "center"), V(self.a.unit, 0.3)])
        return rows

    def inquiry_officers(self, q: Inquiry, idx: int) -> tuple[list[Officer], bool]:
        mode = self.plan.mut.get("p01") if self.plan.mut.get("p01_index") == str(idx) else None
        if mode == "single":
            return [q.officers[0]], False
        return list(q.officers), mode == "nocert"

    # heads, signatures, furniture
    def head(self, sh: Sheet, title: str, number: str | None = None, agency: bool = True) -> None:
        if agency:
            sh.line(self.a.name, 15, "center", bold=True, lh=1.7)
        sh.title(title)
        if number:
            sh.line(number, 11.5, "right", lh=1.9)
        else:
            sh.gap(6)

    def sign(self, sh: Sheet, date: dt.date, seal: bool, who: str = "") -> None:
        """Agency (or signer) and date at the right; the seal sits over both, half on the date."""
        if sh.y + 96 > BOTTOM:
            # The signature never stands alone without a marker: the system prints 此页无正文.
            sh.new_page()
            sh.line("（此页无正文）", 11, "center")
        sh.gap(18)
        name = who or self.a.name
        size = 12.0
        wn = sh.width(name, size)
        x = RIGHT - 30 - wn
        sh.put(x, sh.y + size, name, size)
        date_text = fmt.d0(date)
        wd = sh.width(date_text, size)
        xd = x + (wn - wd) / 2
        sh.put(xd, sh.y + size + 24, date_text, size)
        if seal:
            off = self.rng.uniform(-18, 18)
            sh.seal(
                x + wn / 2 + off,
                sh.y + 20 + self.rng.uniform(-6, 10),
                agency_seal(self.a.name, self.plan.seed % 97),
            )
        sh.y += 58

    def system_furniture(self, code: str, when: dt.date):
        """Header line, form code, 第 i 页 / 共 n 页 and the print timestamp of the web system."""
        hm = (self.rng.randint(8, 17), self.rng.randint(0, 59))
        sec = self.rng.randint(0, 59)
        system = fmt.system_name(self.a.province)

        def draw(sh: Sheet, page, i: int, n: int) -> None:
            sh.direct(page, LEFT, 30, f"{self.abbr}{code}", 8.5, 0.2)
            head = f"{system}    打印"
            sh.direct(page, (W - sh.width(head, 8.5)) / 2, 30, head, 8.5, 0.35)
            page.draw_line((LEFT, 38), (RIGHT, 38), color=(0.4, 0.4, 0.4), width=0.5)
            page.draw_line((LEFT, 796), (RIGHT, 796), color=(0.4, 0.4, 0.4), width=0.5)
            foot = f"第 {i} 页 / 共 {n} 页"
            sh.direct(page, (W - sh.width(foot, 9)) / 2, 810, foot, 9, 0.1)
            ts = f"打印时间：{fmt.stamp(when, hm, sec)}"
            sh.direct(page, RIGHT - sh.width(ts, 8), 810, ts, 8, 0.35)

        return draw

    def start(self, sh: Sheet, key: str, when: dt.date) -> None:
        sh.begin(self.system_furniture(FORM_CODE.get(key, "ZF-99"), when))

    def done(self, sh: Sheet, typ: str, title: str, date: dt.date | None, serves: str | None = None) -> Out:
        pages = sh.finish()
        return Out(typ, title, pages.count, pages.sealed, serves, date)

    def kv_rows(self, *pairs: tuple[str, str], label_w: float = 0.18) -> list[list[Cell]]:
        """Label | value rows; "A|B" pairs make a four-cell row."""
        rows: list[list[Cell]] = []
        for label, value in pairs:
            if "|" in label:
                la, lb = label.split("|")
                va, vb = value.split("|")
                rows.append([L(la, label_w), V(va, 0.5 - label_w), L(lb, label_w), V(vb, 0.5 - label_w)])
            else:
                rows.append([L(label, label_w), V(value, 1 - label_w)])
        return rows
