"""What every qinlong form needs from the plan: numbers and names per document key, facts, party lines."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from casegen.discretion import stated
from casegen.model import Officer, Person, Plan
from families.contract import RenderedDoc, case_number_on, party_name_on
from families.qinlong.fmt import cn_date, hm, num_date
from families.qinlong.sheet import Sheet


@dataclass
class Case:
    plan: Plan
    rng: random.Random
    sheet: Sheet

    # ---- per-document values (C-01 / C-02 retarget one document key) ------------------------
    def number(self, key: str) -> str:
        return case_number_on(self.plan, key)

    def name(self, key: str) -> str:
        return party_name_on(self.plan, key)

    def facts(self, key: str) -> dict[str, str]:
        p = self.plan
        f = dict(p.facts)
        d = p.dates
        # dates inside the facts are written in this family's own way, not the plan's style
        f["when"] = cn_date(d.violation) + hm(d.violation_time)
        f["date"] = num_date(d.violation)
        f["name"] = self.name(key)
        if "last" in f and p.violation.key == "weihu":
            f["last"] = _last_maintenance(p)
        return f

    def act(self, key: str) -> str:
        return self.plan.violation.act.format(**self.facts(key))

    @property
    def cause(self) -> str:
        return self.plan.violation.cause

    @property
    def agency(self) -> str:
        return self.plan.agency.name

    @property
    def unit(self) -> str:
        return self.plan.agency.unit

    # ---- recurring lines ---------------------------------------------------------------------
    def party_fields(self, key: str, on: dt.date, *, with_phone: bool = True) -> None:
        """The 当事人 block as fill-in lines: several fields per line, each value underlined."""
        p, s = self.plan.party, self.sheet
        name = self.name(key)
        if p.kind == "individual" and p.person:
            pe = p.person
            s.fields([("当事人（个人姓名）：", name), ("性别：", pe.sex), ("年龄：", f"{pe.age_on(on)}岁")])
            s.fields([("身份证件号：", pe.id_number)] + ([("联系电话：", pe.phone)] if with_phone else []))
            s.fields([("住址：", pe.address)])
        else:
            s.fields([("当事人（单位名称）：", name)])
            s.fields([("法定代表人：", p.legal_rep or ""), ("统一社会信用代码：", p.credit_code or "")])
            s.fields([("地址：", p.address)])
            if with_phone:
                s.fields([("联系电话：", p.phone)])

    def person_fields(self, role: str, who: Person, on: dt.date, extra: str = "") -> None:
        s = self.sheet
        s.fields([(f"{role}：", who.name), ("性别：", who.sex), ("年龄：", f"{who.age_on(on)}岁")])
        s.fields([("身份证件号：", who.id_number), ("联系电话：", who.phone)])
        job = extra or self.job_of(who)
        s.fields([("工作单位及职务：", job)])
        s.fields([("住址：", who.address)])

    def job_of(self, who: Person) -> str:
        p = self.plan.party
        if p.kind == "organisation":
            role = p.contact_role if p.contact and who.name == p.contact.name else "员工"
            return f"{p.name}{role}"
        return who.job

    @staticmethod
    def officer_line(officers: list[Officer], mode: str = "") -> str:
        """王某（证号：…）、李某（证号：…）; P-01 drops the second certificate or the second officer."""
        first, second = officers[0], officers[1]
        if mode == "single":
            return f"{first.name}（证号：{first.certificate}）"
        tail = second.name if mode == "nocert" else f"{second.name}（证号：{second.certificate}）"
        return f"{first.name}（证号：{first.certificate}）、{tail}"

    def reasons(self) -> str:
        """The 说理 of the decision and report: discretion entry and level (P-19/P-20)."""
        p = self.plan
        if p.mut.get("p19"):
            return ""
        row = stated(p.violation.key, p.fine, p.mut)
        if row is None:
            return ""
        entry, band = row
        prov = p.agency.province or "本省"
        return (
            f"对照《{prov}交通运输行政处罚裁量基准》（{entry}），当事人的违法情节属于“{band.level}”情形"
            f"（{band.fact}），该情形对应的罚款幅度为{band.words()}。"
        )

    def emit(self, typ: str, title: str, *, serves: str | None = None, key: str = "") -> RenderedDoc:
        pages, sealed = self.sheet.finish()
        return RenderedDoc(typ, pages, title, serves=serves, sealed_pages=sealed, key=key)


def _last_maintenance(p: Plan) -> str:
    # the plan keeps the last 二级维护 as preformatted text; recover it from the violation date window
    raw = p.facts.get("last", "")
    digits = [int(x) for x in "".join(ch if ch.isdigit() else " " for ch in raw).split()]
    if len(digits) >= 3:
        try:
            return num_date(dt.date(digits[0], digits[1], digits[2]))
        except ValueError:
            pass
    return raw
