"""The decision as prose under numbered headings, the 当场 decision, and the 送达回证 table."""

from __future__ import annotations

import datetime as dt

from families.contract import RenderedDoc
from families.qinlong.base import Case
from families.qinlong.fmt import cn_date, hm, money, num_date, spaced, you
from families.qinlong.sheet import LM


def _account(c: Case) -> str:
    r = c.rng
    return "".join(str(r.randint(0, 9)) for _ in range(19))


def _hearing_outcome(c: Case) -> str:
    """Whether the party's arguments were adopted, and why (P-19 asks for it when a record exists)."""
    p, d = c.plan, c.plan.dates
    if d.hearing:
        return (
            "当事人在听证中提出处罚过重、请求从轻处理的意见。经复核，本机关拟作出的罚款在裁量幅度之内，"
            "当事人未提出可以从轻、减轻处罚的新事实和证据，故对其意见不予采纳。"
        )
    if d.statement:
        if p.fine < p.proposed_fine:
            return (
                "当事人在陈述申辩中提出经营困难、请求从轻处罚的意见。经复核，当事人能如实陈述违法事实、"
                "积极配合调查，本机关对其意见予以采纳，在拟处罚数额的基础上从轻处罚。"
            )
        return (
            "当事人在陈述申辩中提出经营困难、请求从轻处罚的意见。经复核，经营困难不属于法定从轻、减轻处罚的情形，"
            "拟作出的罚款在裁量幅度之内，故对其意见不予采纳。"
        )
    if d.waiver:
        rights = "陈述、申辩和听证" if p.triggered else "陈述、申辩"
        return f"当事人已书面声明放弃{rights}的权利。"
    return "当事人在法定期限内未提出陈述、申辩" + ("或者听证要求。" if p.triggered else "意见。")


def decision(c: Case) -> RenderedDoc:
    """式样之15 as a reasoned prose decision; P-07/W-01/C-03/S-01 mutations land here."""
    p, s, key = c.plan, c.sheet, "行政处罚决定书"
    d, m = p.dates, p.mut
    ni = you(p)
    s.start(form=15)
    s.title(c.agency, spaced("行政处罚决定书"))
    s.right(c.number(key))
    c.party_fields(key, d.decision, with_phone=False)
    phone = p.party.person.phone if p.party.person else p.party.phone
    s.fields([("联系电话：", "__________" if m.get("w01") == "underscore" else phone)])
    if m.get("w01") == "guidance":
        s.para(
            "（分以下情况填写：当事人为个人的，写明姓名、身份证件号、住址；当事人为单位的，写明名称、"
            "统一社会信用代码、地址和法定代表人）",
            10,
            indent=False,
        )
    s.gap(4)
    sections: list[tuple[str, list[str]]] = []
    evidence = "；".join([*p.evidence, *sorted({q.type for q in p.inquiries})])
    sections.append(
        ("违法事实及证据", ["经查明，" + c.act(key) + "。", f"上述事实有以下证据证明：{evidence}。"])
    )
    who = "你（单位）" if m.get("w01") == "ni_danwei" else ni
    extra = "当事人系首次违法且已及时改正。" if m.get("p10") else ""
    sections.append(
        (
            "本机关认为",
            [
                f"{who}的上述行为违反了{p.violation.breach}的规定，事实清楚，证据确凿。{extra}{c.reasons()}",
                _hearing_outcome(c),
            ],
        )
    )
    words = m.get("c03")
    sections.append(
        (
            "处罚决定",
            [
                f"依据{p.violation.basis}的规定，本机关决定对{ni}给予如下行政处罚：罚款{money(p.fine, words)}。"
            ],
        )
    )
    comply = m.get("p07") != "nocomply"
    remedy = m.get("p07") != "noremedy"
    if comply:
        sections.append(
            (
                "履行方式和期限",
                [
                    f"{ni}应当自收到本决定书之日起十五日内，持本决定书到{p.agency.bank}（户名：{c.agency}罚没款专户，"
                    f"账号：{_account(c)}）缴纳罚款。到期不缴纳罚款的，本机关可以依据《中华人民共和国行政处罚法》"
                    "第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。"
                ],
            )
        )
    if remedy:
        sections.append(
            (
                "救济途径",
                [
                    f"如不服本处罚决定，{ni}可以在收到本决定书之日起六十日内依法向{p.agency.review_body}申请行政复议，"
                    f"或者在六个月内依法直接向{p.agency.court}提起行政诉讼。行政复议或者行政诉讼期间，本决定不停止执行。"
                ],
            )
        )
    if comply and remedy:
        sections[-1][1].append(
            f"{ni}逾期不申请行政复议、不提起行政诉讼又不履行本决定的，本机关将依法申请人民法院强制执行。"
        )
    numerals = "一二三四五六"
    for i, (head, paras) in enumerate(sections):
        s.heading(f"{numerals[i]}、{head}")
        for para in paras:
            s.para(para)
    s.signoff(c.agency, cn_date(d.decision), seal=m.get("s01") != "decision")
    s.para("（本文书一式两份：一份存根，一份交当事人或其代理人。）", 9.5, indent=False)
    return c.emit("行政处罚决定书", "行政处罚决定书")


def summary_decision(c: Case) -> RenderedDoc:
    """式样之14: the 当场 decision with the officers' certificates and the party's signature."""
    p, s, key = c.plan, c.sheet, "当场行政处罚决定书"
    d = p.dates
    ni = you(p)
    s.start(form=14)
    s.fsize, s.flead = 10.5, 20.0  # the 当场 form is one sheet: typed a size smaller
    s.title(c.agency, "当场行政处罚决定书")
    s.right(c.number(key))
    c.party_fields(key, d.decision)
    if p.party.plate:
        s.fields([("车（船）号：", p.party.plate), ("车（船）型：", p.party.vehicle)])
    s.heading("违法事实及证据")
    s.para(c.act(key) + f"。以上事实有现场检查情况及{'、'.join(p.evidence) or '现场照片'}为证。")
    s.para(
        f"{ni}的上述行为违反了{p.violation.breach}的规定，依据{p.violation.basis}的规定，本机关决定给予"
        f"{ni}罚款{money(p.fine)}的行政处罚。"
    )
    s.heading("罚款的履行方式和期限")
    spot = "☑" if p.on_the_spot_payment else "□"
    later = "□" if p.on_the_spot_payment else "☑"
    s.para(
        f"{spot}当场缴纳    {later}自收到本决定书之日起十五日内缴至{p.agency.bank}。"
        "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。",
        indent=False,
    )
    s.para("处罚前已口头告知当事人拟作出处罚的事实、理由和依据，并告知当事人依法享有的陈述权和申辩权。")
    s.para(
        f"如不服本决定，可以在收到本决定书之日起六十日内向{p.agency.review_body}申请行政复议，或者在六个月内依法"
        f"向{p.agency.court}提起行政诉讼。"
    )
    s.fields(
        [
            ("违法时间：", f"{num_date(d.violation)}{hm(d.violation_time)}"),
            ("地点：", c.facts(key).get("place", "")),
        ]
    )
    s.fields([("执法人员：", c.officer_line(p.officers[:2]))])
    s.sign_line("执法人员签名：", p.officers[0].name)
    s.y -= 30
    s.sign_line("", p.officers[1].name, x=LM + 250)
    signer = p.party.contact.name if p.party.contact else c.name(key)
    s.sign_line("当事人（代理人）签名：", signer, num_date(d.decision))
    s.signoff(c.agency, cn_date(d.decision), seal=True)
    return c.emit("当场行政处罚决定书", "当场行政处罚决定书")


def service(c: Case, served: str, title: str, when: dt.date, where: str = "") -> RenderedDoc:
    """式样之23: one of the few real tables of this family; the recipient and server sign in cells."""
    p, s = c.plan, c.sheet
    key = f"送达回证:{served}"
    s.start(form=23)
    s.title(c.agency, spaced("送达回证"))
    s.right("案号：" + c.number(key))
    # an individual signs with the name as this receipt prints it; a company's driver signs for it
    recipient = c.name(key) if p.party.kind == "individual" or not p.party.contact else p.party.contact.name
    servers = [o.name for o in p.officers[:2]]
    rows = [
        ["案由", c.cause],
        ["受送达人", c.name(key)],
        ["送达单位", c.agency],
        ["送达文书名称及文号", f"《{title}》（{c.number(key)}）"],
        ["送达地点", where or f"{c.unit}办公室"],
        ["送达日期", num_date(when)],
        ["送达方式", "直接送达"],
        ["收件人签名（盖章）", ""],
        ["代收人及代收理由", "无"],
        ["送达人", ""],
        ["备注", ""],
    ]
    boxes = s.table([3, 8], rows, size=11.5, pad=9, head=0)
    x0, y0, y1 = boxes[7]
    s.hand(x0 + 20, (y0 + y1) / 2 + 6, recipient)
    s.text(x0 + 160, (y0 + y1) / 2 + 4, num_date(when), 11)
    x0, y0, y1 = boxes[9]
    for i, name in enumerate(servers):
        s.hand(x0 + 20 + 90 * i, (y0 + y1) / 2 + 6, name)
    s.signoff(c.agency, cn_date(when), seal=True)
    return _served(c, served)


def _served(c: Case, served: str) -> RenderedDoc:
    pages, sealed = c.sheet.finish()
    return RenderedDoc("送达回证", pages, "送达回证", serves=served, sealed_pages=sealed)
