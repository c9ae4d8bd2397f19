"""Between investigation and decision: the 违法行为通知书, 送达回证, statement or waiver, the hearing
papers, the legal review and the collective discussion."""

from __future__ import annotations

import datetime as dt

from families.qiannan.ctx import Case, Made
from families.qiannan.words import dot, hm, ymd


def notice(c: Case) -> Made:
    p, d, m, key = c.plan, c.plan.dates, c.plan.mut, "违法行为通知书"
    assert d.notice
    w = c.writer("违法行为通知书", key)
    w.blanks([("", c.party(key) + "：")])
    if m.get("notice_no_basis"):
        basis = f"{c.you}的上述行为涉嫌违法"
    else:
        basis = f"{c.you}的上述行为违反了{p.violation.breach}的规定，依据{p.violation.basis}的规定"
    w.para(
        f"经调查，{c.act()}。{basis}，本机关拟作出罚款人民币{p.proposed_fine}元的行政处罚决定。", noisy=True
    )
    w.para(f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{c.you}有权进行陈述和申辩。")
    if p.triggered and not m.get("notice_no_hearing"):
        days = "三日" if m.get("notice_3days") else "五日"
        w.para(
            f"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{c.you}有权要求举行听证，可在收到本通知书之日起{days}内向本机关提出听证申请；逾期视为放弃。"
        )
    w.checks(
        [("陈述申辩", True)] + ([("听证", True)] if p.triggered and not m.get("notice_no_hearing") else [])
    )
    w.blanks([("联系人：", p.officers[0].name), ("联系电话：", p.agency.phone)])
    w.blanks([("联系地址：", p.agency.address), ("邮编：", p.agency.postcode)], [0.7, 0.3])
    w.issuer(d.notice, seal=m.get("s01") != "notice")
    w.footnote("（本通知书一式两份，一份交当事人，一份存档。）")
    return Made("违法行为通知书", "违法行为通知书", w)


def service(c: Case, served: str, when: dt.date) -> Made:
    """送达回证: one form table, the receiver's scribble in its cell."""
    p, key = c.plan, f"送达回证:{served}"
    w = c.writer("送达回证", key)
    no = c.no(key)
    method = c.rng.choice(("直接送达", "直接送达", "邮寄送达"))
    servers = "、".join(o.name for o in p.officers[:2])
    w.table(
        [
            [("案  由", c.cause())],
            [("受送达人", c.party(key))],
            [("送达文书名称及文号", f"《{served}》{no}")],
            [("送达地点", p.party.address)],
            [("送达日期", dot(when))],
            [("送达方式", method)],
            [("送 达 人", servers)],
            [("备  注", "")],
        ],
        label_w=300,
    )
    w.signed("受送达人签收：", when)
    w.issuer(when, seal=False, label="")
    return Made("送达回证", "送达回证", w, serves=served)


def statement(c: Case) -> Made:
    p, d = c.plan, c.plan.dates
    assert d.statement
    w = c.writer("陈述申辩笔录", "陈述申辩笔录")
    a, b = p.officers[0], p.officers[1]
    v = p.party.contact or p.inquiries[0].interviewee
    w.blanks([("时间：", f"{ymd(d.statement)}{hm((10, 0))}至{hm((10, 40))}")])
    w.blanks([("地点：", p.agency.station)])
    w.blanks([("承办人：", a.name), ("执法证号：", a.certificate)], [0.45, 0.55])
    w.blanks([("记录人：", b.name), ("执法证号：", b.certificate)], [0.45, 0.55])
    w.blanks([("陈述申辩人：", v.name), ("身份证号：", v.id_number)], [0.45, 0.55])
    w.para("陈述申辩内容：", indent=False, kind="form")
    w.para("对违法事实没有异议，我是初次违反，家庭经济困难，请求从轻处罚。", noisy=True)
    w.para("以上笔录我已看过，与我所说一致。", indent=False)
    w.signed("陈述申辩人：", d.statement)
    w.signed("承办人：", d.statement)
    return Made("陈述申辩笔录", "陈述申辩笔录", w)


def waiver(c: Case) -> Made:
    d = c.plan.dates
    assert d.waiver
    w = c.writer("放弃陈述申辩（听证）声明", "放弃陈述申辩（听证）声明")
    w.para(f"{c.agency}：", indent=False)
    me = "本人" if c.plan.party.kind == "individual" else "本单位"
    rights = "陈述、申辩和要求听证" if c.plan.triggered else "陈述、申辩"
    w.para(
        f"{me}已收到贵局送达的《违法行为通知书》（{c.no('违法行为通知书')}），已知晓依法享有的权利，"
        f"现自愿放弃{rights}的权利。"
    )
    w.signed("声明人：", d.waiver)
    return Made("放弃陈述申辩（听证）声明", "放弃陈述申辩（听证）声明", w)


def hearing_notice(c: Case) -> Made:
    p, d = c.plan, c.plan.dates
    assert d.hearing_notice and d.hearing
    w = c.writer("听证通知书", "听证通知书")
    w.blanks([("", c.party("听证通知书") + "：")])
    w.para(
        f"根据{c.you}的申请，关于{c.cause()}，本机关定于{ymd(d.hearing)}{hm((9, 30))}在{p.agency.address}（不公开）举行听证。"
    )
    w.para(
        f"听证主持人：{p.staff.hearing_host}；听证员：{p.staff.hearing_member}；记录员：{p.staff.clerk}。{c.you}认为上述人员与本案有直接利害关系的，有权申请回避。"
    )
    w.para(
        "请携带身份证明及有关证据材料按时参加；委托代理人参加的，应当提交授权委托书。无正当理由不参加的，视为放弃听证。"
    )
    w.issuer(d.hearing_notice, seal=True)
    return Made("听证通知书", "听证通知书", w)


def hearing_record(c: Case) -> Made:
    p, d = c.plan, c.plan.dates
    assert d.hearing
    w = c.writer("听证笔录", "听证笔录")
    a, b = p.officers[0], p.officers[1]
    w.blanks([("案件名称：", c.cause())])
    w.blanks([("时间：", f"{ymd(d.hearing)}{hm((9, 30))}至{hm((11, 0))}")])
    w.blanks([("地点：", p.agency.address)])
    w.blanks(
        [
            ("主持人：", p.staff.hearing_host),
            ("听证员：", p.staff.hearing_member),
            ("记录员：", p.staff.clerk),
        ]
    )
    w.blanks([("案件承办人：", a.name), ("执法证号：", a.certificate)], [0.45, 0.55])
    w.blanks([("案件承办人：", b.name), ("执法证号：", b.certificate)], [0.45, 0.55])
    w.blanks([("当事人：", c.party("听证笔录"))])
    w.heading("听证记录")
    w.para(f"案件承办人陈述：{c.act()}，建议罚款{p.proposed_fine}元。", noisy=True)
    w.para("当事人申辩：对事实无异议，认为罚款过重，请求从轻处理。", noisy=True)
    w.para("主持人：听证结束，笔录交当事人核对。", noisy=True)
    w.signed("当事人：", d.hearing)
    w.signed("主持人：", d.hearing)
    w.signed("记录员：", d.hearing)
    return Made("听证笔录", "听证笔录", w)


def review(c: Case) -> Made:
    p, d, m = c.plan, c.plan.dates, c.plan.mut
    assert d.legal_review
    w = c.writer("法制审核意见书", "法制审核意见")
    w.table(
        [
            [("案  由", c.cause())],
            [("当 事 人", c.party("法制审核意见"))],
            [("承办机构拟处理意见", f"罚款人民币{p.fine}元")],
            [
                (
                    "审核事项",
                    "主体合法；执法人员具备资格；程序合法；事实清楚，证据充分；适用法律准确，裁量适当；未超越法定权限；文书规范；不涉嫌犯罪",
                )
            ],
            [("审核结论", "同意承办机构的处理意见。")],
            [
                (
                    "审核人员",
                    ""
                    if m.get("p05") == "noreviewer"
                    else f"{p.staff.reviewer}（法律职业资格证书编号{p.staff.reviewer_cert}）",
                )
            ],
            [("审核日期", dot(d.legal_review))],
        ],
        label_w=300,
    )
    w.issuer(d.legal_review, seal=False, label="法制审核机构")
    return Made("法制审核意见", "法制审核意见书", w)


def discussion(c: Case) -> Made:
    p, d, m = c.plan, c.plan.dates, c.plan.mut
    assert d.discussion
    w = c.writer("重大案件集体讨论记录", "重大案件集体讨论记录")
    host = p.staff.attendees[0][0]
    w.blanks([("案件名称：", c.cause())])
    w.blanks(
        [("时间：", f"{ymd(d.discussion)}{hm((15, 0))}至{hm((16, 10))}"), ("地点：", "局三楼会议室")],
        [0.6, 0.4],
    )
    w.blanks([("主持人：", host), ("汇报人：", p.officers[0].name), ("记录人：", p.staff.clerk)])
    w.blanks([("出席人员：", "、".join(f"{n}（{t}）" for n, t in p.staff.attendees))])
    w.heading("讨论记录")
    w.para(f"{p.officers[0].name}汇报案情：{c.act()}。拟罚款{p.fine}元。", noisy=True)
    for n, _t in p.staff.attendees[1:]:
        w.para(f"{n}：事实清楚，证据充分，程序合法，同意拟处理意见。", noisy=True)
    if m.get("p06") != "noconclusion":
        w.heading("结论性意见")
        w.para(f"经集体讨论，一致同意对当事人罚款人民币{p.fine}元。")
    for n, _ in p.staff.attendees:
        w.signed("出席人员签名：", None, n)
    w.blanks([("记录日期：", dot(d.discussion))])
    return Made("重大案件集体讨论记录", "重大案件集体讨论记录", w)
