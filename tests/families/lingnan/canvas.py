"""Drawing on A4 pages: wrapped text, bordered grids with nested (row-spanning) labels, seals.

A ``Sheet`` draws one document after another into a PyMuPDF document. Each document starts on a new
page; the page furniture (system header, form code, "第 i 页 / 共 n 页", print timestamp) is drawn by
a ``Furniture`` callback once the document's page count is known.
"""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pymupdf

W, H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 58.0, 537.0, 74.0, 780.0
HANG = set("，。、；：）》」”！？,.;:)")  # may hang past the right edge instead of opening a line
LABEL_FILL = (0.93, 0.93, 0.93)


@dataclass
class Cell:
    text: str
    w: float  # fraction of the table width
    label: bool = False
    rows: int = 1  # rows this cell spans downwards
    align: str = ""  # "" = centre for labels, left for values
    size: float = 0.0  # 0 = the table's size


def L(text: str, w: float, rows: int = 1) -> Cell:
    return Cell(text, w, label=True, rows=rows)


def V(text: str, w: float, align: str = "") -> Cell:
    return Cell(text, w, align=align)


@dataclass
class DocPages:
    first: int  # 0-based page index in the PDF
    count: int = 0
    sealed: list[int] = field(default_factory=list)  # 0-based within the document


Furniture = Callable[["Sheet", pymupdf.Page, int, int], None]  # (sheet, page, number from 1, pages of doc)


class Sheet:
    def __init__(self, pdf: pymupdf.Document, body: pymupdf.Font, bold: pymupdf.Font, fake_bold: bool):
        self.pdf = pdf
        self.body, self.bold, self.fake_bold = body, bold, fake_bold
        self.page: pymupdf.Page | None = None
        self.y = TOP
        self.cur: DocPages | None = None
        self.furniture: Furniture | None = None
        self.top = TOP
        self._widths: dict[tuple[str, bool], float] = {}
        # Text and seals of the current page are written when it is left, so seals lie over the text.
        self._tw: dict[tuple[bool, tuple[float, float, float]], pymupdf.TextWriter] = {}
        self._images: list[tuple[pymupdf.Rect, bytes]] = []

    # documents and pages
    def begin(self, furniture: Furniture | None, top: float = TOP) -> None:
        self.furniture, self.top = furniture, top
        self.cur = DocPages(first=len(self.pdf))
        self.new_page()

    def _flush(self) -> None:
        if self.page is None:
            return
        for (bold, color), tw in self._tw.items():
            tw.write_text(self.page, color=color, render_mode=2 if bold and self.fake_bold else 0)
        for rect, png in self._images:
            self.page.insert_image(rect, stream=png, overlay=True)
        self._tw, self._images = {}, []

    def new_page(self) -> None:
        assert self.cur is not None
        self._flush()
        self.page = self.pdf.new_page(width=W, height=H)
        self.cur.count += 1
        self.y = self.top

    def finish(self) -> DocPages:
        cur = self.cur
        assert cur is not None
        self._flush()
        if self.furniture:
            for i in range(cur.count):
                self.furniture(self, self.pdf[cur.first + i], i + 1, cur.count)
        self.cur = None
        return cur

    def ensure(self, h: float) -> None:
        if self.y + h > BOTTOM:
            self.new_page()

    def gap(self, h: float) -> None:
        self.y += h

    # text
    def width(self, s: str, size: float, bold: bool = False) -> float:
        total = 0.0
        font = self.bold if bold else self.body
        for ch in s:
            key = (ch, bold)
            if key not in self._widths:
                self._widths[key] = font.text_length(ch, fontsize=1)
            total += self._widths[key]
        return total * size

    def wrap(self, text: str, width: float, size: float, bold: bool = False, indent: int = 0) -> list[str]:
        """Break into lines; runs of ASCII letters/digits stay whole, as a browser keeps words."""
        out: list[str] = []
        for para in text.split("\n"):
            tokens: list[str] = []
            for ch in para:
                if (
                    tokens
                    and ch.isascii()
                    and ch.isalnum()
                    and tokens[-1][-1:].isascii()
                    and tokens[-1][-1:].isalnum()
                ):
                    tokens[-1] += ch
                else:
                    tokens.append(ch)
            line, used = "　" * indent, self.width("　", size) * indent
            for tok in tokens:
                tw = self.width(tok, size, bold)
                if used + tw > width and line.strip() and tok not in HANG:
                    out.append(line)
                    line, used = "", 0.0
                line += tok
                used += tw
            out.append(line)
        return out

    def put(self, x: float, y: float, s: str, size: float, bold: bool = False, color=(0.0, 0.0, 0.0)) -> None:
        assert self.page is not None
        key = (bold, color)
        if key not in self._tw:
            self._tw[key] = pymupdf.TextWriter(self.page.rect)
        self._tw[key].append((x, y), s, font=self.bold if bold else self.body, fontsize=size)

    def direct(self, page: pymupdf.Page, x: float, y: float, s: str, size: float, grey: float = 0.0) -> None:
        """Write at once on any page (page furniture, drawn after the document is complete)."""
        tw = pymupdf.TextWriter(page.rect)
        tw.append((x, y), s, font=self.body, fontsize=size)
        tw.write_text(page, color=(grey, grey, grey))

    def line(
        self, s: str, size: float = 11.5, align: str = "left", bold: bool = False, lh: float = 1.75
    ) -> None:
        self.ensure(size * lh)
        w = self.width(s, size, bold)
        x = {"left": LEFT, "center": (W - w) / 2, "right": RIGHT - w}[align]
        self.put(x, self.y + size, s, size, bold)
        self.y += size * lh

    def para(
        self, text: str, size: float = 11.5, indent: int = 2, lh: float = 1.8, bold: bool = False
    ) -> None:
        for ln in self.wrap(text, RIGHT - LEFT, size, bold, indent):
            self.ensure(size * lh)
            self.put(LEFT, self.y + size, ln, size, bold)
            self.y += size * lh

    def title(self, text: str, size: float = 20, spaced: bool = True) -> None:
        s = " ".join(text) if spaced and len(text) <= 8 else text
        self.line(s, size, "center", bold=True, lh=1.9)

    def rule(self, y: float, x0: float = LEFT, x1: float = RIGHT, width: float = 0.6) -> None:
        assert self.page is not None
        self.page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=width)

    # grids
    def grid(self, rows: list[list[Cell]], size: float = 10.5, min_h: float = 24, lh: float = 1.5) -> None:
        x_all, width = LEFT, RIGHT - LEFT
        pad = 4.0
        placed: list[list[tuple[Cell, float, float, list[str]]]] = []
        busy: list[list[float]] = []  # [x0, x1, rows_left] of spanning cells from rows above
        for row in rows:
            x = x_all
            cells = []
            for cell in row:
                moved = True
                while moved:
                    moved = False
                    for b in busy:
                        if b[2] > 0 and abs(b[0] - x) < 0.5:
                            x, moved = b[1], True
                w = cell.w * width
                lines = self.wrap(cell.text, w - 2 * pad, cell.size or size)
                cells.append((cell, x, w, lines))
                x += w
            for b in busy:
                b[2] -= 1
            busy = [b for b in busy if b[2] > 0]
            for cell, cx, cw, _ in cells:
                if cell.rows > 1:
                    busy.append([cx, cx + cw, cell.rows - 1])
            placed.append(cells)
        heights = []
        for cells in placed:
            need = [len(ln) * (c.size or size) * lh + 2 * pad for c, _, _, ln in cells if c.rows == 1]
            heights.append(max([min_h, *need]))
        for i, cells in enumerate(placed):
            for c, _, _, ln in cells:
                if c.rows > 1:
                    need = len(ln) * (c.size or size) * lh + 2 * pad
                    have = sum(heights[i : i + c.rows])
                    if need > have:
                        heights[i + c.rows - 1] += need - have
        # Rows tied together by a spanning cell move to the next page as one block.
        i = 0
        while i < len(placed):
            end = i + max(c.rows for c, _, _, _ in placed[i])
            j = i
            while j < end:
                end = max(end, j + max(c.rows for c, _, _, _ in placed[j]))
                j += 1
            block_h = sum(heights[i:end])
            if self.y + block_h > BOTTOM and self.y > self.top + 1:
                self.new_page()
            for r in range(i, end):
                for c, cx, cw, ln in placed[r]:
                    self._cell(c, cx, self.y, cw, sum(heights[r : r + c.rows]), ln, c.size or size, lh)
                self.y += heights[r]
            i = end

    def _cell(
        self, c: Cell, x: float, y: float, w: float, h: float, lines: list[str], size: float, lh: float
    ):
        assert self.page is not None
        rect = pymupdf.Rect(x, y, x + w, y + h)
        self.page.draw_rect(rect, color=(0, 0, 0), fill=LABEL_FILL if c.label else None, width=0.6)
        align = c.align or ("center" if c.label else "left")
        text_h = len(lines) * size * lh
        ty = y + (h - text_h) / 2 if len(lines) <= 3 or c.label else y + 4
        for ln in lines:
            lw = self.width(ln, size)
            tx = {"left": x + 4, "center": x + (w - lw) / 2, "right": x + w - 4 - lw}[align]
            self.put(tx, ty + size * (lh + 0.7) / 2, ln, size)
            ty += size * lh

    # images
    def image(self, rect: pymupdf.Rect, png: bytes) -> None:
        self._images.append((rect, png))

    def seal(self, cx: float, cy: float, png: bytes, d: float = 112, ratio: float = 1.0) -> None:
        """A red seal centred on (cx, cy), over whatever is printed there; ratio = height / width."""
        assert self.cur is not None
        h = d * ratio
        self.image(pymupdf.Rect(cx - d / 2, cy - h / 2, cx + d / 2, cy + h / 2), png)
        page_no = self.cur.count - 1
        if page_no not in self.cur.sealed:
            self.cur.sealed.append(page_no)

    def box(self, rect: pymupdf.Rect, fill=(0.85, 0.85, 0.85), caption: str = "") -> None:
        """A photo placeholder: grey box with a caption under it."""
        assert self.page is not None
        self.page.draw_rect(rect, color=(0.4, 0.4, 0.4), fill=fill, width=0.5)
        if caption:
            self.put(rect.x0, rect.y1 + 14, caption, 10)
