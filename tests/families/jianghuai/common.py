"""What every form of the family needs: date/amount styles, the plan seen per document (C-01/C-02),
the party block, the sheet factory."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from dataclasses import dataclass, field

import pymupdf

from casegen.formats import daxie
from casegen.model import Officer, Person, Plan
from families.contract import RenderedDoc, case_number_on, party_name_on
from families.jianghuai import seal
from families.jianghuai.sheet import Cell, Sheet, group, label

CN = "〇一二三四五六七八九"


def d0(d: dt.date) -> str:
    """Form fields: 2025年03月04日."""
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def _cn_small(n: int) -> str:
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else CN[tens] + "十") + (CN[ones] if ones else "")


def dcn(d: dt.date) -> str:
    """Issued documents' signature dates: 二〇二五年三月四日."""
    return "".join(CN[int(c)] for c in str(d.year)) + f"年{_cn_small(d.month)}月{_cn_small(d.day)}日"


def diso(d: dt.date) -> str:
    return d.isoformat()


def hm(t: tuple[int, int]) -> str:
    return f"{t[0]:02d}时{t[1]:02d}分"


def yuan(n: int) -> str:
    return f"{n:,}.00"


def money(n: int, capital: str | None = None) -> str:
    """人民币叁仟元整（￥3,000.00）; ``capital`` replaces the 大写 words (C-03)."""
    return f"人民币{capital or daxie(n)}（￥{yuan(n)}）"


@dataclass
class Ctx:
    plan: Plan
    doc: pymupdf.Document
    rng: random.Random
    out: list[RenderedDoc] = field(default_factory=list)
    form_no: int = 0

    # -- the plan as one document prints it ----------------------------------------------------------
    def number(self, key: str) -> str:
        return case_number_on(self.plan, key)

    def party(self, key: str) -> str:
        return party_name_on(self.plan, key)

    @property
    def org(self) -> bool:
        return self.plan.party.kind == "organisation"

    @property
    def you(self) -> str:
        return "你单位" if self.org else "你"

    @property
    def cause(self) -> str:
        return self.plan.violation.cause

    def facts(self, key: str) -> dict[str, str]:
        """The violation's template fields, in this family's date style, with the name the document uses."""
        p, d = self.plan, self.plan.dates
        f = dict(p.facts)
        f["when"] = d0(d.violation) + hm(d.violation_time)
        f["date"] = d0(d.violation)
        f["name"] = self.party(key)
        m = re.fullmatch(r"(\d{4})\D(\d{1,2})\D(\d{1,2})日?", f.get("last", ""))
        if m:  # the last maintenance date, printed in this family's style
            f["last"] = d0(dt.date(int(m[1]), int(m[2]), int(m[3])))
        if p.party.kind == "individual":
            f["driver"] = f["name"]  # the individual party drives: one name per document (C-02)
        return f

    def act(self, key: str) -> str:
        return self.plan.violation.act.format(**self.facts(key))

    def scene(self, key: str) -> str:
        return self.plan.violation.scene.format(**self.facts(key))

    # -- sheets --------------------------------------------------------------------------------------
    def sheet(self, code: int) -> Sheet:
        a = self.plan.agency
        stamp = (
            hashlib.md5(f"{self.plan.case_id}/{code}/{self.doc.page_count}".encode()).hexdigest()[:10].upper()
        )
        return Sheet(
            self.doc,
            code=f"文书式样 JH-{code:02d}",
            platform=f"{a.province}交通运输综合行政执法办案平台",
            stamp=stamp,
            rng=self.rng,
        )

    def done(self, sheet: Sheet, type_: str, title: str, key: str = "", serves: str | None = None) -> None:
        pages = sheet.close()
        self.out.append(RenderedDoc(type_, pages, title, serves, sorted(sheet.sealed), key))

    def seal(self) -> bytes:
        return seal.agency_seal(self.plan.agency.name, self.rng.randrange(6))

    # -- shared blocks -------------------------------------------------------------------------------
    def head(self, s: Sheet, title: str, key: str, *, number_row: bool = True) -> None:
        """Agency line, title, and the case number right-aligned under it."""
        s.text(self.plan.agency.name, 14, indent=0, align="c", bold=True, after=0)
        s.title(title)
        if number_row:
            n = self.number(key)
            s.text(f"案号：{n}", 10.5, indent=0, align="r", after=4)

    def party_block(self, s: Sheet, key: str, name: str = "当事人", *, phone: str | None = None) -> None:
        p = self.plan.party
        who = self.party(key)
        if p.kind == "organisation":
            rows = [
                [label("名称", 0.2), Cell(who, 0.8)],
                [
                    label("统一社会信用代码", 0.2),
                    Cell(p.credit_code or "", 0.35),
                    label("法定代表人", 0.17),
                    Cell(p.legal_rep or "", 0.28),
                ],
                [
                    label("地址", 0.2),
                    Cell(p.address, 0.45),
                    label("联系电话", 0.13),
                    Cell(phone or p.phone, 0.22),
                ],
            ]
        else:
            per = p.person
            assert per is not None
            on = self.plan.dates.violation
            rows = [
                [
                    label("姓名", 0.16),
                    Cell(who, 0.24),
                    label("性别", 0.1),
                    Cell(per.sex, 0.1, "c"),
                    label("年龄", 0.1),
                    Cell(f"{per.age_on(on)}岁", 0.3),
                ],
                [
                    label("身份证件号码", 0.2),
                    Cell(per.id_number, 0.4),
                    label("联系电话", 0.14),
                    Cell(phone or p.phone, 0.26),
                ],
                [label("住址", 0.2), Cell(p.address, 0.8)],
            ]
        group(s, name, rows)

    def person_rows(self, who: Person, role: str, key: str) -> list[list[Cell]]:
        on = self.plan.dates.violation
        return [
            [
                label("姓名", 0.14),
                Cell(who.name, 0.2),
                label("性别", 0.1),
                Cell(who.sex, 0.1, "c"),
                label("年龄", 0.1),
                Cell(f"{who.age_on(on)}岁", 0.12),
                label("身份", 0.1),
                Cell(role, 0.14),
            ],
            [
                label("身份证件号码", 0.2),
                Cell(who.id_number, 0.38),
                label("联系电话", 0.14),
                Cell(who.phone, 0.28),
            ],
            [
                label("工作单位", 0.2),
                Cell(self._employer(who, key), 0.3),
                label("住址", 0.1),
                Cell(who.address, 0.4),
            ],
        ]

    def _employer(self, who: Person, key: str) -> str:
        p = self.plan.party
        if p.kind == "organisation" and who is p.contact:
            return self.party(key)
        return who.job

    def officers_cell(self, officers: list[Officer], *, cert_of_second: bool = True) -> str:
        parts = []
        for i, o in enumerate(officers):
            cert = o.certificate if (i == 0 or cert_of_second) else ""
            parts.append(f"{o.name}（执法证号：{cert}）" if cert else o.name)
        return "  ".join(parts)


def checkbox(options: list[str], chosen: int) -> str:
    return "  ".join(("■" if i == chosen else "□") + o for i, o in enumerate(options))
