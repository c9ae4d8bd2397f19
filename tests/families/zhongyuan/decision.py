"""The decisions (numbered-section ordinary decision, on-the-spot decision) and the 送达回证."""

from __future__ import annotations

import datetime as dt

from casegen.formats import daxie

from .ctx import Ctx, Out, trad

NEW_REVIEW_LAW = dt.date(2024, 1, 1)
CN_NUM = "一二三四五六七八"
GUIDANCE = (
    "（分以下情况说明：当事人为个人的，写明姓名、身份证件号码；当事人为单位的，写明名称、统一社会信用代码）"
)


def _history(c: Ctx) -> str:
    d, p, you = c.plan.dates, c.plan, c.you()
    assert d.notice_service
    rights = "陈述、申辩和要求听证" if p.triggered and not p.mut.get("notice_no_hearing") else "陈述、申辩"
    s = f"本机关于{c.td(d.notice_service)}向{you}送达了《行政处罚事先告知书》，告知了拟作出行政处罚的内容及{you}依法享有的{rights}权利。"
    if d.hearing:
        s += f"{you}提出听证申请，本机关于{c.td(d.hearing)}依法组织了听证。"
    elif d.statement:
        s += f"{you}于{c.td(d.statement)}进行了陈述、申辩。"
    elif d.waiver:
        s += f"{you}于{c.td(d.waiver)}书面声明放弃上述权利。"
    else:
        s += f"{you}在法定期限内未提出陈述、申辩。"
    return s


def _reasons(c: Ctx) -> str:
    p = c.plan
    lowered = p.fine < p.proposed_fine
    if p.dates.hearing or p.dates.statement:
        adopted = (
            "当事人提出的从轻处罚理由部分成立，本机关予以采纳。"
            if lowered
            else "当事人提出的理由不足以影响本案处理，本机关不予采纳。"
        )
    else:
        adopted = ""
    level = "从轻" if lowered else "一般"
    steps = "经法制审核、集体讨论，" if p.dates.legal_review and p.dates.discussion else ""
    return (
        f"本机关认为，{c.you()}的上述行为违反了{p.violation.breach}的规定。{adopted}"
        f"对照《{c.a.province or '本省'}交通运输行政处罚裁量基准》，本案违法情节属于{level}情形。{steps}"
        f"依据{p.violation.basis}的规定，本机关决定对{c.you()}作出如下行政处罚："
    )


def decision(c: Ctx) -> Out:
    d, m, p = c.plan.dates, c.plan.mut, c.plan
    w = c.writer("行政处罚决定书")
    form = c.rng.choice(("spaced", "split", "plain"))
    title = "行政处罚决定书"
    if form == "split":
        w.title(["交通运输行政处罚", "决定书"], agency=c.a.name)
        title = "交通运输行政处罚决定书"
    else:
        w.title([title], agency=c.a.name, spaced=form == "spaced")
    w.center(c.number, 12)
    you = "你（单位）" if m.get("w01") == "ni_danwei" else c.you()
    sections: list[tuple[str, list[str]]] = []
    party = [c.party_text()]
    if m.get("w01") == "guidance":
        party.append(GUIDANCE)
    sections.append(("当事人基本情况", party))
    evidence = "；".join(f"{i + 1}.{e}" for i, e in enumerate([q.type for q in p.inquiries] + p.evidence))
    head2 = c.rng.choice(("违法事实和证据", "主要违法事实"))
    sections.append((head2, [f"经查，{c.fact()}。", f"上述事实有以下证据证实：{evidence}。", _history(c)]))
    upper = m.get("c03") or daxie(p.fine)
    sections.append(("处罚依据和处罚决定", [_reasons(c), f"{c.money(p.fine, upper)}。"]))
    if m.get("p07") != "nocomply":
        account = "账号：________________" if m.get("w01") == "underscore" else "（缴款账户以缴款通知为准）"
        sections.append(
            (
                "履行方式和期限",
                [
                    f"{you}应当自收到本决定书之日起十五日内，持本决定书及缴款通知到{c.a.bank}各营业网点缴纳罚款{account}。"
                    "到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款数额。"
                ],
            )
        )
    elif m.get("w01") == "underscore":
        sections.append(("其他事项", ["联系人：________________"]))
    if m.get("p07") != "noremedy":
        sections.append(
            (
                "救济途径和期限",
                [
                    f"{you}如不服本处罚决定，可以在收到本决定书之日起六十日内向{c.a.review_body}申请行政复议，"
                    f"也可以在六个月内依法向{c.a.court}提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外。"
                    f"逾期不申请行政复议或者提起行政诉讼，又不履行本决定的，本机关将依法申请人民法院强制执行。"
                ],
            )
        )
    for i, (head, paras) in enumerate(sections):
        w.line(f"{CN_NUM[i]}、{head}", bold=True)
        for para in paras:
            w.para(para)
    w.gap(8)
    w.sign(c.a.name, c.sd(d.decision), None if m.get("s01") == "decision" else c.seal())
    w.line("（本决定书一式两份，一份送达当事人，一份存档）", 9)
    return w, "行政处罚决定书", title


def summary_decision(c: Ctx) -> Out:
    d, p, v = c.plan.dates, c.plan, c.plan.violation
    o1, o2 = p.officers[0], p.officers[1]
    w = c.writer("当场行政处罚决定书")
    w.title(["当场行政处罚决定书"], agency=c.a.name)
    w.right(f"编号：{c.number}", 10.5)
    w.boxes(c.party_boxes())
    w.boxes(
        [
            [("车（船）号", c.p.plate or "/", 0.35), ("违法时间", c.at(d.violation, d.violation_time), 0.65)],
            [("违法地点", c.plan.facts.get("place", ""), 1.0)],
        ]
    )
    w.para(f"经查，{c.fact()}。")
    w.para(
        f"以上行为违反了{v.breach}的规定，依据{v.basis}的规定，决定给予{c.money(p.fine, p.mut.get('c03'))}的行政处罚。"
    )
    pay = "√当场缴纳  □" if p.on_the_spot_payment else "□当场缴纳  √"
    w.para(
        f"履行方式和期限：{pay}自收到本决定书之日起十五日内到{c.a.bank}缴纳。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。"
    )
    w.para(
        "作出处罚决定前，执法人员已口头告知当事人拟作出处罚的事实、理由、依据，以及依法享有的陈述、申辩权利，当事人未提出陈述、申辩。"
    )
    if d.decision >= NEW_REVIEW_LAW:
        remedy = f"当事人对本决定不服的，应当自收到本决定书之日起六十日内先向{c.a.review_body}申请行政复议；对复议决定不服的，可以依法提起行政诉讼。"
    else:
        remedy = f"当事人对本决定不服的，可以在六十日内向{c.a.review_body}申请行政复议，或者在六个月内向{c.a.court}提起行政诉讼。"
    w.para(remedy)
    w.line(c.officers_line([o1, o2]), 10.5)
    w.line(f"当事人签名：{c.signer()}    {c.bd(d.decision)}", 11)
    w.sign(c.a.name, c.sd(d.decision), None if p.mut.get("s01") == "decision" else c.seal())
    return w, "当场行政处罚决定书", "当场行政处罚决定书"


def service(c: Ctx, served: str, served_title: str, date: dt.date) -> Out:
    """送达回证 as a two-column ruled sheet; in some files its labels are printed in 繁體."""
    t = trad if c.trad_doc == "送达回证" else (lambda x: x)
    w = c.writer(f"送达回证:{served}")
    title = t("送达回证")
    w.title([title], agency=c.a.name, spaced=True)
    w.right(t("案号：") + c.number, 10.5)
    w.gap(6)
    o1, o2 = c.plan.officers[0], c.plan.officers[1]
    rows = [
        (t("案由"), f"{c.cause()}案"),
        (t("受送达人"), c.p.name),
        (t("送达文书名称及文号"), f"《{served_title}》{c.number}"),
        (t("送达地点"), c.p.address),
        (t("送达方式"), t("直接送达")),
        (t("收件人签名（盖章）"), f"{c.signer()}    {c.bd(date)}"),
        (t("送达人"), f"{o1.name}、{o2.name}"),
        (t("送达日期"), c.bd(date)),
        (t("备注"), "/"),
    ]
    w.grid((0.3, 0.7), rows, header=False, size=11, min_h=40)
    w.gap(8)
    w.line(t("注：受送达人拒绝签收的，送达人应在备注栏注明情况。"), 9)
    return w, "送达回证", title, served
