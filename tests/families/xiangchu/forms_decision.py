"""The decision (ordinary and 当场), the 缴款书, the 公示 web page and the 结案报告."""

from __future__ import annotations

import pymupdf

from casegen.discretion import stated
from families.contract import RenderedDoc
from families.xiangchu import fmt
from families.xiangchu.book import Book
from families.xiangchu.fonts import text_width
from families.xiangchu.forms_invest import LAW
from families.xiangchu.sheet import BAR, GREY, ML, W, lab, sig, stk, val

GUIDANCE = (
    "（分以下情况填写：当事人为个人的，写明姓名、身份证号；当事人为单位的，写明名称、统一社会信用代码）"
)


def _reasons(b: Book) -> str:
    """P-19: the discretion entry and level applied, and how the party's arguments were answered."""
    p = b.plan
    out = []
    row = stated(p.violation.key, p.fine, p.mut)
    if row is not None:
        entry, band = row
        out.append(
            f"　　依据《{b.a.province}交通运输行政处罚裁量基准》第{entry}项，当事人{band.fact}，属于{band.level}情形，"
            f"对应裁量幅度为{band.words()}，本机关在该幅度内确定罚款数额。"
        )
    heard = "听证" if p.hearing else "陈述、申辩" if p.dates.statement else ""
    if heard and p.fine < p.proposed_fine:
        out.append(
            f"　　当事人在{heard}中提出的减轻处罚意见，经复核理由部分成立，予以采纳，罚款数额相应调整。"
        )
    elif heard:
        out.append(
            f"　　当事人在{heard}中请求从轻处罚，但未提出新的事实和证据，经复核理由不能成立，不予采纳。"
        )
    return "\n".join(out)


def _payment(b: Book, bank: str) -> str:
    return (
        f"　　被处罚人应当自收到本决定书之日起十五日内，持本决定书到{bank}缴纳罚款，或者通过{b.a.province}非税收入"
        f"缴款平台缴纳。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款。"
    )


def _remedy(b: Book) -> str:
    return (
        f"　　被处罚人如不服本决定，可以自收到本决定书之日起六十日内向{b.a.review_body}申请行政复议，"
        f"或者自收到本决定书之日起六个月内向{b.a.court}提起行政诉讼。复议、诉讼期间，本决定不停止执行。"
    )


def decision(b: Book) -> RenderedDoc:
    d, p, m = b.d, b.plan, b.plan.mut
    sh = b.sheet("行政处罚决定书", "行政处罚决定书", "CF", d.decision)
    sh.title(b.a.name)
    sh.grid(
        [
            [stk("决定书文号", b.number, 0.55), stk("决定日期", fmt.iso(d.decision), 0.45)],
            b.party_block("被处罚人信息"),
        ]
    )
    if m.get("w01") == "guidance":
        sh.text(GUIDANCE, 9.5)
    evidence = "、".join(p.evidence)
    sh.para("违法事实及证据", f"　　{b.act}。\n　　上述事实有{evidence}以及调查笔录等证据证实。")
    if not m.get("p19"):
        sh.para("处罚理由", _reasons(b))
    who = "你（单位）" if m.get("w01") == "ni_danwei" else "当事人"
    sh.para(
        "处罚依据及内容",
        f"　　{who}的上述行为违反了{p.violation.breach}的规定。依据{p.violation.basis}的规定，本机关决定给予如下行政处罚：",
    )
    sh.grid([b.amount_rows("罚款金额", p.fine, m.get("c03"))])
    if m.get("p07") != "nocomply":
        bank = "__________" if m.get("w01") == "underscore" else b.a.bank
        sh.para("履行方式和期限", _payment(b, bank))
    if m.get("p07") != "noremedy":
        sh.para("救济途径", _remedy(b))
    sealed = m.get("s01") != "decision"
    sh.sign([b.a.name, fmt.cn_sign(d.decision)], seal=sealed)
    sh.text("本决定书一式两份，一份送达被处罚人，一份存档。", 8.5, color=GREY)
    sh.half_seal = sealed
    return sh.finish()


def summary_decision(b: Book) -> RenderedDoc:
    d, p, m = b.d, b.plan, b.plan.mut
    sh = b.sheet("当场行政处罚决定书", "当场行政处罚决定书", "DC", d.decision)
    sh.title(b.a.name)
    sh.grid(
        [
            [stk("案号", b.number, 0.55), stk("决定日期", fmt.iso(d.decision), 0.45)],
            b.party_block("被处罚人信息"),
            b.vehicle_row(),
            [
                stk("违法行为发生时间", fmt.iso_hm(d.violation, d.violation_time), 0.4),
                stk("违法行为发生地点", b.facts["place"], 0.6),
            ],
        ]
    )
    sh.para("违法事实", f"　　{b.act}。")
    sh.para(
        "处罚依据及内容",
        f"　　当事人的上述行为违反了{p.violation.breach}的规定，依据{p.violation.basis}和{LAW}第五十一条的规定，"
        "当场作出如下行政处罚：",
    )
    sh.grid([b.amount_rows("罚款金额", p.fine, m.get("c03"))])
    spot, later = ("☑", "□") if p.on_the_spot_payment else ("□", "☑")
    sh.para(
        "履行方式和期限",
        f"　　{spot} 当场缴纳（执法人员当场出具罚没款票据）\n"
        f"　　{later} 自收到本决定书之日起十五日内缴至{b.a.bank}。到期不缴纳的，每日按罚款数额的百分之三加处罚款。",
    )
    sh.para(
        "告知情况",
        "　　处罚前已口头告知当事人拟作出处罚的事实、理由和依据，并告知其依法享有陈述、申辩的权利，当事人未提出陈述、申辩。",
    )
    sh.para("救济途径", _remedy(b))
    signer = (
        p.party.name if p.party.kind == "individual" else (p.party.contact.name if p.party.contact else "")
    )
    sh.grid(
        [[lab("当事人签名", 0.18), sig(signer, 0.32), lab("签收日期", 0.18), val(fmt.iso(d.decision), 0.32)]]
    )
    sh.officers([(o.name, o.certificate) for o in p.officers[:2]])
    sh.sign([b.a.name, fmt.cn_sign(d.decision)], seal=m.get("s01") != "decision")
    return sh.finish()


def receipt(b: Book) -> RenderedDoc:
    """A province's electronic 非税收入缴款书, printed from the payment system."""
    d, p = b.d, b.plan
    assert d.payment
    title = f"{b.a.province}非税收入缴款书（电子）"
    sh = b.sheet("罚没款票据", title, "JK", d.payment)
    sh.title()
    code = f"{b.a.region[:2]}0{fmt.digest(p.case_id) % 100000:05d}"
    payer_id = (
        p.party.credit_code
        if p.party.kind != "individual"
        else (p.party.person.id_number if p.party.person else "")
    )
    sh.grid(
        [
            [
                stk("票据代码", code, 0.25),
                stk("票据号码", f"{fmt.digest(p.case_id, 'no') % 10**10:010d}", 0.25),
                stk("校验码", f"{fmt.digest(p.case_id, 'chk') % 10**6:06d}", 0.2),
                stk("开票日期", fmt.iso(d.payment), 0.3),
            ],
            [stk("缴款人", p.party.name, 0.6), stk("缴款人代码", payer_id or "", 0.4)],
            [
                lab("项目编码", 0.16),
                lab("项目名称", 0.34),
                lab("单位", 0.1),
                lab("数量", 0.1),
                lab("金额（元）", 0.3),
            ],
            [
                val("103050101", 0.16, True),
                val("一般罚没收入（交通运输）", 0.34),
                val("元", 0.1, True),
                val("1", 0.1, True),
                val(f"{p.fine:,.2f}", 0.3, True),
            ],
            b.amount_rows("金额合计", p.fine),
            [
                stk("执收单位", b.a.name, 0.6),
                stk("执收单位编码", f"{b.a.region}{fmt.digest(b.a.name) % 1000:03d}", 0.4),
            ],
            [stk("备注", f"行政处罚决定书文号：{b.number}", 1.0)],
        ]
    )
    sh.sign(["收款单位（章）", b.a.name], seal=True, bottom="财务专用章")
    return sh.finish()


def publication(b: Book) -> RenderedDoc:
    """The 公示 page as a browser prints it: page title and date in the header, URL in the footer."""
    d, p = b.d, b.plan
    assert d.publication
    sh = b.sheet("公示记录", "行政处罚决定信息公示", "GS", d.publication, furniture=False)
    page = sh.page
    shown = d.publication
    sh.put(
        14, 10, f"{shown.year}/{shown.month}/{shown.day} 10:{fmt.digest(p.case_id) % 50 + 10}", 8, color=GREY
    )
    sh.put(W / 2 - 60, 10, "行政处罚决定信息公示", 8, color=GREY)
    page.draw_rect(pymupdf.Rect(ML, 28, W - ML, 62), color=None, fill=BAR)
    sh.put(ML + 10, 37, f"{b.a.province}行政执法信息公示平台", 13, color=(1, 1, 1), bold=True)
    sh.y = 70
    sh.text("首页 > 执法结果公示 > 行政处罚 > 详情", 8.5, color=GREY)
    sh.gap(4)
    sh.text(sh.title_text, 15, center=True, bold=True)
    sh.text(
        f"信息来源：{b.a.name}    浏览次数：{fmt.digest(p.case_id, 'v') % 400 + 12}",
        8.5,
        center=True,
        color=GREY,
    )
    sh.gap(6)
    party = p.party
    ident = (
        party.credit_code
        if party.kind != "individual"
        else fmt.mask_id(party.person.id_number if party.person else "")
    )
    rows = [
        ("行政处罚决定书文号", b.number),
        ("行政相对人名称", party.name),
        ("行政相对人类别", "自然人" if party.kind == "individual" else "法人及非法人组织"),
        ("统一社会信用代码" if party.kind != "individual" else "证件号码", ident or ""),
        ("违法行为类型", b.cause),
        ("违法事实", b.act),
        ("处罚依据", p.violation.basis),
        ("处罚类别", "罚款"),
        ("处罚内容", f"罚款人民币{p.fine}元"),
        ("罚款金额（万元）", fmt.wan(p.fine)),
        ("处罚决定日期", fmt.iso(d.decision)),
        ("公示日期", fmt.iso(d.publication)),
        ("处罚机关", b.a.name),
    ]
    if party.kind != "individual":
        rows.insert(3, ("法定代表人", party.legal_rep or ""))
    sh.grid([[lab(k, 0.26), val(v, 0.74)] for k, v in rows])
    url = f"https://zfgs.jtt.{b.a.region}.gov.cn/cfgs/detail?id={fmt.digest(p.case_id, 'url') % 10**9}"
    sh.put(14, 822, url, 7.5, color=GREY)
    sh.put(W - 40 - text_width("1/1", 7.5), 822, "1/1", 7.5, color=GREY)
    return sh.finish()


def closing(b: Book) -> RenderedDoc:
    d, p = b.d, b.plan
    assert d.closing
    sh = b.sheet("结案报告", "结案报告", "JA", d.closing)
    sh.title(b.a.name)
    sh.grid(
        [
            b.head_row(),
            [lab("结案日期", 0.14), val(fmt.iso(d.closing), 0.86)],
            b.party_block(),
            [
                stk("立案日期", fmt.iso(d.filing), 0.33),
                stk("处罚决定日期", fmt.iso(d.decision), 0.33),
                stk("决定书文号", b.number, 0.34),
            ],
            b.amount_rows("处理结果", p.fine),
        ]
    )
    if p.has_receipt and d.payment:
        done = f"　　当事人已于{fmt.iso(d.payment)}缴纳罚款人民币{p.fine}元，行政处罚决定已履行完毕。"
    else:
        done = f"　　当事人已按行政处罚决定书的要求缴纳罚款人民币{p.fine}元，行政处罚决定已履行完毕。"
    sh.para("执行情况", done)
    rows = [
        [
            stk("承办人意见", "本案已执行完毕，建议结案。", 0.6),
            stk("签名 / 日期", f"{p.officers[0].name}  {fmt.iso(d.closing)}", 0.4),
        ],
        [
            stk("承办机构负责人意见", "同意结案。", 0.6),
            stk("签名 / 日期", f"{p.staff.unit_head}  {fmt.iso(d.closing)}", 0.4),
        ],
    ]
    if not p.mut.get("jiean_nohead"):
        rows.append(
            [
                stk("执法机关负责人审批意见", "同意结案。", 0.6),
                stk("签名 / 日期", f"{p.staff.head}  {fmt.iso(d.closing)}", 0.4),
            ]
        )
    sh.grid(rows)
    return sh.finish()
