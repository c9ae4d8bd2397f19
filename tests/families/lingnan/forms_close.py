"""After the decision: 非税收入一般缴款书, the 公示 web page printed by a browser, 结案审批表, and the
archive wrappers (案卷封面, 卷内目录, 备考表)."""

from __future__ import annotations

import datetime as dt

import pymupdf

from casegen.formats import daxie, mask_id
from families.lingnan import fmt
from families.lingnan.canvas import LEFT, RIGHT, L, Sheet, V, W
from families.lingnan.common import Case, Out
from families.lingnan.seal import bank_stamp

PINYIN = {"粤": "gd", "湘": "hn", "川": "sc", "京": "bj", "吉": "jl"}


def receipt(c: Case, sh: Sheet) -> Out:
    d, p = c.d, c.plan
    assert d.payment
    key = "罚没款票据"
    title = f"{c.a.province}非税收入一般缴款书"
    sh.begin(None, top=60)
    sh.line(title, 17, "center", bold=True, lh=1.6)
    sh.line("（电子）", 10, "center", lh=1.8)
    code = f"{c.a.region[:2]}0101{c.rng.randint(20, 25)}"
    no = f"{c.rng.randint(0, 99999999):010d}"
    label = c.rng.choice(("缴款日期", "开票日期"))
    when = d.payment.isoformat() if c.rng.random() < 0.5 else fmt.d0(d.payment)
    sh.line(f"票据代码：{code}        票据号码：{no}        校验码：{c.rng.randint(100000, 999999)}", 9.5)
    rows = [
        [
            L("缴款人", 0.06, rows=3),
            L("全称", 0.12),
            V(c.name(key), 0.32),
            L("执收单位", 0.06, rows=3),
            L("全称", 0.12),
            V(c.a.name, 0.32),
        ],
        [
            L("账号", 0.12),
            V("/", 0.32),
            L("单位编码", 0.12),
            V(f"{c.a.region}{c.rng.randint(100, 999)}", 0.32),
        ],
        [L("开户银行", 0.12), V("/", 0.32), L("收款银行", 0.12), V(c.a.bank, 0.32)],
        [
            L("项目编码", 0.16),
            L("项目名称", 0.32),
            L("单位", 0.08),
            L("数量", 0.08),
            L("收缴标准", 0.16),
            L("金额", 0.2),
        ],
        [
            V("103050199", 0.16, "center"),
            V("一般罚没收入（交通运输）", 0.32),
            V("元", 0.08, "center"),
            V("1", 0.08, "center"),
            V(fmt.figure(p.fine), 0.16, "center"),
            V(fmt.figure(p.fine), 0.2, "center"),
        ],
        [L("金额（大写）", 0.16), V(daxie(p.fine), 0.44), L("（小写）", 0.12), V(fmt.figure(p.fine), 0.28)],
        [L("处罚决定书文号", 0.16), V(p.number.format(), 0.84)],
        [L(label, 0.16), V(when, 0.34), L("收款银行盖章", 0.16), V("", 0.34)],
        [L("备注", 0.16), V(f"缴款识别码：{c.rng.randint(10**15, 10**16 - 1)}", 0.84)],
    ]
    sh.grid(rows, size=10, min_h=30)
    # The bank's stamp lands on the 收款银行盖章 cell and runs over the date next to it.
    stamp = bank_stamp(c.a.bank, f"{d.payment:%Y.%m.%d}", p.seed % 89)
    sh.seal(LEFT + (RIGHT - LEFT) * c.rng.uniform(0.62, 0.8), sh.y - 30 - 24, stamp, 118, ratio=0.68)
    sh.gap(10)
    sh.line(
        f"执收单位（盖章）              经办人：{c.plan.officers[0].name}              复核：{c.plan.staff.clerk}",
        10,
    )
    sh.line("第一联  收据联（缴款人收执）", 9, "right")
    out = sh.finish()
    return Out(key, title, out.count, out.sealed, None, d.payment)


def _browser(stamp: str, page_title: str, url: str):
    """Chrome's print header (date, page title) and footer (URL, n/m)."""

    def draw(sh: Sheet, page: pymupdf.Page, i: int, n: int) -> None:
        sh.direct(page, 24, 20, stamp, 8)
        sh.direct(page, (W - sh.width(page_title, 8)) / 2, 20, page_title, 8)
        sh.direct(page, 24, 828, url, 8)
        sh.direct(page, W - 40, 828, f"{i}/{n}", 8)

    return draw


def publication(c: Case, sh: Sheet) -> Out:
    d, p, pa = c.d, c.plan, c.p
    assert d.publication
    key, title = "公示记录", "行政处罚信息公示"
    site = (
        f"{c.a.province.rstrip('省市')}交通运输政务服务网"
        if c.rng.random() < 0.5
        else f"信用{c.a.province.rstrip('省市')}"
    )
    hm = (c.rng.randint(9, 17), c.rng.randint(0, 59))
    stamp = f"{d.publication.year}/{d.publication.month}/{d.publication.day} {hm[0]}:{hm[1]:02d}"
    url = f"https://xyxx.{PINYIN.get(c.abbr, 'sheng')}jt.example.gov.cn/xzcf/detail?id={c.rng.randint(10**9, 10**10 - 1)}"
    sh.begin(_browser(stamp, f"{title}-{site}", url), top=40)
    page = sh.page
    assert page is not None
    band = pymupdf.Rect(LEFT - 20, 40, RIGHT + 20, 78)
    page.draw_rect(band, color=None, fill=(0.12, 0.33, 0.62))
    sh.put(LEFT, 64, site, 15, bold=True, color=(1.0, 1.0, 1.0))
    sh.y = 88
    sh.line("首页 > 信用公示 > 行政处罚 > 详情", 9)
    sh.gap(6)
    sh.title(title, 16, spaced=False)
    code = pa.credit_code if pa.kind == "organisation" else mask_id(pa.person.id_number if pa.person else "")
    try:
        until = d.publication.replace(year=d.publication.year + 1)
    except ValueError:
        until = d.publication + dt.timedelta(days=365)
    fields = (
        ("行政处罚决定书文号", p.number.format()),
        ("处罚类别", "罚款"),
        ("处罚事由", c.cause()),
        ("处罚依据", p.violation.basis),
        ("行政相对人名称", c.name(key)),
        ("行政相对人类别", "法人及非法人组织" if pa.kind == "organisation" else "自然人"),
        ("统一社会信用代码" if pa.kind == "organisation" else "证件号码", code or "/"),
        ("法定代表人", pa.legal_rep if pa.kind == "organisation" and pa.legal_rep else "/"),
        ("违法事实", c.fact(p.violation.act, key) + "。"),
        ("处罚结果", f"罚款{c.money(p.fine)}"),
        ("罚款金额（万元）", f"{p.fine / 10000:.4f}".rstrip("0").rstrip(".")),
        ("处罚决定日期", d.decision.isoformat()),
        ("处罚机关", c.a.name),
        ("公示日期", d.publication.isoformat()),
        ("公示截止期", until.isoformat()),
        ("数据来源", c.a.name),
    )
    sh.grid([[L(k, 0.24), V(v, 0.76)] for k, v in fields], size=10, min_h=24)
    out = sh.finish()
    return Out(key, title, out.count, out.sealed, None, d.publication)


def closing(c: Case, sh: Sheet) -> Out:
    key, d, st, p = "结案报告", c.d, c.plan.staff, c.plan
    assert d.closing
    title = "结案审批表"
    c.start(sh, key, d.closing)
    c.head(sh, title)
    paid = (
        f"当事人已于{fmt.d0(d.payment)}全额缴纳罚款，缴款书附卷。" if d.payment else "当事人已履行处罚决定。"
    )
    head = "" if p.mut.get("jiean_nohead") else f"同意结案。\n签名：{st.head}        {fmt.d0(d.closing)}"
    rows = c.kv_rows(("案号|案由", f"{c.number(key)}|{c.cause()}"))
    rows += c.party_grid(key)
    rows += c.kv_rows(
        ("立案日期|决定日期", f"{fmt.d0(d.filing)}|{fmt.d0(d.decision)}"),
        ("处罚决定", f"罚款{c.money(p.fine)}（{p.number.format()}）"),
        ("执行情况", paid),
        (
            "承办人意见",
            f"处罚决定已执行完毕，建议结案。\n承办人：{p.officers[0].name}、{p.officers[1].name}    {fmt.d0(d.closing)}",
        ),
        ("承办机构意见", f"同意结案。\n负责人：{st.unit_head}        {fmt.d0(d.closing)}"),
        ("机关负责人审批意见", head),
    )
    sh.grid(rows, min_h=26)
    return c.done(sh, key, title, d.closing)


def cover(c: Case, sh: Sheet, pages: int) -> Out:
    d, p = c.d, c.plan
    key = "卷宗封面"
    title = "交通运输行政处罚案卷"
    when = d.archive or d.closing or d.decision
    c.start(sh, key, when)
    sh.gap(60)
    sh.line(c.a.name, 18, "center", bold=True, lh=2.2)
    sh.title(title, 24, spaced=False)
    sh.gap(40)
    rows = c.kv_rows(
        ("案号", p.number.format()),
        ("案由", c.cause()),
        ("当事人", c.name(key)),
        ("立案日期|结案日期", f"{fmt.d0(d.filing)}|{fmt.d0(d.closing) if d.closing else '/'}"),
        ("处理结果", f"罚款{c.money(p.fine)}"),
        ("承办人", f"{p.officers[0].name}、{p.officers[1].name}"),
        ("卷内页数|保管期限", f"{pages}页|长期"),
        ("归档日期|归档号", f"{fmt.d0(when)}|{when.year}-ZF-{c.rng.randint(1, 999):03d}"),
    )
    sh.grid(rows, size=12, min_h=38)
    return c.done(sh, key, title, None)


def contents(c: Case, sh: Sheet, entries: list[tuple[Out, int]]) -> Out:
    """卷内目录: archival 8-digit dates (20250304) and page numbers counted from the first body page."""
    key = "卷内目录"
    c.start(sh, key, c.d.archive or c.d.closing or c.d.decision)
    sh.title(key)
    widths = (0.08, 0.34, 0.3, 0.14, 0.14)
    rows = [[L(h, w) for h, w in zip(("序号", "文书名称", "文号", "日期", "页号"), widths, strict=True)]]
    for i, (o, first) in enumerate(entries):
        last = first + o.pages - 1
        numbered = o.type not in ("证据材料", "罚没款票据", "公示记录")
        cells = (
            str(i + 1),
            o.title,
            c.plan.number.format() if numbered else "",
            o.date.strftime("%Y%m%d") if o.date else "",
            str(first) if first == last else f"{first}-{last}",
        )
        rows.append(
            [V(t, w, "center" if j != 1 else "") for j, (t, w) in enumerate(zip(cells, widths, strict=True))]
        )
    sh.grid(rows, size=9.5, min_h=20)
    return c.done(sh, key, key, None)


def back(c: Case, sh: Sheet, items: int, pages: int) -> Out:
    key, st = "备考表", c.plan.staff
    when = c.d.archive or c.d.closing or c.d.decision
    c.start(sh, key, when)
    sh.title("卷内备考表", spaced=False)
    sh.gap(10)
    rows = c.kv_rows(
        ("本卷情况说明", f"本卷共有文件材料{items}件，共{pages}页。材料完整，排列有序，符合归档要求。"),
        ("立卷人|立卷日期", f"{st.filer}|{fmt.d0(when)}"),
        ("检查人|检查日期", f"{st.checker}|{fmt.d0(when)}"),
    )
    sh.grid(rows, size=12, min_h=60)
    return c.done(sh, key, "卷内备考表", None)
