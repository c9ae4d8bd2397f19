"""What every form needs from the plan: numbers, names, the act text, and the document spec."""

from __future__ import annotations

import random
from dataclasses import dataclass

from casegen.model import Plan
from families.contract import case_number_on, party_name_on

GRID = [1.2, 2.4, 5.2, 2.2, 4.8]  # the bureau's five-column form grid (cm)


@dataclass
class Spec:
    """A document as written into the DOCX; pages are counted after conversion."""

    type: str
    title: str
    serves: str | None = None
    seal: bool = False  # the agency's red seal over its signature line
    bank: bool = False  # a bank's receipt stamp
    numbered: bool = True  # footer page numbers (cover: none)

    @property
    def key(self) -> str:
        return f"送达回证:{self.serves}" if self.serves else self.type


class Ctx:
    def __init__(self, plan: Plan, rng: random.Random) -> None:
        self.plan, self.rng = plan, rng
        self.a = plan.agency
        self.p = plan.party

    def no(self, key: str) -> str:
        return case_number_on(self.plan, key)

    def name(self, key: str) -> str:
        return party_name_on(self.plan, key)

    def you(self) -> str:
        return "你" if self.p.kind == "individual" else "你单位"

    def cause(self) -> str:
        return self.plan.violation.cause + "案"

    def act(self) -> str:
        return self.plan.violation.act.format(**self.plan.facts)

    def scene(self) -> str:
        return self.plan.violation.scene.format(**self.plan.facts)

    def party_rows(self, key: str) -> list[list[str]]:
        """The 当事人 block of a table form on the standard grid ``GRID``."""
        p, name = self.p, self.name(key)
        if p.kind == "individual" and p.person:
            q = p.person
            age = q.age_on(self.plan.dates.violation)
            return [
                ["当\n事\n人", "姓　　名", "=" + name, "性别/年龄", f"={q.sex}　{age}岁"],
                ["^", "身份证件号", "=" + q.id_number, "联系电话", "=" + p.phone],
                ["^", "住　　址", "=" + p.address, "<", "<"],
            ]
        return [
            ["当\n事\n人", "单位名称", "=" + name, "<", "<"],
            ["^", "统一社会\n信用代码", "=" + (p.credit_code or ""), "法定代表人", "=" + (p.legal_rep or "")],
            ["^", "地　　址", "=" + p.address, "联系电话", "=" + p.phone],
        ]

    def party_text(self, key: str) -> list[str]:
        """The 当事人 lines of a notice or decision."""
        p, name = self.p, self.name(key)
        if p.kind == "individual" and p.person:
            return [
                f"当事人：{name}，{p.person.sex}，身份证号码：{p.person.id_number}",
                f"住址：{p.address}　联系电话：{p.phone}",
            ]
        return [
            f"当事人：{name}",
            f"统一社会信用代码：{p.credit_code}　法定代表人：{p.legal_rep}",
            f"地址：{p.address}　联系电话：{p.phone}",
        ]
