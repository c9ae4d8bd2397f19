"""Archive wrappers the platform prints around the body: 案卷封面, 卷内目录, 备考表."""

from __future__ import annotations

import datetime as dt

from families.contract import RenderedDoc
from families.xiangchu import fmt
from families.xiangchu.book import Book
from families.xiangchu.sheet import lab, stk, val


def cover(b: Book, items: int, pages: int) -> RenderedDoc:
    d, p = b.d, b.plan
    assert d.closing
    sh = b.sheet("卷宗封面", "交通运输行政处罚案卷", "FM", d.closing)
    sh.gap(40)
    sh.title(b.a.name)
    sh.gap(30)
    sh.grid(
        [
            [stk("案件名称", b.case_name, 1.0)],
            [stk("案号", b.number, 0.5), stk("当事人", p.party.name, 0.5)],
            [stk("处理结果", f"罚款人民币{p.fine}元", 0.5), stk("办案机构", b.a.unit, 0.5)],
            [stk("立案日期", fmt.iso(d.filing), 0.5), stk("结案日期", fmt.iso(d.closing), 0.5)],
            [
                stk("卷内件数", f"{items}件", 0.25),
                stk("卷内页数", f"{pages}页", 0.25),
                stk("保管期限", "永久", 0.25),
                stk("归档号", f"{d.closing.year}-{p.number.serial:04d}", 0.25),
            ],
        ]
    )
    return sh.finish()


def contents(b: Book, entries: list[tuple[RenderedDoc, dt.date | None, int]]) -> RenderedDoc:
    """卷内目录: one row per document with its date and archive pages (cover etc. unnumbered)."""
    assert b.d.closing
    sh = b.sheet("卷内目录", "卷内文件目录", "ML", b.d.closing)
    sh.title()
    sh.grid([[stk("案号", b.number, 0.5), stk("案件名称", b.case_name, 0.5)]])
    rows: list = [
        [lab("序号", 0.08), lab("文书名称", 0.46), lab("日期", 0.2), lab("页号", 0.14), lab("备注", 0.12)]
    ]
    for i, (doc, on, first) in enumerate(entries):
        span = str(first) if doc.pages == 1 else f"{first}-{first + doc.pages - 1}"
        rows.append(
            [
                val(str(i + 1), 0.08, True),
                val(doc.title, 0.46),
                val(fmt.iso(on) if on else "", 0.2, True),
                val(span, 0.14, True),
                val("", 0.12),
            ]
        )
    sh.grid(rows)
    return sh.finish()


def back(b: Book, items: int, pages: int) -> RenderedDoc:
    d = b.d
    assert d.archive
    st = b.plan.staff
    sh = b.sheet("备考表", "卷内备考表", "BK", d.archive)
    sh.title()
    sh.grid([[stk("案号", b.number, 0.5), stk("当事人", b.plan.party.name, 0.5)]])
    sh.para(
        "本卷情况说明",
        f"　　本卷共{items}件，{pages}页（封面、卷内目录、备考表不编页号）。文书齐全，签章完整，排列有序。",
        min_h=220,
    )
    sh.grid(
        [
            [lab("立卷人", 0.18), val(st.filer, 0.32), lab("立卷时间", 0.18), val(fmt.iso(d.archive), 0.32)],
            [
                lab("检查人", 0.18),
                val(st.checker, 0.32),
                lab("检查时间", 0.18),
                val(fmt.iso(d.archive), 0.32),
            ],
        ]
    )
    return sh.finish()
