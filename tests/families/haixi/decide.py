"""Review, discussion, the decision (running-text style), the on-the-spot form and the 送达回证."""

from __future__ import annotations

import datetime as dt

from families.haixi.base import Made, done, form_flow, kv, letter_flow, number_line, party_block
from families.haixi.canvas import GREY, RED, RIGHT, Book, Cell
from families.haixi.fmt import Case, d_form, d_pad, d_seal, span, t_cn

LAW = "《中华人民共和国行政处罚法》"
NEW_REVIEW_LAW = dt.date(2024, 1, 1)  # 2023 行政复议法: on-the-spot decisions go to 复议 first
GUIDANCE = (
    "（此处写明罚款的履行方式和期限；有其他处罚种类的，写明执行方式和期限）",
    "（分以下情况填写：1.罚款的缴纳方式和期限；2.其他处罚的执行方式）",
)


def legal_review(case: Case, book: Book) -> Made:
    d, st, key = case.d, case.st, "法制审核意见"
    assert d.legal_review
    title = "重大行政执法决定法制审核意见书" if case.plan.triggered else "法制审核意见书"
    flow = form_flow(book, case, key)
    flow.title(title, 17)
    flow.grid(
        kv(
            ("案件编号", case.num(key)),
            ("案由", f"涉嫌{case.cause()}"),
            ("当事人", case.name(key)),
            ("承办机构|承办人员", f"{case.a.unit}|{case.o1.name}、{case.o2.name}"),
            ("拟处理意见", f"拟给予{case.name(key)}{case.money(case.plan.fine)}的行政处罚。"),
            lw=0.17,
        ),
        10.5,
    )
    items = (
        "行政执法主体是否合法",
        "执法人员是否具备执法资格",
        "是否超越本机关法定权限",
        "案件事实是否清楚，证据是否确实充分",
        "适用法律依据是否准确，裁量是否适当",
        "程序是否合法，当事人陈述申辩（听证）权利是否保障",
        "执法文书是否规范、齐全",
        "是否涉嫌犯罪需移送司法机关",
    )
    rows = [
        [Cell(f"{i + 1}. {t}", 0.8), Cell("否" if i in (2, 7) else "是", 0.2, True)]
        for i, t in enumerate(items)
    ]
    flow.grid(rows, 10.5, side="审核\n事项", side_w=0.17, min_h=20)
    reviewer = (
        ""
        if case.mut.get("p05") == "noreviewer"
        else f"{st.reviewer}（法律职业资格证书编号：{st.reviewer_cert}）"
    )
    flow.grid(
        kv(
            (
                "审核意见",
                "经审核，本案主体合法，事实清楚，证据充分，程序合法，适用依据正确，裁量适当。同意承办机构拟处理意见。",
            ),
            ("审核人员", reviewer),
            ("审核日期", d_form(d.legal_review)),
            lw=0.17,
        ),
        10.5,
        min_h=28,
    )
    return done(flow, key, title, d.legal_review)


def discussion(case: Case, book: Book) -> Made:
    d, st, key = case.d, case.st, "重大案件集体讨论记录"
    assert d.discussion
    title = case.rng.choice(("重大案件集体讨论笔录", "重大案件集体讨论笔录", "重大案件集体讨论记录"))
    flow = form_flow(book, case, key)
    flow.title(title, 17)
    flow.text(f"案件编号：{case.num(key)}", 11, align="right", lead=1.5)
    flow.grid(
        kv(
            ("案件名称", f"{case.name(key)}涉嫌{case.cause()}案"),
            ("讨论时间", span(d.discussion, (14, 30), (15, 40))),
            ("讨论地点", f"{case.a.name}会议室"),
            ("主 持 人|汇 报 人", f"{st.head}|{case.o1.name}"),
            ("记 录 人|出席人数", f"{st.clerk}|{len(st.attendees)}人"),
            ("出席人员", "、".join(f"{n}（{t}）" for n, t in st.attendees)),
            lw=0.16,
        ),
        10.5,
    )
    flow.gap(6)
    flow.text("讨论情况：", 12, bold=True)
    flow.para(f"{case.o1.name}汇报案件基本情况、调查取证情况、告知及陈述申辩情况和拟处理意见。", 12)
    for n, t in st.attendees[1:]:
        flow.para(
            f"{n}（{t}）："
            + case.rng.choice(("事实清楚，证据充分，同意承办意见。", "程序合法，裁量适当，同意。")),
            12,
        )
    flow.para(f"{st.head}：同意大家意见。", 12)
    if case.mut.get("p06") != "noconclusion":
        flow.text("结论性意见：", 12, bold=True)
        flow.para(f"经集体讨论决定，对{case.name(key)}作出{case.money(case.plan.fine)}的行政处罚。", 12)
    flow.gap(8)
    flow.text("出席人员签名：" + "  ".join(n for n, _ in st.attendees), 12)
    return done(flow, key, title, d.discussion)


def _history(case: Case, notice_title: str) -> str:
    d, you = case.d, case.you()
    assert d.notice_service
    rights = (
        "陈述、申辩和要求听证"
        if case.plan.triggered and not case.mut.get("notice_no_hearing")
        else "陈述、申辩"
    )
    text = f"本机关于{d_pad(d.notice_service)}向{you}送达了《{notice_title}》，告知拟作出行政处罚的内容及事实、理由、依据，以及{you}依法享有的{rights}权利。"
    if d.hearing:
        text += f"{you}申请听证，本机关于{d_pad(d.hearing)}依法组织听证。{you}在听证中对违法事实无异议，请求从轻处罚，"
        text += (
            "本机关综合考虑后予以部分采纳。"
            if case.plan.fine < case.plan.proposed_fine
            else "经审查，其理由不足以从轻，不予采纳。"
        )
    elif d.statement:
        text += f"{you}于{d_pad(d.statement)}提出陈述、申辩，"
        text += (
            "经复核，其所述情况属实，予以采纳，在裁量幅度内从轻处罚。"
            if case.plan.fine < case.plan.proposed_fine
            else "经复核，其申辩理由不能成立，不予采纳。"
        )
    elif d.waiver:
        text += f"{you}于{d_pad(d.waiver)}书面声明放弃上述权利。"
    else:
        text += f"{you}在法定期限内未提出陈述、申辩意见。"
    return text


def decision(case: Case, book: Book, notice_title: str) -> Made:
    d, v, m, key = case.d, case.plan.violation, case.mut, "行政处罚决定书"
    you = case.you()
    flow = letter_flow(book, case)
    flow.title("行政处罚决定书")
    number_line(flow, case.num(key))
    p = case.p
    if case.org:
        lines = [
            f"被处罚单位：{case.name(key)}",
            f"统一社会信用代码：{p.credit_code}",
            f"法定代表人（负责人）：{p.legal_rep}",
            f"住所：{p.address}",
            f"联系方式：{p.phone}",
        ]
    else:
        assert p.person is not None
        lines = [
            f"被处罚人：{case.name(key)}    性别：{p.person.sex}",
            f"证件号码：{p.person.id_number}",
            f"现住址：{p.person.address}",
            f"联系方式：{p.person.phone}",
        ]
    for line in lines:
        flow.text(line, 13, lead=1.6)
    flow.gap(4)
    flow.para(f"{you}涉嫌{case.cause()}一案，本机关于{d_pad(d.filing)}立案调查，现已调查终结。", 13)
    flow.para(f"经查明：{case.act(key)}。", 13)
    flow.para(
        "上述事实，有下列证据为证："
        + "；".join(f"{i + 1}.{e}" for i, e in enumerate(case.evidence_list()))
        + "。",
        13,
    )
    flow.para(_history(case, notice_title), 13)
    ni = "你（单位）" if m.get("w01") == "ni_danwei" else you
    steps = "，经法制审核" if d.legal_review else ""
    steps += "并经本机关负责人集体讨论" if d.discussion else ""
    province = case.a.province or ""
    flow.para(
        f"本机关认为：{ni}的上述行为违反了{v.breach}的规定，事实清楚，证据确凿。依据{v.basis}的规定，"
        f"参照《{province}交通运输行政处罚裁量基准》，{ni}的违法情节属“{case.level()}”情形{steps}，本机关决定给予{ni}如下行政处罚：",
        13,
    )
    flow.text(case.money(case.plan.fine, m.get("c03")) + "。", 13, bold=True, indent=2)
    if m.get("w01") == "guidance":
        flow.para(case.rng.choice(GUIDANCE), 13)
    if m.get("p07") != "nocomply":
        acct = "____________" if m.get("w01") == "underscore" else case.account
        flow.para(
            f"{you}应当自收到本决定书之日起十五日内，持本决定书及缴款通知到{case.a.bank}缴纳罚款（账号：{acct}），"
            f"或者通过非税收入电子缴款渠道缴纳。逾期不缴纳的，本机关将依据{LAW}第七十二条第一款第（一）项的规定，"
            "每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。",
            13,
        )
    if m.get("p07") != "noremedy":
        flow.para(
            f"{you}如不服本决定，可以自收到本决定书之日起六十日内向{case.a.review_body}申请行政复议，或者自收到本决定书之日起"
            f"六个月内向{case.a.court}提起行政诉讼。复议、诉讼期间，本决定不停止执行，法律另有规定的除外。逾期不申请行政复议、"
            "不提起行政诉讼又不履行本决定的，本机关将依法申请人民法院强制执行。",
            13,
        )
    flow.sign(case.a.name, d_seal(d.decision), seal=m.get("s01") != "decision", size=13.5)
    flow.text("（本决定书一式三份：一份送达被处罚人，一份交执收机构，一份存档。）", 9.5, color=GREY)
    return done(flow, key, "行政处罚决定书", d.decision)


def summary_decision(case: Case, book: Book) -> Made:
    d, v, p, key = case.d, case.plan.violation, case.plan, "当场行政处罚决定书"
    flow = form_flow(book, case, key)
    serial = "".join(case.rng.choice("0123456789") for _ in range(8))
    flow.text(f"No. {serial}", 12, align="right", color=RED, lead=1.3)
    flow.title("当场行政处罚决定书", 18)
    flow.text(case.a.name, 12, align="center", lead=1.4)
    flow.gap(4)
    flow.grid([[Cell("案件编号", 0.16, True), Cell(case.num(key), 0.84)]])
    party_block(flow, case, key, label="被处罚人")
    on_spot = ("√", "□") if p.on_the_spot_payment else ("□", "√")
    if d.decision >= NEW_REVIEW_LAW:
        remedy = f"如不服本决定，可以自收到本决定书之日起六十日内向{case.a.review_body}申请行政复议；对复议决定不服的，可以依法提起行政诉讼。"
    else:
        remedy = f"如不服本决定，可以在六十日内向{case.a.review_body}申请行政复议，或者在六个月内向{case.a.court}提起行政诉讼。"
    flow.grid(
        kv(
            ("违法时间|违法地点", f"{d_pad(d.violation)}{t_cn(d.violation_time)}|{case.plan.facts['place']}"),
            ("违法事实", case.act(key) + "。"),
            ("违反规定", v.breach),
            ("处罚依据", v.basis),
            ("处罚决定", case.money(p.fine)),
            (
                "履行方式\n和期限",
                f"{on_spot[0]}当场缴纳    {on_spot[1]}自收到本决定书之日起十五日内缴至{case.a.bank}。"
                "逾期不缴纳的，每日按罚款数额的百分之三加处罚款。",
            ),
            (
                "告知事项",
                "处罚前已口头告知当事人拟作出处罚的事实、理由和依据，并告知其依法享有陈述、申辩的权利。当事人未提出陈述申辩。",
            ),
            ("救济途径", remedy),
            (
                "执法人员",
                f"{case.o1.name}（执法证号：{case.o1.certificate}）  {case.o2.name}（执法证号：{case.o2.certificate}）",
            ),
            ("当事人签名", f"{case.contact_name()}    {d_pad(d.decision)}"),
            lw=0.16,
        ),
        10.5,
    )
    flow.sign(case.a.name, d_seal(d.decision), seal=True, size=13)
    flow.text("（本决定书一式两份，一份当场交被处罚人，一份存档。）", 9.5, color=GREY)
    return done(flow, key, "当场行政处罚决定书", d.decision)


def service(case: Case, book: Book, served: str, title: str, date: dt.date) -> Made:
    """送达回证 with a column table (文书 / 文号 / 时间 / 地点 / 方式 / 签收), as many systems print it."""
    key = f"送达回证:{served}"
    who = case.p.contact
    assert who is not None
    flow = form_flow(book, case, "送达回证")
    flow.title("送达回证", spaced=True)
    method = case.rng.choices(("直接送达", "邮寄送达", "留置送达"), (80, 14, 6))[0]
    hm = (case.rng.randint(8, 17), case.rng.choice((0, 10, 20, 30, 40, 50)))
    flow.grid(
        kv(
            ("案件编号", case.num(key)),
            ("案由", f"{case.cause()}案"),
            ("受送达人", case.name(key)),
            ("送达地址", case.p.address),
            lw=0.16,
        )
    )
    w = [0.19, 0.19, 0.2, 0.15, 0.11, 0.16]
    head = ("送达文书", "文号", "送达时间", "送达地点", "送达方式", "收件人签名")
    place = case.a.station if method == "直接送达" else case.p.address
    sign = who.name if method != "留置送达" else "拒签"
    vals = (f"《{title}》", case.num(key), f"{d_pad(date)}\n{t_cn(hm)}", place, method, sign)
    flow.grid(
        [
            [Cell(t, x, True) for t, x in zip(head, w, strict=True)],
            [Cell(t, x, True) for t, x in zip(vals, w, strict=True)],
            [Cell("（以下空白）", 1.0, True)],
        ],
        10,
        min_h=26,
    )
    witness = f"{case.st.clerk}（村/社区工作人员）" if method == "留置送达" else "/"
    flow.grid(
        kv(
            ("代收人及理由", "/"),
            ("见证人", witness),
            ("送达人", f"{case.o1.name}  {case.o2.name}"),
            ("备注", "挂号信回执附后" if method == "邮寄送达" else "/"),
            lw=0.16,
        ),
        min_h=30,
    )
    sealed = case.rng.random() < 0.55
    if sealed:
        flow.sign(case.a.name, d_form(date), seal=True, x_right=RIGHT - 10)
    return done(flow, "送达回证", "送达回证", date, serves=served)
