"""Investigation forms: 立案审批表, the three kinds of 笔录, evidence preservation, seizure, exhibits."""

from __future__ import annotations

from casegen.model import Inquiry

from .canvas import DocWriter, L, R
from .ctx import Ctx, Out, trad

GENERIC_QA = (
    (
        "我们是{agency}的执法人员（出示执法证件），现依法向你调查了解有关情况，你应当如实回答。你看清楚我们的证件了吗？",
        "看清楚了。",
    ),
    ("你有申请执法人员回避的权利，是否申请回避？", "不申请。"),
)


def filing(c: Ctx) -> Out:
    d, p, s = c.plan.dates, c.p, c.plan.staff
    w = c.writer("立案登记表")
    w.title(["立案审批表"], agency=c.a.name)
    w.right(f"案号：{c.number}", 10.5)
    w.gap(4)
    w.boxes(
        [
            [
                ("案件来源", "√在行政检查中发现  □举报  □上级交办  □部门移送  □其他", 0.7),
                ("受案时间", c.bd(d.filing), 0.3),
            ],
            [("案由", f"涉嫌{c.cause()}案", 1.0)],
            *c.party_boxes(),
            [("车（船）号", p.plate or "/", 0.4), ("车（船）型", p.vehicle or "/", 0.6)],
        ]
    )
    w.boxes(
        [
            [("案件基本情况", f"{c.fact()}。涉嫌违反{c.plan.violation.breach}的规定。", 1.0)],
            [("立案依据", "《交通运输行政执法程序规定》第六十二条、第六十三条", 1.0)],
            [
                (
                    "承办人意见",
                    f"建议立案调查。承办人：{c.plan.officers[0].name}、{c.plan.officers[1].name}  {c.bd(d.filing)}",
                    1.0,
                )
            ],
            [
                (
                    "承办机构负责人意见",
                    f"同意立案，由{c.plan.officers[0].name}、{c.plan.officers[1].name}承办。  {s.unit_head}  {c.bd(d.filing)}",
                    1.0,
                )
            ],
            [("行政机关负责人审批意见", f"同意立案。  {s.head}  {c.bd(d.filing)}", 1.0)],
            [("备注", "/", 1.0)],
        ]
    )
    return w, "立案登记表", "立案审批表"


def record(c: Ctx, q: Inquiry, idx: int) -> Out:
    """询问 / 现场 / 勘验 record; the interviewee signs each page and confirms at the end."""
    titles = {"询问笔录": "调查询问笔录", "现场笔录": "现场检查笔录", "勘验笔录": "勘验检查笔录"}
    t = trad if c.trad_doc == "询问笔录" and q.type == "询问笔录" else (lambda x: x)
    title = t(titles.get(q.type, q.type))
    w = c.writer(q.type)
    w.title([title])
    w.right(t("案号：") + c.number, 10.5)
    o = q.officers
    mode = c.inquiry_mode(idx)
    place = c.plan.facts.get("place", c.a.station) if q.type != "询问笔录" else c.a.station
    span = f"{c.bd(q.date)} {q.start[0]:02d}:{q.start[1]:02d} 至 {q.end[0]:02d}:{q.end[1]:02d}"
    kind = {"询问笔录": "询问", "现场笔录": "检查", "勘验笔录": "勘验"}.get(q.type, "询问")
    w.boxes(
        [
            [(t("案由"), f"{c.cause()}案", 0.6), (t("当事人"), c.p.name, 0.4)],
            [(t(f"{kind}时间"), span, 0.5), (t(f"{kind}地点"), place, 0.5)],
        ]
    )
    w.line(c.officers_line(o, mode, t), 11)
    w.line(t("记录人：") + (o[0].name if mode == "single" else o[1].name), 11)
    w.line(t("被询问人基本情况：") if q.type == "询问笔录" else t("现场人员基本情况："), 10.5, bold=True)
    w.boxes([[(t(a), b, f) for a, b, f in row] for row in c.interviewee_boxes(q)])
    facts = {**c.plan.facts, "agency": c.a.name}
    if q.type == "询问笔录":
        for qq, aa in GENERIC_QA + c.plan.violation.qa:
            w.para(t("问：") + qq.format(**facts), indent=False)
            w.para(t("答：") + aa.format(**facts), indent=False)
        w.para(t("问：你还有什么需要补充的吗？"), indent=False)
        w.para(t("答：没有了。"), indent=False)
        w.para(t("被询问人意见：以上笔录我已看过，与我说的一致。") + f"  {q.interviewee.name}", indent=False)
    else:
        w.line(t("现场情况：") if q.type == "现场笔录" else "勘验情况及结果：", 10.5, bold=True)
        w.para(c.plan.violation.scene.format(**facts) + "执法过程使用执法记录仪全程音像记录。")
        w.para(
            f"上述笔录已向现场人员宣读，情况属实无误。  现场人员签名：{q.interviewee.name}  {c.bd(q.date)}",
            indent=False,
        )
    w.gap(6)
    names = o[0].name if mode == "single" else f"{o[0].name}  {o[1].name}"
    w.line(t("执法人员签名：") + f"{names}    {c.bd(q.date)}", 11)
    who = "被询问人签名：" if q.type == "询问笔录" else "现场人员签名："
    _sign_each_page(w, t(who) + q.interviewee.name)
    return w, q.type, title


def _sign_each_page(w: DocWriter, text: str) -> None:
    for i in range(w.pages):
        page = w.pen.out[w.first + i]
        page.insert_text((R - w.pen.w(text, 9) - 4, 796), text, fontsize=9, fontname="zb")


def preservation(c: Ctx) -> list[Out]:
    d, p = c.plan.dates, c.p
    assert d.preservation and d.preservation_release
    w = c.writer("证据登记保存清单")
    w.title(["先行登记保存证据清单"], agency=c.a.name)
    w.right(f"案号：{c.number}", 10.5)
    w.boxes(c.party_boxes())
    w.para(
        f"因调查{p.name}涉嫌{c.cause()}一案，依据《中华人民共和国行政处罚法》第五十六条的规定，"
        f"对下列证据先行登记保存七日（自{c.td(d.preservation)}起），保存期间当事人不得销毁或者转移。"
    )
    w.grid(
        (0.1, 0.34, 0.18, 0.12, 0.26),
        [
            ("序号", "证据名称", "规格", "数量", "保存地点"),
            ("1", f"{p.plate}{p.vehicle}", "/", "1辆", c.a.station),
            ("2", "车辆行驶证", "/", "1本", c.a.station),
        ],
    )
    w.line(
        f"当事人签名：{c.signer()}    执法人员签名：{c.plan.officers[0].name}、{c.plan.officers[1].name}", 11
    )
    w.sign(c.a.name, c.sd(d.preservation), c.seal())
    rel = c.writer("解除证据登记保存决定书")
    rel.title(["解除证据登记保存决定书"], agency=c.a.name)
    rel.right(f"案号：{c.number}", 10.5)
    rel.line(f"{p.name}：", 12)
    rel.para(
        f"本机关于{c.td(d.preservation)}对{c.you()}的{p.plate}{p.vehicle}、车辆行驶证予以先行登记保存。经调查核实，"
        f"相关证据已拍照、记录固定，依据《交通运输行政执法程序规定》第四十五条的规定，决定自{c.td(d.preservation_release)}起解除先行登记保存。"
    )
    rel.sign(c.a.name, c.sd(d.preservation_release), c.seal())
    return [
        (w, "证据登记保存清单", "先行登记保存证据清单"),
        (rel, "解除证据登记保存决定书", "解除证据登记保存决定书"),
    ]


def compulsion(c: Ctx) -> list[Out]:
    d, p = c.plan.dates, c.p
    assert d.compulsion and d.compulsion_release
    w = c.writer("行政强制措施决定书")
    w.title(["行政强制措施决定书"], agency=c.a.name)
    w.right(f"案号：{c.number}", 10.5)
    w.line(f"{p.name}：", 12)
    w.para(
        f"经查，{c.fact()}，涉嫌违反{c.plan.violation.breach}的规定。依据《中华人民共和国行政强制法》第九条第（二）项、"
        f"第二十四条的规定，本机关决定自{c.td(d.compulsion)}起对{p.plate}{p.vehicle}实施扣押，期限三十日。"
        "扣押过程已全程音像记录，扣押物品详见所附清单。"
    )
    w.grid(
        (0.12, 0.5, 0.18, 0.2),
        [("序号", "物品名称", "数量", "备注"), ("1", f"{p.plate}{p.vehicle}", "1辆", "/")],
    )
    w.para(
        f"如不服本决定，可以在六十日内依法向{c.a.review_body}申请行政复议，或者在六个月内依法向{c.a.court}提起行政诉讼。"
    )
    w.sign(c.a.name, c.sd(d.compulsion), c.seal())
    rel = c.writer("解除行政强制措施决定书")
    rel.title(["解除行政强制措施决定书"], agency=c.a.name)
    rel.right(f"案号：{c.number}", 10.5)
    rel.line(f"{p.name}：", 12)
    rel.para(
        f"本机关于{c.td(d.compulsion)}对{p.plate}{p.vehicle}实施了扣押。依据《中华人民共和国行政强制法》第二十八条的规定，"
        f"决定自{c.td(d.compulsion_release)}起解除扣押，请持本决定书到{c.a.station}办理车辆返还手续。"
    )
    rel.sign(c.a.name, c.sd(d.compulsion_release), c.seal())
    return [
        (w, "行政强制措施决定书", "行政强制措施决定书"),
        (rel, "解除行政强制措施决定书", "解除行政强制措施决定书"),
    ]


def exhibit(c: Ctx, what: str) -> Out:
    """An evidence sheet: a framed copy area with a caption; photos drawn as grey plates."""
    d, p, f = c.plan.dates, c.p, c.plan.facts
    w = c.writer("证据材料")
    label = what.replace("复印件", "")
    w.center(f"证据{c.plan.evidence.index(what) + 1}：{label}", 13, bold=True)
    y = w.pen.y + 8
    page = w.page
    if "照片" in what or "截图" in what:
        for i, cap in enumerate((f"{p.plate}车辆正面", f"{f.get('place', '')}现场全景")):
            top = y + i * 270
            page.draw_rect(
                (L + 40, top, R - 40, top + 220), color=(0.3, 0.3, 0.3), fill=(0.78, 0.78, 0.76), width=0.8
            )
            page.draw_rect((L + 140, top + 90, R - 140, top + 170), color=None, fill=(0.45, 0.45, 0.47))
            w.pen.y = top + 236
            w.center(f"图{i + 1}  {cap}", 10)
        w.pen.y = y + 540
        w.line(
            f"拍摄时间：{c.bd(d.violation)}  拍摄地点：{f.get('place', '')}  拍摄人：{c.plan.officers[0].name}",
            10,
        )
    else:
        page.draw_rect((L + 20, y, R - 20, y + 300), color=(0.2, 0.2, 0.2), width=0.8, dashes="[3 2] 0")
        lines = {
            "身份证复印件": ["居民身份证", f"姓名 {c.signer()}"],
            "营业执照复印件": [
                "营业执照",
                f"名称 {p.name}",
                f"统一社会信用代码 {p.credit_code}",
                f"法定代表人 {p.legal_rep}",
            ],
            "称重检测单": [
                f"{f.get('station', '')}称重检测单",
                f"车牌号码 {p.plate}  轴数 {f.get('axles', '')}",
                f"车货总质量 {f.get('w', '')}吨  限定标准 {f.get('lim', '')}吨  超限 {f.get('over', '')}吨",
            ],
        }.get(what, [label, f"号牌号码 {p.plate}", f"所有人 {p.name}"])
        w.pen.y = y + 20
        for ln in lines:
            w.center(ln, 11)
        w.pen.y = y + 310
    w.right(f"以上复印件与原件核对无误  提供人：{c.signer()}  {c.bd(d.filing)}", 10)
    return w, "证据材料", label


def report(c: Ctx) -> Out:
    d, v, s = c.plan.dates, c.plan.violation, c.plan.staff
    assert d.report
    o1, o2 = c.plan.officers[0], c.plan.officers[1]
    w = c.writer("案件调查报告")
    w.title(["案件调查终结报告"], agency=c.a.name)
    w.right(f"案号：{c.number}", 10.5)
    w.boxes([[("案由", f"{c.cause()}案", 0.6), ("调查人员", f"{o1.name}、{o2.name}", 0.4)], *c.party_boxes()])
    w.line("一、调查经过", bold=True)
    dates = "、".join(f"{c.td(q.date)}制作{q.type}" for q in c.plan.inquiries)
    w.para(
        f"本案于{c.td(d.filing)}立案。立案后，执法人员{o1.name}、{o2.name}依法开展调查，{dates}，并收集了相关书证、照片。"
    )
    w.line("二、违法事实及证据", bold=True)
    w.para(f"经调查查明：{c.fact()}。")
    w.para(
        "上述事实有以下证据证明："
        + "；".join(
            f"{i + 1}.{e}" for i, e in enumerate([q.type for q in c.plan.inquiries] + c.plan.evidence)
        )
        + "。"
    )
    w.line("三、调查结论和处理意见", bold=True)
    w.para(
        f"当事人的行为违反了{v.breach}的规定，事实清楚，证据确实充分。依据{v.basis}的规定，"
        f"建议给予{c.money(c.plan.proposed_fine)}的行政处罚。"
    )
    w.line(f"执法人员签名：{o1.name}  {o2.name}      {c.bd(d.report)}", 11)
    w.boxes(
        [
            [("承办机构负责人意见", f"同意调查结论。  {s.unit_head}  {c.bd(d.report)}", 1.0)],
            [("行政机关负责人审批意见", f"同意，按程序告知。  {s.head}  {c.bd(d.report)}", 1.0)],
        ]
    )
    return w, "案件调查报告", "案件调查终结报告"
