"""The spreadsheet-style page writer: a grid of cells with thin grey rules, bold labels, wrapped values.

Text goes in with MuPDF's non-embedded CJK base fonts (china-s / china-ss) so that files stay small and
the text layer extracts cleanly; seals are vector drawings in red.
"""

from __future__ import annotations

import math
import re

import pymupdf as fitz

from families.contract import RenderedDoc

W, H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 62.0, 40.0, 64.0, 56.0
UNITS = 8  # the grid is 8 equal columns; a label takes 2, a value 2 or 6
GRID = (0.62, 0.62, 0.62)
RED = (0.85, 0.08, 0.08)
SERIF, SANS = "china-s", "china-ss"


LATIN = {SERIF: "tiro", SANS: "helv"}  # the CJK base fonts set ASCII full-width: Latin runs use base-14


def runs(text: str) -> list[tuple[bool, str]]:
    """(is_ascii, run) pieces of a line; only plain ASCII goes to the Latin font."""
    return [(m.group(0)[0] < "\x80", m.group(0)) for m in re.finditer(r"[\x00-\x7f]+|[^\x00-\x7f]+", text)]


def text_width(text: str, size: float, font: str = SERIF) -> float:
    return sum(
        fitz.get_text_length(r, fontname=LATIN[font], fontsize=size) if latin else size * len(r)
        for latin, r in runs(text)
    )


TOKEN = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日(?:\d{1,2}时\d{2}分)?|[A-Za-z0-9.·\-]+|.")


def wrap(text: str, width: float, size: float) -> list[str]:
    """Wrap by tokens so that a date, a number or a code never breaks across lines."""
    lines: list[str] = []
    for part in text.split("\n"):
        cur = ""
        for tok in TOKEN.findall(part):
            if cur and text_width(cur + tok, size) > width:
                lines.append(cur)
                cur = ""
            cur += tok
        lines.append(cur)
    return lines


class Sheet:
    """One PDF being written, document after document; ``y`` is the cursor on the current page."""

    def __init__(self) -> None:
        self.pdf = fitz.open()
        self.page: fitz.Page | None = None
        self.shape: fitz.Shape | None = None  # one shape per page: a commit per insert is slow
        self.y = TOP
        self.start_page = 0
        self.seals: list[int] = []
        self.title = ""
        self.number = ""

    # pages and documents ------------------------------------------------------------------------
    def new_page(self, *, landscape: bool = False) -> fitz.Page:
        w, h = (H, W) if landscape else (W, H)
        self.flush()
        self.page = self.pdf.new_page(width=w, height=h)
        self.shape = self.page.new_shape()
        self.y = TOP
        return self.page

    def flush(self) -> None:
        if self.shape is not None:
            self.shape.commit()
            self.shape = None

    @property
    def sh(self) -> fitz.Shape:
        assert self.shape is not None
        return self.shape

    @property
    def pg(self) -> fitz.Page:
        assert self.page is not None
        return self.page

    def begin(self, title: str, number: str, agency: str, *, red: bool = False, label: str = "文号") -> None:
        """A document starts on a new page: the red 红头 or the plain agency line, then the title."""
        self.start_page, self.seals, self.title, self.number = len(self.pdf), [], title, number
        self.new_page()
        if red:
            self.center(agency, 24, color=RED, font=SERIF, gap=12)
            self.pg.draw_line((LEFT, self.y), (W - RIGHT, self.y), color=RED, width=2.2)
            self.pg.draw_line((LEFT, self.y + 3), (W - RIGHT, self.y + 3), color=RED, width=0.6)
            self.y += 20
            self.center(number, 11.5, gap=14)
            self.center(title, 20, font=SANS, gap=14)
        else:
            self.center(agency, 12, color=(0.25, 0.25, 0.25), gap=8)
            self.center(title, 20, font=SANS, gap=12)
            self.write(LEFT, self.y, f"{label}：{number}", 10.5)
            self.y += 19

    def end(self, typ: str, *, serves: str | None = None) -> RenderedDoc:
        self.flush()
        pages = len(self.pdf) - self.start_page
        return RenderedDoc(typ, pages, self.title, serves, sealed_pages=sorted(set(self.seals)))

    def room(self, height: float) -> None:
        """A row that does not fit starts a continuation page headed by the title and number."""
        if self.y + height > H - BOTTOM:
            self.new_page()
            self.write(LEFT, self.y, f"{self.title}（续）  {self.number}", 9.5, color=(0.35, 0.35, 0.35))
            self.y += 10

    # drawing primitives -------------------------------------------------------------------------
    def write(
        self, x: float, y: float, text: str, size: float, *, font: str = SERIF, color=(0, 0, 0)
    ) -> None:
        bold = font == SANS  # sans text is labels and titles: drawn fill+stroke, a spreadsheet's bold
        for latin, r in runs(text):
            self.sh.insert_text(
                (x, y + size),
                r,
                fontname=LATIN[font] if latin else font,
                fontsize=size,
                color=color,
                render_mode=2 if bold else 0,
                border_width=0.03,
            )
            x += text_width(r, size, font)

    def center(self, text: str, size: float, *, font: str = SERIF, color=(0, 0, 0), gap: float = 8) -> None:
        x = (self.pg.rect.width - text_width(text, size)) / 2
        self.write(x, self.y, text, size, font=font, color=color)
        self.y += size + gap

    def row(self, cells: list[tuple[str, int, bool]], size: float = 10.5, min_h: float = 22.0) -> None:
        """One grid row: (text, column span, bold label?) cells that together span the 8 columns."""
        unit = (W - LEFT - RIGHT) / UNITS
        wrapped = [wrap(t, span * unit - 8, size) for t, span, _ in cells]
        lead = size * 1.45
        height = max(min_h, max(len(w) for w in wrapped) * lead + 8)
        self.room(height)
        x = LEFT
        for (_, span, bold), lines in zip(cells, wrapped, strict=True):
            rect = fitz.Rect(x, self.y, x + span * unit, self.y + height)
            self.sh.draw_rect(rect)
            self.sh.finish(color=GRID, fill=(0.94, 0.94, 0.94) if bold else None, width=0.5)
            ty = self.y + (height - len(lines) * lead) / 2 + 1
            for line in lines:
                self.write(x + 4, ty, line, size, font=SANS if bold else SERIF)
                ty += lead
            x += span * unit
        self.y += height

    def kv(self, label: str, value: str, **kw) -> None:
        self.row([(label, 2, True), (value, 6, False)], **kw)

    def pair(self, l1: str, v1: str, l2: str, v2: str) -> None:
        self.row([(l1, 2, True), (v1, 2, False), (l2, 2, True), (v2, 2, False)])

    def header(self, names: list[tuple[str, int]], size: float = 10.0) -> None:
        self.row([(n, s, True) for n, s in names], size=size)

    def gap(self, h: float) -> None:
        self.y += h

    def sign(self, agency: str, date_cn: str, *, seal: bool = True) -> None:
        """The signature block at the right: agency name, Chinese-numeral date, red seal over both."""
        self.room(90)
        self.y += 24
        x = W - RIGHT - 170
        self.write(x, self.y, agency, 12)
        self.write(x + 10, self.y + 22, date_cn, 12)
        if seal:
            self.seal((x + 80, self.y + 12), agency)
        self.y += 60

    def seal(self, at: tuple[float, float], agency: str, r: float = 40.0) -> None:
        """A red round seal: double ring, star and the agency's name around the upper arc."""
        self.flush()  # the seal lies over the text already written
        self.shape = self.pg.new_shape()
        pg, (cx, cy) = self.pg, at
        pg.draw_circle(at, r, color=RED, width=2.4, stroke_opacity=0.82)
        pg.draw_circle(at, r - 4, color=RED, width=0.5, stroke_opacity=0.7)
        star = [
            fitz.Point(
                cx + (11 if i % 2 == 0 else 4.5) * math.sin(i * math.pi / 5),
                cy - (11 if i % 2 == 0 else 4.5) * math.cos(i * math.pi / 5),
            )
            for i in range(10)
        ]
        pg.draw_polyline([*star, star[0]], color=RED, fill=RED, width=0.3, fill_opacity=0.85)
        n = len(agency)
        for i, ch in enumerate(agency):
            a = math.radians(-120 + 240 * (i + 0.5) / n)
            px, py = cx + (r - 14) * math.sin(a), cy - (r - 14) * math.cos(a)
            mat = fitz.Matrix(math.degrees(a))
            pg.insert_text(
                (px - 4.5, py + 4.5),
                ch,
                fontname=SERIF,
                fontsize=9,
                color=RED,
                morph=(fitz.Point(px, py), mat),
            )
        self.seals.append(len(self.pdf) - 1 - self.start_page)

    def oval_seal(self, at: tuple[float, float], bank: str) -> None:
        """A bank's oval 业务专用章 on the electronic receipt."""
        self.flush()
        self.shape = self.pg.new_shape()
        cx, cy = at
        rect = fitz.Rect(cx - 62, cy - 36, cx + 62, cy + 36)
        self.pg.draw_oval(rect, color=RED, width=2.0, stroke_opacity=0.85)
        name = bank[:12]
        self.write(cx - text_width(name, 8.5) / 2, cy - 20, name, 8.5, color=RED)
        self.write(cx - text_width("业务专用章", 11) / 2, cy - 2, "业务专用章", 11, color=RED)
        self.seals.append(len(self.pdf) - 1 - self.start_page)
