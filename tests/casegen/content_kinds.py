"""Documents of the two non-penalty case kinds: 行政强制 (扣押) and 行政检查 files.

Defect mutations are read from ``plan.mut`` (chosen in ``kinds.py``): ``d02`` drops or strips one
element of a compulsion file, ``d03`` one of an inspection file, ``p11`` removes every reference to
the audio-video record.
"""

from __future__ import annotations

from casegen.blocks import Doc, center, gap, kv, para, photo, plain, sign, small, table
from casegen.ctx import COPIES, Ctx
from casegen.model import Inquiry

RIGHTS = (
    "执法人员出示了执法证件，告知当事人采取行政强制措施的理由、依据以及当事人依法享有的权利和救济途径，"
    "听取了当事人的陈述和申辩。"
)


def _officers(q: Inquiry, single: bool = False) -> list[str]:
    a, b = q.officers
    lines = [f"执法人员：{a.name}    执法证号：{a.certificate}"]
    if not single:
        lines.append(f"执法人员：{b.name}    执法证号：{b.certificate}")
    return lines


def camera(c: Ctx) -> str:
    return c.plan.facts["camera"]


def measure_record(c: Ctx, q: Inquiry) -> Doc:
    """现场笔录 of the 扣押: rights told, the goods, the camera that recorded it."""
    doc = c.doc("现场笔录", c.rng.choice(("现场笔录", "现场笔录", "现场检查笔录", "行政强制措施现场笔录")))
    who = q.interviewee
    lines = [
        f"执法时间：{c.span(q.date, q.start, q.end)}",
        f"执法地点：{c.plan.facts['place']}",
        *_officers(q),
        f"当事人：{who.name}    性别：{who.sex}    身份证件号：{who.id_number}",
        f"住址：{who.address}    联系电话：{who.phone}",
        f"车（船）号：{c.p.plate}    车（船）型：{c.p.vehicle}",
    ]
    doc.blocks = [plain(x) for x in lines] + [gap(6), plain("现场情况：")]
    doc.blocks.append(para(c.fact(c.plan.violation.scene)))
    # D-02 "service": nothing in the file shows the decision handed over, not even this record
    handed = "" if c.plan.mut.get("d02") == "service" else "并当场交付行政强制措施决定书和扣押物品清单。"
    doc.blocks.append(
        para(
            RIGHTS
            + f"经本机关负责人批准，执法人员当场对{c.p.plate}{c.p.vehicle}实施扣押"
            + ("，" + handed if handed else "。")
        )
    )
    if not c.plan.mut.get("p11"):
        doc.blocks.append(
            para(f"执法人员使用执法记录仪（编号：{camera(c)}）对检查及扣押过程进行了全程音像记录。")
        )
    doc.blocks += [
        para("上述笔录我已看过，情况属实无误。"),
        gap(8),
        plain(f"当事人签名：{who.name}    {c.d(q.date)}"),
        plain(f"执法人员签名：{q.officers[0].name}  {q.officers[1].name}    {c.d(q.date)}"),
    ]
    return doc


def measure_decision(c: Ctx, signed_on_spot: bool) -> Doc:
    d = c.plan.dates
    assert d.compulsion
    doc = c.doc(
        "行政强制措施决定书", c.rng.choice(("行政强制措施决定书", "行政强制措施决定书", "扣押决定书"))
    )
    doc.blocks = [
        plain(f"{c.name('行政强制措施决定书')}："),
        para(
            c.fact(c.plan.violation.act, "行政强制措施决定书")
            + f"，涉嫌违反{c.plan.violation.breach}的规定。"
            f"依据《中华人民共和国行政强制法》第九条、第二十四条的规定，本机关决定对{c.p.plate}{c.p.vehicle}"
            f"采取扣押的行政强制措施，期限为三十日（自{c.d(d.compulsion)}起）。扣押物品详见扣押物品清单。"
        ),
        para(
            f"如不服本决定，可以在六十日内依法向{c.a.review_body}申请行政复议，或者在六个月内依法向{c.a.court}提起行政诉讼。"
        ),
        gap(14),
        sign(c.a.name, c.sd(d.compulsion), seal="agency"),
    ]
    if signed_on_spot:
        who = c.p.contact.name if c.p.contact else c.p.name
        doc.blocks.append(plain(f"当事人签收：{who}    {c.d(d.compulsion)}"))
    doc.blocks.append(small(COPIES))
    return doc


def goods_list(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.compulsion
    doc = c.doc("扣押物品清单", c.rng.choice(("扣押物品清单", "查封（扣押）物品清单", "扣押财物清单")))
    head = [("序号", 0.08), ("物品名称", 0.34), ("规格型号", 0.2), ("数量", 0.12), ("存放地点", 0.26)]
    rows = [
        head,
        [("1", 0.08), (f"{c.p.plate}{c.p.vehicle}", 0.34), ("/", 0.2), ("1辆", 0.12), (c.a.station, 0.26)],
        [("2", 0.08), ("车辆钥匙", 0.34), ("/", 0.2), ("1把", 0.12), (c.a.station, 0.26)],
    ]
    if c.rng.random() < 0.5:
        rows.append([("3", 0.08), ("机动车行驶证", 0.34), ("/", 0.2), ("1本", 0.12), (c.a.station, 0.26)])
    who = c.p.contact.name if c.p.contact else c.p.name
    o1, o2 = c.plan.officers[0], c.plan.officers[1]
    doc.blocks = [
        plain(f"当事人：{c.name('扣押物品清单')}"),
        gap(4),
        table(rows),
        gap(10),
        plain(f"当事人签名：{who}    {c.d(d.compulsion)}"),
        plain(f"执法人员签名：{o1.name}  {o2.name}    {c.d(d.compulsion)}"),
        gap(10),
        sign(c.a.name, c.sd(d.compulsion), seal="agency"),
        small(COPIES),
    ]
    return doc


def extension(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.compulsion and d.compulsion_extension
    doc = c.doc("延长行政强制措施期限通知书")
    doc.blocks = [
        plain(f"{c.name('延长行政强制措施期限通知书')}："),
        para(
            f"本机关于{c.d(d.compulsion)}对{c.p.plate}{c.p.vehicle}采取了扣押的行政强制措施。因情况复杂，"
            "经本机关负责人批准，根据《中华人民共和国行政强制法》第二十五条的规定，决定将扣押期限延长三十日。"
        ),
        gap(14),
        sign(c.a.name, c.sd(d.compulsion_extension), seal="agency"),
        small(COPIES),
    ]
    return doc


def release(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.compulsion and d.compulsion_release
    doc = c.doc("解除行政强制措施决定书", c.rng.choice(("解除行政强制措施决定书", "解除扣押决定书")))
    doc.blocks = [
        plain(f"{c.name('解除行政强制措施决定书')}："),
        para(
            f"本机关于{c.d(d.compulsion)}对{c.p.plate}{c.p.vehicle}采取了扣押的行政强制措施。根据《中华人民共和国行政强制法》"
            "第二十八条的规定，现决定解除上述行政强制措施，请于收到本决定书后领取扣押物品。"
        ),
        gap(14),
        sign(c.a.name, c.sd(d.compulsion_release), seal="agency"),
        small(COPIES),
    ]
    return doc


def video_note(c: Ctx) -> Doc:
    """The 视听资料 attachment: which camera recorded the seizure and where the footage is kept."""
    d = c.plan.dates
    assert d.compulsion
    doc = c.doc("证据材料", "视听资料说明")
    doc.blocks = [
        photo(f"视频截图：{c.p.plate}扣押现场", 170),
        gap(8),
        para(
            f"{c.d(d.compulsion)}执法人员使用执法记录仪（编号：{camera(c)}）对扣押{c.p.plate}{c.p.vehicle}的过程"
            f"进行了全程音像记录，视频文件已刻录光盘存档。制作人：{c.plan.officers[0].name}。"
        ),
    ]
    return doc


def inspection_approval(c: Ctx) -> Doc:
    d, st = c.plan.dates, c.plan.staff
    assert d.inspection_plan and d.inspection
    o1, o2 = c.plan.officers[0], c.plan.officers[1]
    basis = c.plan.violation.breach
    if c.rng.random() < 0.5:
        doc = c.doc("行政检查审批表", c.rng.choice(("行政检查审批表", "现场检查审批表")))
        rows = kv(
            ("检查对象", c.name("行政检查审批表")),
            ("检查地点", c.p.address),
            ("检查依据", f"{basis}；《交通运输行政执法程序规定》第二十三条"),
            ("检查事项", c.plan.facts["items"]),
            ("检查时间", c.d(d.inspection)),
            ("检查人员", f"{o1.name}（执法证号：{o1.certificate}）、{o2.name}（执法证号：{o2.certificate}）"),
            ("承办机构意见", f"建议按计划实施检查。    签名：{st.unit_head}    {c.d(d.inspection_plan)}"),
            ("负责人审批意见", f"同意。    签名：{st.head}    {c.d(d.inspection_plan)}"),
        )
        doc.blocks = [gap(6), table(rows, 11.5, min_row=30)]
        return doc
    doc = c.doc("行政检查方案", c.rng.choice(("行政检查方案", "检查工作方案")))
    doc.blocks = [
        plain("一、检查依据"),
        para(f"{basis}；《交通运输行政执法程序规定》第二十三条；国办发〔2024〕54号。"),
        plain("二、检查对象和时间"),
        para(f"{c.name('行政检查方案')}，{c.d(d.inspection)}。"),
        plain("三、检查事项"),
        para(c.plan.facts["items"] + "。"),
        plain("四、检查人员"),
        para(f"{o1.name}（执法证号：{o1.certificate}）、{o2.name}（执法证号：{o2.certificate}）。"),
        gap(12),
        plain(f"审批意见：同意。    负责人：{st.head}    {c.d(d.inspection_plan)}"),
        sign(c.a.name, c.sd(d.inspection_plan), seal="agency"),
    ]
    return doc


def inspection_record(c: Ctx, q: Inquiry) -> Doc:
    mode = c.plan.mut.get("d03")
    doc = c.doc("行政检查记录", c.rng.choice(("行政检查记录", "现场检查记录", "监督检查记录")))
    who = q.interviewee
    lines = [
        f"检查时间：{c.span(q.date, q.start, q.end)}",
        f"检查地点：{c.p.address}",
        *_officers(q, single=mode == "officers"),
        f"被检查单位（人）：{c.name('行政检查记录')}",
        f"现场负责人：{who.name}    职务：{c.p.contact_role or '负责人'}    联系电话：{who.phone}",
    ]
    doc.blocks = [plain(x) for x in lines] + [gap(6), plain("检查情况：")]
    doc.blocks.append(
        para(
            "执法人员出示了执法证件，说明了检查的依据和事项。"
            + f"经检查{c.plan.facts['items']}，"
            + (c.plan.facts["finding"] if c.plan.facts["finding"] else "未发现违法违规问题。")
        )
    )
    doc.blocks += [para("以上记录经被检查人核对无误。"), gap(8)]
    if mode == "signature":
        doc.blocks.append(plain("被检查人签名："))
    elif c.plan.facts["refused"]:
        doc.blocks.append(
            plain(f"被检查人拒绝签名，见证人：{c.plan.staff.clerk}（社区工作人员）    {c.d(q.date)}")
        )
    else:
        doc.blocks.append(plain(f"被检查人签名：{who.name}    {c.d(q.date)}"))
    signers = q.officers[0].name if mode == "officers" else f"{q.officers[0].name}  {q.officers[1].name}"
    doc.blocks.append(plain(f"检查人员签名：{signers}    {c.d(q.date)}"))
    return doc


def inspection_result(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.inspection_result
    if c.plan.facts["finding"]:
        doc = c.doc("责令改正违法行为通知书", c.rng.choice(("责令改正违法行为通知书", "责令改正通知书")))
        body = (
            f"本机关于{c.d(d.inspection)}对{c.you()}进行了行政检查，发现{c.plan.facts['finding'].rstrip('。')}，"
            f"违反了{c.plan.violation.breach}的规定。现责令{c.you()}于{c.d(d.inspection_result)}起十五日内改正。"
        )
    else:
        doc = c.doc("检查结果告知书", c.rng.choice(("检查结果告知书", "行政检查结果告知书")))
        body = f"本机关于{c.d(d.inspection)}对{c.you()}进行了行政检查，检查事项为{c.plan.facts['items']}，未发现违法违规问题。"
    doc.blocks = [
        plain(f"{c.name(doc.type)}："),
        para(body),
        gap(14),
        sign(c.a.name, c.sd(d.inspection_result), seal="agency"),
        small(COPIES),
    ]
    return doc


def kind_cover(c: Ctx, items: int, pages: int) -> Doc:
    d = c.plan.dates
    title = "行政强制案卷" if c.plan.case_type == "compulsion" else "行政检查案卷"
    doc = c.doc("卷宗封面", title)
    end = d.archive or d.decision
    rows = kv(
        ("案件名称", f"{c.p.name}{'扣押' if c.plan.case_type == 'compulsion' else '行政检查'}案"),
        ("文号", c.plan.number.format()),
        ("办案机构", c.a.unit),
        ("归档日期", c.d(end)),
        ("卷内件数|页数", f"{items}件|{pages}页"),
    )
    doc.agency_line = c.a.name
    doc.title_size = 28
    doc.blocks = [gap(90), table(rows, 13, min_row=40), gap(40), center(c.a.name, 16, True)]
    return doc
