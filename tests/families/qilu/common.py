"""Pieces every qilu form shares: the head (agency line, title, number), the 当事人 grid with its
个人/单位 sub-rows (the unused one struck through with ／), officer cells and signature lines."""

from __future__ import annotations

import datetime as dt

from casegen.model import Officer, Plan
from families.qilu.fmt import esc, iso

SLASH = "／"


def facts(plan: Plan) -> dict[str, str]:
    """The violation's template fields with qilu's own date wording in the narrative."""
    d = plan.dates
    h, m = d.violation_time
    out = dict(plan.facts)
    out["date"] = f"{d.violation.year}年{d.violation.month}月{d.violation.day}日"
    out["when"] = f"{out['date']}{h}时{m:02d}分"
    return out


def act(plan: Plan) -> str:
    return plan.violation.act.format(**facts(plan))


def head(plan: Plan, title: str, number: str, *, label: str = "案件编号", sub: str = "") -> str:
    """Agency line, title, and the case number on its own right-aligned line."""
    out = f"<p class='org'>{esc(plan.agency.name)}</p><h1>{esc(title)}</h1>"
    if sub:
        out += f"<p class='sub'>{esc(sub)}</p>"
    if number:
        out += f"<p class='no'>{esc(label)}：{esc(number)}</p>"
    return out


def party_rows(plan: Plan, on: dt.date, *, cols: int = 4) -> str:
    """当事人 rows for a 5-column grid (label, sub-label, value, label, value)."""
    p = plan.party
    name = esc(p.name)
    if p.kind == "individual" and p.person:
        per = p.person
        return (
            f"<tr><th rowspan='5'>当<br>事<br>人</th><th rowspan='4'>个人</th><td>姓名：{name}</td>"
            f"<th>性别/年龄</th><td>{per.sex}　{per.age_on(on)}岁</td></tr>"
            f"<tr><td>身份证件号码：{esc(per.id_number)}</td><th>职业</th><td>{esc(per.job)}</td></tr>"
            f"<tr><td colspan='{cols - 1}'>住址：{esc(per.address)}</td></tr>"
            f"<tr><td colspan='{cols - 1}'>联系电话：{esc(per.phone)}</td></tr>"
            f"<tr><th>单位</th><td colspan='{cols - 1}'>{SLASH}</td></tr>"
        )
    return (
        f"<tr><th rowspan='5'>当<br>事<br>人</th><th>个人</th><td colspan='{cols - 1}'>{SLASH}</td></tr>"
        f"<tr><th rowspan='4'>单位</th><td>名称：{name}</td><th>法定代表人</th><td>{esc(p.legal_rep or '')}</td></tr>"
        f"<tr><td colspan='{cols - 1}'>统一社会信用代码：{esc(p.credit_code or '')}</td></tr>"
        f"<tr><td colspan='{cols - 1}'>住所：{esc(p.address)}</td></tr>"
        f"<tr><td colspan='{cols - 1}'>联系电话：{esc(p.phone)}</td></tr>"
    )


def grid(rows: str, widths: tuple[int, ...] = (7, 11, 34, 16, 32)) -> str:
    cols = "".join(f"<col width='{w}%'>" for w in widths)
    return f"<table class='g'><colgroup>{cols}</colgroup>{rows}</table>"


def officer_cell(o: Officer, with_cert: bool = True) -> str:
    return f"{esc(o.name)}（执法证号：{esc(o.certificate)}）" if with_cert else esc(o.name)


def opinion(text: str, who: str, when: dt.date | None, *, label: str = "签名") -> str:
    """An approval cell: the opinion, then signer and ISO date on the right."""
    date = iso(when) if when else ""
    return (
        f"<p>{esc(text)}</p><p class='r'>{esc(label)}：{esc(who)}　　日期：{date}</p>"
        if who
        else f"<p>{esc(text)}</p><p class='r'>日期：{date}</p>"
    )


def checks(options: list[str], chosen: int) -> str:
    return "　".join(("☑" if i == chosen else "□") + esc(o) for i, o in enumerate(options))


def party_line(plan: Plan) -> str:
    """The one-line party description used in letters (notice, decision)."""
    p = plan.party
    if p.kind == "individual" and p.person:
        per = p.person
        return (
            f"{esc(p.name)}，{per.sex}，身份证号码：{esc(per.id_number)}，住址：{esc(per.address)}，"
            f"联系电话：{esc(per.phone)}"
        )
    return (
        f"{esc(p.name)}，统一社会信用代码：{esc(p.credit_code or '')}，法定代表人：{esc(p.legal_rep or '')}，"
        f"住所：{esc(p.address)}，联系电话：{esc(p.phone)}"
    )


def contact_name(plan: Plan) -> str:
    c = plan.party.contact
    return c.name if c else plan.party.name
