"""Documents after the notice: 陈述申辩笔录, 放弃声明, and the hearing (听证通知书, 听证笔录)."""

from __future__ import annotations

from casegen.blocks import Doc, gap, para, plain, sign, small
from casegen.content_notice import officer_lines
from casegen.ctx import COPIES, Ctx
from casegen.model import HM


def statement(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.statement
    doc = c.doc("陈述申辩笔录")
    who = c.p.contact
    assert who is not None
    start: HM = c.hm()
    lowered = c.plan.fine < c.plan.proposed_fine
    lines = [f"时间：{c.span(d.statement, start, (start[0] + 1, start[1]))}", f"地点：{c.a.station}"]
    lines += [
        *officer_lines(c),
        f"陈述申辩人：{who.name}    联系电话：{who.phone}",
        f"身份证件号：{who.id_number}",
    ]
    doc.blocks = [plain(x) for x in lines] + [
        gap(6),
        plain("陈述申辩内容："),
        para(
            f"陈述申辩人称：对违法事实没有异议，但{c.rng.choice(('家庭经济困难', '系初次违法', '已经积极整改'))}，"
            "请求从轻处罚。"
        ),
        plain("执法人员复核意见："),
        para(
            "经复核，当事人提出的理由"
            + (
                "成立，建议在裁量范围内从轻处罚。"
                if lowered
                else "不足以改变拟作出的处罚决定，维持原处罚意见。"
            )
        ),
        gap(8),
        plain(f"陈述申辩人签名：{who.name}    {c.d(d.statement)}"),
        plain(f"执法人员签名：{c.plan.officers[0].name}  {c.plan.officers[1].name}    {c.d(d.statement)}"),
    ]
    return doc


def waiver(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.waiver
    hearing = c.plan.triggered
    title = "放弃陈述申辩（听证）声明" if hearing or c.rng.random() < 0.5 else "放弃陈述申辩声明"
    doc = c.doc("放弃陈述申辩（听证）声明", title)
    rights = "陈述、申辩和要求听证" if hearing else "陈述、申辩"
    who = "本人" if c.p.kind == "individual" else "本单位"
    doc.blocks = [
        gap(10),
        para(
            f"{who}已于{c.d(d.notice_service or d.waiver)}收到{c.a.name}作出的《违法行为通知书》（{c.number(doc.key)}），"
            f"已知悉依法享有{rights}的权利。经慎重考虑，{who}自愿放弃{rights}的权利。"
        ),
        gap(40),
        sign(f"声明人：{c.name(doc.key)}", c.d(d.waiver)),
    ]
    return doc


def hearing_notice(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.hearing and d.hearing_notice
    st = c.plan.staff
    doc = c.doc("听证通知书")
    you = c.you()
    doc.blocks = [
        plain(f"{c.name(doc.key)}："),
        para(
            f"根据{you}的申请，关于{c.case_title(doc.key)}，现定于{c.at(d.hearing, (9, 30))}在{c.a.station}听证室"
            f"（{c.rng.choice(('公开', '公开', '不公开'))}）举行听证会议，请准时出席。"
        ),
        para(f"听证主持人：{st.hearing_host}    听证员：{st.hearing_member}    记录员：{st.clerk}"),
        para(
            f"根据《中华人民共和国行政处罚法》第六十四条的规定，{you}可以申请听证主持人、听证员、记录员回避。"
        ),
        para(
            "注意事项：1.请携带身份证明和有关证据材料；2.委托代理人参加听证的，应当提交授权委托书；"
            "3.无正当理由不出席听证的，视为放弃听证权利。"
        ),
        plain(f"联系人：{c.plan.officers[0].name}    联系电话：{c.a.phone}"),
        gap(20),
        sign(c.a.name, c.sd(d.hearing_notice), seal="agency"),
        gap(6),
        small(COPIES),
    ]
    return doc


def hearing_record(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.hearing
    st, who = c.plan.staff, c.p.contact
    assert who is not None
    doc = c.doc("听证笔录")
    lines = [
        f"案件名称：{c.case_title(doc.key)}",
        f"主持听证机关：{c.a.name}",
        f"听证地点：{c.a.station}听证室",
        f"听证时间：{c.span(d.hearing, (9, 30), (11, 5))}",
        f"主持人：{st.hearing_host}    听证员：{st.hearing_member}    记录员：{st.clerk}",
    ]
    lines += officer_lines(c)
    lines += [
        f"当事人：{c.name(doc.key)}    委托代理人：无",
        f"到场人：{who.name}    身份证件号：{who.id_number}",
    ]
    rec = [
        f"主持人：现在开始听证。本次听证由{c.a.name}主持，宣布听证纪律，告知当事人权利义务。当事人是否申请回避？",
        f"{who.name}：不申请回避。",
        f"执法人员{c.plan.officers[0].name}：陈述案件事实、证据和拟处罚意见：{c.fact(c.plan.violation.act, doc.key)}。"
        f"拟给予{c.money(c.plan.proposed_fine)}的行政处罚。",
        f"{who.name}：对事实没有异议，希望考虑实际困难，从轻处罚。",
        "主持人：双方对证据进行质证。当事人对执法人员出示的证据有无异议？",
        f"{who.name}：没有异议。",
        "主持人：请当事人作最后陈述。",
        f"{who.name}：请求从轻处罚，以后一定遵守规定。",
        "主持人：听证结束。请当事人阅读笔录并签名。",
    ]
    doc.blocks = [plain(x) for x in lines] + [gap(6), plain("听证记录：")] + [para(x) for x in rec]
    doc.blocks += [
        gap(8),
        plain(f"当事人（代理人）签名：{who.name}    {c.d(d.hearing)}"),
        plain(f"主持人：{st.hearing_host}    听证员：{st.hearing_member}    记录员：{st.clerk}"),
    ]
    doc.footer = f"当事人签名：{who.name}          第{{page}}页  共{{pages}}页"
    return doc
