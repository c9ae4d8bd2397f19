"""Investigation forms: 立案登记表, the three 笔录, evidence preservation, compulsion, evidence
pages and the 案件调查报告."""

from __future__ import annotations

import datetime as dt

import pymupdf

from casegen.model import Inquiry
from families.contract import RenderedDoc
from families.xiangchu import fmt
from families.xiangchu.book import Book
from families.xiangchu.sheet import lab, sig, stk, val

LAW = "《中华人民共和国行政处罚法》"


def filing(b: Book) -> RenderedDoc:
    d, p = b.d, b.plan
    sh = b.sheet("立案登记表", "立案登记表", "LA", d.filing)
    sh.title(b.a.name)
    inspection = (
        bool(p.inquiries)
        and p.inquiries[0].type in ("现场笔录", "勘验笔录")
        and p.inquiries[0].date == d.violation
    )
    source = "在行政检查中发现" if inspection else "群众举报经核实"
    sh.grid(
        [
            [stk("案号", b.number, 0.5), stk("案件来源", source, 0.5)],
            [stk("案由", "涉嫌" + b.cause, 1.0)],
            [
                stk("受案时间", fmt.iso(d.filing), 0.34),
                stk("违法行为发生时间", fmt.iso_hm(d.violation, d.violation_time), 0.33),
                stk("违法行为发生地点", b.facts["place"], 0.33),
            ],
            b.party_block(),
            b.vehicle_row(),
        ]
    )
    sh.para("案件基本情况", "　　" + b.act + "。")
    sh.para(
        "立案依据",
        f"　　当事人的行为涉嫌违反{p.violation.breach}的规定，符合立案条件，依据{LAW}第五十四条第二款的规定，建议立案调查。",
    )
    names = "、".join(o.name for o in p.officers[:2])
    sh.grid(
        [
            [lab("承办人", 0.18), val(names, 0.82)],
            [
                stk("承办机构意见", f"同意立案，由{names}承办。", 0.5),
                stk("负责人 / 日期", f"{p.staff.unit_head}    {fmt.iso(d.filing)}", 0.5),
            ],
            [
                stk("执法机关负责人审批意见", "同意立案。", 0.5),
                stk("负责人 / 日期", f"{p.staff.head}    {fmt.iso(d.filing)}", 0.5),
            ],
            [lab("备注", 0.18), val("", 0.82)],
        ]
    )
    return sh.finish()


def _questions(b: Book, q: Inquiry) -> list[tuple[str, str]]:
    who = q.interviewee
    qa = [
        ("我们是" + b.a.name + "的执法人员，这是我们的执法证件，请你过目。你是否看清楚了？", "看清楚了。"),
        (
            "依照法律规定，你有如实回答询问的义务，也有陈述、申辩和申请回避的权利。你是否申请执法人员回避？",
            "不申请。",
        ),
        ("请介绍一下你的基本情况。", f"我叫{who.name}，身份证号{who.id_number}，住{who.address}。"),
    ]
    qa += [(b.fill(x), b.fill(y)) for x, y in b.plan.violation.qa]
    qa.append(("你还有什么需要补充的吗？", "没有了。"))
    return qa


def record(b: Book, q: Inquiry, index: int) -> RenderedDoc:
    """询问笔录 / 现场笔录 / 勘验笔录, with the officer table and a signature on every page."""
    p01 = b.plan.mut.get("p01") if b.plan.mut.get("p01_index") == str(index) else None
    pair = b.pair_rows(q.officers, p01)
    code = {"询问笔录": "XW", "现场笔录": "XC", "勘验笔录": "KY"}[q.type]
    sh = b.sheet(q.type, q.type, code, q.date, page_sign=q.interviewee.name)
    sh.title()
    when = f"{fmt.iso_hm(q.date, q.start)} 至 {fmt.iso_hm(q.date, q.end)}"
    place = b.facts["place"] if q.type != "询问笔录" else b.a.station
    label_time = {"询问笔录": "询问时间", "现场笔录": "执法时间", "勘验笔录": "勘验时间"}[q.type]
    label_place = {"询问笔录": "询问地点", "现场笔录": "执法地点", "勘验笔录": "勘验场所"}[q.type]
    sh.grid(
        [b.head_row(), [lab(label_time, 0.14), val(when, 0.86)], [lab(label_place, 0.14), val(place, 0.86)]]
    )
    sh.officers(pair, ("勘验人" if q.type == "勘验笔录" else "执法人员", "执法证号", "签名"))
    recorder = pair[-1][0]
    rows: list = [
        [
            lab("记录人", 0.14),
            val(recorder, 0.36),
            lab("天气" if q.type == "勘验笔录" else "记录方式", 0.14),
            val("晴" if q.type == "勘验笔录" else "现场记录", 0.36),
        ]
    ]
    if q.type == "询问笔录":
        rows.append(b.person_block("被询问人", q.interviewee, q.date, b.relation(q.interviewee)))
    else:
        rows.append(b.person_block("现场人员", q.interviewee, q.date, b.relation(q.interviewee)))
        rows.append(b.vehicle_row())
    sh.grid(rows)
    if q.type == "询问笔录":
        body = "\n".join(f"问：{x}\n答：{y}" for x, y in _questions(b, q))
        sh.para("询问内容", body)
    else:
        sh.para(
            "现场情况" if q.type == "现场笔录" else "勘验情况及结果",
            "　　执法人员出示执法证件，表明身份，告知当事人享有陈述、申辩和申请回避的权利。"
            + b.fill(b.plan.violation.scene)
            + "执法人员使用执法记录仪对检查过程进行了全程记录。",
        )
    sh.para("被询问人（现场人员）意见", "　　以上笔录已经我核对（已向我宣读），记录属实，无异议。")
    sh.grid(
        [
            [
                lab("被询问人（现场人员）签名", 0.3),
                sig(q.interviewee.name, 0.2),
                lab("日期", 0.14),
                val(fmt.iso(q.date), 0.36),
            ]
        ]
    )
    return sh.finish()


def _items_rows(b: Book) -> list:
    where = f"{b.a.station}停车场" if b.plan.violation.vehicle != "vessel" else f"{b.a.station}码头"
    return [
        [lab("序号", 0.1), lab("物品名称", 0.4), lab("规格", 0.18), lab("数量", 0.12), lab("存放地点", 0.2)],
        [
            val("1", 0.1, True),
            val(f"{b.p.plate} {b.p.vehicle}", 0.4),
            val("—", 0.18, True),
            val("1", 0.12, True),
            val(where, 0.2),
        ],
    ]


def preservation(b: Book) -> list[RenderedDoc]:
    d = b.d
    assert d.preservation and d.preservation_release
    sh = b.sheet("证据登记保存清单", "证据登记保存清单", "BC", d.preservation)
    sh.title(b.a.name)
    sh.grid([b.head_row(), b.party_block()])
    sh.para(
        "保存事由",
        f"　　因调查{b.case_name}，依据{LAW}第五十六条的规定，对下列物品予以先行登记保存七日。在此期间，"
        "当事人或者有关人员不得销毁或者转移证据。",
    )
    sh.grid(_items_rows(b))
    o = b.plan.officers
    sh.officers([(x.name, x.certificate) for x in o[:2]])
    sh.grid([[stk("当事人签名", "", 0.5), stk("登记保存日期", fmt.iso(d.preservation), 0.5)]])
    sh.sign([b.a.name, fmt.cn_sign(d.preservation)], seal=True)
    out = [sh.finish()]
    rel = b.sheet("解除证据登记保存决定书", "解除证据登记保存决定书", "JC", d.preservation_release)
    rel.title(b.a.name)
    rel.grid([b.head_row(), b.party_block()])
    rel.para(
        "决定内容",
        f"　　本机关于{fmt.iso(d.preservation)}对下列物品先行登记保存。经查，上述物品已无继续保存的必要，"
        f"依据{LAW}第五十六条的规定，决定自即日起解除登记保存。",
    )
    rel.grid(_items_rows(b))
    rel.sign([b.a.name, fmt.cn_sign(d.preservation_release)], seal=True)
    out.append(rel.finish())
    return out


def compulsion(b: Book) -> list[RenderedDoc]:
    d = b.d
    assert d.compulsion and d.compulsion_release
    law = "《中华人民共和国行政强制法》"
    sh = b.sheet("行政强制措施决定书", "行政强制措施决定书", "QZ", d.compulsion)
    sh.title(b.a.name)
    sh.grid([b.head_row(), b.party_block()])
    sh.para(
        "决定内容",
        f"　　{b.p.name}涉嫌{b.cause}，依据{law}第九条第（二）项、第二十四条的规定，本机关决定对下列财物实施扣押，"
        "扣押期限为三十日。扣押过程已使用执法记录仪全程音像记录。",
    )
    sh.grid(_items_rows(b))
    sh.para(
        "救济途径",
        f"　　当事人如不服本决定，可以自收到本决定书之日起六十日内向{b.a.review_body}申请行政复议，"
        f"或者自收到本决定书之日起六个月内向{b.a.court}提起行政诉讼。",
    )
    sh.sign([b.a.name, fmt.cn_sign(d.compulsion)], seal=True)
    out = [sh.finish()]
    rel = b.sheet("解除行政强制措施决定书", "解除行政强制措施决定书", "JQ", d.compulsion_release)
    rel.title(b.a.name)
    rel.grid([b.head_row(), b.party_block()])
    rel.para(
        "决定内容",
        f"　　本机关于{fmt.iso(d.compulsion)}对下列财物实施扣押。依据{law}第二十八条的规定，决定解除扣押，"
        "请当事人持本决定书及有效证件到存放地点领取。",
    )
    rel.grid(_items_rows(b))
    rel.sign([b.a.name, fmt.cn_sign(d.compulsion_release)], seal=True)
    out.append(rel.finish())
    return out


def attachment(b: Book, name: str, on: dt.date) -> RenderedDoc:
    """One evidence page: a register row and a framed copy (drawn placeholder, not a photo)."""
    sh = b.sheet("证据材料", name, "ZJ", on)
    sh.title(sub="证据材料")
    photo = "照片" in name or "截图" in name
    sh.grid(
        [
            b.head_row(),
            [
                lab("证据名称", 0.14),
                val(name, 0.36),
                lab("证据来源", 0.14),
                val("现场拍摄" if photo else "当事人提供", 0.36),
            ],
            [
                lab("采集人", 0.14),
                val("、".join(o.name for o in b.plan.officers[:2]), 0.36),
                lab("采集日期", 0.14),
                val(fmt.iso(on), 0.36),
            ],
        ]
    )
    top = sh.y + 14
    box = pymupdf.Rect(90, top, 505, top + 260)
    sh.page.draw_rect(box, color=(0.5, 0.5, 0.5), fill=(0.86, 0.86, 0.86), width=0.8)
    if photo:
        sh.page.draw_rect(pymupdf.Rect(150, top + 120, 450, top + 215), color=None, fill=(0.55, 0.56, 0.58))
        for cx in (200, 400):
            sh.page.draw_circle((cx, top + 218), 20, color=None, fill=(0.25, 0.25, 0.25))
    else:
        card = pymupdf.Rect(150, top + 40, 445, top + 220)
        sh.page.draw_rect(card, color=(0.3, 0.3, 0.3), fill=(0.95, 0.95, 0.95), width=0.8, radius=0.05)
        for i in range(5):
            sh.page.draw_line(
                (170, top + 70 + 26 * i), (330, top + 70 + 26 * i), color=(0.45, 0.45, 0.45), width=2
            )
        sh.page.draw_rect(pymupdf.Rect(350, top + 60, 425, top + 150), color=None, fill=(0.7, 0.7, 0.7))
    sh.y = box.y1 + 12
    sh.text("经核对与原件一致。", 11)
    sh.grid([[stk("核对人签名", "", 0.5), stk("提供人签名", "", 0.5)]])
    return sh.finish()


def report(b: Book) -> RenderedDoc:
    d, p = b.d, b.plan
    assert d.report
    sh = b.sheet("案件调查报告", "案件调查报告", "DC", d.report)
    sh.title(b.a.name)
    sh.grid([b.head_row(), [lab("报告日期", 0.14), val(fmt.iso(d.report), 0.86)]])
    sh.officers([(o.name, o.certificate) for o in p.officers[:2]], ("调查人员", "执法证号", "签名"))
    sh.grid([b.party_block()])
    kinds = "、".join(dict.fromkeys(q.type for q in p.inquiries))
    sh.para(
        "调查经过",
        f"　　本案立案后，承办人员依法开展调查，制作了{kinds}，收集了{'、'.join(p.evidence)}等证据材料。",
    )
    sh.para("违法事实", "　　" + b.act + "。")
    sh.grid(
        [[lab("序号", 0.1), lab("证据名称", 0.6), lab("数量", 0.3)]]
        + [[val(str(i + 1), 0.1, True), val(e, 0.6), val("1份", 0.3, True)] for i, e in enumerate(p.evidence)]
    )
    sh.para(
        "调查结论和处理意见",
        f"　　当事人的行为违反了{p.violation.breach}的规定，事实清楚，证据确凿。依据{p.violation.basis}的规定，"
        f"建议对当事人处以罚款人民币{p.proposed_fine}元（{fmt.daxie(p.proposed_fine)}）的行政处罚。",
    )
    sh.grid(
        [
            [
                stk("承办机构负责人意见", "同意调查结论和处理意见。", 0.6),
                stk("签名 / 日期", f"{p.staff.unit_head}  {fmt.iso(d.report)}", 0.4),
            ],
            [
                stk("执法机关负责人审批意见", "同意。", 0.6),
                stk("签名 / 日期", f"{p.staff.head}  {fmt.iso(d.report)}", 0.4),
            ],
        ]
    )
    return sh.finish()
