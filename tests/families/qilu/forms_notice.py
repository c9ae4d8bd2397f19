"""From the notice to the deliberation: 违法行为通知书, 陈述申辩笔录 or the waiver, the hearing
documents, the 法制审核 form and the 集体讨论 minutes."""

from __future__ import annotations

import random

from casegen.model import Plan
from families.qilu.common import act, checks, grid, head, officer_cell, party_line, party_rows
from families.qilu.fmt import QDoc, cn_date, daxie, esc, iso, iso_hm, yen, ymd0, you


def offers_hearing(plan: Plan) -> bool:
    return (plan.triggered or plan.hearing) and not plan.mut.get("notice_no_hearing")


def notice(plan: Plan, rng: random.Random) -> QDoc:
    d, m, y = plan.dates, plan.mut, you(plan)
    assert d.notice
    title = rng.choice(("违法行为通知书", "违法行为通知书", "行政处罚事先告知书"))
    fine = plan.proposed_fine
    penalty = f"罚款人民币{daxie(fine)}（{yen(fine)}）"
    if m.get("notice_no_basis"):
        reason = f"本机关拟对{y}作出{penalty}的行政处罚。"
    else:
        reason = (
            f"{y}的上述行为违反了{esc(plan.violation.breach)}的规定，依据{esc(plan.violation.basis)}的规定，"
            f"本机关拟对{y}作出{penalty}的行政处罚。"
        )
    rights = (
        f"<p class='ind'>一、{y}享有陈述、申辩的权利。如有陈述、申辩意见，可在收到本通知书之日起五日内向本机关"
        "书面提出或口头陈述，逾期未提出的，视为放弃上述权利。</p>"
    )
    if offers_hearing(plan):
        days = "三日" if m.get("notice_3days") else "五日"
        rights += (
            f"<p class='ind'>二、根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{y}有权要求举行听证。"
            f"要求听证的，应当在收到本通知书之日起{days}内向本机关提出，逾期视为放弃听证权利。</p>"
        )
    html = (
        head(plan, title, plan.number.format(), label="案号")
        + f"<p><b>当事人：</b>{party_line(plan)}</p>"
        + f"<p class='ind'>经调查，{esc(act(plan))}。</p><p class='ind'>{reason}</p>"
        + rights
        + f"<table class='g'><tr><th width='16%'>联系人</th><td>{esc(plan.officers[0].name)}</td>"
        f"<th width='16%'>联系电话</th><td>{esc(plan.agency.phone)}</td></tr>"
        f"<tr><th>联系地址</th><td>{esc(plan.agency.address)}</td><th>邮政编码</th><td>{plan.agency.postcode}</td></tr></table>"
        f"<p class='sign'>{esc(plan.agency.name)}<br>{cn_date(d.notice)}</p>"
        "<p class='small'>本通知书一式两份，一份交当事人，一份归档。</p>"
    )
    return QDoc(
        "违法行为通知书",
        title,
        html,
        seal=m.get("s01") != "notice",
        seal_anchor=cn_date(d.notice),
        stamp=iso(d.notice) + " 15:08:26",
    )


def _me(plan: Plan) -> str:
    return "本人" if plan.party.kind == "individual" else "我单位"


def statement(plan: Plan) -> QDoc:
    d, n = plan.dates, plan.number.format()
    assert d.statement
    who = plan.party.contact or plan.party.person
    assert who is not None
    lowered = plan.fine < plan.proposed_fine
    review = (
        f"当事人提出的家庭困难、积极配合调查等理由部分成立，予以部分采纳，建议罚款调整为人民币{plan.fine}元。"
        if lowered
        else "当事人所提理由不能否定违法事实，不予采纳，维持原拟处罚意见。"
    )
    rows = (
        f"<tr><th>案件编号</th><td colspan='3'>{esc(n)}</td></tr>"
        f"<tr><th>时间</th><td colspan='3'>{iso_hm(d.statement, (9, 30))} 至 {iso_hm(d.statement, (10, 5))}</td></tr>"
        f"<tr><th>地点</th><td colspan='3'>{esc(plan.agency.station)}</td></tr>"
        f"<tr><th>陈述申辩人</th><td>{esc(plan.party.name)}</td><th>到场人员</th><td>{esc(who.name)}</td></tr>"
        f"<tr><th>承办人</th><td colspan='3'>{officer_cell(plan.officers[0])}；{officer_cell(plan.officers[1])}</td></tr>"
        f"<tr><th>陈述申辩<br>内容</th><td colspan='3'>对违法事实没有异议。{_me(plan)}系初次违法，已认识到错误，"
        "请求从轻处罚。</td></tr>"
        f"<tr><th>复核意见</th><td colspan='3'>{review}</td></tr>"
    )
    html = (
        head(plan, "陈述申辩笔录", "")
        + grid(rows, (16, 34, 16, 34))
        + (
            f"<table class='plain'><tr><td>陈述申辩人签名：{esc(who.name)}</td><td class='r'>{iso(d.statement)}</td></tr>"
            f"<tr><td>承办人签名：{esc(plan.officers[0].name)}、{esc(plan.officers[1].name)}</td>"
            f"<td class='r'>{iso(d.statement)}</td></tr></table>"
        )
    )
    return QDoc("陈述申辩笔录", "陈述申辩笔录", html, stamp=iso(d.statement) + " 10:12:30")


def waiver(plan: Plan) -> QDoc:
    d = plan.dates
    assert d.waiver
    hearing = "、要求听证" if offers_hearing(plan) else ""
    title = "放弃陈述申辩权利声明书"
    html = head(plan, title, plan.number.format(), label="案号") + (
        f"<p>{esc(plan.agency.name)}：</p><p class='ind'>{_me(plan)}已收到贵机关案号为{esc(plan.number.format())}的"
        f"《违法行为通知书》，已知悉拟作出行政处罚的事实、理由、依据及依法享有的陈述、申辩{hearing}的权利。"
        f"经慎重考虑，现自愿放弃陈述、申辩{hearing}的权利，请依法处理。</p>"
        f"<p class='sign'>声明人：{esc(plan.party.name)}<br>{ymd0(d.waiver)}</p>"
    )
    return QDoc("放弃陈述申辩（听证）声明", title, html, stamp=iso(d.waiver) + " 11:40:02")


def hearing_notice(plan: Plan) -> QDoc:
    d, s = plan.dates, plan.staff
    assert d.hearing_notice and d.hearing
    html = head(plan, "听证通知书", plan.number.format(), label="案号") + (
        f"<p>{esc(plan.party.name)}：</p><p class='ind'>根据{you(plan)}的申请，关于{esc(plan.violation.cause)}一案，"
        f"本机关定于{iso_hm(d.hearing, (9, 30))}在{esc(plan.agency.address)}听证室公开举行听证会议，请准时参加。</p>"
        f"<table class='g'><tr><th>听证主持人</th><td>{esc(s.hearing_host)}</td><th>听证员</th><td>{esc(s.hearing_member)}</td>"
        f"<th>记录员</th><td>{esc(s.clerk)}</td></tr></table>"
        f"<p class='ind'>{you(plan)}如认为上述人员与本案有直接利害关系，有权申请回避。委托代理人参加的，应提交授权委托书。"
        "无正当理由不到场的，视为放弃听证权利。</p>"
        f"<p class='sign'>{esc(plan.agency.name)}<br>{cn_date(d.hearing_notice)}</p>"
    )
    return QDoc(
        "听证通知书",
        "听证通知书",
        html,
        seal=True,
        seal_anchor=cn_date(d.hearing_notice),
        stamp=iso(d.hearing_notice) + " 16:18:44",
    )


def hearing_record(plan: Plan) -> QDoc:
    d, s = plan.dates, plan.staff
    assert d.hearing
    who = plan.party.contact or plan.party.person
    assert who is not None
    o1, o2 = plan.officers[0], plan.officers[1]
    rows = (
        f"<tr><th>案件编号</th><td colspan='3'>{esc(plan.number.format())}</td></tr>"
        f"<tr><th>案件名称</th><td colspan='3'>{esc(plan.party.name)}{esc(plan.violation.cause)}案</td></tr>"
        f"<tr><th>听证时间</th><td colspan='3'>{iso_hm(d.hearing, (9, 30))} 至 {iso_hm(d.hearing, (11, 10))}</td></tr>"
        f"<tr><th>听证地点</th><td colspan='3'>{esc(plan.agency.address)}听证室</td></tr>"
        f"<tr><th>主持人</th><td>{esc(s.hearing_host)}</td><th>听证员</th><td>{esc(s.hearing_member)}</td></tr>"
        f"<tr><th>记录员</th><td colspan='3'>{esc(s.clerk)}</td></tr>"
        f"<tr><th>案件调查人员</th><td colspan='3'>{officer_cell(o1)}；{officer_cell(o2)}</td></tr>"
        f"<tr><th>当事人</th><td>{esc(plan.party.name)}</td><th>到场人员</th><td>{esc(who.name)}</td></tr>"
    )
    html = (
        head(plan, "听证笔录", "")
        + grid(rows, (16, 34, 16, 34))
        + (
            "<h2>听证记录</h2>"
            f"<p class='ind'>主持人宣布听证纪律，核对到场人员身份，告知当事人权利义务，当事人不申请回避。</p>"
            f"<p class='ind'>调查人员{esc(o1.name)}陈述：{esc(act(plan))}。违反了{esc(plan.violation.breach)}的规定，"
            f"依据{esc(plan.violation.basis)}，拟处罚款人民币{plan.proposed_fine}元。</p>"
            f"<p class='ind'>当事人陈述：对违法事实无异议，认为处罚偏重，请求从轻。</p>"
            "<p class='ind'>双方进行了质证和辩论，当事人作最后陈述。主持人宣布听证结束。</p>"
            f"<table class='plain'><tr><td>当事人签名：{esc(who.name)}</td><td>主持人：{esc(s.hearing_host)}</td>"
            f"<td>听证员：{esc(s.hearing_member)}</td><td>记录员：{esc(s.clerk)}</td></tr></table>"
            f"<p class='r'>{iso(d.hearing)}</p>"
        )
    )
    return QDoc("听证笔录", "听证笔录", html, stamp=iso(d.hearing) + " 11:25:36")


REVIEW_ITEMS = (
    "执法主体是否合法，执法人员是否具备执法资格",
    "执法程序是否合法",
    "案件事实是否清楚，证据是否合法充分",
    "适用法律是否准确，裁量基准运用是否适当",
    "执法是否超越法定权限",
    "执法文书是否完备、规范",
    "违法行为是否涉嫌犯罪、需要移送司法机关",
)


def legal_review(plan: Plan, rng: random.Random) -> QDoc:
    d, s = plan.dates, plan.staff
    assert d.legal_review
    title = rng.choice(("重大执法决定法制审核意见书", "法制审核意见书"))
    items = "".join(
        f"<tr><td>{i + 1}. {t}</td><td class='c'>{checks(['是', '否'], 1 if i == 6 else 0)}</td></tr>"
        for i, t in enumerate(REVIEW_ITEMS)
    )
    rows = (
        f"<tr><th colspan='2'>案件编号</th><td colspan='3'>{esc(plan.number.format())}</td></tr>"
        f"<tr><th colspan='2'>案由</th><td colspan='3'>{esc(plan.violation.cause)}案</td></tr>"
        + party_rows(plan, d.legal_review)
        + f"<tr><th colspan='2'>承办机构</th><td colspan='3'>{esc(plan.agency.unit)}</td></tr>"
        f"<tr><th colspan='2'>拟处理意见</th><td colspan='3'>依据{esc(plan.violation.basis)}，拟处罚款人民币{plan.fine}元。</td></tr>"
    )
    reviewer = (
        ""
        if plan.mut.get("p05") == "noreviewer"
        else f"<tr><th>审核人员</th><td>{esc(s.reviewer)}</td><th>法律职业资格证书编号</th><td>{esc(s.reviewer_cert)}</td></tr>"
    )
    html = (
        head(plan, title, "")
        + grid(rows)
        + f"<table class='g'><tr><th>审核事项</th><th width='22%'>审核情况</th></tr>{items}</table>"
        + "<table class='g'><colgroup><col width='16%'><col width='30%'><col width='22%'><col width='32%'></colgroup>"
        + "<tr><th>审核结论</th><td colspan='3'>同意。该案主体合法、事实清楚、证据确凿、程序合法、适用法律正确、"
        "裁量适当，同意承办机构的处理意见。</td></tr>"
        + reviewer
        + f"<tr><th>审核日期</th><td colspan='3'>{iso(d.legal_review)}</td></tr></table>"
    )
    return QDoc("法制审核意见", title, html, stamp=iso(d.legal_review) + " 17:02:15")


def discussion(plan: Plan) -> QDoc:
    d, s = plan.dates, plan.staff
    assert d.discussion
    people = "、".join(f"{n}（{t}）" for n, t in s.attendees)
    rows = (
        f"<tr><th>案件编号</th><td colspan='3'>{esc(plan.number.format())}</td></tr>"
        f"<tr><th>案件名称</th><td colspan='3'>{esc(plan.party.name)}{esc(plan.violation.cause)}案</td></tr>"
        f"<tr><th>讨论时间</th><td colspan='3'>{iso_hm(d.discussion, (14, 30))} 至 {iso_hm(d.discussion, (15, 40))}</td></tr>"
        f"<tr><th>地点</th><td colspan='3'>{esc(plan.agency.name)}第一会议室</td></tr>"
        f"<tr><th>主持人</th><td>{esc(s.head)}</td><th>汇报人</th><td>{esc(plan.officers[0].name)}</td></tr>"
        f"<tr><th>记录人</th><td colspan='3'>{esc(s.clerk)}</td></tr>"
        f"<tr><th>出席人员</th><td colspan='3'>{esc(people)}</td></tr>"
    )
    talk = "".join(
        f"<p class='ind'>{esc(n)}：案件事实清楚，证据充分，同意承办机构意见。</p>" for n, _ in s.attendees[1:]
    )
    conclusion = (
        ""
        if plan.mut.get("p06") == "noconclusion"
        else f"<h2>结论性意见</h2><p class='ind'>经集体讨论，一致同意对{esc(plan.party.name)}处以罚款人民币{plan.fine}元的"
        "行政处罚。</p>"
    )
    html = (
        head(plan, "重大案件集体讨论记录", "")
        + grid(rows, (16, 34, 16, 34))
        + f"<h2>讨论记录</h2><p class='ind'>{esc(plan.officers[0].name)}汇报案件调查情况及拟处理意见。</p>{talk}"
        + conclusion
        + f"<p>出席人员签名：{esc('、'.join(n for n, _ in s.attendees))}</p>"
    )
    return QDoc("重大案件集体讨论记录", "重大案件集体讨论记录", html, stamp=iso(d.discussion) + " 16:00:20")
