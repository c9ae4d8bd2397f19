"""A small flow layout on PyMuPDF pages: wrapped text, ruled grids with side labels, signatures, seals.

Digital files use PyMuPDF's Droid Sans Fallback (subsettable, keeps files small); scans are drawn with
Noto Serif SC / Noto Sans SC Bold first, because the PDF with the big CFF fonts is thrown away after
rasterising.
"""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import pymupdf

from casegen.fonts import droid, noto
from families.haixi.seals import seal_png

W, H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 70.0, 525.0, 78.0, 780.0
BLACK = (0.0, 0.0, 0.0)
RED = (0.82, 0.08, 0.08)
GREY = (0.42, 0.42, 0.42)
NO_BREAK_START = "，。、；：？！）》」”’%"


@dataclass
class Cell:
    text: str
    w: float  # fraction of the grid width
    label: bool = False  # form labels are centred
    align: str = ""


Row = list[Cell]
Furniture = Callable[[pymupdf.Page, int, int], None]  # (page, index in doc, pages of doc)


class Book:
    """One case file being drawn; remembers which fonts to use and caches seal images."""

    def __init__(self, scanned: bool, agency: str, rng: random.Random) -> None:
        self.pdf = pymupdf.open()
        self.rng = rng
        self.agency = agency
        body = noto("NotoSerifCJK-Regular.ttc") if scanned else None
        bold = noto("NotoSansCJK-Bold.ttc") if scanned else None
        self.fake_bold = body is None or bold is None
        self.body = body or droid()
        self.bold = bold or droid()

    def flow(self, furniture: Furniture | None = None) -> Flow:
        return Flow(self, furniture)


class Flow:
    """Writes one document: text flows down the page and onto new pages as needed."""

    def __init__(self, book: Book, furniture: Furniture | None) -> None:
        self.book = book
        self.furniture = furniture
        self.pages: list[int] = []  # page numbers: Page objects go stale as the document grows
        self.sealed: set[int] = set()
        self.y = TOP
        self.page: pymupdf.Page
        self._tw: pymupdf.TextWriter | None = None
        self._tw_key: tuple[bool, tuple[float, float, float]] = (False, BLACK)
        self.new_page()

    # pages and text runs
    def new_page(self) -> None:
        self.flush()
        self.page = self.book.pdf.new_page(width=W, height=H)
        self.pages.append(self.page.number)
        self.y = TOP

    def flush(self) -> None:
        if self._tw is not None:
            bold, color = self._tw_key
            self._tw.write_text(self.page, color=color, render_mode=2 if bold and self.book.fake_bold else 0)
            self._tw = None

    def put(self, x: float, y: float, s: str, size: float, bold: bool = False, color=BLACK) -> None:
        """Draw one line at baseline y; runs of equal style share a TextWriter (keeps reading order)."""
        key = (bold, color)
        if self._tw is None or key != self._tw_key:
            self.flush()
            self._tw = pymupdf.TextWriter(self.page.rect)
            self._tw_key = key
        self._tw.append((x, y), s, font=self.book.bold if bold else self.book.body, fontsize=size)

    def length(self, s: str, size: float, bold: bool = False) -> float:
        return (self.book.bold if bold else self.book.body).text_length(s, fontsize=size)

    def wrap(self, s: str, size: float, width: float, bold: bool = False, indent: float = 0) -> list[str]:
        lines: list[str] = []
        for part in s.split("\n"):
            cur, avail = "", width - indent
            for ch in part:
                if self.length(cur + ch, size, bold) > avail and cur and ch not in NO_BREAK_START:
                    lines.append(cur)
                    cur, avail = "", width
                cur += ch
            lines.append(cur)
        return lines

    def need(self, h: float) -> None:
        if self.y + h > BOTTOM:
            self.new_page()

    def gap(self, h: float) -> None:
        self.y += h

    def text(
        self,
        s: str,
        size: float = 12,
        *,
        bold: bool = False,
        align: str = "left",
        indent: int = 0,
        lead: float = 1.7,
        color=BLACK,
        x0: float = LEFT,
        x1: float = RIGHT,
    ) -> None:
        """A paragraph; ``indent`` is in characters (首行缩进 two characters in running text)."""
        first = indent * size
        for i, line in enumerate(self.wrap(s, size, x1 - x0, bold, first)):
            self.need(size * lead)
            self.y += size * lead
            width = self.length(line, size, bold)
            x = x0 + (first if i == 0 else 0)
            if align == "center":
                x = (x0 + x1 - width) / 2
            elif align == "right":
                x = x1 - width
            self.put(x, self.y - size * (lead - 1) / 2, line, size, bold, color)
        self.y += size * 0.2

    def para(self, s: str, size: float = 12, **kw) -> None:
        self.text(s, size, indent=2, **kw)

    def title(self, s: str, size: float = 20, spaced: bool = False) -> None:
        self.text(" ".join(s) if spaced else s, size, bold=True, align="center", lead=1.9)
        self.gap(4)

    def rule(self, color=BLACK, width: float = 0.8, x0: float = LEFT, x1: float = RIGHT) -> None:
        self.page.draw_line((x0, self.y), (x1, self.y), color=color, width=width)

    # grids
    def _row_height(self, row: Row, width: float, size: float, pad: float, min_h: float) -> float:
        h = min_h
        for c in row:
            lines = self.wrap(c.text, size, c.w * width - 2 * pad)
            h = max(h, len(lines) * size * 1.45 + 2 * pad)
        return h

    def grid(
        self,
        rows: list[Row],
        size: float = 11,
        *,
        side: str = "",
        side_w: float = 0.0,
        pad: float = 4.0,
        min_h: float = 24.0,
        x0: float = LEFT,
        x1: float = RIGHT,
    ) -> None:
        """Ruled rows; ``side`` is a label cell spanning all rows at the left (nested form look)."""
        sw = (x1 - x0) * side_w if side else 0.0
        inner = x1 - x0 - sw
        heights = [self._row_height(r, inner, size, pad, min_h) for r in rows]
        if side:
            self.need(sum(heights))
            top = self.y
        for row, h in zip(rows, heights, strict=True):
            if not side:
                self.need(h)
            x = x0 + sw
            for c in row:
                cw = c.w * inner
                self.page.draw_rect(pymupdf.Rect(x, self.y, x + cw, self.y + h), color=BLACK, width=0.6)
                self._cell_text(c, x, self.y, cw, h, size, pad)
                x += cw
            self.y += h
        if side:
            self._cell_text(Cell(side, 1, True), x0, top, sw, self.y - top, size, pad)
            self.page.draw_rect(pymupdf.Rect(x0, top, x0 + sw, self.y), color=BLACK, width=0.6)

    def _cell_text(self, c: Cell, x: float, y: float, w: float, h: float, size: float, pad: float) -> None:
        lines = self.wrap(c.text, size, w - 2 * pad)
        lh = size * 1.45
        align = c.align or ("center" if c.label else "left")
        # Labels and one-liners sit in the middle of the cell; long texts start at the top.
        ty = y + (h - len(lines) * lh) / 2 if (c.label or len(lines) == 1) else y + pad
        for line in lines:
            ty += lh
            lw = self.length(line, size)
            tx = x + pad if align == "left" else x + (w - lw) / 2 if align == "center" else x + w - pad - lw
            self.put(tx, ty - lh * 0.25, line, size)

    # signatures and seals
    def sign(self, who: str, date: str, *, seal: bool, size: float = 13, x_right: float = RIGHT - 20) -> None:
        """Agency name over the date at the right; the seal is pressed over both, a little off-centre."""
        self.need(size * 4.5)
        wa, wd = self.length(who, size), self.length(date, size)
        width = max(wa, wd)
        cx = x_right - width / 2
        self.y += size * 1.6
        self.put(cx - wa / 2, self.y, who, size)
        self.y += size * 1.8
        self.put(cx - wd / 2, self.y, date, size)
        if seal:
            rng = self.book.rng
            self.seal(cx + rng.uniform(-18, 6), self.y - size * 1.3 + rng.uniform(-6, 6))
        self.y += size * 0.8

    def seal(self, cx: float, cy: float, diameter: float = 118, kind: str = "agency", text: str = "") -> None:
        self.flush()
        rng = self.book.rng
        png = seal_png(kind, text or self.book.agency, rng.randint(-25, 25), rng.random())
        r = diameter / 2
        rect = pymupdf.Rect(cx - r, cy - r, cx + r, cy + r)
        if kind == "bank":
            rect = pymupdf.Rect(cx - r, cy - r * 0.62, cx + r, cy + r * 0.62)
        self.page.insert_image(rect, stream=png, overlay=True)
        if kind == "agency":
            self.sealed.add(len(self.pages) - 1)

    def finish(self) -> tuple[int, list[int]]:
        self.flush()
        n = len(self.pages)
        if self.furniture:
            for i, pno in enumerate(self.pages):
                self.furniture(self.book.pdf[pno], i, n)
        return n, sorted(self.sealed)


def small(page: pymupdf.Page, book: Book, x: float, y: float, s: str, size: float = 8.5, color=GREY) -> None:
    """Page furniture outside the flow (headers, footers, form codes)."""
    tw = pymupdf.TextWriter(page.rect)
    tw.append((x, y), s, font=book.body, fontsize=size)
    tw.write_text(page, color=color)


def text_width(book: Book, s: str, size: float) -> float:
    return book.body.text_length(s, fontsize=size)
