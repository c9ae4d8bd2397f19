"""A flowing page writer for one document: wrapped text, bordered grids, signature blocks, seals.

Digital files draw with PyMuPDF's Droid Sans Fallback, embedded and subset (Noto CJK is CFF and
cannot be subset, 20 MB per file);
scanned files are first drawn with Noto Serif CJK into a throw-away PDF and rasterised, so a scan
looks like a 宋体 print. Every string passes through ``sub`` so that a document can print another
case number or party name (C-01/C-02) without each form knowing about it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pymupdf

from families.saibei.seal import round_seal

W, H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 64.0, 531.0, 78.0, 778.0
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SANS_B = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"

# A grid cell: (text, width as a fraction of the row) or (text, width, align) with align l/c/r.
Cell = tuple


@dataclass
class Fonts:
    raster: bool  # True: Noto faces for rasterisation; False: CID fonts kept in the digital PDF

    def name(self, kind: str) -> str:
        if self.raster:
            return {"r": "sbserif", "b": "sbsans"}[kind]
        return "sbdroid"

    def install(self, page: pymupdf.Page) -> None:
        if self.raster:
            page.insert_font(fontname="sbserif", fontfile=SERIF)
            page.insert_font(fontname="sbsans", fontfile=SANS_B)
        else:
            page.insert_font(fontname="sbdroid", fontbuffer=_droid())

    def measure(self, kind: str) -> pymupdf.Font:
        return _measure(self.raster, kind)


_CACHE: dict[tuple[bool, str], pymupdf.Font] = {}
_DROID: list[bytes] = []


def _droid() -> bytes:
    """Droid Sans Fallback (PyMuPDF built-in, TrueType): embedded, then subset when saved."""
    if not _DROID:
        _DROID.append(bytes(pymupdf.Font("china-s").buffer))
    return _DROID[0]


def _measure(raster: bool, kind: str) -> pymupdf.Font:
    key = (raster, kind)
    if key not in _CACHE:
        if raster:
            _CACHE[key] = pymupdf.Font(fontfile=SERIF if kind == "r" else SANS_B)
        else:
            _CACHE[key] = pymupdf.Font(fontbuffer=_droid())
    return _CACHE[key]


@dataclass
class Sheet:
    """One document's pages in ``out``; ``head`` draws the page furniture of a fresh page."""

    out: pymupdf.Document
    fonts: Fonts
    head: Callable[[pymupdf.Page], None] | None = None
    sub: Callable[[str], str] = lambda s: s
    seed: int = 0
    pages: list[int] = field(default_factory=list)  # page numbers in ``out`` (Page objects go stale)
    sealed: set[int] = field(default_factory=set)
    y: float = TOP

    def __post_init__(self) -> None:
        self.new_page()

    @property
    def page(self) -> pymupdf.Page:
        if self._page is None or self._page.parent is None:
            self._page = self.out[self.pages[-1]]
        return self._page

    def new_page(self) -> None:
        page = self.out.new_page(width=W, height=H)
        self.fonts.install(page)
        if self.head:
            self.head(page)
        self.pages.append(page.number)
        self._page = page
        self.y = TOP

    def need(self, h: float) -> None:
        if self.y + h > BOTTOM:
            self.new_page()

    # -- text -------------------------------------------------------------------------------
    def wrap(self, text: str, width: float, size: float, kind: str = "r") -> list[str]:
        font = self.fonts.measure(kind)
        lines: list[str] = []
        for para in self.sub(text).split("\n"):
            cur, cw = "", 0.0
            for ch in para:
                w = font.text_length(ch, fontsize=size)
                if cw + w > width and cur:
                    lines.append(cur)
                    cur, cw = "", 0.0
                cur += ch
                cw += w
            lines.append(cur)
        return lines

    def put(self, x: float, y: float, text: str, size: float = 11, kind: str = "r", color=(0, 0, 0)) -> None:
        """One line at baseline y (no wrapping, no flow)."""
        self.page.insert_text(
            (x, y), self.sub(text), fontname=self.fonts.name(kind), fontsize=size, color=color
        )

    def width(self, text: str, size: float, kind: str = "r") -> float:
        return self.fonts.measure(kind).text_length(self.sub(text), fontsize=size)

    def para(self, text: str, size: float = 11.5, indent: bool = True, lead: float = 1.75, kind="r") -> None:
        first = "\u3000\u3000" if indent else ""
        for line in self.wrap(first + text, RIGHT - LEFT, size, kind):
            self.need(size * lead)
            self.y += size * lead
            self.page.insert_text((LEFT, self.y), line, fontname=self.fonts.name(kind), fontsize=size)

    def line(
        self, text: str, size: float = 11.5, align: str = "l", kind: str = "r", dy: float = 1.75
    ) -> None:
        self.need(size * dy)
        self.y += size * dy
        w = self.width(text, size, kind)
        x = {"l": LEFT, "c": (W - w) / 2, "r": RIGHT - w}[align]
        self.put(x, self.y, text, size, kind)

    def title(self, text: str, size: float = 19, spaced: bool = False) -> None:
        shown = " ".join(text) if spaced else text
        self.line(shown, size, "c", "b", dy=1.6)
        self.y += 6

    def gap(self, h: float) -> None:
        self.y += h
        if self.y > BOTTOM:
            self.new_page()

    # -- grids ------------------------------------------------------------------------------
    def grid(self, rows: list[list[Cell]], size: float = 10.5, pad: float = 4.5, minh: float = 22) -> None:
        """Bordered table; each row's cells take fractions of the full width; rows never split."""
        total = RIGHT - LEFT
        for row in rows:
            cells = []
            for cell in row:
                text, frac = cell[0], cell[1]
                align = cell[2] if len(cell) > 2 else "l"
                w = total * frac
                lines = self.wrap(text, w - 2 * pad, size)
                cells.append((lines, w, align))
            h = max(minh, max(len(c[0]) for c in cells) * size * 1.45 + 2 * pad)
            self.need(h)
            x = LEFT
            for lines, w, align in cells:
                self.page.draw_rect(pymupdf.Rect(x, self.y, x + w, self.y + h), color=(0, 0, 0), width=0.7)
                block = len(lines) * size * 1.45
                ty = self.y + (h - block) / 2 + size * 1.08
                for ln in lines:
                    lw = self.fonts.measure("r").text_length(ln, fontsize=size)
                    tx = {"l": x + pad, "c": x + (w - lw) / 2, "r": x + w - pad - lw}[align]
                    self.page.insert_text((tx, ty), ln, fontname=self.fonts.name("r"), fontsize=size)
                    ty += size * 1.45
                x += w
            self.y += h

    # -- signatures and seals ---------------------------------------------------------------
    def sign(self, who: str, date: str, seal: bool, size: float = 12, gap: float = 30) -> None:
        """Agency name and date at the right; the seal sits over both, a little to the left."""
        self.need(gap + size * 4)
        self.y += gap
        w = max(self.width(who, size), self.width(date, size))
        x = RIGHT - w - 12
        self.put(x, self.y, who, size)
        self.put(x + (w - self.width(date, size)) / 2, self.y + size * 1.9, date, size)
        if seal:
            cx, cy = x + w / 2 - 6, self.y + 2
            self.stamp(cx, cy, 58)
        self.y += size * 2.6

    def stamp(self, cx: float, cy: float, r: float, bottom: str = "行政执法专用章") -> None:
        png = round_seal(self.seal_name, self.seed + len(self.pages), bottom)
        self.page.insert_image(pymupdf.Rect(cx - r, cy - r, cx + r, cy + r), stream=png, overlay=True)
        self.sealed.add(len(self.pages) - 1)

    seal_name: str = ""
    _page: pymupdf.Page | None = None
