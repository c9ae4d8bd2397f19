"""Notice, statement or waiver, hearing papers, legal review and the collective discussion."""

from __future__ import annotations

from families.contract import RenderedDoc
from families.qinlong.base import Case
from families.qinlong.fmt import cn_date, money, num_date, spaced, you
from families.qinlong.sheet import LM, Record


def notice(c: Case) -> RenderedDoc:
    """式样之11 filled in: facts, breach and basis, the proposal, the rights (P-02/P-04/P-14 mutations)."""
    p, s, key = c.plan, c.sheet, "违法行为通知书"
    d, m = p.dates, p.mut
    assert d.notice
    ni = you(p)
    basis = not m.get("notice_no_basis")
    hearing = p.triggered and not m.get("notice_no_hearing")
    s.start(form=11)
    s.title(c.agency, spaced("违法行为通知书"))
    s.right(c.number(key))
    s.fields([("", c.name(key) + "：")], minw=140)
    s.para("经调查，本机关查明：" + c.act(key) + "。")
    if basis:
        s.para(
            f"{ni}的上述行为违反了{p.violation.breach}的规定。依据{p.violation.basis}的规定，{c.reasons()}"
            f"本机关拟对{ni}作出罚款{money(p.proposed_fine)}的行政处罚。"
        )
        s.para(
            f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{ni}有权进行陈述和申辩。如需陈述、"
            "申辩，可于收到本通知书之日起五日内向本机关提出，逾期未提出的，视为放弃此权利。"
        )
    else:
        s.para(f"{ni}的上述行为已构成违法，本机关拟对{ni}作出罚款{money(p.proposed_fine)}的行政处罚。")
        s.para(
            f"{ni}有权进行陈述和申辩，可于收到本通知书之日起五日内向本机关提出，逾期未提出的，视为放弃此权利。"
        )
    if hearing:
        days = "三" if m.get("notice_3days") else "五"
        cite = "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，" if basis else ""
        s.para(
            f"{cite}{ni}有权要求举行听证。要求听证的，应当在收到本通知书之日起{days}日内向本机关提出，"
            "逾期未提出的，视为放弃听证权利。"
        )
    s.fields([("联系地址：", p.agency.address), ("邮编：", p.agency.postcode)])
    s.fields([("联系人：", p.officers[0].name), ("联系电话：", p.agency.phone)])
    s.signoff(c.agency, cn_date(d.notice), seal=m.get("s01") != "notice")
    s.para("（本文书一式两份：一份存根，一份交当事人或其代理人。）", 9.5, indent=False)
    return c.emit("违法行为通知书", "违法行为通知书")


def statement(c: Case) -> RenderedDoc:
    p, s, key = c.plan, c.sheet, "陈述申辩笔录"
    d = p.dates
    assert d.statement
    who = p.party.contact or p.party.person
    assert who is not None
    s.start(record=Record("陈述申辩人", who.name, num_date(d.statement)))
    s.title(c.agency, spaced("陈述申辩笔录"))
    s.right("案号：" + c.number(key))
    start = (c.rng.randint(9, 15), c.rng.choice((0, 10, 20, 30)))
    s.fields(
        [("时间：", f"{cn_date(d.statement)}{start[0]}时{start[1]:02d}分至{start[0]}时{start[1] + 25:02d}分")]
    )
    s.fields([("地点：", f"{c.unit}办公室")])
    s.fields([("执法人员：", c.officer_line(p.officers[:2]))])
    s.fields([("记录人：", p.officers[1].name)])
    c.person_fields("陈述申辩人", who, d.statement)
    s.heading("陈述申辩内容：")
    s.qa(
        f"{you(p)}已收到本机关送达的《违法行为通知书》，现在听取{you(p)}的陈述和申辩，你有什么意见？",
        "对违法事实没有异议，已经认识到错误。目前经营比较困难，请求从轻处罚。",
    )
    s.qa("你还有其他证据或者需要补充的吗？", "没有了。")
    s.para("执法人员：你的陈述申辩意见已记录，本机关将进行复核。", indent=False)
    s.para("（以下空白）", indent=False)
    s.sign_line("执法人员签名：", p.officers[0].name, num_date(d.statement))
    s.sign_line("执法人员签名：", p.officers[1].name, num_date(d.statement))
    return c.emit("陈述申辩笔录", "陈述申辩笔录")


def waiver(c: Case) -> RenderedDoc:
    p, s, key = c.plan, c.sheet, "放弃陈述申辩（听证）声明"
    d = p.dates
    assert d.waiver
    title = "放弃陈述申辩和听证权利声明" if p.triggered else "放弃陈述申辩权利声明"
    s.start()
    s.title("", title, 17)
    s.right("案号：" + c.number(key))
    me = "本人" if p.party.kind == "individual" else "本单位"
    rights = "陈述、申辩和听证" if p.triggered else "陈述、申辩"
    s.para(
        f"{me}已于{cn_date(d.notice_service or d.waiver)}收到{c.agency}送达的《违法行为通知书》（{c.number(key)}），"
        f"对其中载明的违法事实、拟作出行政处罚的理由和依据无异议，知悉依法享有{rights}的权利。"
    )
    s.para(f"经慎重考虑，{me}自愿放弃{rights}的权利，请依法处理。")
    s.gap(20)
    s.fields([("声明人：", c.name(key))], minw=120)
    signer = p.party.contact.name if p.party.contact else c.name(key)
    s.sign_line("签名（盖章）：", signer, cn_date(d.waiver), x=LM + 150)
    return c.emit("放弃陈述申辩（听证）声明", title)


def hearing_notice(c: Case) -> RenderedDoc:
    p, s, key = c.plan, c.sheet, "听证通知书"
    d, st = p.dates, p.staff
    assert d.hearing_notice and d.hearing
    s.start(form=12)
    s.title(c.agency, spaced("听证通知书"))
    s.right(c.number(key))
    s.fields([("", c.name(key) + "：")], minw=140)
    s.para(
        f"根据{you(p)}的申请，关于{c.cause}一案，本机关定于{cn_date(d.hearing)}上午9时00分在{c.agency}听证室"
        f"公开举行听证会议，请准时出席。听证主持人：{st.hearing_host}，听证员：{st.hearing_member}，"
        f"记录员：{st.clerk}。"
    )
    s.para(
        f"{you(p)}认为主持人、听证员或者记录员与本案有直接利害关系的，有权申请回避，回避申请应当在听证举行前提出。"
    )
    s.para(
        "参加听证时请携带身份证明及有关证据材料；委托代理人参加的，应当提交授权委托书。无正当理由不按时参加听证的，"
        "视为放弃听证权利。"
    )
    s.fields([("联系人：", p.officers[0].name), ("联系电话：", p.agency.phone)])
    s.signoff(c.agency, cn_date(d.hearing_notice), seal=True)
    s.para("（本文书一式两份：一份存根，一份交当事人或其代理人。）", 9.5, indent=False)
    return c.emit("听证通知书", "听证通知书")


def hearing_record(c: Case) -> RenderedDoc:
    p, s, key = c.plan, c.sheet, "听证笔录"
    d, st = p.dates, p.staff
    assert d.hearing
    who = p.party.contact or p.party.person
    assert who is not None
    s.start(form=13, record=Record("当事人（代理人）", who.name, num_date(d.hearing)))
    s.title(c.agency, spaced("听证笔录"))
    s.right("案号：" + c.number(key))
    s.fields([("案件名称：", f"{c.name(key)}{c.cause}案")])
    s.fields([("主持听证机关：", c.agency), ("听证地点：", f"{c.agency}听证室")])
    s.fields([("听证时间：", f"{cn_date(d.hearing)}9时00分至10时20分")])
    s.fields([("主持人：", st.hearing_host), ("听证员：", st.hearing_member), ("记录员：", st.clerk)])
    s.fields([("执法人员：", c.officer_line(p.officers[:2]))])
    if p.party.kind == "individual":
        s.fields([("当事人：", c.name(key)), ("性别：", who.sex), ("年龄：", f"{who.age_on(d.hearing)}岁")])
    else:
        s.fields([("当事人：", c.name(key)), ("法定代表人：", p.party.legal_rep or "")])
        s.fields([("委托代理人：", who.name), ("单位及职务：", c.job_of(who))])
    s.heading("听证记录：")
    s.para("主持人：现在开始听证。宣布听证纪律，告知当事人的权利义务，当事人是否申请回避？")
    s.para("当事人：不申请回避。", indent=False)
    s.para(
        f"执法人员{p.officers[0].name}：当事人{c.act(key)}。上述行为违反了{p.violation.breach}的规定，"
        f"依据{p.violation.basis}的规定，拟给予罚款{money(p.proposed_fine)}的行政处罚。出示证据："
        + "、".join(p.evidence)
        + "。"
    )
    s.para("当事人：对违法事实无异议，但认为处罚过重，请求考虑实际情况从轻处理。")
    s.para("主持人：双方是否还有新的证据？当事人作最后陈述。")
    s.para("当事人：希望从轻处罚，以后一定守法经营。")
    s.para("主持人：听证结束，听证笔录交当事人核对后签名。")
    s.sign_line("主持人：", st.hearing_host, num_date(d.hearing))
    s.sign_line("听证员：", st.hearing_member, num_date(d.hearing))
    s.sign_line("记录员：", st.clerk, num_date(d.hearing))
    return c.emit("听证笔录", "听证笔录")


def legal_review(c: Case) -> RenderedDoc:
    p, s, key = c.plan, c.sheet, "法制审核意见"
    d, st = p.dates, p.staff
    assert d.legal_review
    title = "重大执法决定法制审核意见书" if p.triggered else "法制审核意见书"
    s.start()
    s.title(c.agency, title, 17)
    s.right("案号：" + c.number(key))
    s.fields([("案由：", c.cause)])
    s.fields([("当事人：", c.name(key)), ("承办机构：", c.unit)])
    s.fields([("承办人员：", "、".join(o.name for o in p.officers[:2]))])
    s.fields([("拟处理意见：", f"罚款{money(p.fine)}")])
    s.heading("审核情况：")
    s.para(
        "经审核：执法主体合法，执法人员具备执法资格；案件事实清楚，证据确实充分；适用法律正确，裁量适当；"
        "执法程序合法，未超越法定职权；执法文书规范完备；当事人陈述、申辩及听证权利已依法保障；不涉嫌犯罪。"
    )
    s.heading("审核结论：")
    s.para("同意承办机构的处理意见。")
    if p.mut.get("p05") != "noreviewer":
        s.fields([("审核人员：", st.reviewer), ("法律职业资格证书编号：", st.reviewer_cert)])
        s.sign_line("审核人员签名：", st.reviewer, cn_date(d.legal_review))
    s.fields([("法制审核机构：", f"{c.agency}法制科"), ("审核日期：", num_date(d.legal_review))])
    return c.emit("法制审核意见", title)


def discussion(c: Case) -> RenderedDoc:
    p, s, key = c.plan, c.sheet, "重大案件集体讨论记录"
    d, st = p.dates, p.staff
    assert d.discussion
    s.start()
    s.title(c.agency, "重大案件集体讨论记录", 17)
    s.right("案号：" + c.number(key))
    s.fields([("案件名称：", f"{c.name(key)}{c.cause}案")])
    s.fields([("讨论时间：", f"{cn_date(d.discussion)}15时00分至16时10分"), ("地点：", "局三楼会议室")])
    s.fields([("主持人：", st.head), ("汇报人：", p.officers[0].name), ("记录人：", st.clerk)])
    s.fields([("出席人员姓名及职务：", "、".join(f"{n}（{post}）" for n, post in st.attendees))])
    s.heading("讨论记录：")
    s.para(
        f"{p.officers[0].name}汇报案情：{c.act(key)}。当事人的行为违反了{p.violation.breach}的规定，依据"
        f"{p.violation.basis}的规定，承办机构建议给予罚款{money(p.fine)}的行政处罚。"
    )
    for name, post in st.attendees[1:]:
        s.para(f"{name}（{post}）：案件事实清楚，证据充分，程序合法，同意承办机构的意见。")
    s.para(f"{st.head}：同意大家的意见。")
    if p.mut.get("p06") != "noconclusion":
        s.heading("结论性意见：")
        s.para(f"经集体讨论决定：对当事人给予罚款{money(p.fine)}的行政处罚。")
    s.heading("出席人员签名：")
    s.need(40)
    x = LM
    for name, _post in st.attendees:
        s.hand(x, s.y + 18, name)
        x += 88
    s.gap(34)
    return c.emit("重大案件集体讨论记录", "重大案件集体讨论记录")
