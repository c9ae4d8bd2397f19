"""行政处罚决定书 (grid layout or 经查 letter layout), 当场行政处罚决定书, and the 送达回证 grid."""

from __future__ import annotations

import datetime as dt

from families.lingnan import fmt
from families.lingnan.canvas import L, Sheet, V
from families.lingnan.common import COPIES, Case, Out

KEY = "行政处罚决定书"
# W-01 "guidance": a line of the blank form left in the printed decision.
GUIDANCE = "（分以下情况说明：1.罚款的缴纳方式和期限；2.其他行政处罚的执行方式和期限）"
REVIEW_LAW_2023 = dt.date(2024, 1, 1)  # 2023 行政复议法: 当场处罚 must go to 复议 first


def _evidence(c: Case) -> str:
    names = list(dict.fromkeys([q.type for q in c.plan.inquiries] + c.plan.evidence))
    return "、".join(f"《{n}》" for n in names)


def _comply(c: Case) -> str:
    acct = (
        "________"
        if c.plan.mut.get("w01") == "underscore"
        else "8" + "".join(c.rng.choice("0123456789") for _ in range(17))
    )
    return (
        f"{c.you()}应当自收到本决定书之日起十五日内，持本决定书到{c.a.bank}各网点缴纳罚款，或者通过"
        f"{c.a.province}非税收入电子缴款平台缴纳（缴款识别码：{acct}）。逾期不缴纳罚款的，本机关可以每日按罚款数额的"
        "百分之三加处罚款，加处罚款的数额不超出罚款的数额。"
    )


def _remedy(c: Case) -> str:
    return (
        f"{c.you()}如不服本决定，可以在收到本决定书之日起六十日内向{c.a.review_body}申请行政复议，或者在六个月内依法向"
        f"{c.a.court}提起行政诉讼。申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。"
    )


def _penalty(c: Case) -> str:
    m = c.plan.mut
    you = "你（单位）" if m.get("w01") == "ni_danwei" else c.you()
    return f"对{you}处以罚款{c.money(c.plan.fine, m.get('c03'))}的行政处罚。"


def _reasons(c: Case) -> str:
    """说理: the discretion benchmark, the circumstance level, and what became of the party's arguments."""
    d, p = c.d, c.plan
    lowered = p.fine < p.proposed_fine
    level = "从轻" if lowered else "一般"
    text = (
        f"根据《{c.a.province}交通运输行政处罚裁量基准》，结合违法行为的性质、情节和社会危害程度，"
        f"本案属{level}违法情形。"
    )
    assert d.notice_service
    text += f"本机关已于{fmt.d0(d.notice_service)}告知{c.you()}拟作出处罚的事实、理由、依据及依法享有的权利。"
    if d.hearing:
        text += f"{c.you()}申请听证，本机关于{fmt.d0(d.hearing)}举行听证，" + (
            "其从轻处罚的意见理由成立，予以采纳。" if lowered else "其意见未提出新的事实和理由，不予采纳。"
        )
    elif d.statement:
        text += f"{c.you()}于{fmt.d0(d.statement)}提出陈述申辩，" + (
            "经复核理由成立，予以采纳。" if lowered else "经复核理由不成立，不予采纳。"
        )
    elif d.waiver:
        text += f"{c.you()}于{fmt.d0(d.waiver)}书面声明放弃陈述、申辩权利。"
    else:
        text += f"{c.you()}在法定期限内未提出陈述、申辩。"
    return text


def decision(c: Case, sh: Sheet) -> Out:
    d, v, m = c.d, c.plan.violation, c.plan.mut
    c.start(sh, KEY, d.decision)
    c.head(sh, KEY, c.number(KEY))
    found = c.fact(v.act, KEY)
    if c.rng.random() < 0.5:
        rows = c.party_grid(KEY)
        rows += c.kv_rows(
            ("违法事实", f"经查，{found}。"),
            ("证据", f"上述事实有{_evidence(c)}等证据证实。"),
            ("处罚理由", _reasons(c)),
            ("处罚依据", f"{c.you()}的行为违反了{v.breach}的规定，依据{v.basis}的规定。"),
            ("处罚决定", _penalty(c)),
        )
        if m.get("w01") == "guidance":
            rows += c.kv_rows(("执行方式", GUIDANCE))
        if m.get("p07") != "nocomply":
            rows += c.kv_rows(("履行方式和期限", _comply(c)))
        if m.get("p07") != "noremedy":
            rows += c.kv_rows(("救济途径和期限", _remedy(c)))
        sh.grid(rows, size=10, min_h=24)
    else:
        sh.grid(c.party_grid(KEY), size=10, min_h=22)
        sh.gap(8)
        sh.para(f"本机关于{fmt.d0(d.filing)}对{c.you()}涉嫌{c.cause()}一案立案调查，现已调查终结。")
        sh.line("经查：", 12, bold=True)
        sh.para(f"{found}。")
        sh.para(f"上述事实有{_evidence(c)}等证据证实，证据之间相互印证，足以认定。")
        sh.para(_reasons(c))
        sh.para(f"本机关认为：{c.you()}的上述行为违反了{v.breach}的规定。依据{v.basis}的规定，本机关决定：")
        sh.para(_penalty(c))
        if m.get("w01") == "guidance":
            sh.para(GUIDANCE)
        if m.get("p07") != "nocomply":
            sh.para(_comply(c))
        if m.get("p07") != "noremedy":
            sh.para(_remedy(c))
    c.sign(sh, d.decision, seal=m.get("s01") != "decision")
    sh.line(COPIES, 9)
    return c.done(sh, KEY, KEY, d.decision)


def summary_decision(c: Case, sh: Sheet) -> Out:
    key, d, v, p = "当场行政处罚决定书", c.d, c.plan.violation, c.plan
    c.start(sh, key, d.decision)
    c.head(sh, key, c.number(key))
    who = c.p.contact.name if c.p.contact else c.p.name
    pay = ("√" if p.on_the_spot_payment else "  ", "  " if p.on_the_spot_payment else "√")
    if d.decision >= REVIEW_LAW_2023:
        remedy = (
            f"如不服本决定，应当自收到本决定书之日起六十日内先向{c.a.review_body}申请行政复议；对复议决定不服的，"
            "可以依法向人民法院提起行政诉讼。"
        )
    else:
        remedy = f"如不服本决定，可以在六十日内向{c.a.review_body}申请行政复议，或者在六个月内向{c.a.court}提起行政诉讼。"
    rows = c.party_grid(key)
    rows += c.kv_rows(
        ("车（船）号|违法时间", f"{c.p.plate}|{fmt.dt0(d.violation, d.violation_time)}"),
        ("违法地点", c.plan.facts["place"]),
        ("违法事实", c.fact(v.act, key) + "。"),
        ("处罚依据", f"违反了{v.breach}的规定，依据{v.basis}的规定。"),
        ("处罚决定", f"罚款{c.money(p.fine)}"),
        (
            "罚款缴纳方式",
            f"（{pay[0]}）当场缴纳    （{pay[1]}）自收到本决定书之日起十五日内到{c.a.bank}缴纳。"
            "逾期不缴纳的，每日按罚款数额的百分之三加处罚款。",
        ),
        (
            "告知事项",
            "作出处罚决定前已口头告知当事人违法事实、处罚理由和依据，当事人享有陈述、申辩的权利，当事人未提出异议。",
        ),
        ("救济途径", remedy),
        ("当事人签名|日期", f"{who}|{fmt.d0(d.decision)}"),
    )
    rows += c.officer_grid(list(p.officers[:2]))
    sh.grid(rows, size=9.5, min_h=20, lh=1.4)
    c.sign(sh, d.decision, seal=True)
    sh.line(COPIES, 9)
    return c.done(sh, key, key, d.decision)


def service(c: Case, sh: Sheet, served: str, served_title: str, date: dt.date) -> Out:
    """送达回证: a header grid and the served-documents table, one row per document handed over."""
    key = f"送达回证:{served}"
    c.start(sh, "送达回证", date)
    c.head(sh, "送达回证")
    who = c.p.contact
    assert who is not None
    method = c.rng.choices(("直接送达", "邮寄送达", "留置送达"), (75, 15, 10))[0]
    place = c.a.station if method == "直接送达" else c.p.address
    signee = c.name(key) if who.name == c.p.name else who.name
    signer = signee if method != "留置送达" else f"{signee}拒签（见证人：{c.plan.staff.clerk}）"
    o1, o2 = c.plan.officers[0], c.plan.officers[1]
    rows = c.kv_rows(
        ("案号|案由", f"{c.number(key)}|{c.cause()}"),
        ("受送达人", c.name(key)),
        ("送达单位|送达人", f"{c.a.name}|{o1.name}、{o2.name}"),
    )
    widths = (0.3, 0.2, 0.13, 0.17, 0.2)
    heads = ("送达文书名称及文号", "送达地点", "送达方式", "收件人签名", "送达日期")
    rows.append([L(h, w) for h, w in zip(heads, widths, strict=True)])
    served_rows = [f"《{served_title}》\n{c.number(key)}"]
    if served == KEY:
        served_rows.append("《非税收入缴款通知书》")
    for text in served_rows:
        cells = (text, place, method, signer, fmt.d0(date))
        rows.append([V(t, w, "center") for t, w in zip(cells, widths, strict=True)])
    for _ in range(3 - len(served_rows)):
        rows.append([V("", w) for w in widths])
    note = "邮件签收日期以邮政回执为准。" if method == "邮寄送达" else "/"
    rows += c.kv_rows(("代收人及代收理由", "/"), ("备注", note))
    sh.grid(rows, size=10, min_h=30)
    sh.gap(10)
    sh.para(
        "说明：受送达人应在收件人签名栏签名并注明日期；受送达人拒绝签收的，送达人应当注明情况。",
        9.5,
        indent=0,
    )
    return c.done(sh, "送达回证", "送达回证", date, serves=served)
