"""Immediate-mode page writer: a word-processor look (caption-over-value boxes, running paragraphs).

Every string passes through ``DocWriter.fix`` so that the C-01/C-02 mutations (another case number or
party name on one document) reach every place the document prints them.
"""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pymupdf

from casegen.fonts import digital_fonts, scan_fonts

W, H = 595.0, 842.0
L, R, TOP, BOT = 66.0, 529.0, 74.0, 780.0


@dataclass
class Fonts:
    body: pymupdf.Font
    title: pymupdf.Font
    fake_bold: bool

    @classmethod
    def pick(cls, scanned: bool) -> Fonts:
        # Noto (CFF, not subsettable) only where the PDF page is rasterised; Droid for digital files.
        return cls(*(scan_fonts() if scanned else digital_fonts()))


@dataclass
class Furniture:
    """What every page of the file carries besides the form (header rule, form line)."""

    header: str  # small text top-left above a thin rule, "" for none
    header_right: str = ""


class Pen:
    def __init__(self, out: pymupdf.Document, fonts: Fonts, furniture: Furniture) -> None:
        self.out, self.fonts, self.furn = out, fonts, furniture
        self.page: pymupdf.Page | None = None
        self.y = TOP

    def new_page(self, furniture: bool = True) -> pymupdf.Page:
        self.page = self.out.new_page(width=W, height=H)
        for name, font in (("zb", self.fonts.body), ("zt", self.fonts.title)):
            self.page.insert_font(fontname=name, fontbuffer=font.buffer)
        self.y = TOP
        if furniture and self.furn.header:
            self.put(L, 48, self.furn.header, 7.5, color=(0.35, 0.35, 0.35))
            if self.furn.header_right:
                self.put(R - self.w(self.furn.header_right, 7.5), 48, self.furn.header_right, 7.5)
            self.page.draw_line((L, 53), (R, 53), color=(0.3, 0.3, 0.3), width=0.6)
        return self.page

    def w(self, s: str, size: float, title: bool = False) -> float:
        return (self.fonts.title if title else self.fonts.body).text_length(s, size)

    def put(
        self,
        x: float,
        y: float,
        s: str,
        size: float,
        *,
        title: bool = False,
        bold: bool = False,
        color: tuple[float, float, float] = (0, 0, 0),
    ) -> None:
        assert self.page is not None
        fake = bold and self.fonts.fake_bold
        self.page.insert_text(
            (x, y),
            s,
            fontsize=size,
            fontname="zt" if title else "zb",
            color=color,
            fill=color,
            render_mode=2 if fake else 0,
            border_width=0.035 if fake else 0.05,
        )

    def wrap(self, s: str, size: float, width: float, indent: float = 0) -> list[str]:
        # Latin/digit runs (ID numbers, plates, dates) stay whole, as a word processor keeps them.
        tokens = re.findall(r"[A-Za-z0-9.:/\-·]+|.", s, flags=re.S)
        lines, cur, avail = [], "", width - indent
        for tok in tokens:
            if tok == "\n":
                lines.append(cur)
                cur, avail = "", width
                continue
            if self.w(cur + tok, size) > avail and cur:
                # keep closing punctuation on the line it closes (避头尾)
                if tok in "，。、；：）》」』”":
                    cur += tok
                    continue
                lines.append(cur)
                cur, avail = tok, width
            else:
                cur += tok
        if cur or not lines:
            lines.append(cur)
        return lines


@dataclass
class DocWriter:
    """Writes one document onto fresh pages of the file; remembers its pages and sealed pages."""

    pen: Pen
    fix: Callable[[str], str] = lambda s: s
    first: int = 0
    sealed: set[int] = field(default_factory=set)
    size: float = 11.5
    lead: float = 20.0  # line pitch of running text
    end: int = -1  # first page of the next document, once the file is complete

    def start(self, furniture: bool = True) -> DocWriter:
        self.pen.new_page(furniture)
        self.first = self.pen.out.page_count - 1
        return self

    @property
    def pages(self) -> int:
        return (self.end if self.end >= 0 else self.pen.out.page_count) - self.first

    @property
    def page(self) -> pymupdf.Page:
        assert self.pen.page is not None
        return self.pen.page

    def need(self, h: float) -> None:
        if self.pen.y + h > BOT:
            self.pen.new_page()

    def text(self, x: float, y: float, s: str, size: float | None = None, **kw: object) -> None:
        self.pen.put(x, y, self.fix(s), size or self.size, **kw)  # type: ignore[arg-type]

    # --- blocks -----------------------------------------------------------------------------------
    def gap(self, h: float) -> None:
        self.pen.y += h

    def title(self, lines: Sequence[str], agency: str = "", spaced: bool = False, size: float = 20) -> None:
        if agency:
            self._center(agency, 15, title=True, bold=True)
            self.pen.y += 6
        for t in lines:
            shown = " ".join(t) if spaced else t
            self._center(shown, size, title=True, bold=True)
            self.pen.y += 4
        self.pen.y += 6

    def _center(self, s: str, size: float, **kw: object) -> None:
        self.need(size + 6)
        self.pen.y += size + 2
        x = (W - self.pen.w(self.fix(s), size, bool(kw.get("title")))) / 2
        self.text(x, self.pen.y, s, size, **kw)

    def center(self, s: str, size: float | None = None, bold: bool = False) -> None:
        self._center(s, size or self.size, bold=bold)
        self.pen.y += 6

    def right(self, s: str, size: float | None = None) -> None:
        size = size or self.size
        self.need(size + 8)
        self.pen.y += size + 4
        self.text(R - self.pen.w(self.fix(s), size), self.pen.y, s, size)
        self.pen.y += 4

    def line(self, s: str, size: float | None = None, bold: bool = False, x: float = L) -> None:
        size = size or self.size
        for part in self.pen.wrap(self.fix(s), size, R - x):
            self.need(self.lead)
            self.pen.y += self.lead
            self.pen.put(x, self.pen.y - 5, part, size, bold=bold)

    def para(self, s: str, indent: bool = True, size: float | None = None) -> None:
        size = size or self.size
        ind = 2 * size if indent else 0
        for i, part in enumerate(self.pen.wrap(self.fix(s), size, R - L, ind)):
            self.need(self.lead)
            self.pen.y += self.lead
            self.pen.put(L + (ind if i == 0 else 0), self.pen.y - 5, part, size)

    def boxes(self, rows: Sequence[Sequence[tuple[str, str, float]]], vsize: float = 11) -> None:
        """Caption-over-value cells: the label small at the top of the box, the value larger below."""
        for row in rows:
            width = R - L
            cells = []
            for label, value, frac in row:
                cw = width * frac
                cells.append((label, self.pen.wrap(self.fix(value), vsize, cw - 10), cw))
            h = max(14 + len(v) * (vsize + 4) + 4 for _, v, _ in cells)
            self.need(h)
            x, y0 = L, self.pen.y
            for label, vals, cw in cells:
                self.page.draw_rect(pymupdf.Rect(x, y0, x + cw, y0 + h), color=(0, 0, 0), width=0.7)
                self.text(x + 3, y0 + 9, label, 7, color=(0.25, 0.25, 0.25))
                for i, v in enumerate(vals):
                    self.pen.put(x + 6, y0 + 13 + (i + 1) * (vsize + 4) - 2, v, vsize)
                x += cw
            self.pen.y = y0 + h

    def grid(
        self,
        widths: Sequence[float],
        rows: Sequence[Sequence[str]],
        header: bool = True,
        size: float = 10,
        min_h: float = 22,
        center_cols: bool = False,
    ) -> None:
        """A ruled table (送达回证, 目录, 票据); the header row lightly shaded."""
        total = R - L
        for r, row in enumerate(rows):
            cells = [
                self.pen.wrap(self.fix(t), size, total * f - 8) for t, f in zip(row, widths, strict=True)
            ]
            h = max(min_h, max(len(c) for c in cells) * (size + 5) + 9)
            self.need(h)
            x, y0 = L, self.pen.y
            for lines, f in zip(cells, widths, strict=True):
                cw = total * f
                rect = pymupdf.Rect(x, y0, x + cw, y0 + h)
                if header and r == 0:
                    self.page.draw_rect(rect, color=None, fill=(0.9, 0.9, 0.9))
                self.page.draw_rect(rect, color=(0, 0, 0), width=0.7)
                ty = y0 + (h - len(lines) * (size + 5)) / 2 + size + 1
                for ln in lines:
                    lx = x + 4
                    if center_cols or (header and r == 0):
                        lx = x + (cw - self.pen.w(ln, size)) / 2
                    self.pen.put(lx, ty, ln, size)
                    ty += size + 5
                x += cw
            self.pen.y = y0 + h

    def sign(self, agency: str, date: str, seal: bytes | None, x_shift: float = 0) -> None:
        """Agency name over the date at the right; the seal straddles both, as stamped by hand."""
        self.need(66)
        size = 12
        wa = self.pen.w(self.fix(agency), size)
        wd = self.pen.w(date, size)
        xa = R - 56 - max(wa, wd) + x_shift
        self.pen.y += 26
        self.text(xa + (max(wa, wd) - wa) / 2, self.pen.y, agency, size)
        self.pen.y += 22
        self.text(xa + (max(wa, wd) - wd) / 2, self.pen.y, date, size)
        if seal:
            cx, cy = xa + max(wa, wd) / 2 + 6, self.pen.y - 20
            self.stamp(seal, cx, cy, 118)
        self.pen.y += 14

    def stamp(self, png: bytes, cx: float, cy: float, d: float, ratio: float = 1.0) -> None:
        rect = pymupdf.Rect(cx - d / 2, cy - d * ratio / 2, cx + d / 2, cy + d * ratio / 2)
        self.page.insert_image(rect, stream=png, overlay=True)
        self.sealed.add(self.pen.out.page_count - 1 - self.first)

    def finish(self, footer: str = "page") -> None:
        """Per-document page numbers at the foot (only on multi-page documents)."""
        n = self.pages
        if n < 2 or footer != "page":
            return
        for i in range(n):
            page = self.pen.out[self.first + i]
            s = f"第 {i + 1} 页  共 {n} 页"
            page.insert_text(
                ((W - self.pen.fonts.body.text_length(s, 8.5)) / 2, 808), s, fontsize=8.5, fontname="zb"
            )
