"""After the decision: the province's 缴款书, the web 公示 page (browser print), 结案, and the wrappers."""

from __future__ import annotations

import datetime as dt

import pymupdf

from casegen.formats import daxie, mask_id
from families.haixi.base import Made, done, form_flow, kv, party_block
from families.haixi.canvas import BLACK, GREY, LEFT, RED, RIGHT, Book, Cell, small, text_width
from families.haixi.fmt import Case, d_archive, d_form, d_pad, yuan


def receipt(case: Case, book: Book) -> Made:
    """A 非税收入缴款书 (three-party grid, 联次 printed down the right edge, the bank's oval stamp)."""
    d, key = case.d, "罚没款票据"
    assert d.payment
    province = case.a.province or ""
    spot = case.plan.procedure == "summary" and case.plan.on_the_spot_payment
    title = "罚没款收据" if spot else f"{province}非税收入一般缴款书"
    flow = book.flow(_edge(book, "第二联  收据联  交缴款人"))
    flow.y = 60
    flow.title(title, 17)
    no = "".join(case.rng.choice("0123456789") for _ in range(10))
    flow.text(f"票据代码：{case.a.region}0125    No. {no}", 10.5, align="right", color=RED, lead=1.4)
    flow.text(
        f"填制日期：{d.payment:%Y-%m-%d}          执收单位编码：{case.a.region}{case.rng.randint(100, 999)}",
        10.5,
        lead=1.6,
    )
    name = case.name(key)
    flow.grid(
        kv(
            ("付款人全称|收款人全称", f"{name}|{province}财政非税收入汇缴结算户"),
            ("付款人账号|收款人账号", f"/|{case.account}"),
            ("付款人开户行|收款人开户行", f"/|{case.a.bank}"),
            lw=0.15,
        ),
        10,
    )
    w = [0.18, 0.3, 0.1, 0.1, 0.16, 0.16]
    flow.grid(
        [
            [
                Cell(t, x, True)
                for t, x in zip(
                    ("项目编码", "收入项目名称", "单位", "数量", "收缴标准", "金额（元）"), w, strict=True
                )
            ],
            [
                Cell("103050199", w[0], True),
                Cell("交通运输罚没收入", w[1], True),
                Cell("元", w[2], True),
                Cell("1", w[3], True),
                Cell(yuan(case.plan.fine), w[4], True),
                Cell(yuan(case.plan.fine), w[5], True),
            ],
            [
                Cell("金额合计（大写）", 0.28, True),
                Cell(daxie(case.plan.fine), 0.4),
                Cell("（小写）", 0.12, True),
                Cell(f"¥{yuan(case.plan.fine)}", 0.2),
            ],
        ],
        10,
    )
    flow.grid(
        kv(
            ("执收单位", case.a.name),
            ("缴款码|校验码", f"{case.payer_code}|{case.payer_code[-6:]}"),
            ("备注", f"处罚决定书：{case.plan.number.format()}"),
            lw=0.18,
        ),
        10,
    )
    flow.gap(14)
    flow.text(
        "执收单位（盖章）                经办人：" + case.o1.name + "              收款银行（盖章）", 10.5
    )
    flow.seal(RIGHT - 80, flow.y + 28, 120, kind="bank", text=f"{case.a.bank}|{d.payment:%Y.%m.%d}")
    flow.gap(60)
    return done(flow, key, title, d.payment, numbered=False)


def _edge(book: Book, text: str):
    def furniture(page: pymupdf.Page, i: int, n: int) -> None:
        y = 180.0
        for ch in text.replace(" ", ""):
            small(page, book, RIGHT + 22, y, ch, 10, BLACK)
            y += 13

    return furniture


def publication(case: Case, book: Book) -> Made:
    """A 公示 detail page printed from the agency's website: browser header/footer, banner, field table."""
    d, p, key = case.d, case.p, "公示记录"
    assert d.publication
    stamp = d.publication + dt.timedelta(days=case.rng.randint(1, 5))
    page_title = f"行政处罚信息公示-{case.a.name}"
    url = f"https://www.{case.a.region}jt.gov.cn/zwgk/zfgs/xzcf/{d.publication:%Y%m}/t{d.publication:%Y%m%d}_{case.rng.randint(100000, 999999)}.html"

    def furniture(page: pymupdf.Page, i: int, n: int) -> None:
        small(
            page,
            book,
            24,
            22,
            f"{stamp.year}/{stamp.month}/{stamp.day} {case.rng.randint(8, 17)}:{case.rng.randint(10, 59)}",
            8,
            BLACK,
        )
        small(page, book, (W_MID - text_width(book, page_title, 8) / 2), 22, page_title, 8, BLACK)
        small(page, book, 24, 828, url, 7.5, BLACK)
        small(page, book, 560, 828, f"{i + 1}/{n}", 8, BLACK)

    flow = book.flow(furniture)
    banner = pymupdf.Rect(36, 36, 559, 84)
    flow.page.draw_rect(banner, color=None, fill=(0.08, 0.33, 0.62))
    flow.y = 40
    flow.text(f"{case.a.name}", 18, bold=True, color=(1, 1, 1), x0=52, lead=1.5)
    flow.y = 98
    flow.text("首页 > 政务公开 > 执法公示 > 行政处罚", 9, color=GREY, x0=40)
    flow.gap(6)
    title = "行政处罚信息公示"
    flow.title(title, 16)
    info = (
        f"发布日期：{d.publication:%Y-%m-%d}    来源：{case.a.unit}    浏览次数：{case.rng.randint(12, 260)}"
    )
    flow.text(info, 9.5, align="center", color=GREY)
    flow.rule(GREY, 0.4, 40, 555)
    flow.gap(10)
    code = p.credit_code if case.org else mask_id(p.person.id_number if p.person else "")
    end = dt.date(d.publication.year + 1, d.publication.month, min(d.publication.day, 28))
    flow.grid(
        kv(
            ("行政相对人名称", case.name(key)),
            ("行政相对人类别", "法人及非法人组织" if case.org else "自然人"),
            ("统一社会信用代码/证件号码", code or "/"),
            ("法定代表人", p.legal_rep if case.org and p.legal_rep else "/"),
            ("行政处罚决定书文号", case.plan.number.format()),
            ("违法行为类型", case.cause()),
            ("违法事实", case.act(key)),
            ("处罚依据", case.plan.violation.basis),
            ("处罚类别", "罚款"),
            ("处罚内容", case.money(case.plan.fine)),
            ("罚款金额（万元）", f"{case.plan.fine / 10000:g}"),
            ("处罚决定日期", f"{d.decision:%Y-%m-%d}"),
            ("公示截止期", f"{end:%Y-%m-%d}"),
            ("处罚机关", case.a.name),
            lw=0.28,
        ),
        9.5,
        min_h=20,
        x0=40,
        x1=555,
    )
    return done(flow, key, title, d.publication, numbered=False)


W_MID = 297.5


def closing(case: Case, book: Book) -> Made:
    d, st, key = case.d, case.st, "结案报告"
    assert d.closing
    title = case.rng.choice(("结案审批表", "结案报告"))
    flow = form_flow(book, case, key)
    flow.title(title, spaced=True)
    flow.grid(kv(("案件编号", case.num(key)), ("案由", case.cause()), lw=0.16))
    party_block(flow, case, key)
    paid = (
        f"被处罚人已于{d_pad(d.payment)}缴清罚款{yuan(case.plan.fine)}元，缴款凭证附卷。"
        if d.payment
        else "被处罚人已履行处罚决定。"
    )
    head = "" if case.mut.get("jiean_nohead") else f"同意结案。\n签名：{st.head}    {d_form(d.closing)}"
    flow.grid(
        [
            [
                Cell("处理结果", 0.16, True),
                Cell(f"作出《行政处罚决定书》（{case.num(key)}），给予{case.money(case.plan.fine)}。", 0.84),
            ],
            [Cell("执行情况", 0.16, True), Cell(paid, 0.84)],
            [
                Cell("承办人意见", 0.16, True),
                Cell(
                    f"处罚决定已执行完毕，建议结案。\n承办人：{case.o1.name}  {case.o2.name}    {d_form(d.closing)}",
                    0.84,
                ),
            ],
            [
                Cell("承办机构\n意见", 0.16, True),
                Cell(f"同意。\n签名：{st.unit_head}    {d_form(d.closing)}", 0.84),
            ],
            [Cell("负责人\n审批意见", 0.16, True), Cell(head, 0.84)],
        ],
        min_h=36,
    )
    return done(flow, key, title, d.closing)


def cover(case: Case, book: Book, items: int, pages: int) -> Made:
    d = case.d
    flow = book.flow(None)
    flow.y = 120
    title = "交通运输行政执法案卷"
    flow.text(title, 26, bold=True, align="center", lead=1.6)
    flow.text("（行政处罚类）", 14, align="center")
    flow.gap(50)
    end = d.closing or d.decision
    rows = kv(
        ("案件名称", f"{case.name('卷宗封面')}{case.cause()}案"),
        ("案件编号", case.plan.number.format()),
        ("承办机构", case.a.unit),
        (
            "立案日期|结案日期",
            f"{d_pad(d.filing)}|{d_pad(end)}" if case.plan.procedure == "ordinary" else f"/|{d_pad(end)}",
        ),
        ("本卷件数|本卷页数", f"{items} 件|{pages} 页"),
        (
            "保管期限|归档号",
            f"{case.rng.choice(('永久', '30年'))}|{end.year}-XZCF-{case.rng.randint(1, 999):03d}",
        ),
    )
    flow.grid(rows, 12.5, min_h=40, x0=LEFT + 10, x1=RIGHT - 10)
    flow.gap(80)
    flow.text(case.a.name, 18, bold=True, align="center")
    return done(flow, "卷宗封面", title, None, numbered=False)


def contents(case: Case, book: Book, entries: list[tuple[Made, int, int]]) -> Made:
    flow = book.flow(None)
    title = "卷内文件目录"
    flow.title(title, 18)
    w = [0.07, 0.25, 0.15, 0.3, 0.11, 0.12]
    rows = [
        [Cell(t, x, True) for t, x in zip(("序号", "文号", "责任者", "题名", "日期", "页号"), w, strict=True)]
    ]
    for i, (made, first, last) in enumerate(entries):
        number = case.plan.number.format() if made.numbered else ""
        when = d_archive(made.date) if made.date else ""
        pages = str(first) if first == last else f"{first}-{last}"
        rows.append(
            [
                Cell(str(i + 1), w[0], True),
                Cell(number, w[1], True),
                Cell(case.a.name, w[2], True),
                Cell(made.doc.title, w[3]),
                Cell(when, w[4], True),
                Cell(pages, w[5], True),
            ]
        )
    flow.grid(rows, 9, min_h=21, pad=3)
    return done(flow, "卷内目录", title, None, numbered=False)


def back(case: Case, book: Book, items: int, pages: int) -> Made:
    d, st = case.d, case.st
    when = d.archive or d.closing or d.decision
    flow = book.flow(None)
    flow.y = 110
    title = "卷内备考表"
    flow.title(title, 18)
    flow.gap(10)
    flow.grid(
        [
            [
                Cell(
                    f"本卷情况说明：\n    本卷共有文件材料{items}件，共{pages}页（不含封面、目录及备考表），材料齐全、完整。",
                    1.0,
                )
            ],
            [Cell(f"立卷人：{st.filer}", 0.5), Cell(f"检查人：{st.checker}", 0.5)],
            [Cell(f"立卷时间：{d_form(when)}", 1.0)],
        ],
        12,
        min_h=60,
    )
    return done(flow, "备考表", title, None, numbered=False)
