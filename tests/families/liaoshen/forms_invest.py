"""Cover, 立案登记表, the 笔录, preservation/compulsion forms, evidence copies, 案件调查报告."""

from __future__ import annotations

from casegen.model import Inquiry, Officer

from . import fmt
from .ctx import GRID, Ctx, Spec
from .word import CENTER, RIGHT, Writer

SOURCES = (
    "在行政检查中发现的",
    "个人、法人及其他组织举报经核实的",
    "上级机关交办的",
    "有关部门移送的",
    "其他途径发现的",
)


def cover(w: Writer, c: Ctx) -> Spec:
    w.begin("", numbered=False)
    w.line(align=CENTER, before=40)
    w.title(c.a.name, 22)
    w.title("行政处罚案卷", 30)
    w.line(align=CENTER, before=30)
    no = c.plan.number.format()
    rows = [
        ["案　　号", "=" + no],
        ["案　　由", "=" + c.cause()],
        ["当 事 人", "=" + c.p.name],
        ["处罚结果", f"=罚款{fmt.yuan(c.plan.fine)}"],
        ["立案日期", "=" + fmt.d(c.plan.dates.filing)],
        ["结案日期", "=" + (fmt.d(c.plan.dates.closing) if c.plan.dates.closing else "")],
        ["保管期限", "=长期"],
    ]
    w.size = 14
    w.table([3.4, 10.0], rows, heights=dict.fromkeys(range(len(rows)), 1.3))
    w.size = 11.5
    w.line(
        "立卷人：", (c.plan.staff.filer,), "　　检查人：", (c.plan.staff.checker,), align=CENTER, before=40
    )
    return Spec("卷宗封面", "行政处罚案卷", numbered=False)


def filing(w: Writer, c: Ctx) -> Spec:
    key, d, s = "立案登记表", c.plan.dates, c.plan.staff
    w.begin("交通运输行政执法文书式样之一")
    w.title("立案登记表")
    w.number(c.no(key))
    src = 0 if c.plan.inquiries and c.plan.inquiries[0].type != "询问笔录" else c.rng.choice((0, 1, 4))
    boxes = "\n".join(("☑" if i == src else "□") + f"{i + 1}.{t}" for i, t in enumerate(SOURCES))
    v = c.plan.violation
    rows = [
        ["案件\n来源", boxes, "<", "<", "<"],
        ["案　由", "=" + c.cause(), "<", "受案时间", "=" + fmt.d(d.violation)],
        *c.party_rows(key),
        ["案件\n基本\n情况", "=" + c.act() + "。", "<", "<", "<"],
        [
            "立案\n依据",
            f"=涉嫌违反{v.breach}的规定，依据《交通运输行政执法程序规定》第五十八条，建议立案调查。",
            "<",
            "<",
            "<",
        ],
        [
            "承办\n机构\n意见",
            f"=符合立案条件，建议立案，由{c.plan.officers[0].name}、{c.plan.officers[1].name}承办。"
            f"\n>负责人：{s.unit_head}　　{fmt.d(d.filing)}",
            "<",
            "<",
            "<",
        ],
        ["负责人\n审批\n意见", f"=同意立案。\n>负责人：{s.head}　　{fmt.d(d.filing)}", "<", "<", "<"],
        ["备注", "", "<", "<", "<"],
    ]
    w.table(GRID, rows, heights={0: 3.2, 6: 3.2, 8: 2.4, 9: 2.4, 10: 1.2})
    return Spec(key, "立案登记表")


def _officer_rows(label: str, pair: tuple[Officer, ...], mode: str | None) -> list[list[str]]:
    a, b = pair[0], pair[1]
    rows = [[label, "=" + a.name, "<", "执法证号", "=" + a.certificate]]
    if mode == "single":
        return rows
    rows.append(["记 录 人", "=" + b.name, "<", "执法证号", "" if mode == "nocert" else "=" + b.certificate])
    return rows


def record(w: Writer, c: Ctx, q: Inquiry, index: int) -> Spec:
    key = q.type
    mode = c.plan.mut.get("p01") if c.plan.mut.get("p01_index") == str(index) else None
    form = {"询问笔录": "之二", "勘验笔录": "之三", "现场笔录": "之四"}[q.type]
    w.begin("交通运输行政执法文书式样" + form)
    w.title(q.type)
    w.number(c.no(key))
    p = q.interviewee
    when = f"={fmt.d0(q.date)}{fmt.t(q.start)}至{fmt.t(q.end)}"
    place = c.plan.facts["place"] if index == 0 else c.a.station
    label = {"询问笔录": "询 问 人", "勘验笔录": "勘 验 人", "现场笔录": "执法人员"}[q.type]
    who = {"询问笔录": "被询问人", "勘验笔录": "当 事 人", "现场笔录": "现场人员"}[q.type]
    rows = [
        ["时　　间", when, "<", "<", "<"],
        ["地　　点", "=" + place, "<", "<", "<"],
        *_officer_rows(label, q.officers, mode),
        [who, "=" + p.name, "<", "性别/年龄", f"={p.sex}　{p.age_on(q.date)}岁"],
        ["身份证件号", "=" + p.id_number, "<", "联系电话", "=" + p.phone],
        ["住　　址", "=" + p.address, "<", "<", "<"],
    ]
    if c.p.plate:
        rows.insert(-1, ["车(船)号", "=" + c.p.plate, "<", "车(船)型", "=" + c.p.vehicle])
    w.table([2.4, 3.4, 3.6, 2.2, 4.2], rows)
    a, b = q.officers
    introduce = (
        f"我们是{c.a.unit}的执法人员{a.name}、{b.name}，执法证号分别为{a.certificate}、{b.certificate}，"
        if mode is None
        else f"我们是{c.a.unit}的执法人员{a.name}，执法证号{a.certificate}，"
        if mode == "single"
        else f"我们是{c.a.unit}的执法人员{a.name}（执法证号{a.certificate}）、{b.name}，"
    )
    if q.type == "询问笔录":
        w.line("询问记录：", before=6)
        qa = [
            (
                "问：" + introduce + "这是我们的执法证件（出示）。现依法向你询问有关情况，你应当如实回答，"
                "你有权申请执法人员回避。你是否申请回避？",
                "答：不申请。",
            ),
            ("问：请介绍一下你的基本情况。", f"答：我叫{p.name}，{c.p.contact_role or '当事人'}，{p.job}。"),
        ]
        qa += [
            ("问：" + x.format(**c.plan.facts), "答：" + y.format(**c.plan.facts))
            for x, y in c.plan.violation.qa
        ]
        qa.append(("问：你还有什么需要补充的吗？", "答：没有了。"))
        for x, y in qa:
            w.text(x, indent=0, after=0)
            w.text(y, indent=0, after=3)
    else:
        w.line("主要内容：", before=6)
        w.text(introduce + "向现场人员出示执法证件，表明身份。" + c.scene())
        w.text("执法人员告知现场人员享有陈述、申辩和申请回避的权利，现场人员表示不申请回避。", after=3)
    w.line("被询问人（现场人员）意见：", ("以上笔录我已看过，与我所说的一致。",), before=8)
    w.line("签名：", (p.name,), "　　", (fmt.d(q.date),), align=RIGHT)
    names = a.name if mode == "single" else f"{a.name}　{b.name}"
    w.line("执法人员签名：", (names,), "　　", (fmt.d(q.date),), align=RIGHT)
    return Spec(key, q.type)


def preservation(w: Writer, c: Ctx) -> list[Spec]:
    d = c.plan.dates
    assert d.preservation and d.preservation_release
    key = "证据登记保存清单"
    w.begin("交通运输行政执法文书式样之六")
    w.letterhead()
    w.title(key)
    w.number(c.no(key))
    w.line("当事人：", (c.name(key),))
    w.text(
        f"因调查{c.cause()}，根据《中华人民共和国行政处罚法》第五十六条的规定，对下列物品先行登记保存七日"
        f"（自{fmt.d(d.preservation)}至{fmt.d(d.preservation_release)}），在此期间当事人或者有关人员不得损毁、"
        "销毁或者转移证据。"
    )
    rows = [["序号", "证据名称", "规格", "数量", "登记保存地点"]]
    items = [c.p.vehicle or "车辆", "车辆行驶证", "道路运输相关单据"]
    for i, it in enumerate(items, 1):
        rows.append([str(i), "=" + it, "=" + ("/" if i > 1 else c.p.plate), "=1", "=" + c.a.station])
    w.table([1.4, 4.6, 3.0, 1.6, 5.2], rows)
    w.line(
        "当事人签名：",
        (c.name(key),),
        "　　执法人员签名：",
        (f"{c.plan.officers[0].name}　{c.plan.officers[1].name}",),
        before=10,
    )
    w.sign(c.a.name, fmt.dcn(d.preservation))
    key2 = "解除证据登记保存决定书"
    w.begin("交通运输行政执法文书式样之七")
    w.letterhead()
    w.title(key2)
    w.number(c.no(key2))
    w.line((c.name(key2),), "：", before=6)
    w.text(
        f"本机关于{fmt.d(d.preservation)}对{c.you()}的有关物品予以先行登记保存。经审查，根据《中华人民共和国行政处罚法》"
        "第五十六条的规定，决定自即日起解除先行登记保存，予以返还。"
    )
    w.sign(c.a.name, fmt.dcn(d.preservation_release))
    return [Spec(key, key, seal=True), Spec(key2, key2, seal=True)]


def compulsion(w: Writer, c: Ctx) -> list[Spec]:
    d = c.plan.dates
    assert d.compulsion and d.compulsion_release
    key = "行政强制措施决定书"
    w.begin("交通运输行政执法文书式样之八")
    w.letterhead()
    w.title(key)
    w.number(c.no(key))
    w.line((c.name(key),), "：", before=6)
    w.text(
        f"{c.you()}涉嫌{c.plan.violation.cause}，根据《中华人民共和国行政强制法》第九条、第二十四条及"
        f"{c.plan.violation.basis}的规定，本机关决定自{fmt.d(d.compulsion)}起对{c.p.plate}{c.p.vehicle}"
        f"实施扣押，扣押期限为三十日。扣押过程已使用执法记录仪全程录音录像。"
    )
    w.text(
        f"{c.you()}如不服本决定，可以在收到本决定书之日起六十日内向{c.a.review_body}申请行政复议，或者在六个月内"
        f"依法向{c.a.court}提起行政诉讼。"
    )
    w.line("当事人签名：", (c.name(key),), "　　", (fmt.d(d.compulsion),), before=8)
    w.sign(c.a.name, fmt.dcn(d.compulsion))
    key2 = "解除行政强制措施决定书"
    w.begin("交通运输行政执法文书式样之十")
    w.letterhead()
    w.title(key2)
    w.number(c.no(key2))
    w.line((c.name(key2),), "：", before=6)
    w.text(
        f"本机关于{fmt.d(d.compulsion)}对{c.you()}的{c.p.plate}{c.p.vehicle}实施了扣押。根据《中华人民共和国行政强制法》"
        "第二十八条的规定，决定自即日起解除该行政强制措施，请于接到本决定书后及时办理相关手续。"
    )
    w.sign(c.a.name, fmt.dcn(d.compulsion_release))
    return [Spec(key, key, seal=True), Spec(key2, key2, seal=True)]


def attachment(w: Writer, c: Ctx, name: str) -> Spec:
    w.begin("证据材料")
    w.title(name, 15)
    w.table([15.8], [["（复印件粘贴处）"]], heights={0: 14.0})
    w.line("证明对象：", ("当事人身份及违法事实",), before=6)
    w.line("提供人：", (c.name("证据材料"),), "　　收集人：", (c.plan.officers[0].name,))
    w.line(("经核对与原件一致",), "　　核对人：", (c.plan.officers[1].name,), align=RIGHT)
    return Spec("证据材料", name)


def report(w: Writer, c: Ctx) -> Spec:
    key, d, p = "案件调查报告", c.plan.dates, c.plan
    assert d.report
    w.begin("案件调查报告")
    w.title("案件调查报告")
    w.number(c.no(key))
    o = p.officers
    rows = [
        ["案　　由", "=" + c.cause(), "<", "<", "<"],
        ["调查人员", f"={o[0].name}（{o[0].certificate}）　{o[1].name}（{o[1].certificate}）", "<", "<", "<"],
        *c.party_rows(key),
    ]
    w.table(GRID, rows)
    w.line("一、调查经过及违法事实", before=8)
    w.text(f"{fmt.d(d.filing)}立案后，承办人员依法进行了调查取证。经查：" + c.act() + "。")
    if p.mut.get("p10"):
        w.text("当事人系首次被查处，在执法人员责令改正后已当场改正。")
    w.line("二、证据材料", before=4)
    for i, e in enumerate(p.evidence + [q.type for q in p.inquiries], 1):
        w.text(f"{i}．{e}", after=0)
    w.line("三、调查结论和处理意见", before=6)
    w.text(
        f"当事人的行为违反了{p.violation.breach}的规定，事实清楚，证据确凿。依据{p.violation.basis}的规定，"
        f"建议给予罚款{fmt.money(p.proposed_fine)}的行政处罚。"
    )
    w.line(
        "执法人员签名：", (f"{o[0].name}　{o[1].name}",), "　　", (fmt.d(d.report),), align=RIGHT, before=6
    )
    w.line(
        "承办机构负责人意见：",
        ("同意调查结论，按程序告知当事人。",),
        "　",
        (p.staff.unit_head,),
        "　",
        (fmt.d(d.report),),
        before=4,
    )
    return Spec(key, "案件调查报告")
