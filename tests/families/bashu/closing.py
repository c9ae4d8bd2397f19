"""送达回证 (one row per paper served), the bank's 缴款回单, the 结案审批表."""

from __future__ import annotations

import datetime as dt

from casegen.formats import daxie
from families.bashu.draw import Book, Sheet
from families.bashu.investigation import head
from families.bashu.words import Words, cn, hm


def _date_cells(d: dt.date, split: bool, t: tuple[int, int]) -> list[tuple]:
    if split:
        return [(f"{d.year}年", 0.1, True), (f"{d.month}月", 0.07, True), (f"{d.day}日", 0.07, True)]
    return [(f"{cn(d)}{hm(t)}", 0.24, True)]


def service(b: Book, w: Words, served: str, titles: list[str], date: dt.date) -> None:
    """A 送达回证 listing the served papers, each row with its own 送达日期 (all the same day here)."""
    key = f"送达回证:{served}"
    s = head(b, w, "送达回证", "送达回证", key, serves=served)
    who = w.p.contact.name if w.p.contact else w.p.name
    method = w.rng.choices(("直接送达", "邮寄送达", "留置送达"), (75, 18, 7))[0]
    split = w.rng.random() < 0.45
    o1, o2 = w.plan.officers[:2]
    s.table(
        [
            [("案由", 0.2), (f"{w.v.cause}案", 0.8, True)],
            [
                ("受送达人", 0.2),
                (w.name(key), 0.3, True),
                ("送达地点", 0.16),
                (w.p.address if method != "直接送达" else w.a.station, 0.34, True),
            ],
            [("送达单位", 0.2), (w.a.name, 0.8, True)],
        ],
        10.5,
        min_h=28,
    )
    dh = [("送达年", 0.1), ("月", 0.07), ("日", 0.07)] if split else [("送达日期", 0.24)]
    rows = [[("送达文书名称及文号", 0.3), *dh, ("送达方式", 0.14), ("收件人签名", 0.16), ("送达人", 0.16)]]
    t = (w.rng.randint(9, 16), w.rng.choice((0, 10, 20, 30, 40, 50)))
    sign = who if method != "留置送达" else f"{who}（拒签）"
    for title in titles:
        rows.append(
            [
                (f"《{title}》{w.number(key)}", 0.3, True, "left"),
                *_date_cells(date, split, t),
                (method, 0.14, True),
                (sign, 0.16, True),
                (f"{o1.name} {o2.name}", 0.16, True),
            ]
        )
    blank = [
        ("", 0.3),
        *([("", 0.1), ("", 0.07), ("", 0.07)] if split else [("", 0.24)]),
        ("", 0.14),
        ("", 0.16),
        ("", 0.16),
    ]
    rows.append(blank)  # the unused row of the pre-printed grid stays empty
    s.table(rows, 10, min_h=34)
    note = {
        "邮寄送达": "邮寄送达，以回执签收日期为准",
        "留置送达": f"受送达人拒绝签收，见证人{w.plan.staff.clerk}在场，已留置送达",
    }
    s.table([[("备注", 0.2), (note.get(method, ""), 0.8, True)]], 10, min_h=40)
    if w.rng.random() < 0.5:
        s.signoff(w.a.name, cn(date))
    s.finish()


def receipt(b: Book, w: Words) -> None:
    d = w.d
    assert d.payment
    bank_style = w.rng.random() < 0.5
    title = "罚没款缴款回单" if bank_style else f"{w.a.province}非税收入一般缴款书"
    s = Sheet(b, "罚没款票据", title, key="罚没款票据")
    s.line(w.a.bank if bank_style else "（第二联  回单联）", 11, align="center", gap=4)
    s.title(title, 17, spaced=False)
    split = w.rng.random() < 0.5
    no = "".join(w.rng.choice("0123456789") for _ in range(10))
    date = (
        [
            (f"{d.payment.year}年", 0.12, True),
            (f"{d.payment.month}月", 0.09, True),
            (f"{d.payment.day}日", 0.09, True),
        ]
        if split
        else [(cn(d.payment), 0.3, True)]
    )
    s.table(
        [
            [("缴款日期", 0.18), *date, ("票据号码", 0.16), (f"No.{no}", 0.36, True)],
            [("缴款人", 0.18), (w.name("罚没款票据"), 0.82, True)],
            [("执收单位", 0.18), (w.a.name, 0.82, True)],
            [("收款人", 0.18), (f"{w.a.city}财政局非税收入汇缴户", 0.82, True)],
            [
                ("项目", 0.18),
                ("交通运输罚没收入", 0.36, True),
                ("决定书文号", 0.16),
                (w.plan.number.format(), 0.3, True),
            ],
            [
                ("金额大写", 0.18),
                (f"人民币{daxie(w.plan.fine)}", 0.36, True),
                ("小写", 0.16),
                (f"¥{w.plan.fine:,}.00", 0.3, True),
            ],
            [("经办银行", 0.18), (w.a.bank, 0.82, True)],
        ],
        10.5,
        min_h=32,
    )
    s.gap(20)
    s.text(370, s.y + 10, "银行盖章：", 11)
    s.seal(470, s.y + 14, "bank", w.a.bank.replace("股份有限公司", "")[:14], f"{d.payment:%Y.%m.%d}")
    s.y += 60
    s.line("本回单仅证明款项已缴入国库指定账户，不作收款人收款依据。", 9)
    s.finish()


def closing(b: Book, w: Words) -> None:
    d, st = w.d, w.plan.staff
    assert d.closing
    s = head(b, w, "结案报告", w.pick("结案审批表", "结案报告"))
    paid = (
        f"当事人于{cn(d.payment)}缴纳罚款{w.plan.fine:,}元（缴款回单附卷）。"
        if d.payment and w.plan.has_receipt
        else "当事人已履行处罚决定。"
    )
    head_op = "" if w.mut.get("jiean_nohead") else f"同意结案。  {st.head}  {cn(d.closing)}"
    s.table(
        [
            [("案由", 0.2), (w.v.cause, 0.8, True)],
            [("当事人", 0.2), (w.name("结案报告"), 0.8, True)],
            [
                ("处罚决定书文号", 0.2),
                (w.number("结案报告"), 0.3, True),
                ("决定日期", 0.16),
                (cn(d.decision), 0.34, True),
            ],
            [("处理结果", 0.2), (w.fine(w.plan.fine), 0.8, True)],
            [
                ("执行情况", 0.2),
                (paid + f"  承办人：{w.plan.officers[0].name} {w.plan.officers[1].name}", 0.8, True),
            ],
            [("承办机构意见", 0.2), (f"执行完毕，建议结案。  {st.unit_head}  {cn(d.closing)}", 0.8, True)],
            [("负责人审批意见", 0.2), (head_op, 0.8, True)],
        ],
        10.5,
        min_h=40,
    )
    s.finish()
