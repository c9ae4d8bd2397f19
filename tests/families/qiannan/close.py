"""Payment slip, the county website's 公示 printout, 结案报告 and the archive wrappers."""

from __future__ import annotations

from families.qiannan.canvas import LEFT, RIGHT
from families.qiannan.ctx import Case, Made
from families.qiannan.flow import Writer
from families.qiannan.words import daxie, dot, money


def receipt(c: Case) -> Made:
    """非税收入一般缴款书 as the bank's counter prints it; the bank's blue 收讫 stamp (not a seal)."""
    p, d = c.plan, c.plan.dates
    assert d.payment
    title = f"{p.agency.province}非税收入一般缴款书"
    w = Writer(c.rng, "（银行代收专用）", title)
    w.ink = "print"
    code = f"{c.rng.randint(10, 99)}0{c.rng.randint(10000, 99999)}0{c.rng.randint(100, 999)}"
    w.blanks([("票据号码：", "No." + code), ("填制日期：", dot(d.payment))], [0.55, 0.45])
    w.table(
        [
            [("缴款人全称", c.party("罚没款票据")), ("执收单位", c.agency)],
            [("项目名称", "交通运输罚没收入"), ("决定书编号", c.no("罚没款票据"))],
            [("金额（大写）", daxie(p.fine)), ("（小写）", money(p.fine))],
            [("收款银行", p.agency.bank)],
        ],
        label_w=220,
    )
    s, y = w.sheet, w.y + 30
    s.draw.rectangle((RIGHT - 420, y, RIGHT - 60, y + 150), outline=(60, 60, 150), width=5)
    s.text(RIGHT - 390, y + 20, "收讫", "title", 44)
    s.text(RIGHT - 390, y + 85, dot(d.payment), "fill", 34)
    w.y = y + 190
    w.footnote("第一联 缴款人收据  （手写无效）")
    return Made("罚没款票据", title, w)


def publication(c: Case) -> Made:
    """A print of the county government website's 行政处罚信息公示 page."""
    p, d = c.plan, c.plan.dates
    assert d.publication
    site = p.agency.review_body + "门户网站"
    w = Writer(c.rng, site, "行政处罚信息公示")
    w.ink = "print"
    w.sheet.text(
        LEFT,
        90,
        f"https://www.{p.agency.region}.gov.cn/zwgk/xzcf/{d.publication:%Y%m}/t{c.rng.randint(10**6, 10**7)}.html",
        "fill",
        22,
    )
    w.blanks([("发布机构：", c.agency), ("发布日期：", f"{d.publication:%Y-%m-%d}")], [0.6, 0.4])
    w.table(
        [
            [("行政处罚决定书文号", p.number.format())],
            [("行政相对人名称", c.party("公示记录"))],
            [("违法行为类型", p.violation.cause)],
            [("处罚依据", p.violation.basis)],
            [("处罚类别", "罚款")],
            [("处罚内容", f"罚款{p.fine}元")],
            [("罚款金额（万元）", f"{p.fine / 10000:g}")],
            [("处罚决定日期", f"{d.decision:%Y-%m-%d}")],
            [("处罚机关", c.agency)],
            [("公示期限", "三年")],
        ],
        label_w=330,
    )
    w.footnote("【打印本页】 【关闭窗口】    主办单位：" + p.agency.review_body + "办公室")
    return Made("公示记录", "行政处罚信息公示", w)


def closing(c: Case) -> Made:
    p, d, key = c.plan, c.plan.dates, "结案报告"
    assert d.closing
    w = c.writer("结案报告", key)
    done = f"当事人已于{dot(d.payment)}缴清罚款。" if d.payment else "处罚决定已送达，依法执行。"
    head = "" if p.mut.get("jiean_nohead") else f"同意结案。{p.staff.head}  {dot(d.closing)}"
    w.table(
        [
            [("案  由", c.cause())],
            *c.party_rows(key),
            [("处理结果", f"罚款人民币{p.fine}元（{daxie(p.fine)}）")],
            [("执行情况", done)],
            [
                (
                    "承办人意见",
                    f"本案已执行完毕，建议结案。{'、'.join(o.name for o in p.officers[:2])}  {dot(d.closing)}",
                )
            ],
            [("承办机构负责人意见", f"同意。{p.staff.unit_head}  {dot(d.closing)}")],
            [("负责人审批意见", head)],
        ],
        label_w=260,
    )
    if head:
        w.signed("审批人：", d.closing, p.staff.head, right=True)
    return Made("结案报告", "结案报告", w)


def cover(c: Case, items: int, pages: int) -> Made:
    p, d = c.plan, c.plan.dates
    w = Writer(c.rng, c.agency, "交通运输行政处罚案卷")
    w.gap(120)
    w.blanks([("案件名称：", f"{c.party('卷宗封面')}{c.cause()}")])
    w.blanks([("案    号：", p.number.format())])
    w.blanks([("处理结果：", f"罚款{p.fine}元")])
    w.blanks([("立案日期：", dot(d.filing)), ("结案日期：", dot(d.closing) if d.closing else "")])
    w.blanks([("本卷共：", f"{items}件{pages}页"), ("保管期限：", "30年")])
    w.blanks([("归 档 号：", f"{(d.archive or d.decision).year}-{c.rng.randint(1, 400):04d}")])
    return Made("卷宗封面", "交通运输行政处罚案卷", w)


def contents(c: Case, rows: list[tuple[str, int, int]]) -> Made:
    w = Writer(c.rng, c.agency, "卷内目录")
    w.table([[("序号", "题    名"), ("", "页  号")]], label_w=120)
    w.y -= 20
    w.table(
        [[(str(i + 1), t), ("", f"{a}-{b}" if b > a else str(a))] for i, (t, a, b) in enumerate(rows)],
        label_w=120,
    )
    return Made("卷内目录", "卷内目录", w)


def back(c: Case, items: int, pages: int) -> Made:
    p, d = c.plan, c.plan.dates
    w = Writer(c.rng, c.agency, "备考表")
    w.table([[("本卷情况说明", f"本卷共{items}件{pages}页，材料齐全，按程序顺序排列。")]], label_w=240)
    w.blanks([("立卷人：", p.staff.filer), ("检查人：", p.staff.checker)])
    w.blanks([("立卷时间：", dot(d.archive or d.closing or d.decision))])
    return Made("备考表", "备考表", w)
