"""What every longjiang form shares: the case being printed, its sheets, the party and officer
blocks, and the seal."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import pymupdf

from casegen.model import Officer, Plan
from families.contract import RenderedDoc, case_number_on, party_name_on
from families.longjiang import fmt
from families.longjiang.page import RIGHT, Cell, Furniture, L, Sheet, V, width
from families.longjiang.seal import seal_png

PLATFORM = "交通运输综合执法业务管理平台 · 案件办理子系统"


@dataclass(frozen=True)
class Voice:
    """Wording the platform's provincial editions differ in, chosen once per case."""

    served: str  # how 送达回证 prints the service date: ymd | iso | dot
    party_label: str  # the decision's label for the party block (individuals)
    org_label: str  # … and for organisations
    facts: str  # heading of the decision's facts section
    basis: str  # 处罚依据 / 法律依据 on the 当场 decision
    code: str  # label of the credit code


def voice_for(seed: int) -> Voice:
    rng = random.Random(seed * 977 + 13)  # its own stream: wording never shifts the layout
    return Voice(
        rng.choice(("ymd", "iso", "dot")),
        rng.choice(("被处罚人", "当事人")),
        rng.choice(("受处罚单位", "当事人")),
        rng.choice(("违法事实及证据", "调查认定的违法事实及证据")),
        rng.choice(("处罚依据", "法律依据")),
        rng.choice(("统一社会信用代码", "统一社会信用代码（组织机构代码）")),
    )


def served_date(voice: Voice, d: dt.date) -> str:
    return {"ymd": fmt.ymd, "iso": fmt.iso, "dot": fmt.dot}[voice.served](d)


@dataclass
class Case:
    plan: Plan
    seed: int
    doc: pymupdf.Document = field(default_factory=pymupdf.open)
    n: int = 0  # documents begun, for the 文书编号

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed * 31 + 7)
        self.seal = seal_png(self.plan.agency.name, "行政执法专用章", self.seed)
        self.footer = self.rng.randrange(3)
        self.voice = voice_for(self.seed)

    # -- the plan, as a document prints it -----------------------------------------------------
    @property
    def number(self) -> str:
        return self.plan.number.format()

    @property
    def party(self) -> str:
        return self.plan.party.name

    @property
    def you(self) -> str:
        """How the forms address the party; never the template's 你（单位）."""
        return "你" if self.plan.party.kind == "individual" else "你单位"

    @property
    def act(self) -> str:
        return self.plan.violation.act.format(**self.plan.facts)

    def sheet(
        self,
        key: str,
        printed: dt.date,
        *,
        qr: bool = True,
        kind: str = "platform",
        url: str = "",
        head: str = "",
        clock: str = "",
    ) -> Sheet:
        """A new document's first page; C-01/C-02 substitutions are bound to the document key."""
        self.n += 1
        p = self.plan
        subs = {}
        if case_number_on(p, key) != self.number:
            subs[self.number] = case_number_on(p, key)
        if party_name_on(p, key) != self.party:
            subs[self.party] = party_name_on(p, key)
        code = f"LJ{p.number.year}{p.number.serial:05d}-{self.n:02d}"
        clock = clock or f"{8 + self.rng.randrange(9):02d}:{self.rng.randrange(60):02d}"
        furn = Furniture(
            PLATFORM,
            code,
            f"{printed:%Y/%m/%d} {clock}" if kind == "browser" else f"{fmt.iso(printed)} {clock}",
            p.officers[0].name,
            f"{p.agency.name}  执法案卷",
            self.seed * 100 + self.n,
            self.footer,
            kind,
            url,
        )
        if head:
            furn.platform = head
        return Sheet(self.doc, furn, subs, qr=qr and kind == "platform")

    def done(self, s: Sheet, type_: str, title: str, serves: str | None = None) -> RenderedDoc:
        pages = s.finish()
        return RenderedDoc(type_, pages, title, serves, sorted(s.sealed))

    # -- shared blocks -------------------------------------------------------------------------
    def number_line(self, s: Sheet, label: str = "案号") -> None:
        s.line(f"{label}：{self.number}", 10.5, align="right")

    def party_rows(self, on: dt.date) -> list[list[Cell]]:
        """Party as a two-column key/value grid; individuals and organisations differ in labels."""
        p = self.plan.party
        if p.kind == "individual" and p.person:
            q = p.person
            return [
                [
                    L("姓名", 1),
                    V(p.name, 1.6),
                    L("性别", 0.8),
                    V(q.sex, 0.7),
                    L("年龄", 0.8),
                    V(f"{q.age_on(on)}岁", 0.8),
                ],
                [L("身份证件号", 1), V(q.id_number, 2.2), L("联系电话", 1), V(p.phone, 1.5)],
                [L("住址", 1), V(p.address, 4.7)],
            ]
        return [
            [L("单位名称", 1), V(p.name, 4.7)],
            [
                L(self.voice.code, 1),
                V(p.credit_code or "", 2.2),
                L("法定代表人", 1),
                V(p.legal_rep or "", 1.5),
            ],
            [L("地址", 1), V(p.address, 2.2), L("联系电话", 1), V(p.phone, 1.5)],
        ]

    def officer_rows(self, officers: tuple[Officer, ...], mut: str = "") -> list[list[Cell]]:
        """Officers as table rows: name, certificate, the card's issuing level; P-01 drops a number
        (``nocert``) or the second officer (``single``)."""
        rows = [[L("姓名", 1), L("执法证号", 1.6), L("证件类别", 1), L("签名", 1)]]
        for i, o in enumerate(officers):
            if i == 1 and mut == "single":
                break
            cert = "" if i == 1 and mut == "nocert" else o.certificate
            level = "海事执法证" if self.plan.agency.maritime else ("部级执法证" if i == 0 else "省内执法证")
            rows.append([V(o.name, 1), V(cert, 1.6), V(level if cert else "", 1), V(o.name, 1)])
        return rows

    def stamp(self, s: Sheet, cx: float) -> None:
        """The seal over the agency name and date (the cursor is just below the date)."""
        s.seal(self.seal, cx + self.rng.uniform(-8, 8), s.y - 24 + self.rng.uniform(-5, 5), 108)

    def agency_sign(self, s: Sheet, date: dt.date, *, seal: bool, style: str = "cn") -> None:
        """Agency name and date, right-aligned, with the seal pressed over them."""
        s.ensure(120)
        s.space(26)
        name = self.plan.agency.name
        s.line(name, 11, align="right")
        d = fmt.cn_date(date) if style == "cn" else fmt.ymd(date)
        s.line(d, 11, align="right")
        if seal:
            self.stamp(s, RIGHT - width(name, 11) / 2)
