"""From the end of the investigation to the hearing: 调查终结报告, 告知书, 陈述申辩, 放弃声明, 听证."""

from __future__ import annotations

from families.haixi.base import COPIES, Made, done, form_flow, kv, letter_flow, number_line, party_block
from families.haixi.canvas import GREY, Book, Cell
from families.haixi.fmt import Case, d_form, d_pad, span

LAW = "《中华人民共和国行政处罚法》"


def report(case: Case, book: Book) -> Made:
    d, v, key = case.d, case.plan.violation, "案件调查报告"
    assert d.report
    title = "案件调查终结报告"
    flow = form_flow(book, case, key)
    flow.title(title, 18)
    flow.text(f"案件编号：{case.num(key)}", 11, align="right", lead=1.5)
    flow.grid(kv(("案由", f"涉嫌{case.cause()}"), ("调查人员", _officers(case)), lw=0.16))
    party_block(flow, case, key)
    flow.gap(8)
    flow.text("一、调查经过", 12, bold=True)
    flow.para(
        f"本案于{d_pad(d.filing)}立案。执法人员依法制作了{len(case.plan.inquiries)}份笔录，"
        f"收集了{'、'.join(case.plan.evidence) or '相关书证'}等证据，现调查终结。"
    )
    flow.text("二、违法事实及证据", 12, bold=True)
    flow.para(f"经调查，{case.act(key)}。")
    flow.para("上述事实有以下证据证实：" + "；".join(case.evidence_list()) + "。")
    flow.text("三、调查结论和处理建议", 12, bold=True)
    flow.para(
        f"当事人的上述行为违反了{v.breach}的规定，违法事实清楚，证据确实充分。依据{v.basis}的规定，"
        f"建议给予当事人{case.money(case.plan.proposed_fine)}的行政处罚。"
        + ("本案拟处罚款数额较大，提请法制审核并集体讨论。" if case.plan.triggered else "")
    )
    flow.text(f"承办人：{case.o1.name}  {case.o2.name}          {d_form(d.report)}", 12, align="right")
    flow.gap(6)
    flow.grid(
        [
            [
                Cell("承办机构\n负责人意见", 0.18, True),
                Cell(f"同意调查结论。\n签名：{case.st.unit_head}    {d_form(d.report)}", 0.82),
            ],
            [
                Cell("负责人\n审批意见", 0.18, True),
                Cell(f"同意，按程序告知当事人。\n签名：{case.st.head}    {d_form(d.report)}", 0.82),
            ],
        ],
        min_h=34,
    )
    return done(flow, key, title, d.report)


def _officers(case: Case) -> str:
    return f"{case.o1.name}（{case.o1.certificate}）  {case.o2.name}（{case.o2.certificate}）"


def notice(case: Case, book: Book) -> Made:
    d, v, m, key = case.d, case.plan.violation, case.mut, "违法行为通知书"
    assert d.notice
    you = case.you()
    title = case.rng.choice(("行政处罚告知书", "行政处罚告知书", "违法行为通知书"))
    flow = letter_flow(book, case)
    flow.title(title)
    number_line(flow, case.num(key))
    flow.text(f"{case.name(key)}：", 13)
    basis = "" if m.get("notice_no_basis") else f"依据{v.basis}的规定，"
    flow.para(f"本机关于{d_pad(d.filing)}对{you}涉嫌{case.cause()}一案立案调查。经查，{case.act(key)}。", 13)
    flow.para(
        f"{you}的上述行为违反了{v.breach}的规定。{basis}本机关拟对{you}作出{case.money(case.plan.proposed_fine)}"
        "的行政处罚。",
        13,
    )
    flow.para(
        f"根据{LAW}第四十四条、第四十五条的规定，{you}享有陈述、申辩的权利。{you}可以自收到本告知书之日起五日内"
        "向本机关提出陈述、申辩意见；逾期未提出的，视为放弃陈述、申辩的权利。",
        13,
    )
    if case.plan.triggered and not m.get("notice_no_hearing"):
        if m.get("notice_3days"):
            flow.para(
                f"根据{LAW}第四十二条的规定，{you}有权要求举行听证。要求听证的，应当在收到本告知书之日起三日内提出，"
                "逾期视为放弃听证权利。",
                13,
            )
        else:
            flow.para(
                f"根据{LAW}第六十三条、第六十四条的规定，{you}有权要求举行听证。要求听证的，应当在收到本告知书之日起"
                "五日内提出，逾期视为放弃听证权利。",
                13,
            )
    flow.gap(4)
    flow.grid(
        kv(
            ("联 系 人|联系电话", f"{case.o1.name}|{case.a.phone}"),
            ("联系地址|邮政编码", f"{case.a.address}|{case.a.postcode}"),
            lw=0.16,
        ),
        11,
    )
    flow.sign(case.a.name, d_form(d.notice), seal=m.get("s01") != "notice", size=13.5)
    flow.text(COPIES, 9.5, color=GREY)
    return done(flow, key, title, d.notice)


def statement(case: Case, book: Book) -> Made:
    d, key = case.d, "陈述申辩笔录"
    assert d.statement
    who = case.p.contact
    assert who is not None
    flow = form_flow(book, case, key, signer=f"陈述申辩人签名：{who.name}")
    flow.title("陈述申辩笔录", spaced=True)
    flow.text(f"案件编号：{case.num(key)}", 11, align="right", lead=1.5)
    start = (case.rng.randint(9, 15), case.rng.choice((0, 15, 30, 45)))
    flow.grid(
        [
            [Cell("时间", 0.16, True), Cell(span(d.statement, start, (start[0] + 1, start[1])), 0.84)],
            [Cell("地点", 0.16, True), Cell(case.a.station + "办公室", 0.84)],
            [Cell("当事人", 0.16, True), Cell(case.name(key), 0.84)],
            [
                Cell("陈述申辩人", 0.16, True),
                Cell(who.name, 0.22),
                Cell("证件号码", 0.16, True),
                Cell(who.id_number, 0.46),
            ],
            [
                Cell("联系方式", 0.16, True),
                Cell(who.phone, 0.22),
                Cell("与当事人关系", 0.16, True),
                Cell("本人" if who.name == case.p.name else case.p.contact_role or "委托代理人", 0.46),
            ],
            [Cell("承办人员", 0.16, True), Cell(_officers(case), 0.84)],
            [Cell("记录人", 0.16, True), Cell(case.o2.name, 0.84)],
        ],
        10.5,
    )
    flow.gap(6)
    lowered = case.plan.fine < case.plan.proposed_fine
    reason = case.rng.choice(("系初次违法，已认识到错误", "家庭经济困难", "违法行为已当场改正"))
    flow.text("陈述申辩内容：", 12, bold=True)
    flow.para(f"对告知书认定的违法事实无异议，但本人{reason}，请求从轻处罚。", 12)
    flow.text("承办人员复核意见：", 12, bold=True)
    flow.para(
        "经复核，陈述申辩人提出的情况属实，符合从轻情形，建议在裁量幅度内从轻处罚。"
        if lowered
        else "经复核，陈述申辩人提出的理由不足以减轻处罚，建议维持拟处罚意见。",
        12,
    )
    flow.gap(8)
    flow.text(f"陈述申辩人签名：{who.name}        {d_form(d.statement)}", 12)
    flow.text(f"承办人员签名：{case.o1.name}  {case.o2.name}        {d_form(d.statement)}", 12)
    return done(flow, key, "陈述申辩笔录", d.statement)


def waiver(case: Case, book: Book, notice_title: str) -> Made:
    d, key = case.d, "放弃陈述申辩（听证）声明"
    assert d.waiver
    hearing = case.plan.triggered
    title = "放弃陈述申辩（听证）权利声明" if hearing else "放弃陈述申辩声明"
    flow = book.flow(None)
    flow.gap(40)
    flow.title(title)
    flow.gap(10)
    flow.text(f"{case.a.name}：", 13)
    me = "本单位" if case.org else "本人"
    rights = "陈述、申辩和要求听证" if hearing else "陈述、申辩"
    flow.para(
        f"{me}已收到贵局送达的《{notice_title}》（{case.num(key)}），对其中认定的违法事实、处罚理由、依据及拟处罚内容"
        f"均无异议。{me}已知悉依法享有{rights}的权利，现自愿放弃上述权利，请依法处理。",
        13,
    )
    flow.para("特此声明。", 13)
    flow.gap(30)
    flow.text(f"声明人（签名或盖章）：{case.name(key)}", 13, align="right")
    flow.text(d_form(d.waiver), 13, align="right")
    return done(flow, key, title, d.waiver)


def hearing_notice(case: Case, book: Book) -> Made:
    d, st, key = case.d, case.st, "听证通知书"
    assert d.hearing and d.hearing_notice
    flow = letter_flow(book, case)
    flow.title("听证通知书")
    number_line(flow, case.num(key))
    flow.text(f"{case.name(key)}：", 13)
    open_ = case.rng.choice(("公开", "公开", "不公开"))
    flow.para(
        f"根据{case.you()}的听证申请，本机关定于{d_pad(d.hearing)}上午9时30分，在{case.a.station}听证室{open_}举行听证，"
        f"听取{case.you()}就{case.cause()}一案的陈述、申辩和质证意见。",
        13,
    )
    flow.para(
        f"本次听证由{st.hearing_host}担任主持人，{st.hearing_member}担任听证员，{st.clerk}担任记录员。", 13
    )
    flow.para(f"根据{LAW}第六十四条的规定，{case.you()}认为主持人与本案有直接利害关系的，有权申请回避。", 13)
    flow.para(
        "请注意：（一）携带身份证明及有关证据材料按时到场；（二）委托代理人参加的，须提交授权委托书；"
        "（三）无正当理由拒不出席或者未经许可中途退出的，视为放弃听证权利。",
        13,
    )
    flow.text(f"联系人：{case.o1.name}    联系电话：{case.a.phone}", 12)
    flow.sign(case.a.name, d_form(d.hearing_notice), seal=True, size=13.5)
    flow.text(COPIES, 9.5, color=GREY)
    return done(flow, key, "听证通知书", d.hearing_notice)


def hearing_record(case: Case, book: Book) -> Made:
    d, st, key = case.d, case.st, "听证笔录"
    assert d.hearing
    who = case.p.contact
    assert who is not None
    flow = form_flow(book, case, key, signer=f"当事人（代理人）签名：{who.name}")
    flow.title("听证笔录", spaced=True)
    flow.text(f"案件编号：{case.num(key)}", 11, align="right", lead=1.5)
    flow.grid(
        [
            [Cell("案由", 0.16, True), Cell(f"{case.name(key)}涉嫌{case.cause()}案", 0.84)],
            [Cell("听证时间", 0.16, True), Cell(span(d.hearing, (9, 30), (11, 10)), 0.84)],
            [Cell("听证地点", 0.16, True), Cell(case.a.station + "听证室", 0.84)],
            [
                Cell("主持人", 0.16, True),
                Cell(st.hearing_host, 0.18),
                Cell("听证员", 0.16, True),
                Cell(st.hearing_member, 0.18),
                Cell("记录员", 0.14, True),
                Cell(st.clerk, 0.18),
            ],
            [Cell("案件调查人员", 0.16, True), Cell(_officers(case), 0.84)],
            [
                Cell("当事人", 0.16, True),
                Cell(case.name(key), 0.34),
                Cell("委托代理人", 0.16, True),
                Cell("无", 0.34),
            ],
            [Cell("到场人员", 0.16, True), Cell(f"{who.name}（证件号码：{who.id_number}）", 0.84)],
        ],
        10.5,
    )
    flow.gap(6)
    lines = [
        f"主持人：宣布听证开始，核对到场人员身份，宣读听证纪律，告知当事人的权利和义务。{who.name}，是否申请回避？",
        f"{who.name}：不申请。",
        f"调查人员{case.o1.name}：{case.act(key)}。上述行为违反了{case.plan.violation.breach}的规定，"
        f"拟给予{case.money(case.plan.proposed_fine)}的行政处罚。出示证据：{'；'.join(case.evidence_list())}。",
        f"主持人：{who.name}对调查人员出示的证据有无异议？",
        f"{who.name}：对证据没有异议，但希望考虑实际情况从轻处理。",
        "主持人：请当事人作最后陈述。",
        f"{who.name}：认识到错误，今后一定守法经营，请求从轻处罚。",
        "主持人：听证结束。请当事人核对笔录后签名。",
    ]
    for line in lines:
        flow.text(line, 11.5, lead=1.65)
    flow.gap(8)
    flow.text(f"当事人（代理人）签名：{who.name}        {d_form(d.hearing)}", 11.5)
    flow.text(f"主持人：{st.hearing_host}    听证员：{st.hearing_member}    记录员：{st.clerk}", 11.5)
    return done(flow, key, "听证笔录", d.hearing)
