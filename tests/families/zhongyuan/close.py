"""After the decision: the 非税收入票据 receipt, the 信用 site publication page, the 结案审批表,
and the archive wrappers (cover, 卷内目录, 备考表)."""

from __future__ import annotations

import datetime as dt

from casegen.formats import daxie, fmt_date

from .canvas import BOT, L, R, W
from .ctx import Ctx, Out


def receipt(c: Ctx) -> Out:
    """A provincial non-tax receipt: stub number in red, the oval 监制章 stamped across the title."""
    d, p = c.plan.dates, c.p
    assert d.payment
    w = c.writer("罚没款票据", furniture=False)
    prov = c.a.province or "本省"
    w.pen.y = 60
    w.title([f"{prov}政府非税收入票据"], size=17)
    w.center("罚 没 款 收 据", 13, bold=True)
    cx = W / 2
    w.stamp(c.seal(f"{prov}财政厅"), cx, 90, 110, 0.72)
    stub = f"{c.plan.seed % 10**10:010d}"
    w.text(R - 130, 64, f"No {stub}", 12, color=(0.8, 0.1, 0.1))
    w.text(L, w.pen.y + 10, f"票据代码：{c.a.region}25", 9.5)
    w.text(R - 150, w.pen.y + 10, f"开票日期：{fmt_date(d.payment, 'dash')}", 9.5)
    w.gap(18)
    ident = p.credit_code if p.kind == "organisation" else (p.person.id_number if p.person else "")
    rows = [
        ("交款人", p.name, "交款人识别号", ident or "/"),
        ("执收单位", c.a.name, "处罚决定书文号", c.number),
        ("收费项目", "交通运输罚没收入", "数量", "1"),
        ("金额（小写）", f"¥{c.plan.fine:.2f}", "金额（大写）", daxie(c.plan.fine)),
        ("备注", f"{c.cause()}，缴款日期{fmt_date(d.payment, 'dash')}", "收款方式", "银行代收"),
    ]
    w.grid((0.18, 0.34, 0.18, 0.3), rows, header=False, size=10, min_h=30)
    w.gap(14)
    w.line(
        f"执收单位（盖章）          复核人：{c.plan.staff.checker}          开票人：{c.plan.officers[1].name}",
        10,
    )
    w.stamp(c.seal("finance"), L + 70, w.pen.y - 8, 88)
    w.gap(8)
    w.line("第二联  收据联  交款人收执（手写无效）", 8.5)
    w.page.draw_rect((L - 14, 40, R + 14, w.pen.y + 8), color=(0.45, 0.45, 0.45), width=0.5, dashes="[4 3] 0")
    return w, "罚没款票据", "罚没款收据"


def publication(c: Ctx) -> Out:
    """A printed 信用 web page: browser print header/footer, one card with the disclosure fields."""
    d, p = c.plan.dates, c.p
    assert d.publication
    site = f"信用{(c.a.city or c.a.province or '中原').removesuffix('市').removesuffix('省')}"
    w = c.writer("公示记录", furniture=False)
    stamp = f"{fmt_date(d.publication, 'slash')} 16:{c.plan.seed % 50 + 10:02d}"
    w.text(28, 24, stamp, 8)
    w.text(W / 2 - 60, 24, f"{site}-行政处罚信息公示", 8)
    w.pen.y = 54
    w.page.draw_rect((L - 10, 48, R + 10, 88), color=None, fill=(0.12, 0.36, 0.66))
    w.text(L, 75, f"{site}  |  行政处罚信息公示", 15, color=(1, 1, 1))
    w.pen.y = 100
    w.text(L, 118, "首页 > 信用公示 > 行政处罚 > 详情", 9, color=(0.4, 0.4, 0.4))
    w.pen.y = 126
    w.title(["行政处罚信息公示"], size=15)
    open_label = c.rng.choice(("发布日期", "信息公开日期"))
    w.right(f"{open_label}：{fmt_date(d.publication, 'dash')}", 10)
    masked = p.person.id_number[:6] + "********" + p.person.id_number[-4:] if p.person else ""
    kind = "自然人" if p.kind == "individual" else "法人及非法人组织"
    rows = [
        ("行政相对人名称", p.name),
        ("行政相对人类别", kind),
        ("统一社会信用代码", p.credit_code or "/") if p.kind != "individual" else ("证件号码", masked),
        ("法定代表人", p.legal_rep or "/"),
        ("行政处罚决定书文号", c.number),
        ("违法行为类型", c.cause()),
        ("处罚依据", c.plan.violation.basis),
        ("处罚类别", "罚款"),
        ("处罚内容", f"罚款人民币{c.plan.fine}元"),
        ("罚款金额（万元）", f"{c.plan.fine / 10000:g}"),
        ("处罚决定日期", fmt_date(d.decision, "dash")),
        ("公示截止期", fmt_date(d.decision + dt.timedelta(days=365 * 3), "dash")),
        ("处罚机关", c.a.name),
        ("数据来源单位", c.a.name),
        ("数据更新时间", f"{fmt_date(d.publication, 'dash')} 16:0{c.plan.seed % 10}:00"),
    ]
    w.grid((0.32, 0.68), rows, header=False, size=10, min_h=24)
    url = f"https://www.credit{c.a.region}.gov.cn/xyxx/xzcf/detail?id={c.plan.seed:08d}"
    w.text(28, BOT + 40, url, 7.5)
    w.text(R + 20, BOT + 40, "1/1", 7.5)
    return w, "公示记录", "行政处罚信息公示"


def closing(c: Ctx) -> Out:
    d, s = c.plan.dates, c.plan.staff
    assert d.closing
    w = c.writer("结案报告")
    w.title(["结案审批表"], agency=c.a.name)
    w.right(f"案号：{c.number}", 10.5)
    paid = f"当事人已于{c.td(d.payment)}缴清罚款。" if d.payment else "当事人已履行处罚决定。"
    head = "/" if c.plan.mut.get("jiean_nohead") else f"同意结案。  {s.head}  {c.bd(d.closing)}"
    w.boxes(
        [
            [("案由", f"{c.cause()}案", 1.0)],
            *c.party_boxes(),
            [("处罚决定书文号", c.number, 0.5), ("处罚决定日期", c.bd(d.decision), 0.5)],
            [("处理结果", c.money(c.plan.fine), 1.0)],
            [("执行情况", paid, 1.0)],
            [
                (
                    "结案理由",
                    "行政处罚决定已执行完毕，依据《交通运输行政执法程序规定》第一百二十二条予以结案。",
                    1.0,
                )
            ],
            [
                (
                    "承办人意见",
                    f"建议结案。  {c.plan.officers[0].name}、{c.plan.officers[1].name}  {c.bd(d.closing)}",
                    1.0,
                )
            ],
            [("承办机构负责人意见", f"同意。  {s.unit_head}  {c.bd(d.closing)}", 1.0)],
            [("行政机关负责人审批意见", head, 1.0)],
        ]
    )
    return w, "结案报告", "结案审批表"


def cover(c: Ctx, docs: int, pages: int) -> Out:
    d = c.plan.dates
    w = c.writer("卷宗封面", furniture=False)
    w.pen.y = 150
    w.title(["交通运输行政处罚案卷"], agency=c.a.name, size=24)
    w.gap(30)
    close = d.closing or d.decision
    rows = [
        ("案件名称", f"{c.p.name}{c.cause()}案"),
        ("案    号", c.number),
        ("办案机构", c.a.unit),
        ("立案日期", fmt_date(d.filing, "cn") if c.plan.procedure == "ordinary" else "/"),
        ("结案日期", fmt_date(close, "cn")),
        ("卷内件数", f"{docs}件  {pages}页"),
        ("保管期限", "永久" if c.plan.triggered else "三十年"),
        ("归 档 号", f"{close.year}-{c.plan.seed % 9000 + 1000}"),
    ]
    for k, v in rows:
        w.pen.y += 30
        w.text(L + 40, w.pen.y, f"{k}：", 13)
        w.text(L + 130, w.pen.y, v, 13)
        w.page.draw_line((L + 128, w.pen.y + 5), (R - 30, w.pen.y + 5), color=(0, 0, 0), width=0.5)
    return w, "卷宗封面", "交通运输行政处罚案卷"


def contents(c: Ctx, entries: list[tuple[str, str, str, str]]) -> Out:
    """entries: (title, number, date, pages)."""
    w = c.writer("卷内目录", furniture=False)
    w.title(["卷内目录"], size=18)
    rows = [("序号", "文件名称", "文号", "日期", "页号", "备注")]
    rows += [(str(i + 1), t, n or "/", dd or "/", pg, "") for i, (t, n, dd, pg) in enumerate(entries)]
    w.grid((0.07, 0.33, 0.27, 0.14, 0.1, 0.09), rows, size=9, min_h=20)
    return w, "卷内目录", "卷内目录"


def back(c: Ctx, docs: int, pages: int) -> Out:
    d, s = c.plan.dates, c.plan.staff
    w = c.writer("备考表", furniture=False)
    w.title(["卷内备考表"], size=18)
    archive = d.archive or d.closing or d.decision
    w.boxes(
        [
            [
                (
                    "本卷情况说明",
                    f"本卷共{docs}件，共{pages}页（不含封面、目录、备考表）。卷内材料齐全，排列有序。",
                    1.0,
                )
            ],
            [("立卷人", s.filer, 0.5), ("立卷时间", fmt_date(archive, "cn"), 0.5)],
            [("检查人", s.checker, 0.5), ("检查时间", fmt_date(archive, "cn"), 0.5)],
        ],
        vsize=12,
    )
    return w, "备考表", "卷内备考表"
