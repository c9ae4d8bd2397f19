"""告知 and the steps between it and the decision: notice, statement, waiver, hearing, review, discussion."""

from __future__ import annotations

from families.bashu.draw import Book
from families.bashu.investigation import head
from families.bashu.words import COPIES, Words, cn, hm

KEY = "违法行为通知书"


def notice(b: Book, w: Words) -> str:
    d, m, you = w.d, w.mut, w.you()
    assert d.notice
    title = w.pick("违法行为通知书", "违法行为通知书", "行政处罚告知书")
    s = head(b, w, KEY, title)
    s.line(f"{w.name(KEY)}：", 12, fill=True)
    basis = "" if m.get("notice_no_basis") else f"依据{w.v.basis}的规定，"
    s.para(
        f"经调查，{w.facts(KEY)}。{you}的上述行为违反了{w.v.breach}的规定，{basis}本机关拟对{you}"
        f"作出{w.fine(w.plan.proposed_fine)}的行政处罚。"
    )
    s.line("告知事项：", 11.5, bold=True)
    s.para(
        f"一、依照《中华人民共和国行政处罚法》第四十四条、第四十五条，{you}有权进行陈述和申辩。请于收到本通知书之日起"
        "五日内向本机关提出，逾期未提出的，视为放弃此权利。"
    )
    if w.plan.triggered and not m.get("notice_no_hearing"):
        if m.get("notice_3days"):
            s.para(
                f"二、依照《中华人民共和国行政处罚法》第四十二条，{you}有要求举行听证的权利，请于收到本通知书之日起三日内"
                "提出申请，逾期不提出的，视为放弃听证。"
            )
        else:
            s.para(
                f"二、依照《中华人民共和国行政处罚法》第六十三条、第六十四条，{you}有要求举行听证的权利，请于收到本通知书"
                "之日起五日内提出申请，逾期不提出的，视为放弃听证。"
            )
    s.gap(4)
    s.blanks([("本机关地址", w.a.address, 230), ("邮编", w.a.postcode, 60)])
    s.blanks([("联系人", w.plan.officers[0].name, 70), ("电话", w.a.phone, 110)])
    s.signoff(w.a.name, cn(d.notice), seal=m.get("s01") != "notice")
    s.line(COPIES, 9)
    s.finish()
    return title


def statement(b: Book, w: Words) -> None:
    d = w.d
    assert d.statement
    s = head(b, w, "陈述申辩笔录", "陈述申辩笔录")
    who = w.p.contact
    assert who is not None
    t = (w.rng.randint(9, 15), w.rng.choice((0, 15, 30, 45)))
    s.blanks([("时间", f"{cn(d.statement)}{hm(t)}至{hm((t[0] + 1, t[1]))}", 250)])
    s.blanks([("地点", w.a.station, 300)])
    s.blanks([("执法人员及证号", w.officers_line(), 320)])
    s.blanks([("陈述申辩人", who.name, 80), ("身份证号码", who.id_number, 170)])
    lowered = w.plan.fine < w.plan.proposed_fine
    s.para(
        f"陈述申辩人：违法事实我认可，但{w.pick('本人是初次违法', '家里确有困难', '已经改正')}，请求从轻处理。"
    )
    s.para(
        "执法人员意见："
        + ("所提理由成立，可在裁量幅度内从轻。" if lowered else "所提理由不足以改变处罚意见，维持原拟处罚。")
    )
    s.blanks([("陈述申辩人签名", who.name, 80), ("日期", cn(d.statement), 110)])
    s.blanks(
        [
            ("执法人员签名", f"{w.plan.officers[0].name} {w.plan.officers[1].name}", 110),
            ("日期", cn(d.statement), 110),
        ]
    )
    s.finish()


def waiver(b: Book, w: Words, notice_title: str) -> None:
    d = w.d
    assert d.waiver
    rights = "陈述、申辩和听证" if w.plan.triggered else "陈述、申辩"
    title = "放弃陈述申辩（听证）声明" if w.plan.triggered else w.pick("放弃陈述申辩声明", "放弃陈述申辩书")
    s = head(b, w, "放弃陈述申辩（听证）声明", title)
    me = "本人" if w.p.kind == "individual" else "本单位"
    s.gap(10)
    s.para(
        f"{me}已收到{w.a.name}《{notice_title}》（{w.number(s.key)}），清楚享有{rights}的权利。现{me}自愿放弃上述权利，"
        "请依法处理。"
    )
    s.gap(30)
    s.blanks([("声明人", w.name(s.key), 150)])
    s.blanks([("日期", cn(d.waiver), 150)])
    s.finish()


def hearing_notice(b: Book, w: Words) -> str:
    d, st = w.d, w.plan.staff
    assert d.hearing and d.hearing_notice
    s = head(b, w, "听证通知书", "听证通知书")
    s.line(f"{w.name(s.key)}：", 12, fill=True)
    s.para(
        f"根据{w.you()}的申请，本机关定于{cn(d.hearing)}9时30分在{w.a.station}听证室对{w.name(s.key)}涉嫌{w.v.cause}一案"
        f"{w.pick('公开', '公开', '不公开')}举行听证。"
    )
    s.para(
        f"听证主持人：{st.hearing_host}；听证员：{st.hearing_member}；记录员：{st.clerk}。{w.you()}认为上述人员与本案有直接"
        "利害关系的，有权申请回避。"
    )
    s.para(
        "请携带身份证明及相关证据准时参加；委托代理人的，应提交授权委托书；无正当理由不到场的，视为放弃听证。"
    )
    s.blanks([("联系人", w.plan.officers[0].name, 70), ("电话", w.a.phone, 110)])
    s.signoff(w.a.name, cn(d.hearing_notice))
    s.line(COPIES, 9)
    s.finish()
    return "听证通知书"


def hearing_record(b: Book, w: Words) -> None:
    d, st = w.d, w.plan.staff
    assert d.hearing
    who = w.p.contact
    assert who is not None
    s = head(b, w, "听证笔录", "听证笔录")
    s.blanks([("案件名称", f"{w.name(s.key)}涉嫌{w.v.cause}案", 330)])
    s.blanks([("听证时间", f"{cn(d.hearing)}9时30分至11时05分", 230)])
    s.blanks([("听证地点", w.a.station + "听证室", 300)])
    s.blanks([("主持人", st.hearing_host, 60), ("听证员", st.hearing_member, 60), ("记录员", st.clerk, 60)])
    s.blanks([("案件调查人员及证号", w.officers_line(), 300)])
    s.blanks([("当事人", w.name(s.key), 150), ("到场人", who.name, 70)])
    o = w.plan.officers[0].name
    lines = [
        "主持人：宣布听证纪律，核对到场人员身份，告知权利义务。是否申请回避？",
        f"{who.name}：不申请。",
        f"调查人员{o}：{w.facts(s.key)}。拟{w.fine(w.plan.proposed_fine)}。",
        f"{who.name}：事实没有意见，请求考虑实际情况从轻。",
        "主持人：对证据有无异议？",
        f"{who.name}：没有。",
        "主持人：听证结束，请核对笔录后签名。",
    ]
    for x in lines:
        s.para(x)
    s.blanks([("当事人签名", who.name, 80), ("日期", cn(d.hearing), 110)])
    s.blanks([("主持人", st.hearing_host, 60), ("听证员", st.hearing_member, 60), ("记录员", st.clerk, 60)])
    s.footer = f"当事人签名：{who.name}"
    s.finish()


def legal_review(b: Book, w: Words) -> None:
    d, st = w.d, w.plan.staff
    assert d.legal_review
    s = head(b, w, "法制审核意见", w.pick("重大行政处罚法制审核意见书", "法制审核意见书"))
    items = [
        "是否属于本机关管辖",
        "执法人员是否具有执法资格",
        "违法事实是否清楚，证据是否充分",
        "适用依据是否准确，裁量是否适当",
        "程序是否合法",
        "是否涉嫌犯罪需移送",
    ]
    rows = [
        [("案由", 0.2), (w.v.cause, 0.8, True)],
        [("当事人", 0.2), (w.name(s.key), 0.8, True)],
        [("承办人员", 0.2), (f"{w.plan.officers[0].name}、{w.plan.officers[1].name}", 0.8, True)],
        [("拟处理意见", 0.2), (f"{w.fine(w.plan.fine)}", 0.8, True)],
    ]
    rows += [
        [(f"{i + 1}.{x}", 0.7, False, "left"), ("否" if i == 5 else "是", 0.3, True, "center")]
        for i, x in enumerate(items)
    ]
    who = "" if w.mut.get("p05") == "noreviewer" else f"{st.reviewer}（法律职业资格证号{st.reviewer_cert}）"
    rows += [
        [("审核结论", 0.2), ("事实清楚，证据充分，程序合法，适用依据正确，同意拟处理意见。", 0.8, True)],
        [("审核人员", 0.2), (who, 0.8, True)],
        [("审核日期", 0.2), (cn(d.legal_review), 0.8, True)],
    ]
    s.table(rows, 10.5, min_h=26)
    s.finish()


def discussion(b: Book, w: Words) -> None:
    d, st = w.d, w.plan.staff
    assert d.discussion
    s = head(b, w, "重大案件集体讨论记录", w.pick("重大案件集体讨论记录", "集体讨论记录"))
    s.blanks([("案件名称", f"{w.name(s.key)}涉嫌{w.v.cause}案", 330)])
    s.blanks([("讨论时间", f"{cn(d.discussion)}15时00分至16时10分", 240)])
    s.blanks([("地点", f"{w.a.name}会议室", 200)])
    s.blanks([("主持人", st.head, 60), ("汇报人", w.plan.officers[0].name, 60), ("记录人", st.clerk, 60)])
    s.blanks([("出席人员", "、".join(f"{n}（{t}）" for n, t in st.attendees), 330)])
    s.line("讨论情况：", 11.5, bold=True)
    s.para(f"{w.plan.officers[0].name}汇报案情、证据和拟处理意见。")
    for n, _ in st.attendees[1:]:
        s.para(f"{n}：{w.pick('事实清楚，同意。', '程序合法，裁量适当，同意。', '同意承办意见。')}")
    if w.mut.get("p06") != "noconclusion":
        s.line("结论性意见：", 11.5, bold=True)
        s.para(f"经集体讨论决定，对{w.name(s.key)}{w.fine(w.plan.fine)}。")
    s.blanks([("出席人员签名", " ".join(n for n, _ in st.attendees), 300)])
    s.finish()
