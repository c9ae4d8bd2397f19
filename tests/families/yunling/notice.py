"""From the notice to the review: 违法行为通知书, 送达回证, statement, waiver, hearing, review, discussion."""

from __future__ import annotations

import datetime as dt

from families.contract import RenderedDoc

from . import fmt
from .fmt import Ctx
from .grid import Sheet


def notice(s: Sheet, c: Ctx) -> RenderedDoc:
    """The 告知 with red letterhead; P-02/P-04/P-14/S-01 mutations act on its rows."""
    key, p, mut, d = "违法行为通知书", c.plan, c.plan.mut, c.d
    assert d.notice
    s.begin("违法行为通知书", c.number(key), c.a.name, red=True)
    c.party_rows(s, key)
    s.kv("违法事实", f"经调查，{c.act()}。")
    if not mut.get("notice_no_basis"):
        s.kv("违反规定", p.violation.breach)
        s.kv("处罚依据", p.violation.basis)
    s.kv("拟处罚种类及金额", f"罚款{fmt.amount(p.proposed_fine)}")
    s.kv("陈述申辩", "当事人可在收到本通知书之日起五日内向本机关提出陈述、申辩；逾期未提出的，视为放弃。")
    if p.triggered and not mut.get("notice_no_hearing"):
        days = "三日" if mut.get("notice_3days") else "五日"
        s.kv(
            "听证权利",
            f"根据《中华人民共和国行政处罚法》第六十三条、第六十四条，当事人有权在收到本通知书之日起{days}内要求听证。",
        )
    elif mut.get("notice_3days"):
        s.kv("听证权利", "当事人有权在收到本通知书之日起三日内要求听证。")
    o = p.officers[0]
    s.pair("联系人", o.name, "联系电话", c.a.phone)
    s.kv("联系地址", f"{c.a.address}（邮编{c.a.postcode}）")
    s.sign(c.a.name, fmt.sign(d.notice), seal=mut.get("s01") != "notice")
    return s.end(key)


def service(s: Sheet, c: Ctx, served: str, title: str, date: dt.date) -> RenderedDoc:
    key = f"送达回证:{served}"
    who = c.p.contact
    assert who is not None
    s.begin("送达回证", c.number(key), c.a.name)
    s.kv("案由", c.cause())
    s.kv("受送达人", c.name(key))
    s.kv("送达文书名称及文号", f"《{title}》（{c.number(key)}）")
    s.pair("送达日期", fmt.at(date, (10, 20)), "送达方式", "直接送达")
    s.kv("送达地点", c.a.station)
    s.kv("收件人签字", f"{who.name}    {fmt.cell(date)}")
    s.pair("代收人", "/", "代收理由", "/")
    s.kv("送达人", f"{c.plan.officers[0].name}、{c.plan.officers[1].name}")
    s.kv("备注", "/")
    return s.end("送达回证", serves=served)


def statement(s: Sheet, c: Ctx) -> RenderedDoc:
    key, d, w = "陈述申辩笔录", c.d, c.p.contact
    assert d.statement and w
    s.begin(key, c.number(key), c.a.name)
    s.kv("时间", f"{fmt.at(d.statement, (14, 30))}至15时10分")
    s.kv("地点", c.a.station)
    s.pair("陈述申辩人", w.name, "身份证号", w.id_number)
    s.kv("承办人员（证号）", "；".join(fmt.officer(x) for x in c.plan.officers[:2]))
    s.kv("陈述申辩内容", "对违法事实没有异议，家庭经济困难，请求从轻处罚。")
    s.kv("复核意见", "当事人提出的情况已予复核，在裁量基准范围内酌情考虑。")
    s.kv("确认", f"以上记录属实。    签字：{w.name}    {fmt.cell(d.statement)}")
    return s.end(key)


def waiver(s: Sheet, c: Ctx) -> RenderedDoc:
    key, d = "放弃陈述申辩（听证）声明", c.d
    assert d.waiver
    s.begin("放弃陈述申辩和听证权利声明", c.number(key), c.a.name)
    s.kv("声明人", c.name(key))
    s.kv(
        "声明内容",
        f"本人已收到{c.a.name}送达的《违法行为通知书》，知悉拟作出的处罚及依法享有的陈述、申辩和听证权利，"
        "现自愿放弃上述权利。",
    )
    s.kv("声明人签字", f"{c.p.contact.name if c.p.contact else c.p.name}    {fmt.cell(d.waiver)}")
    return s.end(key)


def hearing_notice(s: Sheet, c: Ctx) -> RenderedDoc:
    key, d, st = "听证通知书", c.d, c.plan.staff
    assert d.hearing_notice and d.hearing
    s.begin(key, c.number(key), c.a.name, red=True)
    s.kv("当事人", c.name(key))
    s.kv(
        "听证事项",
        f"根据当事人申请，本机关定于{fmt.at(d.hearing, (9, 30))}在{c.a.station}会议室公开举行听证。",
    )
    s.pair("听证主持人", st.hearing_host, "听证员", st.hearing_member)
    s.pair("记录员", st.clerk, "联系电话", c.a.phone)
    s.kv(
        "注意事项",
        "当事人可以委托一至二人代理；认为主持人与本案有直接利害关系的，有权申请回避；无正当理由不到场的，视为放弃听证。",
    )
    s.sign(c.a.name, fmt.sign(d.hearing_notice))
    return s.end(key)


def hearing_record(s: Sheet, c: Ctx) -> RenderedDoc:
    key, d, st, o = "听证笔录", c.d, c.plan.staff, c.plan.officers
    assert d.hearing
    s.begin(key, c.number(key), c.a.name)
    s.kv("案件名称", c.cause())
    s.kv("听证时间", f"{fmt.at(d.hearing, (9, 30))}至11时05分")
    s.kv("听证地点", f"{c.a.station}会议室")
    s.pair("主持人", st.hearing_host, "听证员", st.hearing_member)
    s.kv("记录员", st.clerk)
    s.kv("执法人员（证号）", f"{fmt.officer(o[0])}；{fmt.officer(o[1])}")
    s.kv("当事人", c.name(key))
    s.kv(
        "听证记录",
        f"执法人员陈述了违法事实、证据和拟处罚意见（罚款{fmt.amount(c.plan.proposed_fine)}）。当事人对事实无异议，请求减轻处罚。双方进行了质证和辩论。",
    )
    s.kv(
        "签字",
        f"当事人：{c.p.contact.name if c.p.contact else c.p.name}  主持人：{st.hearing_host}  记录员：{st.clerk}    {fmt.cell(d.hearing)}",
    )
    return s.end(key)


def legal_review(s: Sheet, c: Ctx) -> RenderedDoc:
    key, d, st, p = "法制审核意见", c.d, c.plan.staff, c.plan
    assert d.legal_review
    s.begin(p.styles.review_title, c.number(key), c.a.name)
    s.kv("案由", c.cause())
    s.kv("当事人", c.name(key))
    s.kv("承办机构拟处理意见", f"罚款{fmt.amount(p.proposed_fine)}")
    for item in (
        "主体是否合法",
        "程序是否合法",
        "事实是否清楚、证据是否充分",
        "适用法律及裁量是否适当",
        "陈述申辩听证权利是否保障",
    ):
        s.row([(item, 6, True), ("是", 2, False)])
    s.kv("审核结论", "同意承办机构的处理意见。")
    if p.mut.get("p05") == "noreviewer":
        s.kv("审核日期", fmt.cell(d.legal_review))
    else:
        s.pair("审核人员", st.reviewer, "法律职业资格证号", st.reviewer_cert)
        s.kv("审核日期", fmt.cell(d.legal_review))
    return s.end(key)


def discussion(s: Sheet, c: Ctx) -> RenderedDoc:
    key, d, st, p = "重大案件集体讨论记录", c.d, c.plan.staff, c.plan
    assert d.discussion
    s.begin(key, c.number(key), c.a.name)
    s.kv("案件名称", c.cause())
    s.kv("讨论时间", f"{fmt.at(d.discussion, (15, 0))}至16时10分")
    s.kv("地点", "局三楼会议室")
    s.pair("主持人", st.head, "汇报人", p.officers[0].name)
    s.kv("记录人", st.clerk)
    s.kv("出席人员", "、".join(f"{n}（{post}）" for n, post in st.attendees))
    s.kv("讨论记录", "承办人汇报了案件事实、证据及拟处罚意见。与会人员认为事实清楚，证据确实充分，程序合法。")
    if p.mut.get("p06") != "noconclusion":
        s.kv("结论性意见", f"同意对当事人处以罚款{fmt.amount(p.fine)}。")
    s.kv("出席人员签字", "、".join(n for n, _ in st.attendees))
    return s.end(key)
