"""Between investigation and decision: 调查终结报告, 事先告知书, 陈述申辩, 放弃声明, 听证, 法制审核, 集体讨论."""

from __future__ import annotations

from families.lingnan import fmt
from families.lingnan.canvas import L, Sheet, V
from families.lingnan.common import COPIES, Case, Out


def report(c: Case, sh: Sheet) -> Out:
    key, d, v = "案件调查报告", c.d, c.plan.violation
    assert d.report
    title = "案件调查终结报告"
    c.start(sh, key, d.report)
    c.head(sh, title)
    st, o = c.plan.staff, c.plan.officers
    rows = c.kv_rows(("案号|案由", f"{c.number(key)}|{c.cause()}"))
    rows += c.officer_grid(list(o[:2]), "调查人员")
    rows += c.party_grid(key)
    rows += c.kv_rows(
        (
            "调查经过",
            f"{fmt.d0(d.filing)}立案后，调查人员依法制作笔录{len(c.plan.inquiries)}份，调取书证、照片等证据。",
        ),
        ("违法事实", c.fact(v.act, key) + "。"),
    )
    ev = [q.type for q in c.plan.inquiries] + list(c.plan.evidence)
    rows.append([L("证据清单", 0.18, rows=len(ev) + 1), L("序号", 0.1), L("证据名称", 0.5), L("页数", 0.22)])
    for i, e in enumerate(ev):
        rows.append([V(str(i + 1), 0.1, "center"), V(e, 0.5), V("1", 0.22, "center")])
    rows += c.kv_rows(
        (
            "处理意见",
            f"当事人的行为违反了{v.breach}的规定，事实清楚，证据确凿。依据{v.basis}的规定，建议给予"
            f"罚款{c.money(c.plan.proposed_fine)}的行政处罚。\n调查人员：{o[0].name}、{o[1].name}    {fmt.d0(d.report)}",
        ),
        ("承办机构意见", f"同意调查人员意见。\n负责人：{st.unit_head}    {fmt.d0(d.report)}"),
        ("法制机构意见", "按规定提交法制审核。" if c.plan.triggered else "/"),
        ("机关负责人意见", f"同意，按程序告知当事人。\n签名：{st.head}    {fmt.d0(d.report)}"),
    )
    sh.grid(rows, min_h=25)
    return c.done(sh, key, title, d.report)


def notice(c: Case, sh: Sheet) -> Out:
    key, d, v, m = "违法行为通知书", c.d, c.plan.violation, c.plan.mut
    assert d.notice
    title = c.rng.choice(("行政处罚事先告知书", "行政处罚事先告知书", "违法行为通知书"))
    you = c.you()
    c.start(sh, key, d.notice)
    c.head(sh, title, c.number(key))
    sh.grid(c.party_grid(key), size=10, min_h=22)
    sh.gap(8)
    sh.line(f"{c.name(key)}：", 12)
    sh.para(f"经查，{c.fact(v.act, key)}。")
    basis = "" if m.get("notice_no_basis") else f"依据{v.basis}的规定，"
    sh.para(
        f"{you}的上述行为违反了{v.breach}的规定，{basis}本机关拟对{you}作出如下行政处罚：罚款"
        f"{c.money(c.plan.proposed_fine)}。"
    )
    sh.para(
        f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{you}有权进行陈述和申辩。请于收到本告知书之日起"
        "五日内向本机关提出，逾期未提出的，视为放弃此权利。"
    )
    if c.plan.triggered and not m.get("notice_no_hearing"):
        days = "三日" if m.get("notice_3days") else "五日"
        sh.para(
            f"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{you}有权要求举行听证。要求听证的，"
            f"请于收到本告知书之日起{days}内向本机关提出，逾期未提出的，视为放弃听证权利。"
        )
    sh.para(f"执法机构地址：{c.a.address}    邮政编码：{c.a.postcode}", indent=0)
    sh.para(f"联系人：{c.plan.officers[0].name}    联系电话：{c.a.phone}", indent=0)
    c.sign(sh, d.notice, seal=m.get("s01") != "notice")
    sh.line(COPIES, 9)
    return c.done(sh, key, title, d.notice)


def _person_rows(c: Case, label: str) -> list:
    who = c.p.contact
    assert who is not None
    return [
        [L(label, 0.14, rows=2), L("姓名", 0.12), V(who.name, 0.2), L("联系电话", 0.12), V(who.phone, 0.42)],
        [
            L("身份证件号码", 0.12),
            V(who.id_number, 0.3),
            L("与当事人关系", 0.12),
            V(c.p.contact_role or "本人", 0.32),
        ],
    ]


def statement(c: Case, sh: Sheet) -> Out:
    key, d = "陈述申辩笔录", c.d
    assert d.statement
    c.start(sh, key, d.statement)
    c.head(sh, key, agency=False)
    start = c.hm()
    rows = c.kv_rows(
        ("案号|案由", f"{c.number(key)}|{c.cause()}"),
        ("时间", fmt.span0(d.statement, start, (start[0] + 1, start[1]))),
        ("地点", c.a.station),
    )
    rows += c.officer_grid(list(c.plan.officers[:2]))
    rows += _person_rows(c, "陈述申辩人")
    sh.grid(rows, size=10, min_h=23)
    sh.gap(8)
    lowered = c.plan.fine < c.plan.proposed_fine
    sh.line("陈述申辩内容：", 11.5, bold=True)
    sh.para(
        "对告知书认定的违法事实无异议。"
        + c.rng.choice(("本人系初次违法，", "车辆已停运整改，", "经营困难，"))
        + "请求从轻处罚。"
    )
    sh.line("复核意见：", 11.5, bold=True)
    sh.para(
        "经复核，陈述申辩理由"
        + ("部分成立，拟在裁量幅度内从轻处罚。" if lowered else "不能成立，维持拟处罚意见。")
    )
    who = c.p.contact.name if c.p.contact else c.p.name
    sh.gap(8)
    sh.line(f"陈述申辩人签名：{who}        {fmt.d0(d.statement)}", 11)
    sh.line(
        f"执法人员签名：{c.plan.officers[0].name}、{c.plan.officers[1].name}        {fmt.d0(d.statement)}", 11
    )
    return c.done(sh, key, key, d.statement)


def waiver(c: Case, sh: Sheet) -> Out:
    key, d = "放弃陈述申辩（听证）声明", c.d
    assert d.waiver
    hearing = c.plan.triggered
    title = "放弃陈述申辩和听证权利声明书" if hearing else "放弃陈述申辩权利声明书"
    c.start(sh, key, d.waiver)
    c.head(sh, title, agency=False)
    rights = "陈述、申辩和听证" if hearing else "陈述、申辩"
    me = "本人" if c.p.kind == "individual" else "本单位"
    sh.gap(20)
    sh.para(
        f"{me}已于{fmt.d0(d.notice_service or d.waiver)}收到{c.a.name}送达的《行政处罚事先告知书》（{c.number(key)}），"
        f"对告知的违法事实、处罚理由、依据和拟作出的处罚没有异议。{me}清楚享有{rights}的权利，现自愿放弃上述权利。",
        12,
    )
    sh.gap(30)
    sh.line(f"声明人：{c.name(key)}", 12, "right")
    sh.line(fmt.d0(d.waiver), 12, "right")
    return c.done(sh, key, title, d.waiver)


def hearing_notice(c: Case, sh: Sheet) -> Out:
    key, d, st = "听证通知书", c.d, c.plan.staff
    assert d.hearing and d.hearing_notice
    c.start(sh, key, d.hearing_notice)
    c.head(sh, key, c.number(key))
    sh.line(f"{c.name(key)}：", 12)
    sh.para(
        f"根据{c.you()}提出的听证申请，本机关定于{fmt.dt0(d.hearing, (9, 30))}在{c.a.station}听证室对{c.cause()}一案"
        "举行听证，请准时参加。"
    )
    sh.grid(
        c.kv_rows(
            ("听证主持人|听证员", f"{st.hearing_host}|{st.hearing_member}"),
            ("记录员|是否公开", f"{st.clerk}|公开"),
        ),
        min_h=24,
    )
    sh.gap(6)
    sh.para(f"{c.you()}认为主持人、听证员或者记录员与本案有直接利害关系的，有权申请回避。")
    sh.para(
        "参加听证时请携带身份证明及有关证据；委托代理人参加的，须提交授权委托书。无正当理由不到场的，视为放弃听证。"
    )
    sh.para(f"联系人：{c.plan.officers[0].name}    联系电话：{c.a.phone}", indent=0)
    c.sign(sh, d.hearing_notice, seal=True)
    sh.line(COPIES, 9)
    return c.done(sh, key, key, d.hearing_notice)


def hearing_record(c: Case, sh: Sheet) -> Out:
    key, d, st = "听证笔录", c.d, c.plan.staff
    assert d.hearing
    c.start(sh, key, d.hearing)
    c.head(sh, key, agency=False)
    rows = c.kv_rows(
        ("案号|案由", f"{c.number(key)}|{c.cause()}"),
        ("听证时间", fmt.span0(d.hearing, (9, 30), (11, 10))),
        ("听证地点|是否公开", f"{c.a.station}听证室|公开"),
        ("主持人|听证员", f"{st.hearing_host}|{st.hearing_member}"),
        ("记录员|当事人", f"{st.clerk}|{c.name(key)}"),
    )
    rows += c.officer_grid(list(c.plan.officers[:2]), "案件调查人员")
    rows += _person_rows(c, "到场人")
    sh.grid(rows, size=10, min_h=23)
    sh.gap(8)
    who = c.p.contact.name if c.p.contact else c.p.name
    lines = [
        f"主持人：宣布听证开始，核对到场人员身份，宣读听证纪律，告知权利义务。{who}，是否申请回避？",
        f"{who}：不申请回避。",
        f"调查人员{c.plan.officers[0].name}：{c.fact(c.plan.violation.act, key)}。拟给予罚款"
        f"{c.money(c.plan.proposed_fine)}的行政处罚。",
        f"{who}：事实没有异议，请求考虑实际情况从轻处理。",
        "主持人：出示证据并进行质证。",
        f"{who}：对证据没有异议。",
        f"主持人：请当事人作最后陈述。{who}：希望从轻处罚，今后守法经营。",
        "主持人：听证结束，笔录交当事人核对签名。",
    ]
    for ln in lines:
        sh.para(ln, 11, indent=0, lh=1.7)
    sh.gap(8)
    sh.line(f"当事人（到场人）签名：{who}        {fmt.d0(d.hearing)}", 11)
    sh.line(f"主持人：{st.hearing_host}    听证员：{st.hearing_member}    记录员：{st.clerk}", 11)
    return c.done(sh, key, key, d.hearing)


REVIEW_ITEMS = (
    ("执法主体是否合法", "是"),
    ("执法人员是否具备执法资格", "是"),
    ("是否超越本机关职权范围", "否"),
    ("案件事实是否清楚，证据是否确实充分", "是"),
    ("适用法律、法规、规章是否准确", "是"),
    ("裁量是否适当", "是"),
    ("程序是否合法", "是"),
    ("是否涉嫌犯罪需移送司法机关", "否"),
)


def legal_review(c: Case, sh: Sheet) -> Out:
    key, d, st = "法制审核意见", c.d, c.plan.staff
    assert d.legal_review
    title = "重大行政执法决定法制审核意见书"
    c.start(sh, key, d.legal_review)
    c.head(sh, title)
    rows = c.kv_rows(
        ("案号|案由", f"{c.number(key)}|{c.cause()}"),
        ("当事人", c.name(key)),
        ("承办机构|承办人", f"{c.a.unit}|{c.plan.officers[0].name}、{c.plan.officers[1].name}"),
        ("拟处理决定", f"罚款{c.money(c.plan.fine)}"),
    )
    rows.append(
        [
            L("审核事项", 0.18, rows=len(REVIEW_ITEMS)),
            V(REVIEW_ITEMS[0][0], 0.64),
            V(REVIEW_ITEMS[0][1], 0.18, "center"),
        ]
    )
    rows += [[V(t, 0.64), V(a, 0.18, "center")] for t, a in REVIEW_ITEMS[1:]]
    reviewer = "" if c.plan.mut.get("p05") == "noreviewer" else st.reviewer
    cert = "" if not reviewer else st.reviewer_cert
    rows += c.kv_rows(
        (
            "审核意见",
            "经审核，本案事实清楚、证据确凿、定性准确、适用依据正确、程序合法、裁量适当，同意承办机构的处理意见。",
        ),
        ("审核人员|法律职业资格证号", f"{reviewer}|{cert}"),
        ("审核日期", fmt.d0(d.legal_review)),
    )
    sh.grid(rows, min_h=24)
    return c.done(sh, key, title, d.legal_review)


def discussion(c: Case, sh: Sheet) -> Out:
    key, d, st = "重大案件集体讨论记录", c.d, c.plan.staff
    assert d.discussion
    c.start(sh, key, d.discussion)
    c.head(sh, key, agency=True)
    rows = c.kv_rows(
        ("案号|案由", f"{c.number(key)}|{c.cause()}"),
        ("当事人", c.name(key)),
        ("讨论时间", fmt.span0(d.discussion, (14, 30), (15, 40))),
        ("讨论地点", f"{c.a.name}会议室"),
        ("主持人|记录人", f"{st.head}|{st.clerk}"),
        ("汇报人", c.plan.officers[0].name),
        ("参加人员", "、".join(f"{n}（{t}）" for n, t in st.attendees)),
    )
    sh.grid(rows, min_h=24)
    sh.gap(8)
    sh.line("讨论内容：", 11.5, bold=True)
    sh.para(f"{c.plan.officers[0].name}汇报案件调查情况、证据、法制审核意见及拟处罚意见。", 11)
    for n, t in st.attendees[1:]:
        sh.para(
            f"{n}（{t}）："
            + c.rng.choice(("事实清楚，证据充分，同意。", "程序合法，裁量适当，同意拟处罚意见。")),
            11,
        )
    if c.plan.mut.get("p06") != "noconclusion":
        sh.line("结论性意见：", 11.5, bold=True)
        sh.para(f"经集体讨论决定：对{c.name(key)}给予罚款{c.money(c.plan.fine)}的行政处罚。", 11)
    sh.gap(8)
    sh.line("参加人员签名：" + "、".join(n for n, _ in st.attendees), 11)
    sh.line(f"日期：{fmt.d0(d.discussion)}", 11)
    return c.done(sh, key, key, d.discussion)
