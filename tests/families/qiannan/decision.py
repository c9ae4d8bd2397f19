"""The decision (ordinary and 当场), with the discretion reasons the policy rules look for."""

from __future__ import annotations

from casegen.discretion import stated
from families.qiannan.ctx import Case, Made
from families.qiannan.words import daxie, money, ymd


def _reasons(c: Case) -> str:
    """Discretion benchmark and level, and what became of the party's arguments (P-19)."""
    p, d = c.plan, c.plan.dates
    if d.hearing:
        heard = f"当事人申请听证，本机关于{ymd(d.hearing)}举行听证。当事人提出罚款过重的意见，经复核，违法事实清楚、证据确凿，其意见不予采纳。"
    elif d.statement and p.fine < p.proposed_fine:
        heard = f"当事人于{ymd(d.statement)}提出陈述申辩，称系初次违法、请求从轻处罚。经复核，其意见予以部分采纳，罚款数额调整为{p.fine}元。"
    elif d.statement:
        heard = f"当事人于{ymd(d.statement)}提出陈述申辩，经复核，其所提理由不足以减免处罚，不予采纳。"
    elif d.waiver:
        heard = "当事人书面声明放弃陈述、申辩的权利。"
    else:
        heard = "当事人在规定期限内未提出陈述、申辩。"
    row = stated(p.violation.key, p.fine, p.mut)
    if row is None or p.mut.get("p19"):
        return heard
    entry, band = row
    prov = p.agency.province or "本省"
    return heard + (
        f"根据《{prov}交通运输行政处罚裁量基准》第{entry}项，当事人{band.fact}，属于{band.level}情形，"
        f"对应罚款幅度为{band.words()}。"
    )


def decision(c: Case) -> Made:
    p, d, m, key = c.plan, c.plan.dates, c.plan.mut, "行政处罚决定书"
    w = c.writer("行政处罚决定书", key)
    you = "你（单位）" if m.get("w01") == "ni_danwei" else c.you
    w.blanks([("当事人：", c.party(key))])
    w.para(c.party_line(key))
    w.heading("一、案件来源及违法事实")
    w.para(f"本机关于{ymd(d.filing)}立案调查。经查，{c.act()}。", noisy=True)
    w.para("以上事实有" + "、".join([q.type for q in p.inquiries] + p.evidence) + "等证据证实。", noisy=True)
    if m.get("w01") == "guidance":
        w.para("（分以下情况说明：当事人为个人的，写明姓名、身份证号；为单位的，写明名称、统一社会信用代码）")
    w.heading("二、告知及陈述申辩情况")
    w.para(
        f"本机关于{ymd(d.notice)}制作《违法行为通知书》并依法送达。" + _reasons(c)
        if d.notice
        else _reasons(c)
    )
    w.heading("三、处罚依据及决定")
    words = m.get("c03") or daxie(p.fine)
    w.para(
        f"{you}的上述行为违反了{p.violation.breach}的规定，依据{p.violation.basis}的规定，本机关决定给予如下行政处罚："
        f"罚款人民币{words}（{money(p.fine)}）。"
    )
    if m.get("p07") != "nocomply":
        w.heading("四、履行方式和期限")
        bank = "______" if m.get("w01") == "underscore" else p.agency.bank
        w.para(
            f"{you}应当自收到本决定书之日起十五日内，持本决定书到{bank}缴纳罚款。到期不缴纳罚款的，本机关可以每日按罚款数额的"
            "百分之三加处罚款，加处罚款的数额不超过罚款数额。"
        )
    if m.get("p07") != "noremedy":
        w.heading("五、救济途径")
        w.para(
            f"{you}如不服本处罚决定，可以在收到本决定书之日起六十日内依法向{p.agency.review_body}申请行政复议，"
            f"或者在六个月内依法向{p.agency.court}提起行政诉讼。复议、诉讼期间，本决定不停止执行。"
        )
    w.issuer(d.decision, seal=m.get("s01") != "decision")
    w.footnote("（本决定书一式两份，一份交当事人，一份存档。）")
    return Made("行政处罚决定书", "行政处罚决定书", w)


def summary(c: Case) -> Made:
    """当场行政处罚决定书: the pad form with its printed serial, filled in on the road."""
    p, d, key = c.plan, c.plan.dates, "当场行政处罚决定书"
    w = c.writer("当场行政处罚决定书", key)
    s = w.sheet
    s.text(1180, 120, f"No.{c.rng.randint(100000, 999999)}", "form", 30)
    a, b = p.officers[0], p.officers[1]
    on_spot = p.on_the_spot_payment
    w.table(
        [
            *c.party_rows(key),
            [("违法事实", f"{c.act()}。")],
            [("违法依据", f"{p.violation.breach}")],
            [("处罚依据", f"{p.violation.basis}")],
            [("处罚决定", f"罚款{p.fine}元（大写：{daxie(p.fine)}）")],
            [("履行方式", "☑当场缴纳" if on_spot else f"☑自收到本决定书之日起十五日内缴至{p.agency.bank}")],
            [("执法人员", f"{a.name}（执法证号{a.certificate}）、{b.name}（执法证号{b.certificate}）")],
            [("处罚地点", c.f["place"])],
        ],
        label_w=210,
    )
    w.para(
        "处罚前已口头告知当事人拟作出处罚的事实、理由和依据，并告知当事人依法享有陈述权和申辩权。",
        kind="form",
        size=28,
    )
    w.para(
        f"当事人如不服本决定，可以在六十日内依法向{p.agency.review_body}申请行政复议，或者在六个月内依法向"
        f"{p.agency.court}提起行政诉讼。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。",
        kind="form",
        size=28,
    )
    w.signed("当事人签名：", d.decision)
    w.signed("执法人员签名：", d.decision)
    w.issuer(d.decision, seal=True)
    return Made("当场行政处罚决定书", "当场行政处罚决定书", w)
