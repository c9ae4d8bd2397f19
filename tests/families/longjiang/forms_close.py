"""Closing papers: the payment slip, the web 公示 page, 结案报告, and the archive wrappers (卷宗封面,
卷内目录, 备考表)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pymupdf

from families.contract import RenderedDoc
from families.longjiang import fmt
from families.longjiang.case import Case
from families.longjiang.forms_invest import _head
from families.longjiang.page import LEFT, RIGHT, L, V, W, put

DARK_RED = (0.62, 0.1, 0.1)
RED = (0.82, 0.12, 0.12)


def _digits(text: str, n: int) -> str:
    return str(int(hashlib.sha1(text.encode()).hexdigest(), 16))[:n]


def receipt(c: Case) -> RenderedDoc:
    """A provincial 非税收入一般缴款书 (or, paid on the spot, a 罚没款收据) with a bank stamp."""
    p, d = c.plan, c.plan.dates
    assert d.payment
    spot = p.procedure == "summary" and p.on_the_spot_payment
    title = f"{p.agency.province}{'罚没款收据' if spot else '非税收入一般缴款书'}"
    s = c.sheet("罚没款票据", d.payment, kind="plain")
    s.space(20)
    s.line(title, 17, align="center", bold=True, color=DARK_RED)
    s.page.draw_line((W / 2 - 120, s.y + 2), (W / 2 + 120, s.y + 2), color=DARK_RED, width=1.2)
    s.page.draw_line((W / 2 - 120, s.y + 5), (W / 2 + 120, s.y + 5), color=DARK_RED, width=0.6)
    s.space(10)
    code = _digits(c.number + "code", 8)
    s.line(
        f"票据代码：{code}    校验码：{_digits(c.number, 6)}        No. {_digits(c.number + 'no', 10)}",
        9,
        color=DARK_RED,
    )
    s.line(f"开票日期：{fmt.iso(d.payment)}        执收单位编码：{p.agency.region}001", 9, color=DARK_RED)
    s.group(
        "缴款人",
        [[L("全称", 1), V(p.party.name, 4)], [L("账号", 1), V("—", 4)], [L("开户银行", 1), V("现金缴款", 4)]],
    )
    s.group(
        "收款人",
        [
            [L("全称", 1), V(f"{p.agency.city}财政局非税收入汇缴结算户", 4)],
            [L("账号", 1), V(_digits(p.agency.name, 17), 4)],
            [L("开户银行", 1), V(p.agency.bank, 4)],
        ],
    )
    s.grid(
        [
            [
                L("项目编码", 1),
                L("收入项目名称", 1.6),
                L("单位", 0.6),
                L("数量", 0.6),
                L("收缴标准", 0.9),
                L("金额", 1.1),
            ],
            [
                V("103050101", 1),
                V("一般罚没收入", 1.6),
                V("元", 0.6),
                V("1", 0.6),
                V("—", 0.9),
                V(f"{p.fine:,}.00", 1.1),
            ],
            [
                L("金额（大写）", 1),
                V(fmt.rmb_words(p.fine), 2.8),
                L("（小写）", 0.9),
                V(fmt.money(p.fine), 1.1),
            ],
            [L("执收单位", 1), V(p.agency.name, 2.8), L("经办人", 0.9), V(p.officers[0].name, 1.1)],
            [L("备注", 1), V(f"行政处罚决定书文号：{c.number}；缴款日期：{fmt.iso(d.payment)}", 4.8)],
        ]
    )
    s.line("第一联 收据联（缴款人收执）    缴款人须在缴款后将本联交执收单位核验", 8.5, color=DARK_RED)
    _bank_stamp(s.page, RIGHT - 150, s.y + 16, p.agency.bank, d.payment)
    s.sealed.add(len(s.pages) - 1)
    return c.done(s, "罚没款票据", title)


def _bank_stamp(page: pymupdf.Page, x: float, y: float, bank: str, when: dt.date) -> None:
    """The bank's oblong 收讫 stamp in red ink."""
    bank = bank.replace("股份有限公司", "")
    page.draw_rect(pymupdf.Rect(x, y, x + 150, y + 54), color=RED, width=1.6)
    put(page, x + 75, y + 15, bank[:12], 8.5, color=RED, align="center")
    put(page, x + 75, y + 32, fmt.dot(when), 10, color=RED, align="center", bold=True)
    put(page, x + 75, y + 48, "收  讫", 10, color=RED, align="center", bold=True)


def publication(c: Case) -> RenderedDoc:
    """A 公示 page as the agency's website shows it, printed from a browser."""
    p, d = c.plan, c.plan.dates
    assert d.publication
    slug = _digits(c.number, 9)
    url = f"https://jtj.{p.agency.region}.gov.cn/zwgk/sgs/xzcf/{d.publication:%Y%m}/t{d.publication:%Y%m%d}_{slug}.html"
    clock = f"{13 + c.rng.randrange(4)}:{c.rng.randrange(60):02d}"
    s = c.sheet(
        "公示记录",
        d.publication,
        kind="browser",
        url=url,
        head=f"行政处罚信息公示 - {p.agency.name}",
        clock=clock,
    )
    s.page.draw_rect(pymupdf.Rect(24, 34, W - 24, 84), color=None, fill=(0.12, 0.33, 0.6))
    put(s.page, 40, 66, f"{p.agency.name}  政务公开", 17, bold=True, color=(1, 1, 1))
    s.y = 96
    s.line("首页 > 政务公开 > 双公示 > 行政处罚", 8.5, color=(0.3, 0.3, 0.3))
    s.space(6)
    s.title("行政处罚信息公示", 16, gap=4)
    s.line(
        f"发布机构：{p.agency.name}    发布时间：{fmt.iso(d.publication)}    浏览次数：{c.rng.randint(20, 400)}",
        8.5,
        align="center",
        color=(0.35, 0.35, 0.35),
    )
    s.space(8)
    ind = p.party.kind == "individual"
    ident = ""  # the site masks ID numbers (publication rules hide them)
    if ind and p.party.person:
        idn = p.party.person.id_number
        ident = idn[:6] + "********" + idn[-4:]
    s.grid(
        [
            [L("行政相对人名称", 1), V(p.party.name, 2.4)],
            [L("行政相对人类别", 1), V("自然人" if ind else "法人及非法人组织", 2.4)],
            [
                L("身份证件号码" if ind else "统一社会信用代码", 1),
                V(ident if ind else p.party.credit_code or "", 2.4),
            ],
            [L("行政处罚决定书文号", 1), V(c.number, 2.4)],
            [L("违法行为类型", 1), V(p.violation.cause, 2.4)],
            [L("违法事实", 1), V(c.act, 2.4)],
            [L("处罚依据", 1), V(p.violation.basis, 2.4)],
            [L("处罚类别", 1), V("罚款", 2.4)],
            [L("处罚内容", 1), V(f"罚款{fmt.yuan(p.fine)}", 2.4)],
            [L("罚款金额（万元）", 1), V(fmt.wan(p.fine), 2.4)],
            [L("处罚决定日期", 1), V(fmt.iso(d.decision), 2.4)],
            [L("处罚机关", 1), V(p.agency.name, 2.4)],
            [L("公示日期", 1), V(fmt.iso(d.publication), 2.4)],
        ]
    )
    s.space(12)
    s.line("【打印本页】  【关闭窗口】", 8.5, align="center", color=(0.3, 0.3, 0.3))
    return c.done(s, "公示记录", "行政处罚信息公示")


def closing(c: Case) -> RenderedDoc:
    p, d = c.plan, c.plan.dates
    assert d.closing
    s = c.sheet("结案报告", d.closing)
    _head(c, s, "结案报告")
    s.grid([[L("案由", 1), V(f"{p.violation.cause}案", 5)]])
    s.group("当事人", c.party_rows(d.closing))
    s.box(
        "处理结果",
        f"本机关于{fmt.ymd(d.decision)}作出《行政处罚决定书》（{c.number}），对当事人处以罚款人民币{p.fine}元。",
        min_h=60,
    )
    paid = f"当事人已于{fmt.ymd(d.payment)}缴清罚款{p.fine}元。" if d.payment else "当事人已履行处罚决定。"
    s.box(
        "执行情况",
        paid + "案件处理完毕，建议结案。",
        sign=f"承办人：{p.officers[0].name}  {p.officers[1].name}    {fmt.ymd(d.closing)}",
        min_h=70,
    )
    s.box("承办机构负责人意见", "同意结案。", sign=f"{p.staff.unit_head}    {fmt.ymd(d.closing)}", min_h=50)
    if p.mut.get("jiean_nohead"):
        s.box("行政机关负责人审批意见", "", min_h=60)
    else:
        s.box(
            "行政机关负责人审批意见",
            "同意结案，归档。",
            sign=f"{p.staff.head}    {fmt.ymd(d.closing)}",
            min_h=60,
        )
    return c.done(s, "结案报告", "结案报告")


def cover(c: Case, items: int, pages: int, closed: bool) -> RenderedDoc:
    p, d = c.plan, c.plan.dates
    s = c.sheet("卷宗封面", d.archive or d.decision, kind="plain")
    s.space(30)
    s.line(p.agency.name, 15, align="center", bold=True)
    s.space(14)
    s.title("交通运输行政执法案卷", 26, gap=6)
    s.line("（行政处罚类）", 12, align="center")
    s.space(36)
    rows = [
        [L("案件名称", 1), V(f"{p.party.name}{p.violation.cause}案", 3.4)],
        [L("案号", 1), V(c.number, 3.4)],
        [L("当事人", 1), V(p.party.name, 3.4)],
        [L("办案机构", 1), V(p.agency.unit, 3.4)],
        [
            L("立案日期", 1),
            V(fmt.dot(d.filing), 1.2),
            L("结案日期", 1),
            V(fmt.dot(d.closing) if closed and d.closing else "", 1.2),
        ],
        [L("处理结果", 1), V(f"罚款{fmt.yuan(p.fine)}", 3.4)],
        [L("卷内件数", 1), V(f"{items}件", 1.2), L("卷内页数", 1), V(f"{pages}页", 1.2)],
        [L("保管期限", 1), V("长期", 1.2), L("归档号", 1), V(f"{p.number.year}-{p.number.serial:04d}", 1.2)],
    ]
    for row in rows:
        for cell in row:
            cell.size = 12
            cell.min_h = 34
    s.grid(rows, x0=LEFT + 20, x1=RIGHT - 20)
    s.space(50)
    s.line(
        f"立卷人：{p.staff.filer}        归档日期：{fmt.dot(d.archive) if d.archive else ''}",
        12,
        align="center",
    )
    return c.done(s, "卷宗封面", "交通运输行政执法案卷")


def contents(c: Case, entries: list[tuple[RenderedDoc, str, dt.date | None, int, int]]) -> RenderedDoc:
    """卷内目录: one row a document, with the archive pages it takes."""
    d = c.plan.dates
    s = c.sheet("卷内目录", d.archive or d.decision, kind="plain")
    s.space(10)
    s.title("卷 内 目 录", 20)
    s.line(f"案号：{c.number}", 10.5, align="right")
    rows = [
        [L("序号", 0.5), L("文书名称", 2.2), L("文号", 2.1), L("日期", 1), L("页号", 0.8), L("备注", 0.6)]
    ]
    for i, (doc, number, when, first, last) in enumerate(entries, 1):
        pages = str(first) if first == last else f"{first}-{last}"
        shown = doc.title if doc.type != "送达回证" else f"送达回证（{doc.serves}）"
        rows.append(
            [
                V(str(i), 0.5),
                V(shown, 2.2, size=9),
                V(number, 2.1, size=8.5),
                V(f"{when:%Y%m%d}" if when else "", 1, size=9),
                V(pages, 0.8),
                V("", 0.6),
            ]
        )
    s.grid(rows)
    return c.done(s, "卷内目录", "卷内目录")


def back_sheet(c: Case, items: int, pages: int) -> RenderedDoc:
    p, d = c.plan, c.plan.dates
    s = c.sheet("备考表", d.archive or d.decision, kind="plain")
    s.space(10)
    s.title("备 考 表", 20)
    s.space(10)
    when = fmt.dot(d.archive) if d.archive else ""
    s.box(
        "本卷情况说明",
        f"本卷共有文件材料{items}件，共{pages}页（不含封面、卷内目录和备考表）。文书齐全，装订规范。",
        min_h=360,
    )
    s.grid(
        [
            [L("立卷人", 1), V(p.staff.filer, 1.5), L("立卷时间", 1), V(when, 1.5)],
            [L("检查人", 1), V(p.staff.checker, 1.5), L("检查时间", 1), V(when, 1.5)],
        ]
    )
    return c.done(s, "备考表", "备考表")
