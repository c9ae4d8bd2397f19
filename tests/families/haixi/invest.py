"""Investigation forms: 立案审批表, the 笔录 (grid head + free Q&A), preservation, seizure, exhibits."""

from __future__ import annotations

from casegen.cal import add_wd
from casegen.model import Inquiry
from families.haixi.base import COPIES, Made, done, form_flow, kv, letter_flow, number_line, party_block
from families.haixi.canvas import BLACK, GREY, LEFT, RIGHT, Book, Cell
from families.haixi.fmt import Case, d_form, d_pad, span

SOURCES = ("执法检查发现", "投诉举报", "上级交办", "部门移送", "其他途径")


def filing(case: Case, book: Book) -> Made:
    d, key = case.d, "立案登记表"
    title = case.rng.choice(("立案审批表", "立案审批表", "立案登记表"))
    flow = form_flow(book, case, key)
    flow.title(title, spaced=True)
    src = 0 if d.violation == d.filing else case.rng.randint(1, 4)
    boxes = "   ".join(("√" if i == src else "□") + s for i, s in enumerate(SOURCES))
    flow.grid(
        [
            [
                Cell("案件编号", 0.16, True),
                Cell(case.num(key), 0.42),
                Cell("立案日期", 0.16, True),
                Cell(d_form(d.filing), 0.26),
            ],
            [Cell("案件来源", 0.16, True), Cell(boxes, 0.84)],
            [Cell("案由", 0.16, True), Cell(f"涉嫌{case.cause()}", 0.84)],
        ]
    )
    party_block(flow, case, key)
    brief = f"{case.act(key)}。当事人涉嫌违反{case.plan.violation.breach}的规定。"
    flow.grid(
        kv(
            ("简要案情", brief),
            (
                "立案依据",
                "《中华人民共和国行政处罚法》第五十四条第二款；《交通运输行政执法程序规定》第六十二条。",
            ),
            lw=0.16,
        )
    )
    unit, head = case.st.unit_head, case.st.head
    flow.grid(
        [
            [
                Cell("承办人意见", 0.16, True),
                Cell(
                    f"经初步核查，当事人涉嫌{case.cause()}，符合立案条件，建议立案调查。\n"
                    f"承办人：{case.o1.name}  {case.o2.name}          {d_form(d.filing)}",
                    0.84,
                ),
            ],
            [
                Cell("承办机构\n审核意见", 0.16, True),
                Cell(
                    f"拟同意立案，由{case.o1.name}、{case.o2.name}负责调查。\n签名：{unit}          {d_form(d.filing)}",
                    0.84,
                ),
            ],
            [
                Cell("负责人\n审批意见", 0.16, True),
                Cell(f"同意。\n签名：{head}          {d_form(d.filing)}", 0.84),
            ],
            [Cell("备注", 0.16, True), Cell("", 0.84)],
        ],
        min_h=30,
    )
    return done(flow, key, title, d.filing)


KIND = {
    "询问笔录": ("询问", "询问人", "记录人", "被询问人"),
    "现场笔录": ("检查", "执法人员", "执法人员", "现场人员"),
    "勘验笔录": ("勘验", "勘验人", "勘验人", "当事人（见证人）"),
}


def record(case: Case, book: Book, q: Inquiry, idx: int) -> Made:
    """One 笔录: a grid head (officers with certificates in their own cells), then the text."""
    key = q.type
    verb, r1, r2, role = KIND[q.type]
    title = {"询问笔录": "询问笔录", "现场笔录": "现场检查笔录", "勘验笔录": "勘验笔录"}[q.type]
    if q.type == "询问笔录" and case.rng.random() < 0.3:
        title = "调查询问笔录"
    who = q.interviewee
    flow = form_flow(book, case, key, signer=f"{role}签名：{who.name}")
    flow.title(title, spaced=True)
    flow.text(f"案件编号：{case.num(key)}", 11, align="right", lead=1.5)
    mode = case.mut.get("p01") if case.mut.get("p01_index") == str(idx) else None
    a, b = q.officers
    place = case.plan.facts["place"] if q.type != "询问笔录" else case.a.station + "询问室"
    rows = [
        [Cell(f"{verb}时间", 0.16, True), Cell(span(q.date, q.start, q.end), 0.84)],
        [Cell(f"{verb}地点", 0.16, True), Cell(place, 0.84)],
        [
            Cell(r1, 0.16, True),
            Cell(a.name, 0.22),
            Cell("执法证号", 0.16, True),
            Cell(a.certificate, 0.2),
            Cell("单位", 0.1, True),
            Cell(case.a.unit, 0.16),
        ],
    ]
    if mode != "single":
        cert = "" if mode == "nocert" else b.certificate
        rows.append(
            [
                Cell(r2, 0.16, True),
                Cell(b.name, 0.22),
                Cell("执法证号", 0.16, True),
                Cell(cert, 0.2),
                Cell("单位", 0.1, True),
                Cell(case.a.unit, 0.16),
            ]
        )
    relation = "当事人本人" if who.name == case.p.name else f"{case.p.name}{case.p.contact_role}"
    rows += [
        [
            Cell(role, 0.16, True),
            Cell(who.name, 0.22),
            Cell("性别", 0.16, True),
            Cell(who.sex, 0.2),
            Cell("年龄", 0.1, True),
            Cell(str(who.age_on(q.date)), 0.16),
        ],
        [
            Cell("证件号码", 0.16, True),
            Cell(who.id_number, 0.38),
            Cell("联系方式", 0.2, True),
            Cell(who.phone, 0.26),
        ],
        [Cell("单位及职务", 0.16, True), Cell(relation, 0.84)],
        [Cell("住址", 0.16, True), Cell(who.address, 0.84)],
    ]
    if q.type != "询问笔录":
        rows.append(
            [
                Cell("车（船）牌号", 0.16, True),
                Cell(case.p.plate, 0.38),
                Cell("车（船）型", 0.2, True),
                Cell(case.p.vehicle, 0.26),
            ]
        )
    flow.grid(rows, 10.5, min_h=22)
    flow.gap(6)
    if q.type == "询问笔录":
        for i, line in enumerate(_qa(case, q, mode)):
            flow.text(("问：" if i % 2 == 0 else "答：") + line, 11.5, lead=1.65)
    else:
        if q.type == "勘验笔录":
            flow.text("天气：" + case.rng.choice(("晴", "多云", "阴")) + "    被邀请人：/", 11.5)
        flow.text(f"{'现场检查' if q.type == '现场笔录' else '勘验'}情况：", 11.5, bold=True)
        flow.para(case.scene(), 11.5)
        flow.text(f"{role}意见：以上记录已阅，情况属实。", 11.5)
    signers = a.name if mode == "single" else f"{a.name}  {b.name}"
    flow.gap(10)
    flow.text(f"{role}签名：{who.name}        {d_form(q.date)}", 11.5)
    flow.text(f"执法人员签名：{signers}        {d_form(q.date)}", 11.5)
    return done(flow, key, title, q.date)


def _qa(case: Case, q: Inquiry, mode: str | None) -> list[str]:
    a, b = q.officers
    names = a.name if mode == "single" else f"{a.name}、{b.name}"
    out = [
        f"我们是{case.a.name}的执法人员{names}，已向你出示执法证件。今天依法就有关情况向你了解，你应当如实回答，"
        "对与本案无关的问题有权拒绝回答。你认为执法人员需要回避吗？",
        "看清楚了，不需要回避。",
        "请讲一下你的身份情况。",
        f"我叫{q.interviewee.name}，住{q.interviewee.address}，身份证号码同上。",
    ]
    for qq, aa in case.plan.violation.qa:
        out += [case.fill(qq), case.fill(aa)]
    extra = [("你还有其他要说明的情况吗？", "没有了。"), ("你对本次询问有无意见？", "没有意见。")]
    for qq, aa in extra[: case.rng.randint(1, 2)]:
        out += [qq, aa]
    out += ["请核对以上记录，如无误请签名。", "以上记录我看过了，和我说的一样。"]
    return out


def preservation(case: Case, book: Book) -> list[Made]:
    d = case.d
    assert d.preservation and d.preservation_release
    key = "证据登记保存清单"
    flow = letter_flow(book, case)
    flow.title("证据登记保存清单")
    number_line(flow, case.num(key))
    flow.text(f"{case.name(key)}：", 12)
    end = add_wd(d.preservation, 7)
    flow.para(
        f"因调查{case.name(key)}涉嫌{case.cause()}一案，根据《中华人民共和国行政处罚法》第五十六条的规定，"
        f"经本机关负责人批准，对下列物品先行登记保存，保存期限为{d_pad(d.preservation)}至{d_pad(end)}。"
        "保存期间，当事人或有关人员不得使用、销毁或者转移。"
    )
    w = [0.08, 0.34, 0.14, 0.12, 0.32]
    rows = [
        [Cell(t, x, True) for t, x in zip(("序号", "物品名称", "规格", "数量", "保存地点"), w, strict=True)]
    ]
    rows.append(
        [
            Cell("1", w[0], True),
            Cell(f"{case.p.plate}{case.p.vehicle}", w[1]),
            Cell("/", w[2], True),
            Cell("1辆", w[3], True),
            Cell(case.a.station, w[4]),
        ]
    )
    rows.append([Cell("以下空白", 1.0, True)])
    flow.grid(rows)
    flow.gap(8)
    flow.text(f"当事人签名：{case.contact_name()}    {d_form(d.preservation)}", 12)
    flow.text(f"执法人员签名：{case.o1.name}  {case.o2.name}    {d_form(d.preservation)}", 12)
    flow.sign(case.a.name, d_form(d.preservation), seal=True)
    flow.text(COPIES, 9.5, color=GREY)
    first = done(flow, key, "证据登记保存清单", d.preservation)

    key = "解除证据登记保存决定书"
    flow = letter_flow(book, case)
    flow.title("解除证据登记保存决定书")
    number_line(flow, case.num(key))
    flow.text(f"{case.name(key)}：", 12)
    flow.para(
        f"本机关于{d_pad(d.preservation)}对{case.p.plate}{case.p.vehicle}予以先行登记保存。现相关证据已制作笔录并拍照固定，"
        "依据《交通运输行政执法程序规定》的有关规定，决定解除上述证据登记保存。"
    )
    flow.sign(case.a.name, d_form(d.preservation_release), seal=True)
    flow.text(COPIES, 9.5, color=GREY)
    return [first, done(flow, key, "解除证据登记保存决定书", d.preservation_release)]


def compulsion(case: Case, book: Book) -> list[Made]:
    d = case.d
    assert d.compulsion and d.compulsion_release
    out = []
    for key, date, body in (
        (
            "行政强制措施决定书",
            d.compulsion,
            f"经查，{case.act('行政强制措施决定书')}，涉嫌违反{case.plan.violation.breach}的规定。为防止证据损毁，"
            f"依据《中华人民共和国行政强制法》第九条第（二）项、第二十四条的规定，本机关决定自{d_pad(d.compulsion)}起"
            f"对{case.p.plate}{case.p.vehicle}实施扣押，期限三十日。扣押期间车辆存放于{case.a.station}。\n"
            f"{case.you()}如不服本决定，可以自收到本决定书之日起六十日内向{case.a.review_body}申请行政复议，"
            f"或者在六个月内向{case.a.court}提起行政诉讼。",
        ),
        (
            "解除行政强制措施决定书",
            d.compulsion_release,
            f"本机关于{d_pad(d.compulsion)}对{case.p.plate}{case.p.vehicle}实施了扣押。依据《中华人民共和国行政强制法》"
            f"第二十八条的规定，现决定自{d_pad(d.compulsion_release)}起解除扣押，请持本决定书及身份证明领取车辆。",
        ),
    ):
        flow = letter_flow(book, case)
        flow.title(key)
        number_line(flow, case.num(key))
        flow.text(f"{case.name(key)}：", 12)
        for part in body.split("\n"):
            flow.para(part)
        flow.sign(case.a.name, d_form(date), seal=True)
        flow.text(COPIES, 9.5, color=GREY)
        out.append(done(flow, key, key, date))
    return out


def exhibit(case: Case, book: Book, what: str, n: int) -> Made:
    """An evidence page: a register strip on top (名称/来源/证明对象), the copy or photos below."""
    flow = book.flow(None)
    title = f"证据{n}：{what.replace('复印件', '（复印件）')}"
    flow.text(title, 14, bold=True, align="left")
    holder = case.contact_name()
    flow.grid(
        kv(
            ("证据名称", what),
            ("证据来源", "当事人提供" if "照片" not in what else "执法人员现场拍摄"),
            (
                "证明对象",
                f"证明{case.p.name}的身份及车辆情况" if "照片" not in what else "证明违法行为发生的现场情况",
            ),
            ("收集人|收集时间", f"{case.o1.name}、{case.o2.name}|{d_pad(case.d.filing)}"),
        ),
        10.5,
    )
    flow.gap(14)
    p = flow.page
    top = flow.y
    if "照片" in what or "截图" in what:
        for i in range(2):
            r = (LEFT + 30, top + i * 250, RIGHT - 30, top + i * 250 + 220)
            p.draw_rect(r, color=GREY, fill=(0.86, 0.86, 0.84), width=0.5)
            flow.y = top + i * 250 + 236
            flow.text(
                f"图{i + 1}  {case.p.plate}{'车辆正面' if i == 0 else '现场全景'}", 10.5, align="center"
            )
    else:
        card = (LEFT + 60, top, RIGHT - 60, top + 200)
        p.draw_rect(card, color=BLACK, width=0.8)
        flow.y = top + 10
        flow.text(what.replace("复印件", ""), 13, align="center", x0=card[0], x1=card[2])
        lines = {
            "身份证复印件": [
                f"姓名  {holder}",
                f"公民身份号码  {case.p.contact.id_number if case.p.contact else ''}",
            ],
            "营业执照复印件": [f"名称  {case.p.name}", f"统一社会信用代码  {case.p.credit_code}"],
        }
        for line in lines.get(what, [f"号牌号码  {case.p.plate}", f"所有人  {case.p.name}"]):
            flow.text(line, 11.5, x0=card[0] + 20, x1=card[2])
        flow.y = top + 220
    flow.gap(10)
    flow.text(f"此复印件与原件核对一致。  提供人：{holder}", 11, align="right")
    return done(flow, "证据材料", title, None, numbered=False)
