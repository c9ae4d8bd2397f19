"""Drawing and flowing text on A4 pages: mixed CJK/Latin runs, wrapped paragraphs, bordered grids
with merged label cells, and the platform's page furniture (header, footer, QR box, watermark)."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import pymupdf

W, H = 595.0, 842.0
LEFT, RIGHT = 62.0, 533.0
TOP, BOTTOM = 84.0, 776.0
BLACK = (0.0, 0.0, 0.0)
GREY = (0.45, 0.45, 0.45)
LABEL_FILL = (0.93, 0.94, 0.96)

# The platform prints Chinese in a Song face and figures in a Times face, like its Word exports;
# the built-in CJK fonts keep files small (nothing embedded) and MuPDF still extracts the text.
_FONTS = {
    (False, False): ("china-ss", pymupdf.Font("china-ss")),
    (False, True): ("china-s", pymupdf.Font("china-s")),
    (True, False): ("tiro", pymupdf.Font("tiro")),
    (True, True): ("tibo", pymupdf.Font("tibo")),
}
_TOKEN = re.compile(r"¥?[!-~]+|\s|.", re.S)  # ¥ stays with its figures
_NO_LINE_START = set("，。、；：？！）》」』〕】”’%,.;:)")
_NO_LINE_END = set("（《「『〔【“‘")


def _runs(text: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for ch in text:
        latin = ord(ch) < 128
        if out and out[-1][1] == latin:
            out[-1] = (out[-1][0] + ch, latin)
        else:
            out.append((ch, latin))
    return out


@lru_cache(maxsize=8192)
def _advance(ch: str, bold: bool) -> float:
    return float(_FONTS[(ord(ch) < 128, bold)][1].text_length(ch, fontsize=1))


def width(text: str, size: float, bold: bool = False) -> float:
    return size * sum(_advance(ch, bold) for ch in text)


def wrap(text: str, w: float, size: float, bold: bool = False) -> list[str]:
    """Greedy line breaking; Latin runs (numbers, codes) stay whole and closing punctuation never
    starts a line, as a word processor would lay it out."""
    lines: list[str] = []
    for para in text.split("\n"):
        line, used = "", 0.0
        for tok in _TOKEN.findall(para):
            tw = width(tok, size, bold)
            if line and used + tw > w and tok not in _NO_LINE_START:
                carry = ""
                while line and line[-1] in _NO_LINE_END:  # an opening bracket goes down with its text
                    line, carry = line[:-1], line[-1] + carry
                if line:
                    lines.append(line)
                line = carry + tok.lstrip()
                used = width(line, size, bold)
            else:
                line += tok
                used += tw
        lines.append(line)
    return lines


# Text is queued per page and colour and written in one go (TextWriter is far faster than one
# insert_text per run); the CJK face is embedded then and subset when the file is saved.
_QUEUE: dict[tuple[int, int], dict[tuple[float, float, float], pymupdf.TextWriter]] = {}


def put(
    page: pymupdf.Page,
    x: float,
    y: float,
    text: str,
    size: float = 10.5,
    *,
    bold: bool = False,
    color: tuple[float, float, float] = BLACK,
    align: str = "left",
    morph: tuple[pymupdf.Point, pymupdf.Matrix] | None = None,
) -> float:
    """Write ``text`` with its baseline at ``y``; returns the x where it ends."""
    if align != "left":
        w = width(text, size, bold)
        x = x - w if align == "right" else x - w / 2
    if morph:
        tw = pymupdf.TextWriter(page.rect)
    else:
        queue = _QUEUE.setdefault((id(page.parent), page.number), {})
        tw = queue.get(color) or queue.setdefault(color, pymupdf.TextWriter(page.rect))
    for s, lat in _runs(text):
        font = _FONTS[(lat, bold)][1]
        tw.append((x, y), s, font=font, fontsize=size)
        x += width(s, size, bold)
    if morph:
        tw.write_text(page, color=color, morph=morph)
    return x


def flush(page: pymupdf.Page) -> None:
    """Write the queued text of ``page`` (before a seal goes over it, and when a document ends)."""
    for color, tw in _QUEUE.pop((id(page.parent), page.number), {}).items():
        tw.write_text(page, color=color)


@dataclass
class Cell:
    """A grid cell: ``w`` is a share of the row width; labels are shaded and centred."""

    text: str
    w: float = 1.0
    label: bool = False
    size: float = 10.0
    stack: str = ""  # a small caption printed above the value ("values below labels")
    min_h: float = 0.0


def L(text: str, w: float = 1.0) -> Cell:
    return Cell(text, w, label=True)


def V(text: str, w: float = 1.0, **kw: object) -> Cell:
    return Cell(text, w, **kw)  # type: ignore[arg-type]


@dataclass
class Furniture:
    """What the platform prints around every page of a document."""

    platform: str
    doc_code: str
    printed: str  # 打印时间 text
    printer: str
    watermark: str
    qr_seed: int
    footer_style: int = 0  # 0: 第 x 页 共 y 页 · 1: x / y · 2: - x -
    kind: str = "platform"  # platform | browser (a web page printed) | plain (slips, archive sheets)
    url: str = ""


@dataclass
class Sheet:
    """One document's run of pages, with a cursor ``y`` that flows blocks downwards."""

    doc: pymupdf.Document
    furniture: Furniture
    subs: dict[str, str] = field(default_factory=dict)  # C-01/C-02: text replaced on this document
    pages: list[int] = field(default_factory=list)  # numbers: pymupdf drops older Page objects
    y: float = TOP
    sealed: set[int] = field(default_factory=set)
    qr: bool = True
    _page: pymupdf.Page = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.new_page()

    # -- pages -------------------------------------------------------------------------------
    @property
    def page(self) -> pymupdf.Page:
        return self._page

    def each_page(self) -> list[pymupdf.Page]:
        return [self.doc[n] for n in self.pages]

    def new_page(self) -> None:
        page = self._page = self.doc.new_page(width=W, height=H)
        self.pages.append(page.number)
        self.y = TOP
        f = self.furniture
        if f.kind == "browser":
            put(page, 24, 22, f.printed, 7.5, color=GREY)
            put(page, W - 24, 22, f.platform, 7.5, color=GREY, align="right")
            return
        if f.kind == "plain":
            return
        # watermark first, so the form's text lies over it
        m = pymupdf.Matrix(-32)
        for cx, cy in ((150, 330), (300, 610)):
            put(page, cx, cy, f.watermark, 26, color=(0.9, 0.9, 0.9), morph=(pymupdf.Point(cx, cy), m))
        put(page, LEFT, 40, f.platform, 8, color=GREY)
        put(page, RIGHT, 40, f"文书编号：{f.doc_code}", 8, color=GREY, align="right")
        page.draw_line((LEFT, 46), (RIGHT, 46), color=GREY, width=0.6)
        if self.qr and len(self.pages) == 1:
            self._qr(page)

    def _qr(self, page: pymupdf.Page) -> None:
        """A QR-like verification box in the top-right corner of a document's first page."""
        rng = random.Random(self.furniture.qr_seed)
        x0, y0, n, s = RIGHT - 46, 52.0, 21, 2.0
        shape = page.new_shape()
        for i in range(n):
            for j in range(n):
                finder = any(i in r and j in c for r in (range(7), range(14, 21)) for c in (range(7),))
                finder |= i in range(7) and j in range(14, 21)
                if (finder and (i % 6 == 0 or j % 6 == 0 or (2 <= i % 14 <= 4 and 2 <= j % 14 <= 4))) or (
                    not finder and rng.random() < 0.45
                ):
                    shape.draw_rect(pymupdf.Rect(x0 + j * s, y0 + i * s, x0 + j * s + s, y0 + i * s + s))
        shape.finish(color=None, fill=BLACK)
        shape.commit()
        put(page, x0 + n * s / 2, y0 + n * s + 8, "扫码验真", 6, color=GREY, align="center")

    def finish(self) -> int:
        """Footers need the page count, so they are written last."""
        n, f = len(self.pages), self.furniture
        for i, page in enumerate(self.each_page()):
            if f.kind == "browser":
                put(page, 24, H - 18, f.url, 7.5, color=GREY)
                put(page, W - 24, H - 18, f"{i + 1}/{n}", 7.5, color=GREY, align="right")
                flush(page)
                continue
            if f.kind == "plain":
                flush(page)
                continue
            page.draw_line((LEFT, 796), (RIGHT, 796), color=GREY, width=0.4)
            label = (f"第 {i + 1} 页 共 {n} 页", f"{i + 1} / {n}", f"- {i + 1} -")[f.footer_style]
            put(page, W / 2, 808, label, 8, color=GREY, align="center")
            put(page, LEFT, 808, f"打印时间：{f.printed}", 7, color=GREY)
            put(page, RIGHT, 808, f"打印人：{f.printer}", 7, color=GREY, align="right")
            flush(page)
        return n

    def ensure(self, h: float) -> None:
        if self.y + h > BOTTOM:
            self.new_page()

    def space(self, h: float) -> None:
        self.y += h

    # -- text ----------------------------------------------------------------------------------
    def fix(self, text: str) -> str:
        for old, new in self.subs.items():
            text = text.replace(old, new)
        return text

    def put(self, x: float, y: float, text: str, size: float = 10.5, **kw: object) -> float:
        return put(self.page, x, y, self.fix(text), size, **kw)  # type: ignore[arg-type]

    def title(self, text: str, size: float = 18, *, spaced: bool = False, gap: float = 10) -> None:
        shown = " ".join(text) if spaced else text
        self.ensure(size + gap + 20)
        self.y += size
        self.put(W / 2, self.y, shown, size, bold=True, align="center")
        self.y += gap

    def line(
        self, text: str, size: float = 10.5, *, align: str = "left", x: float = LEFT, **kw: object
    ) -> None:
        self.ensure(size * 1.7)
        self.y += size * 1.25
        xx = {"left": x, "right": RIGHT, "center": W / 2}[align]
        self.put(xx, self.y, text, size, align=align, **kw)
        self.y += size * 0.45

    def para(
        self,
        text: str,
        size: float = 10.5,
        *,
        indent: bool = True,
        x0: float = LEFT,
        x1: float = RIGHT,
        lead: float = 1.75,
    ) -> None:
        text = self.fix(text)
        first = "\u3000\u3000" if indent else ""
        for ln in wrap(first + text, x1 - x0, size):
            self.ensure(size * lead)
            self.y += size * lead
            put(self.page, x0, self.y - size * (lead - 1) / 2, ln, size)
        self.y += size * 0.3

    def qa(self, q: str, a: str, size: float = 10.5) -> None:
        self.para("问：" + q, size, indent=False)
        self.para("答：" + a, size, indent=False)

    # -- grids ---------------------------------------------------------------------------------
    def _cell_lines(self, c: Cell, w: float) -> list[str]:
        return wrap(self.fix(c.text), w - 8, c.size, c.label)

    def _row_height(self, row: Sequence[Cell], ws: list[float]) -> float:
        h = 22.0
        for c, w in zip(row, ws, strict=True):
            n = len(self._cell_lines(c, w))
            h = max(h, n * c.size * 1.45 + 9 + (c.size * 1.4 if c.stack else 0), c.min_h)
        return h

    def _draw_row(self, row: Sequence[Cell], x0: float, ws: list[float], h: float) -> None:
        x = x0
        for c, w in zip(row, ws, strict=True):
            rect = pymupdf.Rect(x, self.y, x + w, self.y + h)
            self.page.draw_rect(rect, color=BLACK, fill=LABEL_FILL if c.label else None, width=0.6)
            lines = self._cell_lines(c, w)
            ty = self.y + 4
            if c.stack:
                put(self.page, x + 4, ty + 8, c.stack, 8, color=GREY)
                ty += c.size * 1.4
            if c.label:
                ty = self.y + (h - len(lines) * c.size * 1.45) / 2
            for ln in lines:
                ty += c.size * 1.2
                if c.label:
                    put(self.page, x + w / 2, ty, ln, c.size, bold=True, align="center")
                else:
                    put(self.page, x + 4, ty, ln, c.size)
                ty += c.size * 0.25
            x += w

    def grid(self, rows: Sequence[Sequence[Cell]], *, x0: float = LEFT, x1: float = RIGHT) -> None:
        """Rows of cells whose widths are shares of ``x1 - x0``; a row never splits across pages."""
        for row in rows:
            total = sum(c.w for c in row)
            ws = [(x1 - x0) * c.w / total for c in row]
            h = self._row_height(row, ws)
            self.ensure(h)
            self._draw_row(row, x0, ws, h)
            self.y += h

    def group(self, label: str, rows: Sequence[Sequence[Cell]], label_w: float = 34) -> None:
        """A tall merged left cell (label set vertically, one character a line) beside sub-rows."""
        x0 = LEFT + label_w
        sized = []
        for row in rows:
            total = sum(c.w for c in row)
            ws = [(RIGHT - x0) * c.w / total for c in row]
            sized.append((row, ws, self._row_height(row, ws)))
        h = max(sum(s[2] for s in sized), len(label) * 14 + 10)
        self.ensure(h)
        top = self.y
        self.page.draw_rect(pymupdf.Rect(LEFT, top, x0, top + h), color=BLACK, fill=LABEL_FILL, width=0.6)
        ty = top + (h - len(label) * 14) / 2
        for ch in label:
            ty += 14
            put(self.page, LEFT + label_w / 2, ty - 3, ch, 10.5, bold=True, align="center")
        extra = h - sum(s[2] for s in sized)
        for i, (row, ws, rh) in enumerate(sized):
            rh += extra if i == len(sized) - 1 else 0
            self._draw_row(row, x0, ws, rh)
            self.y += rh
        self.y = top + h

    def box(self, caption: str, text: str, *, sign: str = "", min_h: float = 60, size: float = 10.5) -> None:
        """A full-width cell: caption on top, the text below it, an optional signature line at the
        bottom right (approval boxes of the internal forms)."""
        lines = wrap("\u3000\u3000" + self.fix(text), RIGHT - LEFT - 24, size) if text else []
        h = max(min_h, 22 + len(lines) * size * 1.6 + (26 if sign else 8))
        if h > BOTTOM - TOP:  # too long for one box: print it as running text under a caption row
            self.grid([[L(caption)]])
            self.para(text, size)
            if sign:
                self.line(sign, 10, align="right")
            return
        self.ensure(h)
        top = self.y
        self.page.draw_rect(pymupdf.Rect(LEFT, top, RIGHT, top + h), color=BLACK, width=0.6)
        put(self.page, LEFT + 5, top + 15, caption, 10.5, bold=True)
        ty = top + 18
        for ln in lines:
            ty += size * 1.6
            put(self.page, LEFT + 12, ty, ln, size)
        if sign:
            self.put(RIGHT - 8, top + h - 9, sign, 10, align="right")
        self.y = top + h

    # -- seals ---------------------------------------------------------------------------------
    def seal(self, png: bytes, cx: float, cy: float, d: float = 118) -> None:
        """Lay a seal image over the text at (cx, cy) on the current page, as the e-seal is stamped."""
        flush(self.page)
        rect = pymupdf.Rect(cx - d / 2, cy - d / 2, cx + d / 2, cy + d / 2)
        self.page.insert_image(rect, stream=png, overlay=True)
        self.sealed.add(len(self.pages) - 1)
