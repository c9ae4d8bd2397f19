"""The decision (numbered sections with bold heads, a nested 当事人 grid), the 当场 decision form and
the 送达回证 table."""

from __future__ import annotations

import datetime as dt
import random

from casegen.discretion import stated
from casegen.model import Plan
from families.qilu.common import act, checks, facts, grid, head, officer_cell, party_rows
from families.qilu.fmt import QDoc, cn_date, daxie, esc, iso, iso_hm, yen, ymd0, you

KEY = "行政处罚决定书"


def _evidence_list(plan: Plan) -> str:
    items = [f"{q.type}（{iso(q.date)}）" for q in plan.inquiries] + plan.evidence
    return "；".join(f"{i + 1}. {esc(x)}" for i, x in enumerate(items))


def _reasons(plan: Plan, y: str) -> str:
    """说理: the discretion level applied and what became of the party's statement or hearing."""
    d = plan.dates
    out = ""
    row = stated(plan.violation.key, plan.fine, plan.mut)
    if row:
        entry, band = row
        out += (
            f"依据《{esc(plan.agency.province)}交通运输行政处罚裁量基准》（条目编号{esc(entry)}），{y}的违法行为属"
            f"“{band.level}”情形（{esc(band.fact)}），对应罚款幅度为{esc(band.words())}。"
        )
    else:
        out += f"综合考虑{y}违法行为的事实、性质、情节及社会危害程度，本机关在法定幅度内确定罚款数额。"
    if d.hearing:
        out += (
            f"本机关于{iso(d.hearing)}依法举行听证，{y}提出处罚偏重的意见，经复核，该意见缺乏事实和法律依据，"
            "不予采纳。"
        )
    elif d.statement:
        if plan.fine < plan.proposed_fine:
            out += (
                f"{y}在陈述申辩中请求从轻处罚，经复核，其积极配合调查的理由成立，予以采纳，依法调整罚款数额。"
            )
        else:
            out += f"{y}在陈述申辩中请求从轻处罚，经复核，所提理由不足以减轻处罚，不予采纳。"
    elif d.waiver:
        out += f"{y}已书面声明放弃陈述、申辩的权利。"
    else:
        out += f"{y}在规定期限内未提出陈述、申辩意见。"
    return out


def decision(plan: Plan, rng: random.Random) -> QDoc:
    d, m = plan.dates, plan.mut
    y = you(plan)
    y_decide = "你（单位）" if m.get("w01") == "ni_danwei" else y
    words = m.get("c03") or daxie(plan.fine)
    guidance = (
        "<p class='small'>（分以下情况写明：当事人为个人的写明姓名、身份证件号码、住址；当事人为单位的写明名称、"
        "统一社会信用代码、法定代表人）</p>"
        if m.get("w01") == "guidance"
        else ""
    )
    parts = [
        (
            "一、违法事实及证据",
            f"经查，{esc(act(plan))}。<br>上述事实有以下证据证明：{_evidence_list(plan)}。",
        ),
        ("二、处罚理由及裁量", _reasons(plan, y)) if not m.get("p19") else None,
        (
            "三、处罚依据及决定",
            f"{y_decide}的上述行为违反了{esc(plan.violation.breach)}的规定。依据{esc(plan.violation.basis)}的规定，"
            f"本机关决定对{y}作出如下行政处罚：罚款人民币{esc(words)}（{yen(plan.fine)}）。",
        ),
    ]
    if m.get("p07") != "nocomply":
        parts.append(
            (
                "四、履行方式和期限",
                f"{y}应当自收到本决定书之日起十五日内，持本决定书到{esc(plan.agency.bank)}各营业网点缴纳罚款，或通过"
                f"{esc(plan.agency.province)}政府非税收入电子缴款平台缴纳。到期不缴纳罚款的，本机关可以每日按罚款数额的"
                "百分之三加处罚款，加处罚款的数额不超出罚款的数额，并可依法申请人民法院强制执行。",
            )
        )
    if m.get("p07") != "noremedy":
        parts.append(
            (
                "五、救济途径",
                f"{y}如不服本处罚决定，可以在收到本决定书之日起六十日内依法向{esc(plan.agency.review_body)}申请行政复议，"
                f"或者在六个月内依法向{esc(plan.agency.court)}提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行。",
            )
        )
    body = "".join(f"<h2>{h}</h2><p class='ind'>{t}</p>" for h, t in (p for p in parts if p))
    phone = "__________" if m.get("w01") == "underscore" else esc(plan.agency.phone)
    html = (
        f"<p class='org'>{esc(plan.agency.name)}</p><h1>行政处罚决定书</h1>"
        f"<p class='c'>{esc(plan.number.format())}</p>"
        + guidance
        + grid(party_rows(plan, d.decision))
        + body
        + f"<p class='small'>本机关地址：{esc(plan.agency.address)}　联系电话：{phone}</p>"
        f"<p class='sign'>{esc(plan.agency.name)}<br>{cn_date(d.decision)}</p>"
        "<p class='small'>（本决定书一式两份，一份送达当事人，一份存档）</p>"
    )
    return QDoc(
        KEY,
        "行政处罚决定书",
        html,
        seal=m.get("s01") != "decision",
        seal_anchor=cn_date(d.decision),
        stamp=iso(d.decision) + " 15:47:03",
    )


def summary_decision(plan: Plan) -> QDoc:
    d, o = plan.dates, plan.officers
    f = facts(plan)
    pay = ["当场缴纳", f"自收到本决定书之日起十五日内缴至{plan.agency.bank}"]
    rows = (
        party_rows(plan, d.decision)
        + f"<tr><th colspan='2'>违法时间</th><td>{iso_hm(d.violation, d.violation_time)}</td><th>违法地点</th>"
        f"<td>{esc(f['place'])}</td></tr>"
        f"<tr><th colspan='2'>违法事实</th><td colspan='3'>{esc(act(plan))}。</td></tr>"
        f"<tr><th colspan='2'>违反规定</th><td colspan='3'>{esc(plan.violation.breach)}</td></tr>"
        f"<tr><th colspan='2'>处罚依据</th><td colspan='3'>{esc(plan.violation.basis)}</td></tr>"
        f"<tr><th colspan='2'>处罚决定</th><td colspan='3'>罚款人民币{daxie(plan.fine)}（{yen(plan.fine)}）</td></tr>"
        f"<tr><th colspan='2'>履行方式<br>和期限</th><td colspan='3'>{checks(pay, 0 if plan.on_the_spot_payment else 1)}。"
        "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。</td></tr>"
        f"<tr><th colspan='2'>执法人员</th><td colspan='3'>{officer_cell(o[0])}；{officer_cell(o[1])}</td></tr>"
    )
    html = (
        head(plan, "当场行政处罚决定书", plan.number.format(), label="编号")
        + grid(rows)
        + "<p class='ind'>处罚前已口头告知当事人拟作出处罚的事实、理由和依据，并告知当事人依法享有陈述权和申辩权。</p>"
        f"<p class='ind'>当事人如不服本决定，可以在六十日内依法向{esc(plan.agency.review_body)}申请行政复议，或者在六个月内"
        f"依法向{esc(plan.agency.court)}提起行政诉讼。</p>"
        f"<p>当事人签名：{esc(plan.party.contact.name if plan.party.contact else plan.party.name)}　　{iso(d.decision)}</p>"
        f"<p class='sign'>{esc(plan.agency.name)}<br>{cn_date(d.decision)}</p>"
    )
    return QDoc(
        "当场行政处罚决定书",
        "当场行政处罚决定书",
        html,
        seal=True,
        seal_anchor=cn_date(d.decision),
        stamp=iso(d.decision) + f" {min(d.violation_time[0] + 1, 23):02d}:05:11",
    )


def service(plan: Plan, served: str, title: str, when: dt.date, rng: random.Random) -> QDoc:
    """送达回证 of ``served``: one row per document with a receipt date the party signs."""
    p = plan.party
    signer = p.contact.name if p.contact else p.name
    o1, o2 = plan.officers[0], plan.officers[1]
    modes = ["直接送达", "留置送达", "邮寄送达", "电子送达", "公告送达"]
    rows = (
        f"<tr><th>案号</th><td colspan='3'>{esc(plan.number.format())}</td></tr>"
        f"<tr><th>案由</th><td colspan='3'>{esc(plan.violation.cause)}案</td></tr>"
        f"<tr><th>受送达人</th><td colspan='3'>{esc(p.name)}</td></tr>"
        f"<tr><th>送达地址</th><td colspan='3'>{esc(p.address)}</td></tr>"
        f"<tr><th>送达方式</th><td colspan='3'>{checks(modes, 0)}</td></tr>"
        "<tr><th>送达文书<br>名称及文号</th><th>收件人签名</th><th>签收日期</th><th>送达人</th></tr>"
        f"<tr><td>《{esc(title)}》<br>{esc(plan.number.format())}</td><td class='c'>{esc(signer)}</td>"
        f"<td class='c'>{ymd0(when)}</td><td class='c'>{esc(o1.name)}<br>{esc(o2.name)}</td></tr>"
        "<tr><th>代收人及<br>代收理由</th><td colspan='3'>／</td></tr>"
        "<tr><th>见证人</th><td colspan='3'>／</td></tr>"
        "<tr><th>备注</th><td colspan='3'>受送达人当场签收。</td></tr>"
    )
    html = head(plan, "送达回证", "") + grid(rows, (22, 30, 22, 26))
    return QDoc("送达回证", "送达回证", html, serves=served, stamp=iso(when) + " 10:26:52")
