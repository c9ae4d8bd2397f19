"""行政处罚决定书 in three drafting styles, and the summary-procedure 当场行政处罚决定书."""

from __future__ import annotations

import datetime as dt

from casegen.blocks import Block, Doc, center, gap, para, plain, right, sign, small, table
from casegen.ctx import COPIES, Ctx
from casegen.discretion import stated
from casegen.formats import fmt_date

KEY = "行政处罚决定书"
GUIDANCE = "（分以下情况说明：1.罚款的履行方式和期限；2.其他处罚的执行方式和期限）"
NEW_REVIEW_LAW = dt.date(2024, 1, 1)  # 2023 行政复议法: 复议前置 for on-the-spot decisions


def _evidence(c: Ctx) -> str:
    names = list(dict.fromkeys([q.type for q in c.plan.inquiries] + c.plan.evidence))
    return "；".join(f"{i + 1}.{n}" for i, n in enumerate(names))


def _decide(c: Ctx) -> str:
    v, m = c.plan.violation, c.plan.mut
    you = "你（单位）" if m.get("w01") == "ni_danwei" else c.you()
    return (
        f"{you}的上述行为违反了{v.breach}的规定。依据{v.basis}的规定，本机关决定给予{you}"
        f"{c.money(c.plan.fine, m.get('c03'))}的行政处罚。"
    )


def _comply(c: Ctx) -> str:
    acct = (
        "________"
        if c.plan.mut.get("w01") == "underscore"
        else c.rng.choice(("44", "43", "51", "11", "22"))
        + "".join(c.rng.choice("0123456789") for _ in range(16))
    )
    return (
        f"{c.you()}应当自收到本决定书之日起十五日内，将罚款缴至{c.a.bank}（账号：{acct}），或者通过非税收入电子缴款渠道缴纳。"
        "到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款本数。"
    )


def _remedy(c: Ctx) -> str:
    return (
        f"如不服本处罚决定，可以在收到本决定书之日起六十日内依法向{c.a.review_body}申请行政复议，或者在六个月内依法向"
        f"{c.a.court}提起行政诉讼。但本决定不停止执行，法律另有规定的除外。逾期不申请行政复议、不提起行政诉讼又不履行本决定的，"
        "本机关将依法申请人民法院强制执行。"
    )


def _rights_history(c: Ctx) -> str:
    d, p = c.plan.dates, c.plan
    assert d.notice and d.notice_service
    rights = "陈述、申辩和要求听证" if p.triggered and not p.mut.get("notice_no_hearing") else "陈述、申辩"
    text = (
        f"{c.d(d.notice_service)}，本机关向{c.you()}送达了《违法行为通知书》，告知拟作出行政处罚的事实、理由、依据及处罚内容，"
        f"并告知{c.you()}依法享有{rights}的权利。"
    )
    if d.hearing:
        text += f"{c.you()}申请听证，本机关于{c.d(d.hearing)}依法举行了听证。"
    elif d.statement:
        text += f"{c.you()}于{c.d(d.statement)}提出陈述、申辩，" + (
            "经复核，其所述情况属实，本机关采纳其部分意见，在裁量幅度内从低确定罚款数额。"
            if p.fine < p.proposed_fine
            else "经复核，其理由不能成立，本机关不予采纳。"
        )
    elif d.waiver:
        text += f"{c.you()}于{c.d(d.waiver)}书面声明放弃上述权利。"
    else:
        text += f"{c.you()}在规定期限内未提出陈述、申辩意见。"
    return text


def _reasons(c: Ctx) -> str:
    """The 说理 paragraph (P-19): benchmark, level and range, and whether the arguments were adopted.

    Draws nothing from ``c.rng``, so the rest of a seed's content stays as it was.
    """
    p, m, you = c.plan, c.plan.mut, c.you()
    if m.get("p19"):
        return ""
    row = stated(p.violation.key, p.fine, m)
    if row is None:
        return ""
    entry, band = row
    why = (
        f"{you}系首次实施该违法行为，并已当场改正，"
        if m.get("p10")
        else f"{you}的违法行为存在“{band.fact}”的情形，"
    )
    text = (
        f"本机关认为，{you}的违法事实清楚，证据确凿。根据《{c.a.province}交通运输行政处罚裁量基准》第{entry}项，"
        f"{why}属于{band.level}情形，裁量阶次为{band.level}，罚款幅度为{band.words()}。"
    )
    d = p.dates
    if d.hearing:
        text += f"{you}在听证中提出的意见，经复核，缺乏事实和法律依据，本机关不予采纳。"
    elif d.statement and c.s.decision == "form":
        text += (
            f"{you}提出的陈述申辩意见，经复核，其所述情况属实，本机关予以部分采纳。"
            if p.fine < p.proposed_fine
            else f"{you}提出的陈述申辩意见，经复核，其理由不能成立，本机关不予采纳。"
        )
    return text


def decision(c: Ctx) -> Doc:
    d, m, style = c.plan.dates, c.plan.mut, c.s.decision
    doc = c.doc(KEY)
    blocks: list[Block] = []
    if c.s.number_under_title:
        blocks.append(center(c.number(KEY)) if c.rng.random() < 0.6 else right(c.number(KEY)))
        doc.case_no = None
    found = c.fact(c.plan.violation.act, KEY)
    evidence = f"以上事实有以下证据证明：{_evidence(c)}。"
    if style == "form":
        blocks += [
            table(c.party_rows(KEY)),
            gap(4),
            plain("违法事实及证据：", bold=True),
            para(f"经查，{found}。{evidence}"),
        ]
        if _reasons(c):
            blocks.append(para(_reasons(c)))
        blocks += [
            para(_decide(c)),
        ]
    elif style == "numbered":
        blocks += [
            plain(c.party_line(KEY)),
            para(f"本机关于{c.d(d.filing)}对{c.you()}涉嫌{c.cause()}一案立案调查。经调查，现查明："),
            para(f"一、{found}。{evidence}{_rights_history(c)}"),
            para("二、" + _reasons(c) + _decide(c)),
        ]
    else:
        source = "执法检查" if d.violation == d.filing else "案件线索核查"
        steps = "，经法制审核" if d.legal_review else ""
        steps += "并经本机关负责人集体讨论" if d.discussion else ""
        blocks += [
            plain("一、当事人基本情况", bold=True),
            para(c.party_line(KEY)),
            plain("二、案件来源及调查经过", bold=True),
            para(
                f"{c.d(d.filing)}，本机关在{source}中发现{c.you()}涉嫌{c.cause()}，经负责人批准予以立案。执法人员"
                f"{c.plan.officers[0].name}、{c.plan.officers[1].name}依法进行了调查取证。"
            ),
            plain("三、违法事实及相关证据", bold=True),
            para(f"经调查查明：{found}。"),
            para(evidence),
            plain("四、事前告知与陈述申辩听证情况", bold=True),
            para(_rights_history(c)),
            plain("五、处罚依据和理由", bold=True),
            *([para(_reasons(c))] if _reasons(c) else []),
            para(
                f"本机关认为，{c.you()}的违法事实清楚，证据确凿。根据《{c.a.province}交通运输行政处罚裁量基准》，"
                f"结合违法情节{steps}，" + _decide(c)
            ),
        ]
    if m.get("w01") == "guidance":
        blocks.append(para(GUIDANCE))
    heads = {"numbered": ("三、", "四、"), "reason": ("六、履行方式和期限：", "七、救济途径和期限：")}.get(
        style, ("", "")
    )
    if m.get("p07") != "nocomply":
        blocks.append(para(heads[0] + _comply(c)))
    if style == "form":
        blocks.append(plain("其他执行方式和期限：/"))
    if m.get("p07") != "noremedy":
        blocks.append(para(heads[1] + _remedy(c)))
    seal = None if m.get("s01") == "decision" else "agency"
    blocks += [gap(24), sign(c.a.name, c.sd(d.decision), seal=seal), gap(6), small(COPIES)]
    doc.blocks = blocks
    return doc


def summary_decision(c: Ctx) -> Doc:
    d, v, p = c.plan.dates, c.plan.violation, c.plan
    doc = c.doc("当场行政处罚决定书")
    serial = "".join(c.rng.choice("0123456789") for _ in range(8))
    o1, o2 = p.officers[0], p.officers[1]
    box = ("■", "□") if p.on_the_spot_payment else ("□", "■")
    if d.decision >= NEW_REVIEW_LAW:
        remedy = (
            f"如不服本决定，应当自收到本决定书之日起六十日内先向{c.a.review_body}申请行政复议；"
            "对行政复议决定不服的，可以依法提起行政诉讼。"
        )
    else:
        remedy = f"如不服本决定，可以在六十日内依法向{c.a.review_body}申请行政复议，或者在六个月内依法向{c.a.court}提起行政诉讼。"
    decision_time = (d.violation_time[0], min(59, d.violation_time[1] + 9))
    doc.blocks = [
        right(f"No.{serial}", 10.5),
        table(c.party_rows(KEY)),
        gap(4),
        para(f"违法事实：{c.fact(v.act, KEY)}。"),
        para(
            f"{c.you()}的行为违反了{v.breach}的规定，依据{v.basis}的规定，决定给予{c.money(p.fine)}的行政处罚。"
        ),
        para(
            f"罚款的履行方式和期限：{box[0]}当场缴纳  {box[1]}自收到本决定书之日起十五日内缴至{c.a.bank}。"
            "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。"
        ),
        para("处罚前已口头告知当事人拟作出处罚的事实、理由和依据，并告知当事人依法享有的陈述权和申辩权。"),
        para(remedy),
        plain(
            f"当事人签名：{c.p.contact.name if c.p.contact else c.p.name}    {c.at(d.decision, decision_time)}"
        ),
        plain(
            f"执法人员签名：{o1.name}（执法证号：{o1.certificate}）  {o2.name}（执法证号：{o2.certificate}）"
        ),
        gap(18),
        sign(c.a.name, fmt_date(d.decision, c.s.sign), seal="agency"),
        gap(6),
        small(COPIES),
    ]
    return doc
