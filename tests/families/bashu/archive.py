"""Archive wrappers in the old-style: cover with 全宗号/目录号/案卷号 boxes, 卷内目录 with 8-digit dates,
卷内备考表."""

from __future__ import annotations

import datetime as dt

from families.bashu.draw import RIGHT, Book, Sheet, W
from families.bashu.words import Words, cn

Entry = tuple[str, str, str, dt.date | None, int, int]  # title, number, 责任者, date, first, last


def cover(b: Book, w: Words, items: int, pages: int) -> None:
    d = w.d
    s = Sheet(b, "卷宗封面", "交通运输行政处罚案卷", key="卷宗封面")
    x = W - RIGHT - 216
    for i, lab in enumerate(("全宗号", "目录号", "案卷号")):
        s.page.draw_rect((x + i * 72, 60, x + (i + 1) * 72, 100), color=(0, 0, 0), width=0.6)
        s.text(x + i * 72 + 18, 74, lab, 9)
        s.text(
            x + i * 72 + 22,
            94,
            str(w.rng.randint(1, 99)) if i < 2 else f"{w.rng.randint(1, 999):03d}",
            10,
            fill=True,
        )
    s.y = 170
    s.title("交通运输行政处罚案卷", 26, spaced=False)
    s.gap(50)
    s.blanks([("案件名称", f"{w.p.name}{w.v.cause}案", 330)], 12.5, gap=20)
    s.blanks([("案    号", w.plan.number.format(), 330)], 12.5, gap=20)
    s.blanks([("承办机构", w.a.unit, 330)], 12.5, gap=20)
    s.blanks(
        [("立案日期", cn(d.filing), 130), ("结案日期", cn(d.closing) if d.closing else "", 130)], 12.5, gap=20
    )
    s.blanks(
        [
            ("本卷共", str(items), 40),
            ("件", "", 0),
            ("共", str(pages), 40),
            ("页", "", 0),
            ("保管期限", w.pick("永久", "30年"), 70),
        ],
        12.5,
        gap=20,
    )
    s.y = 720
    s.line(w.a.name, 16, align="center")
    s.finish()


def contents(b: Book, w: Words, entries: list[Entry]) -> None:
    s = Sheet(b, "卷内目录", "卷内目录", key="卷内目录")
    s.title("卷内目录", 18)
    cols = (0.06, 0.15, 0.31, 0.28, 0.12, 0.08)
    rows = [list(zip(("序号", "责任者", "文号", "题名", "日期", "页号"), cols, strict=True))]
    for i, (title, number, who, date, first, last) in enumerate(entries):
        cells = (
            str(i + 1),
            who,
            number,
            title,
            f"{date:%Y%m%d}" if date else "",
            f"{first}-{last}" if last > first else str(first),
        )
        rows.append(
            [
                (c, w_, i_ > 0, "left" if i_ == 3 else "center")
                for i_, (c, w_) in enumerate(zip(cells, cols, strict=True))
            ]
        )
    s.table(rows, 8, min_h=19, pad=2)
    s.finish()


def backsheet(b: Book, w: Words, items: int, pages: int) -> None:
    d, st = w.d, w.plan.staff
    s = Sheet(b, "备考表", "卷内备考表", key="备考表")
    s.title("卷内备考表", 18, spaced=False)
    s.gap(20)
    when = d.archive or d.closing or d.decision
    s.table(
        [
            [("说明", 0.2), (f"本卷共{items}件{pages}页，材料完整，排列有序。", 0.8, True)],
            [("立卷人", 0.2), (st.filer, 0.3, True), ("检查人", 0.2), (st.checker, 0.3, True)],
            [("立卷时间", 0.2), (cn(when), 0.8, True)],
        ],
        11,
        min_h=60,
    )
    s.finish()
