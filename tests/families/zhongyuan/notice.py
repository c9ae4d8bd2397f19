"""Between investigation and decision: 事先告知书, 陈述申辩, 放弃声明, 听证, 法制审核, 集体讨论."""

from __future__ import annotations

from .ctx import Ctx, Out


def _contact(c: Ctx) -> str:
    o = c.plan.officers[0]
    return f"联系人：{o.name}  联系电话：{c.a.phone}  地址：{c.a.address}（邮编：{c.a.postcode}）"


def notice(c: Ctx) -> Out:
    d, v, m, you = c.plan.dates, c.plan.violation, c.plan.mut, c.you()
    assert d.notice
    w = c.writer("违法行为通知书")
    title = "行政处罚事先告知书"
    if c.rng.random() < 0.3:
        w.title(["行政处罚", "事先告知书"], agency=c.a.name)  # title broken over two lines
    else:
        w.title([title], agency=c.a.name, spaced=c.rng.random() < 0.5)
    w.center(c.number, 12)
    w.line(f"{c.p.name}：", 12)
    basis = "" if m.get("notice_no_basis") else f"依据{v.basis}的规定，"
    w.para(
        f"本机关于{c.td(d.filing)}对{you}涉嫌{c.cause()}一案立案调查。经调查，{c.fact()}。"
        f"{you}的上述行为违反了{v.breach}的规定。{basis}本机关拟作出如下行政处罚：{c.money(c.plan.proposed_fine)}。"
    )
    w.para(
        f"根据《中华人民共和国行政处罚法》第四十五条的规定，{you}可在收到本告知书之日起五日内向本机关进行陈述和申辩，"
        "逾期未提出陈述、申辩的，视为放弃此权利。"
    )
    if c.plan.triggered and not m.get("notice_no_hearing"):
        if m.get("notice_3days"):
            w.para(
                f"根据《中华人民共和国行政处罚法》第四十二条的规定，{you}有要求举行听证的权利，可在收到本告知书之日起三日内提出听证申请。"
            )
        else:
            w.para(
                f"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{you}有要求举行听证的权利，"
                "可在收到本告知书之日起五日内向本机关提出听证申请，逾期未提出的，视为放弃听证权利。"
            )
    w.line(_contact(c), 10)
    w.gap(10)
    seal = None if m.get("s01") == "notice" else c.seal()
    w.sign(c.a.name, c.sd(d.notice), seal)
    w.line("（本告知书一式两份，一份交当事人，一份附卷）", 9)
    return w, "违法行为通知书", title


def statement(c: Ctx) -> Out:
    d = c.plan.dates
    assert d.statement
    who = c.p.contact
    assert who is not None
    lowered = c.plan.fine < c.plan.proposed_fine
    w = c.writer("陈述申辩笔录")
    w.title(["陈述申辩笔录"])
    w.right(f"案号：{c.number}", 10.5)
    w.boxes(
        [
            [("案由", f"{c.cause()}案", 0.6), ("当事人", c.p.name, 0.4)],
            [("时间", f"{c.bd(d.statement)} 09:30 至 10:10", 0.5), ("地点", c.a.station, 0.5)],
            [
                ("陈述申辩人", who.name, 0.3),
                ("身份证件号码", who.id_number, 0.45),
                ("联系电话", who.phone, 0.25),
            ],
        ]
    )
    w.line(c.officers_line(c.plan.officers), 11)
    w.line("陈述申辩内容：", bold=True)
    w.para("对告知书认定的违法事实没有异议，本次系初次违法，且已当场改正，请求从轻处罚。")
    w.line("复核意见：", bold=True)
    w.para(
        "经复核，当事人提出的理由部分成立，建议在裁量基准范围内从轻处罚。"
        if lowered
        else "经复核，当事人提出的理由不足以改变拟处罚意见，建议维持。"
    )
    w.line(f"陈述申辩人签名：{who.name}    {c.bd(d.statement)}", 11)
    w.line(f"执法人员签名：{c.plan.officers[0].name}  {c.plan.officers[1].name}    {c.bd(d.statement)}", 11)
    return w, "陈述申辩笔录", "陈述申辩笔录"


def waiver(c: Ctx) -> Out:
    d = c.plan.dates
    assert d.waiver
    hearing = c.plan.triggered
    title = "放弃陈述申辩（听证）声明" if hearing else "放弃陈述申辩声明"
    rights = "陈述、申辩和听证" if hearing else "陈述、申辩"
    me = "本人" if c.p.kind == "individual" else "本单位"
    w = c.writer("放弃陈述申辩（听证）声明")
    w.title([title])
    w.right(f"案号：{c.number}", 10.5)
    w.gap(10)
    w.para(
        f"{me}已收到{c.a.name}《行政处罚事先告知书》（{c.number}），对告知的违法事实、处罚依据和拟作出的处罚无异议，"
        f"知悉依法享有{rights}的权利。现{me}自愿放弃上述权利，请依法处理。"
    )
    w.gap(30)
    w.right(f"声明人：{c.p.name}", 12)
    w.right(f"日期：{c.bd(d.waiver)}", 12)
    return w, "放弃陈述申辩（听证）声明", title


def hearing_notice(c: Ctx) -> Out:
    d, s = c.plan.dates, c.plan.staff
    assert d.hearing_notice and d.hearing
    w = c.writer("听证通知书")
    w.title(["听证通知书"], agency=c.a.name)
    w.center(c.number, 12)
    w.line(f"{c.p.name}：", 12)
    w.para(
        f"根据{c.you()}的申请，本机关定于{c.td(d.hearing)}9时30分在{c.a.address}就{c.you()}涉嫌{c.cause()}一案"
        "公开举行听证会。"
    )
    w.para(
        f"听证主持人：{s.hearing_host}；听证员：{s.hearing_member}；记录员：{s.clerk}。"
        f"{c.you()}认为上述人员与本案有直接利害关系的，有权申请回避。"
    )
    w.para(
        "请携带身份证明及有关证据材料准时参加；委托代理人参加的，应当提交授权委托书。无正当理由不出席的，视为放弃听证权利。"
    )
    w.line(_contact(c), 10)
    w.sign(c.a.name, c.sd(d.hearing_notice), c.seal())
    return w, "听证通知书", "听证通知书"


def hearing_record(c: Ctx) -> Out:
    d, s = c.plan.dates, c.plan.staff
    assert d.hearing
    who = c.p.contact or c.p.person
    assert who is not None
    o1 = c.plan.officers[0]
    w = c.writer("听证笔录")
    w.title(["听证笔录"])
    w.right(f"案号：{c.number}", 10.5)
    w.boxes(
        [
            [("案件名称", f"{c.p.name}涉嫌{c.cause()}案", 1.0)],
            [("听证时间", f"{c.bd(d.hearing)} 09:30 至 11:00", 0.5), ("听证地点", c.a.address, 0.5)],
            [
                ("听证主持人", s.hearing_host, 0.34),
                ("听证员", s.hearing_member, 0.33),
                ("记录员", s.clerk, 0.33),
            ],
            [("当事人（代理人）", who.name, 0.4), ("身份证件号码", who.id_number, 0.6)],
        ]
    )
    w.line(c.officers_line(c.plan.officers), 11)
    w.line("听证记录：", bold=True)
    for line in (
        f"主持人：宣布听证纪律，核对参加人身份，告知当事人申请回避的权利。当事人{who.name}表示不申请回避。",
        f"案件调查人员{o1.name}：陈述违法事实、证据和拟处罚意见：{c.fact()}，拟{c.money(c.plan.proposed_fine)}。",
        f"{who.name}：对事实没有异议，但经营困难，请求减轻处罚。",
        f"案件调查人员{o1.name}：当事人的违法事实清楚，证据确凿，拟处罚在裁量基准范围内。",
        f"{who.name}：最后陈述，希望从轻处理，今后一定守法经营。",
        "主持人：听证结束。笔录交当事人核对无误后签名。",
    ):
        w.para(line, indent=False)
    w.line(
        f"当事人签名：{who.name}    主持人：{s.hearing_host}    听证员：{s.hearing_member}    记录员：{s.clerk}",
        10.5,
    )
    return w, "听证笔录", "听证笔录"


def legal_review(c: Ctx) -> Out:
    d, s = c.plan.dates, c.plan.staff
    assert d.legal_review
    w = c.writer("法制审核意见")
    title = "重大行政执法决定法制审核表"
    w.title([title], agency=c.a.name)
    w.right(f"案号：{c.number}", 10.5)
    w.boxes(
        [
            [("案由", f"{c.cause()}案", 0.6), ("当事人", c.p.name, 0.4)],
            [
                ("承办机构", c.a.unit, 0.6),
                ("承办人员", f"{c.plan.officers[0].name}、{c.plan.officers[1].name}", 0.4),
            ],
            [("基本违法事实", c.fact() + "。", 1.0)],
            [("拟处理意见", f"给予{c.money(c.plan.fine)}的行政处罚", 1.0)],
        ]
    )
    items = (
        "执法主体是否合法", "执法人员是否具备执法资格", "执法程序是否合法", "事实是否清楚、证据是否合法充分",
        "适用法律是否准确、裁量基准运用是否适当", "是否超越法定权限", "执法文书是否完备、规范",
        "当事人陈述申辩、听证权利是否保障", "是否涉嫌犯罪需要移送司法机关",
    )  # fmt: skip
    rows = [("审核事项", "结果")] + [
        (f"{i + 1}. {x}", "否" if i in (5, 8) else "是") for i, x in enumerate(items)
    ]
    w.grid((0.8, 0.2), rows, size=10, min_h=19)
    who = (
        ""
        if c.plan.mut.get("p05") == "noreviewer"
        else f"审核人员：{s.reviewer}（法律职业资格证书编号：{s.reviewer_cert}）  "
    )
    w.boxes(
        [
            [
                (
                    "审核结论",
                    "经审核，本案事实清楚，证据确凿，程序合法，适用法律正确，处罚适当。同意承办机构意见。",
                    1.0,
                )
            ],
            [("法制审核机构意见", f"{who}{c.bd(d.legal_review)}", 1.0)],
        ]
    )
    return w, "法制审核意见", title


def discussion(c: Ctx) -> Out:
    d, s = c.plan.dates, c.plan.staff
    assert d.discussion
    w = c.writer("重大案件集体讨论记录")
    title = "重大行政处罚案件集体讨论笔录"
    w.title([title], agency=c.a.name)
    w.right(f"案号：{c.number}", 10.5)
    chair = s.attendees[0][0]
    w.boxes(
        [
            [("案件名称", f"{c.p.name}涉嫌{c.cause()}案", 1.0)],
            [("讨论时间", f"{c.bd(d.discussion)} 15:00 至 16:00", 0.5), ("地点", f"{c.a.name}会议室", 0.5)],
            [("主持人", chair, 0.34), ("汇报人", c.plan.officers[0].name, 0.33), ("记录人", s.clerk, 0.33)],
            [("出席人员", "、".join(f"{n}（{p}）" for n, p in s.attendees), 1.0)],
        ]
    )
    w.line("讨论记录：", bold=True)
    w.para(f"{c.plan.officers[0].name}汇报案件调查情况、证据及拟处罚意见。", indent=False)
    for name, post in s.attendees[1:]:
        w.para(f"{name}（{post}）：本案事实清楚，证据充分，程序合法，同意拟处罚意见。", indent=False)
    if c.plan.mut.get("p06") != "noconclusion":
        w.line("结论性意见：", bold=True)
        w.para(f"经集体讨论，一致同意对{c.p.name}{c.money(c.plan.fine)}。")
    w.line("出席人员签名：" + "  ".join(n for n, _ in s.attendees), 11)
    return w, "重大案件集体讨论记录", title
