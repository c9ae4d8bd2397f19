"""The cover sheet of the annotated PDF (案卷评查结果) and the CJK font it is written in.

Font chain: PyMuPDF's built-in Droid Sans Fallback loaded as a file font (TrueType, so MuPDF can
subset it to a few KB, and ASCII keeps its proportional width), then an installed Noto Sans CJK
(CFF: embedded whole), then the reserved ``china-s`` name as a last resort.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pymupdf

from casereview.export.model import ReviewedCase
from casereview.scoring.model import ItemResult

FONT_NAME = "cr-cjk"
NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
A4 = (595.0, 842.0)
MARGIN = 56.0
INK, GREY, RULE = (0.1, 0.1, 0.1), (0.42, 0.42, 0.42), (0.75, 0.75, 0.75)
LINK_BLUE = (0.1, 0.3, 0.75)
LEGEND = (("扣分", (0.86, 0.1, 0.1)), ("待人工确认", (0.96, 0.6, 0.0)), ("评查人员标注", (0.55, 0.2, 0.75)))
NO_LINE_START = "，。；：、！？）》」』】”’…,.;:!?)"
# Columns of the item table: item (title + reason), deduction, pages.
COL_ITEM, COL_DEDUCT, COL_PAGES = MARGIN, 360.0, 420.0


@dataclass(frozen=True)
class CjkFont:
    buffer: bytes | None
    file: str | None
    measure: pymupdf.Font

    def install(self, page: pymupdf.Page) -> str:
        """Make the font usable on ``page``; returns the fontname for insert_text."""
        if self.buffer is not None:
            page.insert_font(fontname=FONT_NAME, fontbuffer=self.buffer)
        elif self.file is not None:
            page.insert_font(fontname=FONT_NAME, fontfile=self.file)
        else:
            return "china-s"
        return FONT_NAME

    def width(self, text: str, size: float) -> float:
        return float(self.measure.text_length(text, fontsize=size))


@lru_cache(maxsize=1)
def cjk_font() -> CjkFont:
    try:
        buffer = bytes(pymupdf.Font("china-s").buffer)
        return CjkFont(buffer, None, pymupdf.Font(fontbuffer=buffer))
    except (RuntimeError, ValueError):  # a PyMuPDF built without its CJK fonts
        pass
    if NOTO.exists():
        return CjkFont(None, str(NOTO), pymupdf.Font(fontfile=str(NOTO)))
    return CjkFont(None, None, pymupdf.Font("china-s"))


def subset_own_fonts(doc: pymupdf.Document) -> None:
    """Subset the fonts of a scratch document holding only our own text (never a source's fonts)."""
    with contextlib.suppress(RuntimeError, ValueError):  # a whole embedded font is larger, not wrong
        doc.subset_fonts()


@dataclass(frozen=True)
class Target:
    """A row of the item table: the item and the case pages (1-based) its marks are on."""

    result: ItemResult
    pages: tuple[int, ...]


def wrap(text: str, font: CjkFont, size: float, width: float, max_lines: int = 0) -> list[str]:
    """Greedy character wrap (Chinese has no spaces to break at); ``max_lines`` ends with …."""
    lines: list[str] = []
    current = ""
    for char in text.replace("\n", " "):
        # Closing punctuation never starts a line; it may overhang the column a little.
        if current and char not in NO_LINE_START and font.width(current + char, size) > width:
            lines.append(current)
            current = ""
        current += char
    if current:
        lines.append(current)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and font.width(last + "…", size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines or [""]


def facts(case: ReviewedCase) -> list[tuple[str, str]]:
    """The label/value lines at the top of the cover."""
    sheet = case.sheet
    grade = sheet.grade + ("（暂定，尚有待人工确认事项）" if sheet.provisional else "")
    if sheet.score_grade != sheet.grade:
        grade += f"（按得分为{sheet.score_grade}，因否决/封顶调整）"
    triggers = [
        f"{'否决' if t.kind == 'veto' else '封顶'}：{t.title}"
        for t in (*sheet.vetoes, *sheet.caps)
        if t.triggered
    ]
    triggers += [
        f"可能触发：{t.title}" for t in (*sheet.vetoes, *sheet.caps) if t.pending and not t.triggered
    ]
    if case.reviewed_at is not None:
        when = case.reviewed_at.astimezone().strftime("%Y年%m月%d日")
    else:
        when = dt.date.today().strftime("%Y年%m月%d日") + "（机器初评，未保存）"
    standard = f"{sheet.standard_id}（版本 {sheet.standard_version}）"
    if sheet.profile and sheet.profile != "default":
        standard += f"，{sheet.profile}"
    return [
        ("案号", case.case_number or "（未识别）"),
        ("当事人", case.party or "（未识别）"),
        ("执法单位", case.unit or "（未识别）"),
        ("评查标准", standard),
        ("得分", f"{sheet.score:g} 分（满分 {sheet.total:g} 分，扣 {sheet.deduction:g} 分）"),
        ("等级", grade),
        ("否决/封顶", "；".join(triggers) if triggers else "无"),
        ("评查人员", case.reviewer),
        ("评查日期", when),
    ]


class _Writer:
    """Cover pages written top-down into a scratch document; links are recorded, added later."""

    def __init__(self, font: CjkFont) -> None:
        self.doc = pymupdf.open()
        self.font = font
        self.links: list[tuple[int, pymupdf.Rect, int]] = []  # cover page, rect, case page
        self.y = 0.0
        self._new_page()

    def _new_page(self) -> None:
        self.page = self.doc.new_page(width=A4[0], height=A4[1])
        self.name = self.font.install(self.page)
        self.y = MARGIN

    def room(self, height: float) -> bool:
        """Start a new page unless ``height`` fits; True when a new page was started."""
        if self.y + height <= A4[1] - MARGIN:
            return False
        self._new_page()
        return True

    def text(self, x: float, y: float, text: str, size: float, colour: tuple[float, ...] = INK) -> None:
        self.page.insert_text((x, y), text, fontname=self.name, fontsize=size, color=colour)

    def rule(self, y: float, colour: tuple[float, ...] = RULE) -> None:
        self.page.draw_line((MARGIN, y), (A4[0] - MARGIN, y), color=colour, width=0.6)


def _header(w: _Writer, case: ReviewedCase) -> None:
    title = "案卷评查结果"
    w.text((A4[0] - w.font.width(title, 22)) / 2, w.y + 22, title, 22)
    w.y += 34
    source = wrap(f"案卷文件：{Path(case.source).name}", w.font, 9, A4[0] - 2 * MARGIN, 1)[0]
    w.text((A4[0] - w.font.width(source, 9)) / 2, w.y + 9, source, 9, GREY)
    w.y += 24
    label_w = 64.0
    for label, value in facts(case):
        lines = wrap(value, w.font, 11, A4[0] - 2 * MARGIN - label_w, 3)
        w.text(MARGIN, w.y + 12, label, 11, GREY)
        for line in lines:
            w.text(MARGIN + label_w, w.y + 12, line, 11)
            w.y += 16
        w.y += 4
        w.rule(w.y - 2)
    w.y += 8
    x = MARGIN
    w.text(x, w.y + 9, "批注颜色：", 9, GREY)
    x += w.font.width("批注颜色：", 9) + 4
    for label, colour in LEGEND:
        w.page.draw_rect(pymupdf.Rect(x, w.y + 1, x + 10, w.y + 10), color=colour, fill=colour, width=0)
        w.text(x + 13, w.y + 9, label, 9, GREY)
        x += 13 + w.font.width(label, 9) + 14
    w.y += 26


def _table_head(w: _Writer) -> None:
    w.text(COL_ITEM, w.y + 10, "评查项", 10, GREY)
    w.text(COL_DEDUCT, w.y + 10, "扣分", 10, GREY)
    w.text(COL_PAGES, w.y + 10, "所在页（点击跳转）", 10, GREY)
    w.y += 16
    w.rule(w.y, GREY)
    w.y += 4


def _row(w: _Writer, target: Target) -> None:
    result = target.result
    title = wrap(f"{result.item_id} {result.title}", w.font, 10.5, COL_DEDUCT - COL_ITEM - 10, 2)
    reason = wrap(result.reason, w.font, 8.5, COL_DEDUCT - COL_ITEM - 10, 2)
    links = [(f"第{p}页", p) for p in target.pages]
    per_line = max(1, int((A4[0] - MARGIN - COL_PAGES) // (w.font.width("第00页", 10) + 8)))
    page_lines = [links[i : i + per_line] for i in range(0, len(links), per_line)] or [[]]
    height = max(len(title) * 14 + len(reason) * 11, len(page_lines) * 14) + 8
    if w.room(height):
        _table_head(w)
    top = w.y
    for line in title:
        w.text(COL_ITEM, w.y + 11, line, 10.5)
        w.y += 14
    for line in reason:
        w.text(COL_ITEM, w.y + 9, line, 8.5, GREY)
        w.y += 11
    deduction = f"{result.deduction:g}" if result.deduction > 0 else result.status.value
    w.text(COL_DEDUCT, top + 11, deduction, 10.5, INK if result.deduction > 0 else GREY)
    y = top
    for chunk in page_lines:
        x = COL_PAGES
        for label, number in chunk:
            w.text(x, y + 11, label, 10, LINK_BLUE)
            width = w.font.width(label, 10)
            w.links.append((w.doc.page_count - 1, pymupdf.Rect(x - 1, y, x + width + 1, y + 14), number))
            x += width + 8
        if not chunk:
            w.text(x, y + 11, "—（无页面依据）", 10, GREY)
        y += 14
    w.y = max(w.y, y) + 8
    w.rule(w.y - 4)


def add_cover(doc: pymupdf.Document, case: ReviewedCase, targets: list[Target], font: CjkFont) -> int:
    """Put the cover sheet in front of the case pages in ``doc``; returns its page count."""
    w = _Writer(font)
    try:
        _header(w, case)
        w.room(40)
        w.text(MARGIN, w.y + 13, f"扣分及待确认项目（{len(targets)} 项）", 13)
        w.y += 22
        _table_head(w)
        if not targets:
            w.text(COL_ITEM, w.y + 11, "无扣分项目", 10.5, GREY)
        for target in targets:
            _row(w, target)
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        pages = int(w.doc.page_count)
        for index in range(pages):
            foot = f"CaseReview 生成于 {stamp}" + (
                f"　评查结果第 {index + 1}/{pages} 页" if pages > 1 else ""
            )
            w.doc[index].insert_text((MARGIN, A4[1] - 30), foot, fontname=w.name, fontsize=8, color=GREY)
        subset_own_fonts(w.doc)
        doc.insert_pdf(w.doc, start_at=0)
    finally:
        w.doc.close()
    for index, rect, number in w.links:
        doc[index].insert_link(
            {"kind": pymupdf.LINK_GOTO, "from": rect, "page": pages + number - 1, "to": pymupdf.Point(0, 0)}
        )
    return pages
