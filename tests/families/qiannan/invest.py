"""The investigation papers: 立案登记表, the 笔录, preservation and seizure papers, evidence copies
and the 案件调查报告."""

from __future__ import annotations

from casegen.model import Inquiry
from families.qiannan.ctx import Case, Made
from families.qiannan.flow import Writer
from families.qiannan.words import dot, hm, ymd


def filing(c: Case) -> Made:
    p, d, key = c.plan, c.plan.dates, "立案登记表"
    w = c.writer("立案登记表", key)
    src = "在行政检查中发现" if p.inquiries and p.inquiries[0].type != "询问笔录" else "其他途径发现"
    w.table(
        [
            [("案件来源", f"☑{src}")],
            [("案  由", c.cause())],
            [("受案时间", dot(d.filing))],
            *c.party_rows(key),
            [("案情摘要", c.act() + "。")],
            [("立案依据", "《中华人民共和国行政处罚法》第五十四条、《交通运输行政执法程序规定》第五十一条")],
            [
                (
                    "承办人意见",
                    f"符合立案条件，建议立案调查。承办人：{'、'.join(o.name for o in p.officers[:2])}",
                )
            ],
            [("承办机构负责人意见", f"同意。{p.staff.unit_head}  {dot(d.filing)}")],
            [("审批意见", f"同意立案。负责人：{p.staff.head}")],
        ],
        label_w=230,
        noisy=False,
    )
    w.signed("批准日期：", d.filing, right=True)
    return Made("立案登记表", "立案登记表", w)


def record(c: Case, q: Inquiry, i: int) -> Made:
    p, m = c.plan, c.plan.mut
    w = c.writer(q.type, q.type)
    a, b = q.officers
    mode = m.get("p01") if m.get("p01_index") == str(i) else None
    when = f"{ymd(q.date)}{hm(q.start)}至{hm(q.end)}"
    place = c.f["place"] if q.type != "询问笔录" else p.agency.station
    w.blanks([("时间：", when)])
    w.blanks([("地点：", place)])
    roles = {
        "询问笔录": ("询问人", "记录人"),
        "现场笔录": ("执法人员", "执法人员"),
        "勘验笔录": ("勘验人", "勘验人"),
    }
    r1, r2 = roles[q.type]
    w.blanks([(f"{r1}：", a.name), ("执法证号：", a.certificate)], [0.45, 0.55])
    if mode != "single":
        w.blanks(
            [(f"{r2}：", b.name), ("执法证号：", "" if mode == "nocert" else b.certificate)], [0.45, 0.55]
        )
    v = q.interviewee
    w.blanks(
        [
            ("被询问人：" if q.type == "询问笔录" else "当事人：", v.name),
            ("性别：", v.sex),
            ("年龄：", str(v.age_on(q.date))),
        ],
        [0.5, 0.22, 0.28],
    )
    w.blanks([("身份证号：", v.id_number), ("电话：", v.phone)], [0.6, 0.4])
    w.blanks([("住址：", v.address)])
    if q.type == "现场笔录":
        w.blanks([("车（船）号：", p.party.plate), ("车（船）型：", p.party.vehicle)])
    if q.type == "勘验笔录":
        w.blanks([("天气：", c.rng.choice(("晴", "多云", "阴", "小雨"))), ("被邀请人：", "无")])
    w.gap()
    names = f"{a.name}" if mode == "single" else f"{a.name}、{b.name}"
    w.para(
        f"我们是{p.agency.unit}执法人员{names}，这是我们的执法证件，请你过目。依法向你了解有关情况，请如实回答。",
        indent=False,
    )
    if q.type == "询问笔录":
        for qs, ans in p.violation.qa:
            w.para("问：" + qs.format(**c.f), indent=False, noisy=True)
            w.para("答：" + ans.format(**c.f), indent=False, noisy=True)
        w.para("问：以上所说是否属实？还有什么补充？", indent=False)
        w.para("答：属实，没有补充。", indent=False)
    else:
        w.heading("主要内容：" if q.type == "现场笔录" else "勘验情况及结果：")
        w.para(p.violation.scene.format(**c.f), noisy=True)
    w.gap()
    w.para("以上笔录我已看过，与我所说一致。", indent=False)
    w.signed("当事人签名：", q.date, right=False)
    w.signed("执法人员签名：", q.date)
    return Made(q.type, q.type, w)


def preservation(c: Case) -> list[Made]:
    p, d = c.plan, c.plan.dates
    assert d.preservation and d.preservation_release
    w = c.writer("证据登记保存清单", "证据登记保存清单")
    w.table(c.party_rows("证据登记保存清单"))
    w.para(
        f"因调查{c.cause()}，根据《中华人民共和国行政处罚法》第五十六条的规定，本机关对下列物品先行登记保存七日，"
        "在此期间当事人或者有关人员不得损毁、销毁或者转移。"
    )
    w.table(
        [[("证据名称", f"{p.party.plate}{p.party.vehicle}"), ("数量", "1")], [("保存地点", p.agency.station)]]
    )
    w.signed("当事人签名：", d.preservation)
    w.issuer(d.preservation, seal=True)
    rel = c.writer("解除证据登记保存决定书", "解除证据登记保存决定书")
    rel.para(f"{c.party('解除证据登记保存决定书')}：", indent=False)
    rel.para(
        f"本机关于{ymd(d.preservation)}对你方物品先行登记保存。经查，现决定自即日起解除登记保存，物品予以返还。"
    )
    rel.issuer(d.preservation_release, seal=True)
    return [
        Made("证据登记保存清单", "证据登记保存清单", w),
        Made("解除证据登记保存决定书", "解除证据登记保存决定书", rel),
    ]


def compulsion(c: Case) -> list[Made]:
    p, d = c.plan, c.plan.dates
    assert d.compulsion and d.compulsion_release
    w = c.writer("行政强制措施决定书", "行政强制措施决定书")
    w.para(f"{c.party('行政强制措施决定书')}：", indent=False)
    w.para(
        f"经查，{c.act()}。依据《中华人民共和国行政强制法》第九条、第二十四条的规定，本机关决定对{p.party.plate}"
        f"{p.party.vehicle}实施扣押，扣押期限为三十日，存放于{p.agency.station}停车场。"
    )
    w.para(
        f"如不服本决定，可以在六十日内向{p.agency.review_body}申请行政复议，或者在六个月内向{p.agency.court}提起行政诉讼。"
    )
    w.para("执法过程已全程音像记录。")
    w.issuer(d.compulsion, seal=True)
    rel = c.writer("解除行政强制措施决定书", "解除行政强制措施决定书")
    rel.para(f"{c.party('解除行政强制措施决定书')}：", indent=False)
    rel.para(
        f"本机关于{ymd(d.compulsion)}对{p.party.plate}{p.party.vehicle}实施的扣押措施，现决定予以解除。请凭本决定书领回。"
    )
    rel.issuer(d.compulsion_release, seal=True)
    return [
        Made("行政强制措施决定书", "行政强制措施决定书", w),
        Made("解除行政强制措施决定书", "解除行政强制措施决定书", rel),
    ]


def attachment(c: Case, name: str) -> Made:
    """A photocopy stapled into the file: a grey copy area, 经核对与原件一致 and a scribble."""
    w = Writer(c.rng, "", name)  # a photocopy: no agency heading, no case number
    s = w.sheet
    x0, y0 = 260, w.y + 40
    s.draw.rectangle((x0, y0, x0 + 1130, y0 + 720), fill=(176, 176, 170), outline=(70, 70, 70), width=3)
    if "照片" in name or "截图" in name:  # a photo: a dark vehicle shape on a road
        s.draw.rectangle((x0 + 40, y0 + 470, x0 + 1090, y0 + 690), fill=(120, 120, 116))
        s.draw.rounded_rectangle((x0 + 260, y0 + 250, x0 + 860, y0 + 520), 40, fill=(70, 70, 68))
        for cx in (x0 + 360, x0 + 760):
            s.draw.ellipse((cx - 60, y0 + 470, cx + 60, y0 + 590), fill=(30, 30, 30))
    else:  # a document copy: lines of grey print
        for k in range(9):
            x1 = x0 + 60 + c.rng.randint(400, 1000)
            s.draw.line((x0 + 60, y0 + 80 + k * 70, x1, y0 + 80 + k * 70), fill=(112, 112, 108), width=14)
    w.y = y0 + 780
    w.blanks([("提供人：", c.plan.party.contact.name if c.plan.party.contact else c.plan.party.name)])
    w.para("经核对与原件一致。", indent=False)
    w.signed("核对人：", c.plan.inquiries[0].date if c.plan.inquiries else c.plan.dates.filing)
    return Made("证据材料", name, w)


def report(c: Case) -> Made:
    p, d = c.plan, c.plan.dates
    assert d.report
    w = c.writer("案件调查报告", "案件调查报告")
    w.table(
        [
            [("案  由", c.cause())],
            [("当 事 人", c.party("案件调查报告"))],
            [("调查人员", "、".join(o.name for o in p.officers))],
        ]
    )
    w.heading("一、调查经过及违法事实")
    w.para(
        f"本机关于{ymd(d.filing)}立案后，执法人员依法开展调查，制作笔录{len(p.inquiries)}份，收集证据材料{len(p.evidence)}份。",
        noisy=True,
    )
    w.para(f"经查明：{c.act()}。", noisy=True)
    w.heading("二、证据材料")
    w.para("；".join([q.type for q in p.inquiries] + p.evidence) + "。")
    w.heading("三、调查结论和处理意见")
    w.para(
        f"当事人的行为违反了{p.violation.breach}的规定，依据{p.violation.basis}的规定，建议给予罚款人民币"
        f"{p.proposed_fine}元的行政处罚。"
        + ("本案属重大案件，建议经法制审核并集体讨论决定。" if p.triggered else "")
    )
    w.signed("承办人：", d.report)
    w.blanks([("承办机构负责人意见：", f"同意。{p.staff.unit_head}")])
    w.blanks([("负责人审批意见：", f"同意。{p.staff.head}")])
    return Made("案件调查报告", "案件调查报告", w)
