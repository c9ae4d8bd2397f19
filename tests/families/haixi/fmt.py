"""Haixi wording helpers: how this system prints dates, money, the party and the case identity.

The plan's facts sentence carries dates formatted in casegen's styles; ``Case.act`` reprints the
violation time the way this system does (zero-padded 2025年03月04日14时05分) so the look is our own.
"""

from __future__ import annotations

import datetime as dt
import random

from casegen.formats import CN_DIGITS, cn_small, daxie, mask_id
from casegen.model import HM, Plan


def d_pad(d: dt.date) -> str:
    """Body dates: zero-padded (2025年03月04日)."""
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def d_form(d: dt.date) -> str:
    """A date filled into a pre-printed ``____年__月__日`` slot keeps the slot's spaces."""
    return f"{d.year} 年 {d.month} 月 {d.day} 日"


def d_seal(d: dt.date) -> str:
    """Signature dates under the agency name: Chinese numerals (二〇二五年三月四日)."""
    year = "".join(CN_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{cn_small(d.month)}月{cn_small(d.day)}日"


def d_archive(d: dt.date) -> str:
    """Archive listings write dates as eight digits (DA/T 22 style)."""
    return f"{d:%Y%m%d}"


def t_cn(hm: HM) -> str:
    return f"{hm[0]:02d}时{hm[1]:02d}分"


def span(d: dt.date, a: HM, b: HM) -> str:
    return f"{d_pad(d)}{t_cn(a)}至{t_cn(b)}"


def yuan(amount: int) -> str:
    return f"{amount:,}.00"


class Case:
    """The plan seen through this family's wording, with the defect mutations applied per document."""

    def __init__(self, plan: Plan, rng: random.Random) -> None:
        self.plan = plan
        self.rng = rng
        self.p = plan.party
        self.a = plan.agency
        self.d = plan.dates
        self.mut = plan.mut
        self.o1, self.o2 = plan.officers[0], plan.officers[1]
        self.st = plan.staff
        self.org = plan.party.kind != "individual"
        # One bank account per file, so the decision and the slip agree.
        self.account = "".join(rng.choice("0123456789") for _ in range(19))
        self.payer_code = "".join(rng.choice("0123456789") for _ in range(20))

    # identity, with C-01 / C-02 mutations
    def num(self, key: str) -> str:
        if self.mut.get("c01_type") == key:
            return self.mut["c01_number"]
        return self.plan.number.format()

    def name(self, key: str) -> str:
        if self.mut.get("c02_type") == key:
            return self.mut["c02_name"]
        return self.p.name

    def you(self) -> str:
        return "你单位" if self.org else "你"

    def party_word(self) -> str:
        """This system calls the party 被处罚人 / 被处罚单位 on decisions."""
        return "被处罚单位" if self.org else "被处罚人"

    def cause(self) -> str:
        return self.plan.violation.cause

    def act(self, key: str = "") -> str:
        facts = dict(self.plan.facts)
        facts["when"] = d_pad(self.d.violation) + t_cn(self.d.violation_time)
        facts["date"] = d_pad(self.d.violation)
        facts["name"] = self.name(key) if key else self.p.name
        return self.plan.violation.act.format(**facts)

    def scene(self) -> str:
        facts = dict(self.plan.facts)
        facts["date"] = d_pad(self.d.violation)
        return self.plan.violation.scene.format(**facts)

    def fill(self, template: str) -> str:
        facts = dict(self.plan.facts)
        facts["date"] = d_pad(self.d.violation)
        return template.format(**facts)

    def money(self, amount: int, words: str | None = None) -> str:
        return f"罚款人民币{yuan(amount)}元（大写：{words or daxie(amount)}）"

    def level(self) -> str:
        """The circumstance level the decision states (P-19)."""
        v = self.plan.violation
        fines = sorted(
            v.fines.get(self.p.kind, ()) or v.summary_fines.get(self.p.kind, ()) or (self.plan.fine,)
        )
        if self.plan.fine <= fines[0]:
            return "较轻"
        if self.plan.fine >= fines[-1] and len(fines) > 2:
            return "较重"
        return "一般"

    def id_line(self, masked: bool = False) -> str:
        if self.org:
            return self.p.credit_code or "/"
        assert self.p.person is not None
        return mask_id(self.p.person.id_number) if masked else self.p.person.id_number

    def contact_name(self) -> str:
        return self.p.contact.name if self.p.contact else self.p.name

    def evidence_list(self) -> list[str]:
        counts: dict[str, int] = {}
        for q in self.plan.inquiries:
            counts[q.type] = counts.get(q.type, 0) + 1
        out = [f"{t}{n}份" for t, n in counts.items()]
        return out + [e.replace("复印件", "（复印件）") for e in self.plan.evidence]

    def daxie(self, amount: int) -> str:
        return daxie(amount)
