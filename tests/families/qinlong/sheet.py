"""A small flow layout on pymupdf that imitates a form typed into a word processor.

Text goes through a TextWriter with MuPDF's own CJK face (Droid Sans Fallback), embedded and subset:
MuPDF cannot subset the Noto CJK (CFF) faces here, and the unembedded standard CJK fonts print
half-width digits on full-width advances. Titles are the same face drawn heavier.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache

import pymupdf

from families.qinlong import marks
from families.qinlong.fmt import cn_form_no

W, H = 595.0, 842.0
LM, RM, TOP = 72.0, 523.0, 70.0
BODY, HEAD = "body", "head"
_FACE = pymupdf.Font("china-s")
NO_START = "，。、；：）》”！？"


@lru_cache(maxsize=8192)
def _adv(ch: str) -> float:
    return _FACE.text_length(ch, fontsize=1.0)


def width(text: str, size: float, font: str = BODY) -> float:
    return sum(_adv(ch) for ch in text) * size


def wrap(text: str, avail: float, size: float, font: str = BODY, first: float | None = None) -> list[str]:
    """Character wrapping as Word does for Chinese, keeping closing punctuation off a line start."""
    lines, cur, used, room = [], "", 0.0, first if first is not None else avail
    for ch in text:
        w = _adv(ch) * size
        if cur and used + w > room and ch not in NO_START:
            # like Word, never split a run of Latin letters or digits (amounts, plates, numbers)
            k = len(cur)
            while k > 0 and cur[k - 1].isascii() and cur[k - 1].isalnum() and ch.isascii() and ch.isalnum():
                k -= 1
            k = k if 0 < k < len(cur) else len(cur)
            lines.append(cur[:k])
            cur, room = cur[k:], avail
            used = sum(_adv(x) for x in cur) * size
        cur += ch
        used += w
    lines.append(cur)
    return lines


@dataclass
class Record:
    """Page furniture of a 笔录: the signer's confirmation and 第 N 页 on every page."""

    signer_label: str
    signer: str
    date: str


@dataclass
class Sheet:
    doc: pymupdf.Document
    rng: random.Random
    page_no: int = 0  # file-wide, printed as — N —
    page: pymupdf.Page | None = None
    y: float = TOP
    pages: int = 0  # pages of the current document
    sealed: list[int] = field(default_factory=list)
    form: int | None = None
    record: Record | None = None
    numbered: bool = True
    agency_short: str = ""
    _writers: dict = field(default_factory=dict)
    fsize: float = 11.5  # body size of the current document (a one-page form may be typed smaller)
    flead: float = 23.0

    # ---- documents and pages -------------------------------------------------------------
    def start(self, form: int | None = None, record: Record | None = None, numbered: bool = True) -> None:
        self._close_page()
        self.pages, self.sealed = 0, []
        self.fsize, self.flead = 11.5, 23.0
        self.form, self.record, self.numbered = form, record, numbered
        self.new_page()

    def finish(self) -> tuple[int, list[int]]:
        self._close_page()
        self.page = None
        return self.pages, list(self.sealed)

    @property
    def bottom(self) -> float:
        return 742.0 if self.record else 776.0

    def new_page(self) -> None:
        self._close_page()
        self.page = self.doc.new_page(width=W, height=H)
        self.pages += 1
        self.page_no += 1
        self.y = TOP
        if self.form:
            # thin header rule with the 式样 number, as the ministry's templates carry it
            self.text(LM, 50, f"交通运输行政执法文书式样之{cn_form_no(self.form)}", 8, color=(0.3, 0.3, 0.3))
            if self.agency_short:
                self.text(RM - width(self.agency_short, 8), 50, self.agency_short, 8, color=(0.3, 0.3, 0.3))
            self.hline(LM, RM, 55, 0.5)
            self.y = TOP + 6

    def _close_page(self) -> None:
        if self.page is None:
            return
        if self.record:
            r = self.record
            self.hline(LM, RM, 752, 0.4)
            self.text(LM, 768, "以上笔录我已看过，与我说的相符。", 10.5)
            self.text(LM, 792, f"{r.signer_label}签名：", 10.5)
            self.hand(LM + width(f"{r.signer_label}签名：", 10.5) + 8, 794, r.signer)
            self.text(LM + 250, 792, r.date, 10.5)
            label = f"第 {self.pages} 页"
            self.text(RM - width(label, 10.5), 792, label, 10.5)
        if self.numbered:
            label = f"— {self.page_no} —"
            self.text(W / 2 - width(label, 10) / 2, 818, label, 10)
        self.flush()
        self.page = None

    def flush(self) -> None:
        assert self.page is not None
        for (color, mode), tw in self._writers.items():
            tw.write_text(self.page, color=color, render_mode=mode)
        self._writers = {}

    def need(self, h: float) -> None:
        if self.y + h > self.bottom:
            self.new_page()

    # ---- primitives ----------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, size: float = 11.5, font: str = BODY, color=(0, 0, 0)) -> None:
        assert self.page is not None
        if s:
            # consecutive runs of one colour and weight share a writer (far fewer content streams),
            # flushed as soon as the style changes so the text layer keeps the reading order;
            # titles are filled and stroked, the heavier weight a word processor's 黑体 would give
            style = (tuple(color), 2 if font == HEAD else 0)
            if style not in self._writers:
                self.flush()
                self._writers[style] = pymupdf.TextWriter(self.page.rect)
            self._writers[style].append((x, y), s, font=_FACE, fontsize=size)

    def hline(self, x0: float, x1: float, y: float, w: float = 0.6) -> None:
        assert self.page is not None
        self.page.draw_line((x0, y), (x1, y), width=w, color=(0, 0, 0))

    def hand(self, x: float, y: float, name: str, size: float | None = None) -> None:
        """A signed name: Heiti, larger, ink-blue, slightly rotated and sheared, never on the baseline."""
        assert self.page is not None
        if not name:
            return
        size = size or self.rng.uniform(14, 17)
        x += self.rng.uniform(-3, 6)
        y += self.rng.uniform(-3, 2)
        self.flush()
        m = pymupdf.Matrix(1, 0, self.rng.uniform(-0.35, -0.15), 1, 0, 0) * pymupdf.Matrix(
            self.rng.uniform(-6, 3)
        )
        tw = pymupdf.TextWriter(self.page.rect)
        tw.append((x, y), name, font=_FACE, fontsize=size)
        tw.write_text(self.page, color=(0.08, 0.1, 0.35), render_mode=2, morph=(pymupdf.Point(x, y), m))

    def seal(self, cx: float, cy: float, agency: str) -> None:
        assert self.page is not None
        self.flush()  # the seal's ink lies over the typed text
        png = marks.seal_png(agency, self.rng.randrange(4))
        r = 62 + self.rng.uniform(-2, 2)
        self.page.insert_image(pymupdf.Rect(cx - r, cy - r, cx + r, cy + r), stream=png, overlay=True)
        if self.pages - 1 not in self.sealed:
            self.sealed.append(self.pages - 1)

    def stamp(self, rect: pymupdf.Rect, lines: list[str]) -> None:
        assert self.page is not None
        self.flush()
        self.page.insert_image(rect, stream=marks.stamp_png(lines, self.rng.randrange(1 << 30)), overlay=True)
        if self.pages - 1 not in self.sealed:
            self.sealed.append(self.pages - 1)

    # ---- blocks --------------------------------------------------------------------------
    def gap(self, h: float = 8) -> None:
        self.y += h

    def title(self, agency: str, title: str, size: float = 19) -> None:
        """Agency on line one, the spaced title on line two, as the 式样 print it."""
        self.need(70)
        if agency:
            self.text(W / 2 - width(agency, 15, HEAD) / 2, self.y + 14, agency, 15, HEAD)
            self.y += 30
        self.text(W / 2 - width(title, size, HEAD) / 2, self.y + size, title, size, HEAD)
        self.y += size + 16

    def right(self, s: str, size: float = 11.5) -> None:
        self.need(20)
        self.text(RM - width(s, size), self.y + size, s, size)
        self.y += size + 10

    def center(self, s: str, size: float = 11.5, font: str = BODY) -> None:
        self.need(size + 10)
        self.text(W / 2 - width(s, size, font) / 2, self.y + size, s, size, font)
        self.y += size + 10

    def fields(
        self,
        items: list[tuple[str, str]],
        size: float | None = None,
        minw: float = 40,
        lead: float | None = None,
    ) -> None:
        """Label： then the value with the underline drawn under it; fields run on, wrapping like text."""
        size, lead = size or self.fsize, lead or self.flead
        self.need(lead)
        x = LM
        base = self.y + size + 2
        for label, value in items:
            lw = width(label, size)
            vw = max(width(value, size), minw)
            if x > LM and x + lw + min(vw, RM - LM - lw) > RM:
                self.y += lead
                self.need(lead)
                base, x = self.y + size + 2, LM
            self.text(x, base, label, size)
            x += lw + 3
            parts = wrap(value, RM - LM - 6, size, first=RM - x - 4) if value else [""]
            for i, part in enumerate(parts):
                if i:
                    self.y += lead
                    self.need(lead)
                    base, x = self.y + size + 2, LM + 4
                pw = max(width(part, size), minw if len(parts) == 1 else 0)
                self.text(x + 3, base, part, size)
                self.hline(x, min(x + pw + 6, RM), base + 3.5, 0.5)
                x += pw + 6
            x += 14
        self.y += lead

    def para(
        self,
        s: str,
        size: float | None = None,
        indent: bool = True,
        lead: float | None = None,
        font: str = BODY,
        left: float = LM,
    ) -> None:
        size = size or self.fsize
        lead = lead or size * (1.85 if size > 11 else 1.7)
        first = (RM - left) - (2 * size if indent else 0)
        for i, line in enumerate(wrap(s, RM - left, size, font, first=first)):
            self.need(lead)
            x = left + (2 * size if indent and i == 0 else 0)
            self.text(x, self.y + size, line, size, font)
            self.y += lead

    def heading(self, s: str, size: float = 12) -> None:
        self.need(size * 4)
        self.text(LM + 2 * 11.5, self.y + size, s, size, HEAD)
        self.y += size * 1.9

    def qa(self, q: str, a: str, size: float | None = None) -> None:
        self.para("问：" + q, size, indent=False)
        self.para("答：" + a, size, indent=False)

    def table(
        self, widths: list[float], rows: list[list[str]], size: float = 10.5, pad: float = 5, head: int = 1
    ) -> list[tuple[float, float, float]]:
        """A ruled grid; cells wrap; a row that does not fit starts a new page. Returns, per row, the
        second column's left edge and the row's top and bottom (where a hand signs a cell)."""
        scale = (RM - LM) / sum(widths)
        ws = [w * scale for w in widths]
        lead = size * 1.55
        boxes: list[tuple[float, float, float]] = []
        for ri, row in enumerate(rows):
            cells = [
                wrap(c, w - 2 * pad, size, HEAD if ri < head else BODY) for c, w in zip(row, ws, strict=True)
            ]
            h = max(len(c) for c in cells) * lead + 2 * pad
            self.need(h)
            assert self.page is not None
            x = LM
            for lines, w in zip(cells, ws, strict=True):
                self.page.draw_rect(pymupdf.Rect(x, self.y, x + w, self.y + h), color=(0, 0, 0), width=0.6)
                top = self.y + pad + (h - 2 * pad - len(lines) * lead) / 2
                for k, line in enumerate(lines):
                    tx = x + pad if ri >= head else x + (w - width(line, size, HEAD)) / 2
                    self.text(tx, top + k * lead + size, line, size, HEAD if ri < head else BODY)
                x += w
            boxes.append((LM + ws[0], self.y, self.y + h))
            self.y += h
        self.y += 8
        return boxes

    def signoff(self, agency: str, date: str, seal: bool, size: float = 12) -> None:
        """Agency name and Chinese date at the right; the seal over the date line, a little askew."""
        self.need(84)
        self.y += 20
        aw, dw = width(agency, size), width(date, size)
        ax = RM - 20 - max(aw, dw)
        self.text(ax + (max(aw, dw) - aw) / 2, self.y + size, agency, size)
        self.y += size + 12
        self.text(ax + (max(aw, dw) - dw) / 2, self.y + size, date, size)
        if seal:
            cx = ax + max(aw, dw) / 2 + self.rng.uniform(-22, 18)
            self.seal(cx, self.y + self.rng.uniform(-12, 2), agency)
        self.y += size + 18

    def sign_line(self, label: str, name: str, date: str = "", x: float = LM, size: float = 11.5) -> None:
        """签名：<hand>   date — a person's signature line (name left empty when nobody signed)."""
        self.need(30)
        base = self.y + size + 4
        self.text(x, base, label, size)
        sx = x + width(label, size) + 6
        self.hline(sx, sx + 80, base + 4, 0.4)
        self.hand(sx + 6, base, name)
        if date:
            self.text(sx + 100, base, date, size)
        self.y += 30
