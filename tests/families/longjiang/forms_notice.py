"""告知 and hearing stage: 违法行为通知书, 送达回证, 陈述申辩笔录, 放弃声明, 听证通知书, 听证笔录,
法制审核意见书 and 重大案件集体讨论记录."""

from __future__ import annotations

import datetime as dt

from families.contract import RenderedDoc
from families.longjiang import fmt
from families.longjiang.case import Case, served_date
from families.longjiang.forms_invest import _head
from families.longjiang.page import L, V


def notice(c: Case) -> RenderedDoc:
    p, d, m = c.plan, c.plan.dates, c.plan.mut
    assert d.notice
    s = c.sheet("违法行为通知书", d.notice)
    _head(c, s, "违法行为通知书")
    s.para(f"{p.party.name}：", indent=False)
    basis = "" if m.get("notice_no_basis") else f"依据{p.violation.basis}的规定，"
    s.para(
        f"经调查，{c.act}。本机关认为，{c.you}的上述行为违反了{p.violation.breach}的规定，{basis}"
        f"本机关拟作出罚款人民币{p.proposed_fine}元（{fmt.rmb_words(p.proposed_fine)}）的行政处罚决定。"
    )
    s.para(
        f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{c.you}有权进行陈述和申辩，"
        "可以在收到本通知书后向本机关提出陈述、申辩意见；逾期未提出的，视为放弃上述权利。"
    )
    if p.triggered and not m.get("notice_no_hearing"):
        days = "三日内" if m.get("notice_3days") else "五日内"
        s.para(
            f"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{c.you}有权在收到本通知书之日起{days}"
            "向本机关要求举行听证；逾期未要求听证的，视为放弃听证权利。"
        )
    s.grid(
        [
            [L("联系地址", 1), V(p.agency.address, 3), L("邮编", 0.7), V(p.agency.postcode, 1)],
            [L("联系人", 1), V(p.officers[0].name, 1.5), L("联系电话", 1), V(p.agency.phone, 2.2)],
        ]
    )
    c.agency_sign(s, d.notice, seal=m.get("s01") != "notice")
    s.line("（本文书一式两份：一份存根，一份交当事人或其代理人。）", 9)
    return c.done(s, "违法行为通知书", "违法行为通知书")


def service(c: Case, served: str, served_title: str, when: dt.date, *, on_spot: bool = False) -> RenderedDoc:
    """送达回证 as a grid with the served document's name and number in a merged row."""
    p = c.plan
    key = f"送达回证:{served}"
    s = c.sheet(key, when)
    _head(c, s, "送达回证")
    recv = p.party.contact.name if p.party.contact and p.party.kind == "individual" else p.party.name
    how = "直接送达"
    clock = f"{9 + c.rng.randrange(7)}时{c.rng.choice((0, 10, 20, 30, 40, 50)):02d}分"
    s.grid(
        [
            [L("案由", 1), V(f"{p.violation.cause}案", 4)],
            [L("受送达人", 1), V(p.party.name, 4)],
            [L("送达单位", 1), V(p.agency.name, 4)],
        ]
    )
    s.grid(
        [
            [L("送达文书名称及文号", 2), L("收件人签名（盖章）", 1.3), L("送达地点", 1.5)],
            [V(f"《{served_title}》{c.number}", 2, min_h=46), V(recv, 1.3), V(p.party.address, 1.5)],
            [
                L("送达日期", 1),
                V(f"{served_date(c.voice, when)} {clock}", 1.6),
                L("送达方式", 1),
                V(how, 1.2),
            ],
            [
                L("送达人", 1),
                V(f"{p.officers[0].name}、{p.officers[1].name}", 1.6),
                L("代收人", 1),
                V("", 1.2),
            ],
            [L("备注", 1), V("", 3.8, min_h=40)],
        ]
    )
    s.space(20)
    s.line(p.agency.name, 11, align="right")  # the date is the 送达日期 cell's; none repeated here
    return c.done(s, "送达回证", "送达回证", serves=served)


def statement(c: Case) -> RenderedDoc:
    p, d = c.plan, c.plan.dates
    assert d.statement
    who = p.party.contact or p.party.person
    assert who
    s = c.sheet("陈述申辩笔录", d.statement)
    _head(c, s, "陈述申辩笔录")
    s.grid(
        [
            [L("时间", 1), V(f"{fmt.ymd(d.statement)} 09时30分至10时05分", 4)],
            [L("地点", 1), V(p.agency.station, 4)],
            [L("当事人", 1), V(p.party.name, 4)],
            [L("陈述申辩人", 1), V(who.name, 1.5), L("记录人", 1), V(p.officers[1].name, 1.5)],
            [
                L("执法人员", 1),
                V(
                    f"{p.officers[0].name}（{p.officers[0].certificate}）、{p.officers[1].name}（{p.officers[1].certificate}）",
                    4,
                ),
            ],
        ]
    )
    me = "本人" if p.party.kind == "individual" else "我单位"
    s.para(f"陈述申辩人{who.name}称：对违法事实没有异议，{me}系初次违法，已立即改正，请求从轻处罚。")
    s.para("执法人员：你的陈述申辩意见已记录，本机关将依法复核。")
    s.para("以上笔录我已看过，与我所说一致。", indent=True)
    s.line(
        f"陈述申辩人：{who.name}    执法人员：{p.officers[0].name}、{p.officers[1].name}    {fmt.ymd(d.statement)}",
        10,
        align="right",
    )
    return c.done(s, "陈述申辩笔录", "陈述申辩笔录")


def waiver(c: Case) -> RenderedDoc:
    p, d = c.plan, c.plan.dates
    assert d.waiver
    s = c.sheet("放弃陈述申辩（听证）声明", d.waiver, qr=False)
    s.title("放弃陈述申辩（听证）声明", 17)
    c.number_line(s)
    s.space(10)
    s.para(
        f"{'本人' if p.party.kind == 'individual' else '本单位'}已收到{p.agency.name}《违法行为通知书》（{c.number}），对通知书告知的违法事实、理由、依据及拟作出的处罚"
        "均无异议，自愿放弃陈述、申辩的权利，请求尽快作出处理决定。"
    )
    s.space(30)
    s.line(f"声明人（签名或盖章）：{p.party.name}", 11, align="right")
    s.line(fmt.ymd(d.waiver), 11, align="right")
    return c.done(s, "放弃陈述申辩（听证）声明", "放弃陈述申辩（听证）声明")


def hearing_notice(c: Case) -> RenderedDoc:
    p, d, st = c.plan, c.plan.dates, c.plan.staff
    assert d.hearing_notice and d.hearing
    s = c.sheet("听证通知书", d.hearing_notice)
    _head(c, s, "听证通知书")
    s.para(f"{p.party.name}：", indent=False)
    s.para(
        f"根据{c.you}的申请，关于{p.violation.cause}一案，现定于{fmt.ymd(d.hearing)}上午9时00分在{p.agency.address}"
        "（公开）举行听证会议，请准时出席。"
    )
    s.grid(
        [
            [L("听证主持人", 1), V(st.hearing_host, 1.2), L("职务", 0.7), V("法制科科长", 1.3)],
            [L("听证员", 1), V(st.hearing_member, 1.2), L("职务", 0.7), V("法制科科员", 1.3)],
            [L("记录员", 1), V(st.clerk, 1.2), L("职务", 0.7), V("科员", 1.3)],
        ]
    )
    s.para(
        f"{c.you}如申请主持人回避，可在听证举行前向本机关提出并说明理由。请携带身份证明及有关证据材料；委托代理人参加的，"
        "应提交授权委托书。无正当理由不出席的，视为放弃听证权利。"
    )
    c.agency_sign(s, d.hearing_notice, seal=True)
    return c.done(s, "听证通知书", "听证通知书")


def hearing_record(c: Case) -> RenderedDoc:
    p, d, st = c.plan, c.plan.dates, c.plan.staff
    assert d.hearing
    who = p.party.contact or p.party.person
    assert who
    s = c.sheet("听证笔录", d.hearing)
    _head(c, s, "听证笔录")
    s.grid(
        [
            [L("案件名称", 1), V(f"{p.party.name}{p.violation.cause}案", 4)],
            [L("主持听证机关", 1), V(p.agency.name, 4)],
            [
                L("听证时间", 1),
                V(f"{fmt.iso(d.hearing)} 09:00 至 10:20", 2),
                L("听证地点", 1),
                V(p.agency.address, 2),
            ],
            [
                L("主持人", 1),
                V(st.hearing_host, 1),
                L("听证员", 1),
                V(st.hearing_member, 1),
                L("记录员", 1),
                V(st.clerk, 1),
            ],
        ]
    )
    s.group("执法人员", c.officer_rows((p.officers[0], p.officers[1])))
    s.grid([[L("当事人（代理人）", 1.2), V(f"{who.name}，{fmt.age_sex(who, d.hearing)}", 4)]])
    s.grid([[L("听证记录", 1)]])
    s.para(
        f"主持人：现在宣布听证开始。本次听证由{st.hearing_host}主持，{st.hearing_member}任听证员，{st.clerk}任记录员。当事人是否申请回避？"
    )
    s.para("当事人：不申请回避。")
    s.para(
        f"执法人员：{c.act}，违反了{p.violation.breach}的规定，依据{p.violation.basis}的规定，拟处罚款{p.proposed_fine}元。"
    )
    s.para("当事人：对事实无异议，但认为处罚过重，希望从轻处理。")
    s.para("主持人：听证结束，请当事人阅读笔录后签名。")
    s.line(
        f"当事人：{who.name}   主持人：{st.hearing_host}   听证员：{st.hearing_member}   记录员：{st.clerk}",
        10,
        align="right",
    )
    s.line(fmt.iso(d.hearing), 10, align="right")
    return c.done(s, "听证笔录", "听证笔录")


def legal_review(c: Case) -> RenderedDoc:
    p, d, st = c.plan, c.plan.dates, c.plan.staff
    assert d.legal_review
    title = "重大行政处罚法制审核意见书" if p.triggered else "法制审核意见书"
    s = c.sheet("法制审核意见", d.legal_review)
    _head(c, s, title)
    items = (
        "主体是否合法",
        "执法人员是否具备资格",
        "程序是否合法",
        "事实是否清楚、证据是否充分",
        "适用法律和裁量是否适当",
        "陈述申辩及听证权利是否保障",
    )
    s.grid(
        [
            [L("执法部门", 1), V(p.agency.unit, 4)],
            [L("案由", 1), V(f"{p.violation.cause}案", 4)],
            [L("当事人", 1), V(p.party.name, 4)],
            [L("承办人员", 1), V(f"{p.officers[0].name}、{p.officers[1].name}", 4)],
            [
                L("拟处理意见", 1),
                V(f"依据{p.violation.basis}的规定，给予罚款人民币{p.fine}元的行政处罚。", 4),
            ],
        ]
    )
    s.group("审核事项", [[V(it, 3), V("■是  □否", 1)] for it in items])
    reviewer = "" if p.mut.get("p05") == "noreviewer" else st.reviewer
    cert = f"（法律职业资格证书编号：{st.reviewer_cert}）" if reviewer else ""
    s.box(
        "审核结论",
        "经审核，本案事实清楚，证据确凿，程序合法，适用法律正确，裁量适当，同意承办机构的处理意见。",
        sign=f"审核人员：{reviewer}{cert}    审核日期：{fmt.iso(d.legal_review)}",
        min_h=80,
    )
    return c.done(s, "法制审核意见", title)


def discussion(c: Case) -> RenderedDoc:
    p, d, st = c.plan, c.plan.dates, c.plan.staff
    assert d.discussion
    s = c.sheet("重大案件集体讨论记录", d.discussion)
    _head(c, s, "重大案件集体讨论记录")
    chair = st.attendees[0][0]
    s.grid(
        [
            [L("案件名称", 1), V(f"{p.party.name}{p.violation.cause}案", 4)],
            [
                L("讨论时间", 1),
                V(f"{fmt.iso(d.discussion)} 14:30 至 15:40", 2),
                L("地点", 0.8),
                V("局三楼会议室", 1.2),
            ],
            [
                L("主持人", 1),
                V(chair, 1),
                L("汇报人", 1),
                V(p.officers[0].name, 1),
                L("记录人", 1),
                V(st.clerk, 1),
            ],
            [L("出席人员姓名及职务", 1), V("；".join(f"{n}（{post}）" for n, post in st.attendees), 4)],
        ]
    )
    s.grid([[L("讨论记录", 1)]])
    s.para(
        f"{p.officers[0].name}汇报案情：{c.act}。拟依据{p.violation.basis}的规定，给予罚款{p.fine}元的行政处罚。"
    )
    for name, post in st.attendees[1:]:
        s.para(f"{name}（{post}）：事实清楚，证据充分，同意承办机构意见。")
    if p.mut.get("p06") != "noconclusion":
        s.box(
            "结论性意见",
            f"经集体讨论决定：对当事人{p.party.name}给予罚款人民币{p.fine}元的行政处罚。",
            min_h=60,
        )
    s.line("出席人员签名：" + "  ".join(n for n, _ in st.attendees), 10)
    return c.done(s, "重大案件集体讨论记录", "重大案件集体讨论记录")
