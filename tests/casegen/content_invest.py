"""Investigation documents: 立案登记表, 笔录, evidence preservation, compulsory measures, attachments."""

from __future__ import annotations

from casegen.blocks import Block, Doc, center, gap, kv, para, photo, plain, right, sign, small, table
from casegen.cal import add_wd
from casegen.ctx import COPIES, Ctx
from casegen.model import Inquiry

SOURCES = (
    "在行政检查中发现的",
    "个人、法人及其他组织举报经核实的",
    "上级机关交办的",
    "有关部门移送的",
    "其他途径发现的",
)


def filing(c: Ctx) -> Doc:
    doc = c.doc("立案登记表", c.rng.choice(("立案登记表", "立案登记表", "立案审批表")))
    d = c.plan.dates
    src = 0 if d.violation == d.filing else c.rng.randint(1, 4)
    boxes = "  ".join(("■" if i == src else "□") + f"{i + 1}.{s}" for i, s in enumerate(SOURCES))
    summary = c.fact(c.plan.violation.act, "立案登记表") + "，涉嫌违反" + c.plan.violation.breach + "的规定。"
    rows = kv(("案件来源", boxes), ("案由", c.cause()), ("受案时间", c.d(d.filing)))
    rows += c.party_rows("立案登记表")
    rows += kv(
        ("案件基本情况", summary),
        ("立案依据", "《交通运输行政执法程序规定》第六十二条、第六十三条，符合立案条件，建议立案调查。"),
        (
            "承办机构意见",
            f"建议立案，由{c.plan.officers[0].name}、{c.plan.officers[1].name}承办。"
            f"    签名：{c.plan.staff.unit_head}    {c.d(d.filing)}",
        ),
        ("行政机关负责人审批意见", f"同意立案。    签名：{c.plan.staff.head}    {c.d(d.filing)}"),
        ("备注", "无"),
    )
    doc.blocks = [table(rows)]
    return doc


def _officer_lines(q: Inquiry, roles: tuple[str, str], c: Ctx, idx: int) -> list[str]:
    mode = c.plan.mut.get("p01") if c.plan.mut.get("p01_index") == str(idx) else None
    a, b = q.officers
    first = f"{roles[0]}：{a.name}    执法证号：{a.certificate}    单位：{c.a.unit}"
    if mode == "single":
        return [first]
    second = f"{roles[1]}：{b.name}" + ("" if mode == "nocert" else f"    执法证号：{b.certificate}")
    return [first, second + f"    单位：{c.a.unit}"]


def _signers(q: Inquiry, c: Ctx, idx: int) -> str:
    if c.plan.mut.get("p01") == "single" and c.plan.mut.get("p01_index") == str(idx):
        return q.officers[0].name
    return f"{q.officers[0].name}  {q.officers[1].name}"


def record(c: Ctx, q: Inquiry, idx: int) -> Doc:
    """One 询问/现场/勘验笔录; long Q&A spills onto further pages with a signature footer on each."""
    doc = c.doc(
        q.type,
        q.type
        if c.rng.random() < 0.8
        else {"询问笔录": "调查询问笔录", "现场笔录": "现场检查笔录", "勘验笔录": "勘验检查笔录"}[q.type],
    )
    who = q.interviewee
    when = c.span(q.date, q.start, q.end)
    place = (
        c.fact("{place}")
        if q.type != "询问笔录"
        else c.plan.agency.station + c.rng.choice(("询问室", "办公室"))
    )
    lines = [
        f"{'询问' if q.type == '询问笔录' else '执法' if q.type == '现场笔录' else '勘验'}时间：{when}",
        f"{'询问' if q.type == '询问笔录' else '执法' if q.type == '现场笔录' else '勘验'}地点：{place}",
    ]
    roles = {
        "询问笔录": ("询问人", "记录人"),
        "现场笔录": ("执法人员", "执法人员"),
        "勘验笔录": ("勘验人", "勘验人"),
    }[q.type]
    lines += _officer_lines(q, roles, c, idx)
    role = {"询问笔录": "被询问人", "现场笔录": "现场人员", "勘验笔录": "当事人（代理人）"}[q.type]
    age = who.age_on(q.date)
    lines += [f"{role}：{who.name}    性别：{who.sex}    年龄：{age}岁", f"身份证件号：{who.id_number}"]
    relation = "当事人" if who.name == c.p.name else f"{c.p.name}{c.p.contact_role}"
    lines += [f"工作单位及职务：{relation}    联系电话：{who.phone}", f"住址：{who.address}"]
    if q.type != "询问笔录":
        lines.append(f"车（船）号：{c.p.plate}    车（船）型：{c.p.vehicle}")
    if q.type == "勘验笔录":
        lines.append("天气情况：" + c.rng.choice(("晴", "多云", "阴", "小雨")))
    doc.blocks = [plain(x) for x in lines] + [gap(6)]
    if q.type == "询问笔录":
        doc.blocks += [
            plain(f"问：{x}") if i % 2 == 0 else plain(f"答：{x}") for i, x in enumerate(_qa(c, q, who.name))
        ]
    else:
        doc.blocks += [plain("主要内容："), para(c.fact(c.plan.violation.scene))]
        doc.blocks.append(para("上述笔录我已看过，情况属实无误。"))
    doc.blocks += [
        gap(8),
        plain(f"{role}签名：{who.name}    {c.d(q.date)}"),
        plain(f"执法人员签名：{_signers(q, c, idx)}    {c.d(q.date)}"),
    ]
    doc.footer = f"{role}签名：{who.name}          第{{page}}页  共{{pages}}页"
    return doc


def _qa(c: Ctx, q: Inquiry, name: str) -> list[str]:
    a, b = q.officers
    certs = f"{a.certificate}、{b.certificate}"
    out = [
        f"我们是{c.a.name}的执法人员{a.name}、{b.name}，执法证号分别为{certs}，这是我们的执法证件，请你过目。"
        "现依法向你进行询问调查，你应当如实回答，不得作伪证，如果你认为执法人员与本案有利害关系，可以申请回避。听清楚了吗？",
        "听清楚了，不申请回避。",
        "请介绍一下你的基本情况。",
        f"我叫{name}，身份证号码如上，现住{q.interviewee.address}。",
    ]
    for qq, aa in c.plan.violation.qa:
        out += [c.fact(qq), c.fact(aa)]
    filler = [
        ("你知道你的行为违反了哪些规定吗？", "现在知道了，以后不会再犯。"),
        ("你对执法人员的执法行为有无意见？", "没有意见。"),
        ("你还有什么需要补充的吗？", "没有了。"),
    ]
    for qq, aa in filler[: c.rng.randint(1, 3)]:
        out += [qq, aa]
    out += ["以上笔录请你核对，是否与你所说的一致？", "以上笔录我已看过，与我所说的一致。"]
    return out


def preservation(c: Ctx) -> list[Doc]:
    d = c.plan.dates
    assert d.preservation and d.preservation_release
    end = add_wd(d.preservation, 7)
    doc = c.doc("证据登记保存清单", c.rng.choice(("证据登记保存清单", "先行登记保存证据清单")))
    doc.blocks = [
        plain(f"{c.name('证据登记保存清单')}："),
        para(
            f"因调查{c.case_title('证据登记保存清单')}，根据《中华人民共和国行政处罚法》第五十六条的规定，经本机关负责人批准，"
            f"对下列证据先行登记保存七日（自{c.d(d.preservation)}至{c.d(end)}）。在此期间，当事人或者有关人员不得销毁或者转移证据。"
        ),
        table(
            [
                [("序号", 0.08), ("证据名称", 0.32), ("规格", 0.2), ("数量", 0.12), ("登记保存地点", 0.28)],
                [
                    ("1", 0.08),
                    (f"{c.p.plate}{c.p.vehicle}", 0.32),
                    ("/", 0.2),
                    ("1辆", 0.12),
                    (c.a.station, 0.28),
                ],
                [("2", 0.08), ("车辆钥匙", 0.32), ("/", 0.2), ("1把", 0.12), (c.a.station, 0.28)],
            ]
        ),
        gap(10),
        plain(f"当事人签名：{c.p.contact.name if c.p.contact else c.p.name}    {c.d(d.preservation)}"),
        plain(f"执法人员签名：{c.plan.officers[0].name}  {c.plan.officers[1].name}    {c.d(d.preservation)}"),
        gap(10),
        sign(c.a.name, c.sd(d.preservation), seal="agency"),
        small(COPIES),
    ]
    rel = c.doc("解除证据登记保存决定书")
    rel.blocks = [
        plain(f"{c.name('解除证据登记保存决定书')}："),
        para(
            f"本机关于{c.d(d.preservation)}对你（单位）的下列证据予以先行登记保存：{c.p.plate}{c.p.vehicle}、车辆钥匙。"
            "经调查，相关证据已依法制作笔录、拍照固定，现根据《交通运输行政执法程序规定》第四十五条的规定，决定解除先行登记保存。".replace(
                "你（单位）", c.you()
            )
        ),
        gap(16),
        sign(c.a.name, c.sd(d.preservation_release), seal="agency"),
        small(COPIES),
    ]
    return [doc, rel]


def compulsion(c: Ctx) -> list[Doc]:
    d = c.plan.dates
    assert d.compulsion and d.compulsion_release
    doc = c.doc("行政强制措施决定书")
    doc.blocks = [
        plain(f"{c.name('行政强制措施决定书')}："),
        para(
            c.fact(c.plan.violation.act, "行政强制措施决定书")
            + f"，涉嫌违反{c.plan.violation.breach}的规定。"
            f"依据《中华人民共和国行政强制法》第九条、第二十四条的规定，本机关决定对{c.p.plate}{c.p.vehicle}采取扣押的行政强制措施，"
            f"期限为三十日（自{c.d(d.compulsion)}起）。"
        ),
        para(
            f"如不服本决定，可以在六十日内依法向{c.a.review_body}申请行政复议，或者在六个月内依法向{c.a.court}提起行政诉讼。"
        ),
        gap(14),
        sign(c.a.name, c.sd(d.compulsion), seal="agency"),
        small(COPIES),
    ]
    rel = c.doc("解除行政强制措施决定书")
    rel.blocks = [
        plain(f"{c.name('解除行政强制措施决定书')}："),
        para(
            f"本机关于{c.d(d.compulsion)}对{c.p.plate}{c.p.vehicle}采取了扣押的行政强制措施。根据《中华人民共和国行政强制法》"
            f"第二十八条的规定，现决定自{c.d(d.compulsion_release)}起解除上述行政强制措施，请于收到本决定书后领取。"
        ),
        gap(14),
        sign(c.a.name, c.sd(d.compulsion_release), seal="agency"),
        small(COPIES),
    ]
    return [doc, rel]


def attachment(c: Ctx, what: str) -> Doc:
    """One evidence page, typed 证据材料 but titled after what it shows."""
    title = what.replace("复印件", "（复印件）")
    doc = c.doc("证据材料", title)
    d = c.plan.dates
    p, f = c.p, c.plan.facts
    holder = p.contact.name if p.contact else p.name
    blocks: list[Block]
    if what == "现场照片" or what == "网约车订单截图":
        blocks = [
            photo(f"照片1：{p.plate}{'车头' if p.plate[0] != '吉' else ''}"),
            gap(8),
            photo(f"照片2：{f['place']}现场", 190),
        ]
        blocks.append(
            plain(
                f"拍摄时间：{c.d(d.violation)}    拍摄地点：{f['place']}    拍摄人：{c.plan.officers[0].name}"
            )
        )
    elif what == "称重检测单":
        blocks = [
            center(f"{f['station']}车辆称重检测单", 13, True),
            table(
                kv(
                    ("检测时间", c.at(d.violation, d.violation_time)),
                    ("车牌号码", p.plate),
                    ("车型|轴数", f"{p.vehicle}|{f['axles']}"),
                    ("车货总质量（吨）", f["w"]),
                    ("限定标准（吨）|超限（吨）", f"{f['lim']}|{f['over']}"),
                    ("检测设备", "动态汽车衡（检定合格）"),
                    ("驾驶员签名", f["driver"]),
                )
            ),
        ]
    else:
        lines = {
            "身份证复印件": [f"姓名 {holder}", "居民身份证", "（正反面复印件）"],
            "营业执照复印件": [
                f"名称 {p.name}",
                f"统一社会信用代码 {p.credit_code}",
                f"法定代表人 {p.legal_rep}",
            ],
        }.get(what, [f"{what.replace('复印件', '')}", f"号牌号码/船名 {p.plate}", f"所有人 {p.name}"])
        blocks = [table([[(x, 1.0)] for x in lines], 12, min_row=40)]
    blocks += [gap(18), right("经核对与原件一致"), right(f"提供人：{holder}    {c.d(d.filing)}")]
    doc.blocks = blocks
    return doc
