"""Archive furniture added by the county archive: 卷宗封面, 卷内目录, 备考表 and the stamped page numbers."""

from __future__ import annotations

import datetime as dt

import pymupdf as fitz

from families.contract import RenderedDoc

from . import fmt
from .fmt import Ctx
from .grid import SANS, Sheet

ROWS_PER_PAGE = 20
INK = (0.12, 0.16, 0.55)  # the archive's blue stamp pad


def contents_pages(n_docs: int) -> int:
    return max(1, -(-n_docs // ROWS_PER_PAGE))


def cover(s: Sheet, c: Ctx, items: int, pages: int, seed: int) -> RenderedDoc:
    p, d = c.plan, c.d
    s.start_page, s.seals, s.title = len(s.pdf), [], "卷宗封面"
    s.new_page()
    s.y = 70
    for i, (label, value) in enumerate(
        (("全宗号", "J031"), ("目录号", "2"), ("案卷号", str(100 + seed % 800)))
    ):
        x = 330 + i * 72
        s.pg.draw_rect((x, s.y, x + 66, s.y + 40), color=(0, 0, 0), width=0.8)
        s.write(x + 6, s.y + 4, label, 9)
        s.write(x + 6, s.y + 20, value, 11)
    s.y += 90
    s.center(c.a.name, 18, gap=20)
    s.center("交通运输行政处罚案卷", 26, font=SANS, gap=40)
    s.kv("案件名称", f"{c.name('卷宗封面')}{c.cause()}")
    s.kv("处罚决定书文号", p.number.format())
    s.kv("办案机构", c.a.unit)
    start = d.filing if p.procedure == "ordinary" else d.decision
    end = d.closing or d.payment or d.decision
    first = "立案日期" if p.procedure == "ordinary" else "处罚日期"  # a 简易 file has no 立案
    s.pair(first, fmt.cell(start), "结案日期", fmt.cell(end))
    s.pair("卷内件数", f"{items}件", "卷内页数", f"{pages}页")
    s.pair("保管期限", "30年", "立卷人", p.staff.filer)
    return s.end("卷宗封面")


def contents(s: Sheet, c: Ctx, entries: list[tuple[str, str, dt.date | None, int, int]]) -> RenderedDoc:
    """卷内目录: one row per document with its number, date (2026.03.05) and page range."""
    s.start_page, s.seals, s.title = len(s.pdf), [], "卷内目录"
    for i in range(0, len(entries), ROWS_PER_PAGE):
        s.new_page()
        s.center("卷内目录", 20, font=SANS, gap=16)
        s.header([("序号", 1), ("文件名称", 3), ("日期", 2), ("页号", 1), ("备注", 1)])
        for j, (title, _no, day, first, last) in enumerate(entries[i : i + ROWS_PER_PAGE], i + 1):
            pages = str(first) if first == last else f"{first}-{last}"
            cells = [(str(j), 1, False), (title, 3, False), (fmt.dot(day) if day else "", 2, False)]
            s.row([*cells, (pages, 1, False), ("", 1, False)], size=10)
    return s.end("卷内目录")


def back(s: Sheet, c: Ctx, items: int, pages: int) -> RenderedDoc:
    d, st = c.d, c.plan.staff
    s.start_page, s.seals, s.title = len(s.pdf), [], "备考表"
    s.new_page()
    s.center("卷内备考表", 20, font=SANS, gap=16)
    s.kv("本卷情况说明", f"本卷共{items}件{pages}页，材料齐全，排列有序。", min_h=160)
    day = d.archive or d.closing or d.decision
    s.pair("立卷人", st.filer, "立卷时间", fmt.cell(day))
    s.pair("检查人", st.checker, "检查时间", fmt.cell(day))
    return s.end("备考表")


def stamp_pages(pdf: fitz.Document) -> None:
    """The archive's page number: a small blue box with the number, top right of every page."""
    for i, page in enumerate(pdf, 1):
        x1 = page.rect.width - 30
        rect = fitz.Rect(x1 - 34, 16, x1, 36)
        page.draw_rect(rect, color=INK, width=1.1, stroke_opacity=0.85)
        label = str(i)
        page.insert_text((x1 - 17 - 3 * len(label), 31), label, fontname="helv", fontsize=11, color=INK)
