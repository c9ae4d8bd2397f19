"""The file being printed: the plan, the shared page furniture, and what every form prints alike
(party block, facts in the platform's date style, amounts, the mutation-aware string rewrites)."""

from __future__ import annotations

import datetime as dt
import random
import re

import pymupdf

from casegen.model import Officer, Person, Plan
from families.xiangchu import fmt
from families.xiangchu.sheet import Furniture, Group, Sheet, lab, stk, val


class Book:
    def __init__(self, plan: Plan, *, seed: int) -> None:
        self.plan, self.d, self.a, self.p = plan, plan.dates, plan.agency, plan.party
        self.rng = random.Random(seed * 7919 + 101)  # own stream: the plan is never re-drawn
        self.pdf = pymupdf.open()
        last = max(x for x in vars(self.d).values() if isinstance(x, dt.date))
        printed = last + dt.timedelta(days=self.rng.randint(1, 6))
        clock = f"{self.rng.randint(8, 17):02d}:{self.rng.randint(0, 59):02d}:{self.rng.randint(0, 59):02d}"
        self.furn = Furniture(
            platform=f"{self.a.province}交通运输综合行政执法办案平台",
            agency=self.a.name,
            printed=f"{printed.isoformat()} {clock}",
            operator=plan.officers[0].name,
            seal_seed=seed % 997,
        )
        self.n_docs = 0
        self.facts = self._facts()

    # -- mutation-aware strings ------------------------------------------------------------------
    @property
    def number(self) -> str:
        return self.plan.number.format()

    def subs(self, key: str) -> list[tuple[str, str]]:
        """C-01/C-02: the document ``key`` prints another case number / another party name."""
        m, out = self.plan.mut, []
        if m.get("c01_type") == key:
            out.append((self.number, m["c01_number"]))
        if m.get("c02_type") == key:
            out.append((self.p.name, m["c02_name"]))
        return out

    def sheet(
        self,
        type: str,
        title: str,
        code: str,
        on: dt.date,
        *,
        serves: str | None = None,
        page_sign: str | None = None,
        furniture: bool = True,
    ) -> Sheet:
        key = f"送达回证:{serves}" if serves else type
        self.n_docs += 1
        serial = fmt.serial(self.a.region, on, code, self.plan.number.serial * 37 + self.n_docs)
        return Sheet(
            self.pdf,
            self.furn,
            type=type,
            title=title,
            serial=serial,
            subs=self.subs(key),
            serves=serves,
            index=self.n_docs,
            page_sign=page_sign,
            furniture=furniture,
        )

    # -- facts -----------------------------------------------------------------------------------
    def _facts(self) -> dict[str, str]:
        """The plan's template fields, with dates reprinted in this platform's style."""
        f = dict(self.plan.facts)
        d = self.d
        f["when"] = f"{fmt.cn0(d.violation)}{d.violation_time[0]:02d}时{d.violation_time[1]:02d}分"
        f["date"] = fmt.cn0(d.violation)
        m = re.search(r"(\d{4})\D+(\d{1,2})\D+(\d{1,2})", f.get("last", ""))
        if m:
            f["last"] = fmt.cn0(dt.date(int(m[1]), int(m[2]), int(m[3])))
        return f

    def fill(self, template: str) -> str:
        return template.format(**self.facts)

    @property
    def act(self) -> str:
        return self.fill(self.plan.violation.act)

    @property
    def cause(self) -> str:
        return self.plan.violation.cause

    @property
    def case_name(self) -> str:
        return f"{self.p.name}{self.cause}案"

    # -- blocks ----------------------------------------------------------------------------------
    def party_block(self, label: str = "当事人信息") -> Group:
        p = self.p
        if p.kind == "individual":
            assert p.person is not None
            rows = [
                [
                    stk("姓名", p.name, 0.26),
                    stk("性别", p.person.sex, 0.14),
                    stk("身份证号", p.person.id_number, 0.6),
                ],
                [stk("住址", p.address, 0.68), stk("联系电话", p.phone, 0.32)],
            ]
            return Group(label, [Group("个人", rows)])
        rows = [
            [stk("单位名称", p.name, 0.6), stk("统一社会信用代码", p.credit_code or "", 0.4)],
            [
                stk("法定代表人", p.legal_rep or "", 0.24),
                stk("地址", p.address, 0.5),
                stk("联系电话", p.phone, 0.26),
            ],
        ]
        return Group(label, [Group("单位", rows)])

    def person_block(self, label: str, who: Person, on: dt.date, relation: str) -> Group:
        return Group(
            label,
            [
                [
                    stk("姓名", who.name, 0.24),
                    stk("性别", who.sex, 0.12),
                    stk("年龄", str(who.age_on(on)), 0.12),
                    stk("身份证号", who.id_number, 0.52),
                ],
                [stk("工作单位及职务", relation, 0.5), stk("联系电话", who.phone, 0.5)],
                [stk("住址", who.address, 1.0)],
            ],
        )

    def relation(self, who: Person) -> str:
        p = self.p
        if p.kind == "individual":
            return who.job
        if p.contact is not None and who.name == p.contact.name:
            return f"{p.name} {p.contact_role}"
        return f"{p.name} 工作人员"

    def vehicle_row(self) -> list:
        boat = self.plan.violation.vehicle == "vessel"
        return [
            lab("船名" if boat else "车牌号码", 0.16),
            val(self.p.plate, 0.34),
            lab("船舶类型" if boat else "车辆类型", 0.16),
            val(self.p.vehicle, 0.34),
        ]

    def amount_rows(self, label: str, amount: int, words: str | None = None) -> list:
        return [
            lab(label, 0.18),
            val("人民币（大写）" + (words or fmt.daxie(amount)), 0.52),
            val(fmt.yuan(amount), 0.30, center=True),
        ]

    def pair_rows(self, pair: tuple[Officer, ...], p01: str | None) -> list[tuple[str, str]]:
        """Officers of a 笔录; the P-01 mutation drops the second one's number or the second one."""
        rows = [(o.name, o.certificate) for o in pair]
        if p01 == "nocert":
            rows[1] = (rows[1][0], "")
        elif p01 == "single":
            rows = rows[:1]
        return rows

    def head_row(self, number_label: str = "案号") -> list:
        return [lab(number_label, 0.14), val(self.number, 0.40), lab("案由", 0.12), val(self.cause, 0.34)]
