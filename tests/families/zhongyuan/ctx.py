"""Per-case context: the plan, this family's printing styles, and the text helpers every form uses."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from casegen.formats import daxie, fmt_date
from casegen.model import Inquiry, Officer, Plan

from .canvas import DocWriter, Pen
from .seal import seal_png

# A handful of simplified → traditional characters, enough for the labels of one form per file.
TRAD = str.maketrans(
    {
        "调": "調",
        "笔": "筆",
        "验": "驗",
        "约": "約",
        "规": "規",
        "无": "無",
        "达": "達",
        "证": "證",
        "书": "書",
        "间": "間",
        "单": "單",
        "号": "號",
        "问": "問",
        "记": "記",
        "录": "錄",
        "时": "時",
        "员": "員",
        "执": "執",
        "关": "關",
        "处": "處",
        "罚": "罰",
        "认": "認",
        "说": "說",
        "为": "為",
        "车": "車",
        "辆": "輛",
        "谁": "誰",
        "们": "們",
        "对": "對",
        "这": "這",
        "个": "個",
        "没": "沒",
        "电": "電",
        "话": "話",
        "点": "點",
        "决": "決",
        "与": "與",
        "签": "簽",
        "见": "見",
        "阅": "閱",
        "实": "實",
        "误": "誤",
        "询": "詢",
        "讯": "訊",
        "务": "務",
        "职": "職",
        "业": "業",
        "龄": "齡",
        "别": "別",
        "样": "樣",
        "请": "請",
        "备": "備",
        "注": "註",
        "构": "構",
        "机": "機",
        "发": "發",
        "现": "現",
        "场": "場",
        "检": "檢",
        "经": "經",
        "过": "過",
    }
)


def trad(s: str) -> str:
    return s.translate(TRAD)


@dataclass
class Ctx:
    plan: Plan
    rng: random.Random
    pen: Pen
    scanned: bool
    box_date: str = "dot"  # dates inside boxed fields: 2025.3.4 or 2025-03-04
    trad_doc: str = ""  # the one form printed with traditional labels ("" none)
    seals: dict[str, bytes] = field(default_factory=dict)

    @property
    def p(self):
        return self.plan.party

    @property
    def a(self):
        return self.plan.agency

    # --- per-document writer with the C-01/C-02 substitutions ---------------------------------------
    def writer(self, key: str, furniture: bool = True) -> DocWriter:
        m = self.plan.mut
        subs: list[tuple[str, str]] = []
        if m.get("c01_type") == key:
            subs.append((m["c01_from"], m["c01_number"]))
        if m.get("c02_type") == key:
            subs.append((m["c02_from"], m["c02_name"]))

        def fix(s: str) -> str:
            for old, new in subs:
                s = s.replace(old, new)
            return s

        return DocWriter(self.pen, fix).start(furniture)

    # --- formats --------------------------------------------------------------------------------------
    def bd(self, d: dt.date | None) -> str:
        """Date in a boxed field (numeric style)."""
        return fmt_date(d, self.box_date) if d else "/"

    def td(self, d: dt.date) -> str:
        """Date in running text."""
        return fmt_date(d, "cn")

    def sd(self, d: dt.date) -> str:
        """Date under a signature or seal."""
        return fmt_date(d, "cnnum")

    def at(self, d: dt.date, hm: tuple[int, int]) -> str:
        return f"{self.td(d)}{hm[0]}时{hm[1]:02d}分"

    def money(self, amount: int, upper: str | None = None) -> str:
        return f"罚款{amount}元（大写：{upper or daxie(amount)}）"

    @property
    def number(self) -> str:
        return self.plan.number.format()

    def cause(self) -> str:
        return self.plan.violation.cause

    def fact(self) -> str:
        return self.plan.violation.act.format(**self.plan.facts)

    def you(self) -> str:
        return "你" if self.p.kind == "individual" else "你单位"

    def signer(self) -> str:
        return self.p.contact.name if self.p.contact else self.p.name

    def seal(self, kind: str = "agency") -> bytes:
        if kind not in self.seals:
            if kind == "agency":
                self.seals[kind] = seal_png(self.a.name, seed=self.plan.seed)
            elif kind == "finance":
                self.seals[kind] = seal_png(self.a.name, "财务专用章", seed=self.plan.seed + 1)
            else:
                self.seals[kind] = seal_png(kind, "监制章", oval=True, seed=self.plan.seed + 2)
        return self.seals[kind]

    # --- shared lines --------------------------------------------------------------------------------
    def officers_line(
        self, officers: tuple[Officer, ...] | list[Officer], mode: str = "", t: Callable[[str], str] = str
    ) -> str:
        """Both officers on one line; ``t`` converts the labels only (never names or numbers)."""
        o1, o2 = officers[0], officers[1]
        head, cert = t("执法人员："), t("执法证号：")
        if mode == "single":
            return f"{head}{o1.name}（{cert}{o1.certificate}）"
        second = f"{o2.name}" if mode == "nocert" else f"{o2.name}（{cert}{o2.certificate}）"
        return f"{head}{o1.name}（{cert}{o1.certificate}）、{second}"

    def inquiry_mode(self, idx: int) -> str:
        m = self.plan.mut
        return m.get("p01", "") if m.get("p01_index") == str(idx) else ""

    def party_boxes(self) -> list[list[tuple[str, str, float]]]:
        """The party as caption-over-value boxes (individual or organisation)."""
        p = self.p
        if p.kind == "individual" and p.person:
            q = p.person
            return [
                [("当事人姓名", p.name, 0.3), ("性别", q.sex, 0.12), ("身份证件号码", q.id_number, 0.58)],
                [("住址", p.address, 0.7), ("联系电话", p.phone, 0.3)],
            ]
        return [
            [("当事人名称", p.name, 0.6), ("法定代表人", p.legal_rep or "/", 0.4)],
            [("统一社会信用代码", p.credit_code or "/", 0.45), ("联系电话", p.phone, 0.55)],
            [("地址", p.address, 1.0)],
        ]

    def party_text(self) -> str:
        p = self.p
        if p.kind == "individual" and p.person:
            q = p.person
            return f"当事人：{p.name}，{q.sex}，身份证号码：{q.id_number}，住址：{p.address}，联系电话：{p.phone}。"
        return (
            f"当事人：{p.name}，统一社会信用代码：{p.credit_code}，法定代表人：{p.legal_rep}，"
            f"地址：{p.address}，联系电话：{p.phone}。"
        )

    def interviewee_boxes(self, q: Inquiry) -> list[list[tuple[str, str, float]]]:
        who = q.interviewee
        age = who.age_on(q.date)
        role = self.p.contact_role or "当事人"
        if who.name == self.p.name:
            role = "当事人"
        return [
            [
                ("姓名", who.name, 0.25),
                ("性别", who.sex, 0.1),
                ("年龄", f"{age}岁", 0.12),
                ("与案件关系", role, 0.53),
            ],
            [("身份证件号码", who.id_number, 0.45), ("联系电话", who.phone, 0.55)],
            [("住址", who.address, 1.0)],
        ]


# What a form builder returns: its writer, the document type, the printed title (and, for a
# 送达回证, the type of the document it serves).
Out = tuple
