"""What every document writer needs: the plan, a seeded stream, and the per-document number/name."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from casegen.model import Plan
from families.contract import RenderedDoc, case_number_on, party_name_on
from families.qiannan.flow import Writer
from families.qiannan.words import facts, who


@dataclass
class Made:
    """A written document: its sheets and what the truth says about it."""

    type: str
    title: str
    writer: Writer
    serves: str | None = None

    def rendered(self) -> RenderedDoc:
        sealed = [i for i, s in enumerate(self.writer.sheets) if s.sealed]
        return RenderedDoc(self.type, len(self.writer.sheets), self.title, self.serves, sealed)


@dataclass
class Case:
    plan: Plan
    rng: random.Random
    f: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.f = facts(self.plan)

    @property
    def agency(self) -> str:
        return self.plan.agency.name

    @property
    def you(self) -> str:
        return who(self.plan)

    def no(self, key: str) -> str:
        return case_number_on(self.plan, key)

    def party(self, key: str) -> str:
        return party_name_on(self.plan, key)

    def act(self) -> str:
        return self.plan.violation.act.format(**self.f)

    def cause(self) -> str:
        return self.plan.violation.cause + "案"

    def writer(self, title: str, key: str, *, numbered: bool = True) -> Writer:
        return Writer(self.rng, self.agency, title, self.no(key) if numbered else None)

    def party_rows(self, key: str) -> list[list[tuple[str, str]]]:
        """The party block of a form: a person's or an organisation's cells."""
        p, name = self.plan.party, self.party(key)
        if p.kind == "individual" and p.person:
            q = p.person
            return [
                [("姓  名", name), ("性  别", q.sex)],
                [("身份证号", q.id_number), ("联系电话", q.phone)],
                [("住  址", q.address)],
            ]
        return [
            [("单位名称", name)],
            [("统一社会信用代码", p.credit_code or ""), ("法定代表人", p.legal_rep or "")],
            [("地  址", p.address), ("联系电话", p.phone)],
        ]

    def party_line(self, key: str) -> str:
        """The party in one sentence, as notices and decisions open."""
        p, name = self.plan.party, self.party(key)
        if p.kind == "individual" and p.person:
            q = p.person
            return f"{name}，{q.sex}，身份证号码{q.id_number}，住址{q.address}，联系电话{q.phone}。"
        return (
            f"{name}，统一社会信用代码{p.credit_code}，地址{p.address}，法定代表人{p.legal_rep}，"
            f"联系电话{p.phone}。"
        )
