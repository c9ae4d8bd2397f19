"""Opening and investigation: cover, 立案登记表, the 笔录, preservation/seizure papers, evidence, report."""

from __future__ import annotations

import datetime as dt

import pymupdf

from casegen.cal import add_wd
from casegen.model import Inquiry
from families.contract import RenderedDoc
from families.qinlong import marks
from families.qinlong.base import Case
from families.qinlong.fmt import cn_date, hm, money, num_date, spaced, you
from families.qinlong.sheet import HEAD, LM, RM, Record


def cover(c: Case) -> RenderedDoc:
    p, s = c.plan, c.sheet
    s.start(numbered=False)
    s.gap(60)
    s.center(c.agency, 18, HEAD)
    s.gap(16)
    s.center("交 通 运 输 行 政 处 罚 案 卷", 24, HEAD)
    s.gap(70)
    closing = p.dates.closing or p.dates.decision
    for label, value in (
        ("案件名称：", f"{c.name('卷宗封面')}{c.cause}案"),
        ("案    号：", c.number("卷宗封面")),
        ("办案机构：", c.unit),
        ("立案日期：", num_date(p.dates.filing)),
        ("结案日期：", num_date(closing)),
        ("保管期限：", "永久"),
        ("归 档 号：", f"{(p.dates.archive or closing).year}-{p.number.serial:04d}"),
    ):
        s.fields([(label, value)], size=13, minw=260, lead=34)
    return c.emit("卷宗封面", "交通运输行政处罚案卷")


def filing(c: Case) -> RenderedDoc:
    p, s, key = c.plan, c.sheet, "立案登记表"
    d = p.dates
    s.start(form=1)
    s.title(c.agency, spaced("立案登记表"))
    s.right("案号：" + c.number(key))
    found = "☑" if d.violation == d.filing else "□"
    s.para(
        f"案件来源：{found}1.在行政检查中发现的  □2.个人、法人及其他组织举报经核实的  "
        f"□3.上级机关交办的  □4.下级机关报请查处的  □5.有关部门移送的  "
        f"{'□' if found == '☑' else '☑'}6.其他途径发现的",
        10.5,
        indent=False,
    )
    s.fields([("案由：", f"涉嫌{c.cause}"), ("受案时间：", num_date(d.violation))])
    c.party_fields(key, d.filing)
    s.heading("案件基本情况：")
    s.para(c.act(key) + "。以上行为涉嫌违反" + p.violation.breach + "的规定。")
    s.heading("立案依据：")
    s.para(f"《交通运输行政执法程序规定》第六十条、{p.violation.breach}。符合立案条件，建议立案调查。")
    s.fields([("承办人员：", "、".join(o.name for o in p.officers[:2]))])
    s.heading("承办机构负责人意见：")
    s.para("同意立案，由" + "、".join(o.name for o in p.officers[:2]) + "承办。")
    s.sign_line("签名：", p.staff.unit_head, cn_date(d.filing), x=LM + 190)
    s.heading("行政机关负责人审批意见：")
    s.para("同意立案。")
    s.sign_line("签名：", p.staff.head, cn_date(d.filing), x=LM + 190)
    s.fields([("备注：", "无")])
    return c.emit("立案登记表", "立案登记表")


def record(c: Case, q: Inquiry, index: int) -> RenderedDoc:
    """询问/现场/勘验笔录: officers with certificates in the opening lines, a signed footer per page."""
    p, s, key = c.plan, c.sheet, q.type
    mode = p.mut.get("p01", "") if p.mut.get("p01_index") == str(index) else ""
    officers = [q.officers[0], q.officers[1]]
    names = [officers[0].name] if mode == "single" else [o.name for o in officers]
    who = q.interviewee
    signer = {"询问笔录": "被询问人", "现场笔录": "现场人员", "勘验笔录": "当事人"}[q.type]
    form = {"询问笔录": 2, "勘验笔录": 3, "现场笔录": 4}[q.type]
    s.start(form=form, record=Record(signer, who.name, num_date(q.date)))
    s.title(c.agency, spaced(q.type))
    s.right("案号：" + c.number(key))
    when = f"{cn_date(q.date)}{hm(q.start)}至{hm(q.end)}"
    f = c.facts(key)
    place = f.get("place", "")
    if q.type == "询问笔录":
        place = c.rng.choice(("执法大队询问室", "执法办案区第一询问室", "执法大队办公室"))
        s.fields([("时间：", when), ("询问次数：", f"第{1 + index // 2}次")])
        s.fields([("地点：", place)])
        s.fields([("执法人员：", c.officer_line(officers, mode))])
        s.fields([("记录人：", names[-1])])
        c.person_fields("被询问人", who, q.date)
    elif q.type == "现场笔录":
        s.fields([("执法地点：", place)])
        s.fields([("执法时间：", when)])
        s.fields([("执法人员：", c.officer_line(officers, mode))])
        s.fields([("记录人：", names[-1])])
        c.person_fields("现场人员", who, q.date)
        s.fields([("车（船）号：", p.party.plate), ("车（船）型：", p.party.vehicle)])
    else:
        s.fields([("勘验时间：", when), ("天气情况：", c.rng.choice(("晴", "多云", "阴")))])
        s.fields([("勘验场所：", place)])
        s.fields([("勘验人：", c.officer_line(officers, mode))])
        s.fields([("单位及职务：", f"{c.unit}执法人员")])
        c.person_fields("当事人", who, q.date)
        s.fields([("被邀请人：", "无"), ("记录人：", names[-1])])
    s.gap(4)
    heading = {"询问笔录": "询问记录：", "现场笔录": "主要内容：", "勘验笔录": "勘验情况及结果："}[q.type]
    s.heading(heading)
    shown = "、".join(names)
    s.qa(
        f"我们是{c.agency}执法人员{shown}，这是我们的执法证件，请你过目。现依法就有关情况向你进行"
        f"{'询问' if q.type == '询问笔录' else '检查'}，请你如实提供情况，你有申请执法人员回避的权利，是否申请回避？",
        "看清楚了，不申请回避。",
    )
    if q.type == "询问笔录":
        s.qa("请介绍一下你的基本情况。", f"我叫{who.name}，{c.job_of(who)}。")
        for qq, aa in p.violation.qa:
            s.qa(qq.format(**f), aa.format(**f))
        s.qa("以上所说是否属实？你还有什么需要补充的？", "属实，没有补充。")
    else:
        s.para(p.violation.scene.format(**f))
        if index == 0:
            s.para("检查过程中执法人员使用执法记录仪全程录音录像，并对现场情况拍照取证。")
        if p.dates.compulsion and index == 0:
            s.para(
                f"执法人员当场告知当事人拟采取扣押措施的理由、依据及其依法享有的权利、救济途径，"
                f"当事人{who.name}进行了陈述，执法人员当场交付《行政强制措施决定书》。"
            )
    s.para("（以下空白）", indent=False)
    s.gap(6)
    s.need(60)
    y0 = s.y
    s.sign_line("执法人员签名：", names[0], num_date(q.date))
    if len(names) > 1:
        s.sign_line("执法人员签名：", names[1], num_date(q.date))
    s.y = max(s.y, y0 + 30)
    return c.emit(q.type, q.type, key=key)


def preservation(c: Case) -> list[RenderedDoc]:
    p, s = c.plan, c.sheet
    d = p.dates
    assert d.preservation and d.preservation_release
    key = "证据登记保存清单"
    s.start(form=6)
    s.title(c.agency, spaced("证据登记保存清单"))
    s.right("案号：" + c.number(key))
    c.party_fields(key, d.preservation)
    end = add_wd(d.preservation, 7)
    s.para(
        f"因调查{c.cause}一案，根据《中华人民共和国行政处罚法》第五十六条的规定，本机关对下列证据予以"
        f"先行登记保存七日（自{num_date(d.preservation)}至{num_date(end)}）。在此期间，当事人或者有关人员"
        "不得销毁或者转移证据。"
    )
    s.table(
        [1, 4, 3, 2, 4],
        [
            ["序号", "证据名称", "规格", "数量", "登记保存地点"],
            ["1", f"{p.party.plate}{p.party.vehicle}", p.party.plate, "1辆", c.unit + "停车场"],
            ["2", "机动车行驶证", "原件", "1本", c.unit],
        ],
    )
    s.sign_line("当事人签名：", p.party.contact.name if p.party.contact else "", num_date(d.preservation))
    s.sign_line("执法人员签名：", p.officers[0].name, num_date(d.preservation))
    s.signoff(c.agency, cn_date(d.preservation), seal=True)
    out = [c.emit("证据登记保存清单", "证据登记保存清单")]
    s.start(form=7)
    s.title(c.agency, "解除证据登记保存决定书")
    s.right(c.number("解除证据登记保存决定书"))
    s.fields([("", c.name("解除证据登记保存决定书") + "：")], minw=120)
    s.para(
        f"本机关于{cn_date(d.preservation)}对{you(p)}的{p.party.plate}{p.party.vehicle}及机动车行驶证"
        "予以先行登记保存。经审查，现决定自即日起解除上述证据的登记保存，请于收到本决定书后到本机关领回。"
    )
    s.signoff(c.agency, cn_date(d.preservation_release), seal=True)
    out.append(c.emit("解除证据登记保存决定书", "解除证据登记保存决定书"))
    return out


def compulsion(c: Case) -> list[RenderedDoc]:
    p, s = c.plan, c.sheet
    d = p.dates
    assert d.compulsion and d.compulsion_release
    key = "行政强制措施决定书"
    s.start(form=8)
    s.title(c.agency, "行政强制措施决定书")
    s.right(c.number(key))
    c.party_fields(key, d.compulsion)
    end = d.compulsion + dt.timedelta(days=30)
    s.para(
        f"{cn_date(d.compulsion)}，本机关执法人员在{c.facts(key).get('place', '')}检查时发现{you(p)}涉嫌"
        f"{c.cause}。依据《中华人民共和国行政强制法》第九条第（二）项、第二十四条的规定，本机关决定对"
        f"{p.party.plate}{p.party.vehicle}实施扣押，扣押期限为三十日（自{num_date(d.compulsion)}至"
        f"{num_date(end)}）。扣押财物详见所附《扣押物品清单》。"
    )
    s.para("本决定书当场交付当事人。实施扣押过程中执法人员使用执法记录仪全程录音录像，视听资料已存档。")
    s.para(
        f"如不服本决定，可以在收到本决定书之日起六十日内向{p.agency.review_body}申请行政复议，"
        f"或者在六个月内依法向{p.agency.court}提起行政诉讼。"
    )
    s.sign_line("当事人签收：", p.party.contact.name if p.party.contact else "", num_date(d.compulsion))
    s.signoff(c.agency, cn_date(d.compulsion), seal=True)
    out = [c.emit("行政强制措施决定书", "行政强制措施决定书")]
    s.start()
    s.title(c.agency, spaced("扣押物品清单"))
    s.right("案号：" + c.number("扣押物品清单"))
    s.table(
        [1, 5, 3, 2, 3],
        [
            ["序号", "物品名称", "规格型号", "数量", "备注"],
            ["1", f"{p.party.vehicle}（{p.party.plate}）", p.party.vehicle, "1辆", "外观完好"],
            ["2", "车钥匙", "—", "1把", ""],
        ],
    )
    s.sign_line("当事人签名：", p.party.contact.name if p.party.contact else "", num_date(d.compulsion))
    s.sign_line("执法人员签名：", p.officers[0].name, num_date(d.compulsion))
    out.append(c.emit("扣押物品清单", "扣押物品清单"))
    s.start(form=10)
    s.title(c.agency, "解除行政强制措施决定书")
    s.right(c.number("解除行政强制措施决定书"))
    s.fields([("", c.name("解除行政强制措施决定书") + "：")], minw=120)
    s.para(
        f"本机关于{cn_date(d.compulsion)}对{you(p)}的{p.party.plate}{p.party.vehicle}实施了扣押。"
        "依据《中华人民共和国行政强制法》第二十八条的规定，现决定解除该行政强制措施，请持本决定书到本机关"
        "办理车辆领取手续。"
    )
    s.signoff(c.agency, cn_date(d.compulsion_release), seal=True)
    out.append(c.emit("解除行政强制措施决定书", "解除行政强制措施决定书"))
    return out


def evidence(c: Case) -> list[RenderedDoc]:
    """One 证据登记 list (a real table) and one pasted sheet per item, marked 经核对与原件一致."""
    p, s = c.plan, c.sheet
    first = p.inquiries[0].date if p.inquiries else p.dates.filing
    s.start()
    s.title(c.agency, "证据材料登记表", 17)
    rows = [["序号", "证据名称", "证明对象", "来源", "页数"]]
    for i, item in enumerate(p.evidence, 1):
        target = "当事人身份/车辆情况" if "复印件" in item else "违法事实"
        rows.append([str(i), item, target, "当事人提供" if "复印件" in item else "执法人员收集", "1"])
    s.table([1, 5, 4, 3, 1.2], rows)
    s.sign_line("收集人：", p.officers[0].name, num_date(first))
    out = [c.emit("证据材料", "证据材料登记表")]
    for i, item in enumerate(p.evidence):
        s.start()
        s.text(LM, s.y + 14, f"证据{i + 1}：{item}", 13, HEAD)
        s.gap(30)
        assert s.page is not None
        rect = pymupdf.Rect(LM + 20, s.y, RM - 20, s.y + 300)
        s.page.insert_image(rect, stream=marks.photo_png(item, c.rng.randrange(1 << 30)))
        s.y = rect.y1 + 20
        s.para("经核对与原件一致。", indent=False)
        s.sign_line("核对人：", p.officers[i % len(p.officers)].name, num_date(first))
        out.append(c.emit("证据材料", item))
    return out


def report(c: Case) -> RenderedDoc:
    p, s, key = c.plan, c.sheet, "案件调查报告"
    d = p.dates
    assert d.report
    s.start()
    s.title(c.agency, "案件调查报告")
    s.right("案号：" + c.number(key))
    s.fields([("案由：", c.cause)])
    s.fields([("调查人员：", c.officer_line(p.officers[:2]))])
    c.party_fields(key, d.report)
    s.heading("一、调查经过及违法事实")
    s.para(
        f"本机关于{cn_date(d.filing)}立案调查，执法人员先后制作笔录{len(p.inquiries)}份，收集证据材料"
        f"{len(p.evidence)}份。经调查查明：" + c.act(key) + "。"
    )
    s.heading("二、证据材料")
    for i, item in enumerate(p.evidence, 1):
        s.para(f"{i}. {item}；", indent=True)
    s.para(f"{len(p.evidence) + 1}. {'、'.join(sorted({q.type for q in p.inquiries}))}。")
    s.heading("三、调查结论和处理意见")
    s.para(
        f"当事人的行为违反了{p.violation.breach}的规定，事实清楚，证据确凿。依据{p.violation.basis}的规定，"
        f"{c.reasons()}建议给予罚款{money(p.proposed_fine)}的行政处罚。"
    )
    s.sign_line("承办人签名：", p.officers[0].name, cn_date(d.report))
    s.fields([("承办机构负责人意见：", "同意承办人意见，按程序告知当事人。")])
    s.sign_line("签名：", p.staff.unit_head, cn_date(d.report), x=LM + 190)
    s.fields([("行政机关负责人审批意见：", "同意。")])
    s.sign_line("签名：", p.staff.head, cn_date(d.report), x=LM + 190)
    return c.emit("案件调查报告", "案件调查报告")
