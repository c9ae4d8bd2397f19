"""公示: a municipal government site's 行政处罚 detail page, printed from the browser."""

from __future__ import annotations

import datetime as dt

import pymupdf

from casegen.cal import add_wd
from families.bashu.draw import LEFT, RIGHT, Book, Sheet, W
from families.bashu.words import Words, cn


def publication(b: Book, w: Words) -> None:
    d = w.d
    assert d.publication
    s = Sheet(b, "公示记录", "行政处罚信息公示", key="公示记录")
    page = s.page
    printed = add_wd(d.publication, w.rng.randint(1, 6))
    clock = f"{w.rng.randint(8, 17)}:{w.rng.randint(0, 59):02d}"
    host = f"www.{w.rng.choice(('gov', 'zwgk', 'xxgk'))}{w.plan.agency.region}.gov.cn"
    # browser print furniture: date/time and page title on top, address and 1/1 at the bottom
    s.text(28, 22, f"{printed.year}/{printed.month}/{printed.day} {clock}", 8)
    s.text(W / 2 - 80, 22, f"行政处罚信息公示 - {w.a.city}人民政府", 8)
    s.text(
        28,
        830,
        f"https://{host}/zwgk/xzcf/{d.publication:%Y%m}/t{d.publication:%Y%m%d}_{w.rng.randint(100000, 999999)}.html",
        8,
    )
    s.text(W - 50, 830, "1/1", 8)
    band = pymupdf.Rect(LEFT - 20, 40, W - RIGHT + 20, 92)
    page.draw_rect(band, color=None, fill=(0.72, 0.1, 0.1))
    s.text(LEFT, 74, f"{w.a.city}人民政府", 20, color=(1, 1, 1), bold=True)
    s.text(W - RIGHT - 150, 74, "政务公开  政务服务  互动交流", 9, color=(1, 1, 1))
    s.y = 110
    s.line("当前位置：首页 > 政务公开 > 法定主动公开内容 > 行政处罚 > 详情", 9)
    s.gap(10)
    s.line(f"{w.a.name}行政处罚信息公示（{w.plan.number.format()}）", 14, align="center", bold=True)
    s.line(
        f"发布日期：{d.publication.isoformat()}    信息来源：{w.a.name}    浏览次数：{w.rng.randint(12, 480)}",
        9,
        align="center",
    )
    page.draw_line((LEFT, s.y + 4), (W - RIGHT, s.y + 4), color=(0.7, 0.7, 0.7), width=0.8)
    s.gap(10)
    if w.rng.random() < 0.5:
        _body(s, w, d.decision)
    else:
        _text(s, w, d.decision)
    s.finish()


def _text(s: Sheet, w: Words, decided: dt.date) -> None:
    """The decision's text as the site publishes it: no seal, details masked, name kept."""
    s.line(w.a.name, 12, align="center")
    s.line(w.plan.number.format(), 10.5, align="center")
    s.para(w.party_sentence("公示记录", masked=True), 10.5, fill=False, gap=7)
    s.para(f"经查，{w.facts('公示记录')}。", 10.5, fill=False, gap=7)
    s.para(
        f"上述行为违反了{w.v.breach}的规定，依据{w.v.basis}的规定，本机关决定给予{w.fine(w.plan.fine)}的行政处罚。",
        10.5,
        fill=False,
        gap=7,
    )
    s.line(w.a.name, 10.5, align="right")
    s.line(cn(decided), 10.5, align="right")
    s.gap(8)
    s.line("【打印本页】  【关闭窗口】", 9, align="right")


def _body(s: Sheet, w: Words, decided: dt.date) -> None:
    """The decision as published: summary fields in a two-column list, masked party details."""
    p = w.p
    code = (
        p.credit_code
        if p.kind == "organisation"
        else (p.person.id_number[:4] + "**********" + p.person.id_number[-4:] if p.person else "")
    )
    items = [
        ("行政处罚决定书文号", w.plan.number.format()),
        ("行政相对人名称", w.name("公示记录")),
        ("统一社会信用代码/证件号码", code or ""),
        ("违法事实", w.facts("公示记录") + "。"),
        ("处罚依据", w.v.basis),
        ("处罚类别", "罚款"),
        ("处罚内容", w.fine(w.plan.fine)),
        ("罚款金额（万元）", f"{w.plan.fine / 10000:g}"),
        ("处罚决定日期", cn(decided)),
        ("处罚机关", w.a.name),
    ]
    s.table([[(k, 0.28, False, "left"), (v, 0.72, False, "left")] for k, v in items], 10, min_h=24)
    s.gap(8)
    s.line("【打印本页】  【关闭窗口】", 9, align="right")
