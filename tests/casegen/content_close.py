"""Service receipts, payment, publication, closing, and the archive wrappers (cover, 目录, 备考表)."""

from __future__ import annotations

import datetime as dt

from casegen.blocks import Cell, Doc, center, gap, kv, sign, table
from casegen.ctx import Ctx
from casegen.formats import daxie, fmt_amount, fmt_date, mask_id


def service(c: Ctx, served_type: str, served_title: str, date: dt.date) -> Doc:
    doc = c.doc("送达回证", serves=served_type)
    who = c.p.contact
    assert who is not None
    method = c.rng.choices(("直接送达", "邮寄送达", "留置送达"), (80, 15, 5))[0]
    hm = c.hm()
    signer = (
        who.name if method != "留置送达" else f"{who.name}拒绝签收，见证人：社区工作人员{c.plan.staff.clerk}"
    )
    o1, o2 = c.plan.officers[0], c.plan.officers[1]
    rows = kv(
        ("案由", c.cause() + "案"),
        ("受送达人", c.name(doc.key)),
        ("送达单位", c.a.name),
        ("送达文书名称及文号", f"《{served_title}》（{c.number(doc.key)}）"),
        ("送达地点", c.p.address if method != "直接送达" else c.a.station),
        ("送达日期", c.at(date, hm)),
        ("送达方式", method),
        ("收件人签名（盖章）", f"{signer}    {c.d(date)}"),
        ("代收人及代收理由", "/"),
        ("送达人", f"{o1.name}  {o2.name}"),
        ("备注", "邮件签收日期以回执为准" if method == "邮寄送达" else "/"),
    )
    doc.blocks = [gap(6), table(rows, 11.5, min_row=34)]
    if c.rng.random() < 0.5:
        doc.blocks += [gap(24), sign(c.a.name, c.sd(date), seal="agency")]
    doc.date = date
    return doc


def receipt(c: Ctx) -> Doc:
    d = c.plan.dates
    assert d.payment
    doc = c.doc("罚没款票据", c.s.receipt_title)
    no = "".join(c.rng.choice("0123456789") for _ in range(10))
    rows = kv(
        ("票据号码|缴款日期", f"No.{no}|{fmt_date(d.payment, c.rng.choice(('cn', 'dash', 'slash')))}"),
        ("缴款人", c.name(doc.key)),
        ("执收单位", c.a.name),
        ("项目名称", "罚没收入（交通运输）"),
        ("处罚决定书文号", c.plan.number.format()),
        ("金额（大写）", daxie(c.plan.fine)),
        ("金额（小写）", fmt_amount(c.plan.fine, 1)),
        ("收款银行", c.a.bank),
    )
    bank = f"bank|{c.a.bank}|{d.payment:%Y.%m.%d}"
    doc.blocks = [
        center("（电子）", 10),
        gap(6),
        table(rows, 11.5, min_row=30),
        gap(30),
        sign("收款银行（盖章）", seal=bank),
    ]
    doc.date = d.payment
    return doc


def publication(c: Ctx) -> Doc:
    d, p = c.plan.dates, c.p
    assert d.publication
    doc = c.doc("公示记录", c.s.publication_title)
    code = p.credit_code if p.kind == "organisation" else mask_id(p.person.id_number if p.person else "")
    style = c.rng.choice(("dash", "slash", "cn"))
    rows = kv(
        ("行政处罚决定书文号", c.plan.number.format()),
        ("行政相对人名称", c.name(doc.key)),
        ("行政相对人代码", code or "/"),
        ("违法行为类型", c.cause()),
        ("处罚依据", c.plan.violation.basis),
        ("处罚类别", "罚款"),
        ("处罚内容", c.money(c.plan.fine)),
        ("罚款金额（万元）", f"{c.plan.fine / 10000:g}"),
        ("处罚决定日期", fmt_date(d.decision, style)),
        ("处罚机关", c.a.name),
        ("公示网站", c.rng.choice((f"信用中国（{c.a.province.rstrip('省市')}）", f"{c.a.name}门户网站"))),
        ("公示日期", fmt_date(d.publication, style)),
        ("公示期限", "一年"),
        ("经办人", c.plan.officers[0].name),
    )
    doc.blocks = [gap(6), table(rows, 11.5, min_row=28)]
    doc.date = d.publication
    return doc


def closing(c: Ctx) -> Doc:
    d, st = c.plan.dates, c.plan.staff
    assert d.closing
    doc = c.doc("结案报告", c.rng.choice(("结案报告", "结案报告", "结案审批表")))
    paid = (
        f"当事人已于{c.d(d.payment)}缴纳罚款{c.plan.fine}元，罚没款票据附卷。"
        if d.payment
        else "当事人已履行行政处罚决定。"
    )
    head = "" if c.plan.mut.get("jiean_nohead") else f"同意结案。    签名：{st.head}    {c.d(d.closing)}"
    rows = kv(("案由", c.cause()))
    rows += c.party_rows(doc.key)
    rows += kv(
        ("处理结果", f"给予{c.money(c.plan.fine)}的行政处罚（{c.plan.number.format()}）。"),
        ("执行情况", f"{paid}    执法人员签名：{c.plan.officers[0].name}  {c.plan.officers[1].name}"),
        ("经办机构负责人意见", f"建议结案。    签名：{st.unit_head}    {c.d(d.closing)}"),
        ("负责人审批意见", head),
    )
    doc.blocks = [gap(6), table(rows, 11.5, min_row=30)]
    doc.date = d.closing
    return doc


def archive_note(c: Ctx, items: int, pages: int) -> Doc:
    d, st = c.plan.dates, c.plan.staff
    when = d.archive or d.closing or d.decision
    doc = c.doc("备考表", c.rng.choice(("备考表", "卷内备考表")))
    doc.blocks = [
        gap(10),
        table(
            kv(
                (
                    "本卷情况说明",
                    f"本卷共{items}件，共{pages}页（不含封面、卷内目录和备考表）。材料齐全，排列有序。",
                ),
                ("立卷人", st.filer),
                ("检查人", st.checker),
                ("立卷时间", c.d(when)),
            ),
            12,
            min_row=60,
        ),
    ]
    return doc


def cover(c: Ctx, items: int, pages: int) -> Doc:
    d = c.plan.dates
    doc = c.doc("卷宗封面", c.rng.choice(("行政处罚案卷", "交通运输行政处罚案卷")))
    year = (d.closing or d.decision).year
    rows = kv(
        ("案件名称", c.case_title("卷宗封面")),
        ("处罚决定书文号", c.plan.number.format()),
        ("办案机构", c.a.unit),
        ("立案日期", c.d(d.filing)),
        ("结案日期", c.d(d.closing) if d.closing else "/"),
        ("保管期限", c.rng.choice(("永久", "30年"))),
        ("卷内件数|页数", f"{items}件|{pages}页"),
        ("归档号", f"{year}-{c.rng.randint(1, 9999):04d}"),
    )
    doc.agency_line = c.a.name
    doc.title_size = 28
    doc.blocks = [gap(90), table(rows, 13, min_row=40), gap(40), center(c.a.name, 16, True)]
    return doc


def contents(c: Ctx, entries: list[tuple[Doc, int, int]]) -> Doc:
    doc = c.doc("卷内目录")
    head: list[Cell] = [("序号", 0.08), ("题名", 0.34), ("文号", 0.28), ("日期", 0.16), ("页号", 0.14)]
    rows = [head]
    for i, (d, first, last) in enumerate(entries):
        number = c.plan.number.format() if d.case_no or d.type == "行政处罚决定书" else ""
        when = fmt_date(d.date, "dash") if d.date else ""
        pages = str(first) if first == last else f"{first}-{last}"
        rows.append([(str(i + 1), 0.08), (d.title, 0.34), (number, 0.28), (when, 0.16), (pages, 0.14)])
    doc.blocks = [table(rows, 9.5)]
    return doc
