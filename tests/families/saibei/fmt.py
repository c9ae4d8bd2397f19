"""Number, date and amount styles of the saibei platform, and small plan look-ups.

The platform prints zero-padded numeric dates inside forms (2025年03月07日), Chinese-numeral dates
under seals (二〇二五年三月三十一日), ISO dates on web and payment printouts, and money as
人民币 + 大写 + (¥figures) in decisions.
"""

from __future__ import annotations

import datetime as dt

from casegen.formats import daxie
from casegen.model import Party, Person, Plan

NUM = "〇一二三四五六七八九"


def d0(d: dt.date) -> str:
    """Form dates: 2025年03月07日."""
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def _small(n: int) -> str:
    if n < 10:
        return NUM[n]
    t, o = divmod(n, 10)
    return ("十" if t == 1 else NUM[t] + "十") + (NUM[o] if o else "")


def dcn(d: dt.date) -> str:
    """Seal dates: 二〇二五年三月三十一日."""
    return "".join(NUM[int(c)] for c in str(d.year)) + f"年{_small(d.month)}月{_small(d.day)}日"


def iso(d: dt.date) -> str:
    return d.isoformat()


def hm(t: tuple[int, int]) -> str:
    return f"{t[0]:02d}时{t[1]:02d}分"


def yuan(n: int) -> str:
    """Decision style: 人民币叁万元整（¥30,000.00）."""
    return f"人民币{daxie(n)}（¥{n:,}.00）"


def plain_yuan(n: int) -> str:
    return f"{n}元"


class Names:
    """Case number and party name as a given document prints them (C-01/C-02 mutations)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    def no(self, key: str) -> str:
        m = self.plan.mut
        return m["c01_number"] if m.get("c01_type") == key else self.plan.number.format()

    def party(self, key: str) -> str:
        m = self.plan.mut
        return m["c02_name"] if m.get("c02_type") == key else self.plan.party.name


def signer(p: Party) -> Person | None:
    """Who signs for the party on the platform's records."""
    return p.contact or p.person


def is_org(p: Party) -> bool:
    return p.kind == "organisation"


def cause(plan: Plan) -> str:
    return plan.violation.cause + "案"


def act(plan: Plan) -> str:
    return plan.violation.act.format(**plan.facts)


def level(plan: Plan) -> str:
    """Circumstance grade the decision states (P-19)."""
    return "从轻" if plan.fine < plan.proposed_fine else "一般"
