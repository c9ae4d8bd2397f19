"""Lay documents out on A4 pages: wrapped lines, tables, signature blocks and seal positions.

Every renderer draws from the same laid-out pages, so a case has the same page breaks whether it is
written as a digital PDF, a scan, page images or DOCX, and the ground truth page ranges hold for all.
"""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from casegen.blocks import Block, Cell, Doc, center, right, small
from casegen.fonts import droid

PAGE_W, PAGE_H = 595.28, 841.89
LEFT = RIGHT = 70.0
TOP, BOTTOM = 60.0, 64.0
WIDTH = PAGE_W - LEFT - RIGHT
CLOSE = set("，。、；：？！）》」』】〕,.;:?!)%")
OPEN = set("（《「『【〔(")
KEEP = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz年月日时分:.,-/·¥￥")
SEAL_SIZE = 113.0  # about 4 cm


@dataclass
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float
    bold: bool = False


@dataclass
class Seal:
    rect: tuple[float, float, float, float]
    key: str  # "agency" or "bank|<bank>|<date>"
    angle: int


@dataclass
class Frag:
    """What a page holds of a block, for the DOCX writer."""

    block: Block
    text: str = ""
    rows: list[list[Cell]] = field(default_factory=list)
    first: bool = True  # first piece of a paragraph (gets the first-line indent)


@dataclass
class LaidPage:
    doc: Doc
    texts: list[Text] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    seals: list[Seal] = field(default_factory=list)
    frags: list[Frag] = field(default_factory=list)
    archive_no: int | None = None


@lru_cache(maxsize=8192)
def _em(ch: str) -> float:
    """Advance of one character at size 1 (PyMuPDF's per-call overhead dominates otherwise)."""
    return float(droid().text_length(ch, fontsize=1))


def width(text: str, size: float) -> float:
    return sum(_em(ch) for ch in text) * size


def wrap(text: str, size: float, avail: float, indent: float = 0.0) -> list[str]:
    """Greedy CJK wrapping; keeps closing punctuation and short ASCII runs (numbers, codes) intact."""
    if not text:
        return [""]
    widths = [_em(ch) * size for ch in text]
    lines: list[str] = []
    start, cur, i = 0, indent, 0
    while i < len(text):
        if cur + widths[i] > avail and i > start:
            cut = i
            j = i
            while j > start and text[j] in KEEP and text[j - 1] in KEEP:
                j -= 1
            if j < i and j > start and i - j < 24 and any(ch.isdigit() for ch in text[j : i + 1]):
                cut = j  # do not split numbers, codes, amounts or dates such as 2024年3月15日
            elif text[i] in CLOSE:
                cut = i + 1
            elif text[i - 1] in OPEN and i - 1 > start:
                cut = i - 1
            lines.append(text[start:cut])
            start, cur, i = cut, 0.0, cut
            continue
        cur += widths[i]
        i += 1
    if start < len(text):  # a line that ended on kept punctuation leaves nothing over
        lines.append(text[start:])
    return lines


class Layout:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.pages: list[LaidPage] = []
        self.footer_h = 34.0 if doc.footer else 0.0
        self.limit = PAGE_H - BOTTOM - self.footer_h
        self.y = 0.0
        self.new_page()
        self.header()

    def new_page(self) -> None:
        self.pages.append(LaidPage(self.doc))
        self.y = TOP

    @property
    def page(self) -> LaidPage:
        return self.pages[-1]

    def ensure(self, h: float) -> None:
        if self.y + h > self.limit and self.y > TOP + 1:
            self.new_page()

    def line(self, text: str, size: float, x: float, bold: bool = False, lh: float | None = None) -> None:
        lh = lh or size * 1.75
        self.ensure(lh)
        self.page.texts.append(Text(x, self.y + lh * 0.5 + size * 0.36, text, size, bold))
        self.y += lh

    def header(self) -> None:
        d = self.doc
        if d.form_line:
            self.line(d.form_line, 9, LEFT, lh=16)
            self.page.frags.append(Frag(small(d.form_line), d.form_line))
        if d.agency_line:
            self.line(d.agency_line, 16, (PAGE_W - width(d.agency_line, 16)) / 2, True, lh=28)
            self.page.frags.append(Frag(center(d.agency_line, 16, True), d.agency_line))
        self.line(
            d.title, d.title_size, (PAGE_W - width(d.title, d.title_size)) / 2, True, lh=d.title_size * 2
        )
        self.page.frags.append(Frag(center(d.title, d.title_size, True), d.title))
        if d.case_no:
            self.line(d.case_no, 11, PAGE_W - RIGHT - width(d.case_no, 11), lh=22)
            self.page.frags.append(Frag(right(d.case_no, 11), d.case_no))
        self.y += 6

    def block(self, b: Block) -> None:
        if b.kind == "gap":
            self.y = min(self.y + b.height, self.limit)
        elif b.kind in ("para", "plain", "small"):
            indent = 2 * b.size if b.kind == "para" else 0.0
            lines = wrap(b.text, b.size, WIDTH, indent)
            for i, text in enumerate(lines):
                before = len(self.pages)
                self.line(text, b.size, LEFT + (indent if i == 0 else 0), b.bold)
                if i == 0 or len(self.pages) != before:
                    self.page.frags.append(Frag(b, text, first=i == 0))
                else:
                    self.page.frags[-1].text += text
        elif b.kind in ("center", "right"):
            for text in wrap(b.text, b.size, WIDTH):
                w = width(text, b.size)
                x = (PAGE_W - w) / 2 if b.kind == "center" else PAGE_W - RIGHT - w
                self.line(text, b.size, x, b.bold)
                self.page.frags.append(Frag(b, text))
        elif b.kind == "sign":
            self.sign(b)
        elif b.kind == "photo":
            self.photo(b)
        elif b.kind == "table":
            self.table(b)

    def sign(self, b: Block) -> None:
        lines = b.text.split("\n")
        lh = b.size * 1.9
        self.ensure(lh * len(lines) + (30 if b.seal else 0))
        w = max(width(t, b.size) for t in lines)
        x_mid = PAGE_W - RIGHT - w / 2 - 2 * b.size
        top = self.y
        for t in lines:
            self.line(t, b.size, x_mid - width(t, b.size) / 2, lh=lh)
        self.page.frags.append(Frag(b, b.text))
        if b.seal:
            cy = top + lh * len(lines) / 2
            if b.seal == "agency":
                s = SEAL_SIZE
                rect = (x_mid - s / 2, cy - s / 2, x_mid + s / 2, cy + s / 2)
            else:
                rect = (x_mid - 60, cy - 32, x_mid + 60, cy + 32)
            angle = (sum(map(ord, b.text)) % 31) - 15  # stable per text: seals are stamped a little askew
            self.page.seals.append(Seal(rect, b.seal, angle))

    def photo(self, b: Block) -> None:
        self.ensure(b.height + 24)
        w = WIDTH * 0.78
        x0 = LEFT + (WIDTH - w) / 2
        self.page.boxes.append((x0, self.y, x0 + w, self.y + b.height))
        self.page.frags.append(Frag(b, b.text))
        self.y += b.height + 4
        self.line(b.text, 10.5, (PAGE_W - width(b.text, 10.5)) / 2)

    def table(self, b: Block) -> None:
        lh, pad = b.size * 1.55, 4.0
        frag, frag_page = Frag(b), -1
        for row in b.rows:
            cells = [(wrap(t, b.size, WIDTH * share - 2 * pad), share) for t, share in row]
            while True:
                nlines = max(len(lines) for lines, _ in cells)
                need = max(nlines * lh + 2 * pad, b.min_row)
                avail = self.limit - self.y
                fits = int((avail - 2 * pad) // lh)
                if need > avail and self.y > TOP + 1 and not (fits >= 2 and nlines > fits):
                    self.new_page()  # move the whole row on
                    continue
                take = fits if need > avail and nlines > fits >= 1 else nlines
                if frag_page != len(self.pages):
                    frag, frag_page = Frag(b), len(self.pages)
                    self.page.frags.append(frag)
                piece = [(lines[:take], share) for lines, share in cells]
                self.draw_row(piece, b.size, lh, pad, min(need, avail) if take < nlines else need)
                frag.rows.append([("".join(lines), share) for lines, share in piece])
                if take >= nlines:
                    break
                cells = [(lines[take:], share) for lines, share in cells]  # the rest of a tall row
                self.new_page()

    def draw_row(
        self, cells: list[tuple[list[str], float]], size: float, lh: float, pad: float, h: float
    ) -> None:
        y0, x = self.y, LEFT
        self.page.rules += [(LEFT, y0, LEFT + WIDTH, y0), (LEFT, y0 + h, LEFT + WIDTH, y0 + h)]
        for lines, share in cells:
            cw = WIDTH * share
            self.page.rules.append((x, y0, x, y0 + h))
            top = y0 + (h - len(lines) * lh) / 2 if len(lines) * lh + 2 * pad < h else y0 + pad
            for k, t in enumerate(lines):
                self.page.texts.append(Text(x + pad, top + k * lh + lh * 0.5 + size * 0.36, t, size))
            x += cw
        self.page.rules.append((LEFT + WIDTH, y0, LEFT + WIDTH, y0 + h))
        self.y = y0 + h

    def finish(self) -> list[LaidPage]:
        if self.doc.footer:
            n = len(self.pages)
            for i, page in enumerate(self.pages):
                text = self.doc.footer.format(page=i + 1, pages=n)
                page.texts.append(Text(LEFT, PAGE_H - BOTTOM - 8, text, 10.5))
                page.frags.append(Frag(small(text), text))
        return self.pages


def layout_doc(doc: Doc) -> list[LaidPage]:
    lay = Layout(doc)
    for b in doc.blocks:
        lay.block(b)
    return lay.finish()
