"""Drawing primitives for pre-printed forms: a Book of pages, a Sheet per document with a cursor.

Printed form text is black; what the clerk typed or wrote into the blanks is in blue-black "ink"
over a drawn underline (never underscore characters, so W-01 stays quiet on compliant files).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache

import pymupdf

from casegen.fonts import droid, noto
from families.bashu import seals
from families.contract import RenderedDoc

W, H = 595.28, 841.89
LEFT, RIGHT, TOP, BOTTOM = 78.0, 62.0, 64.0, 70.0
INK = (0.07, 0.1, 0.32)  # typewriter ribbon / ballpoint
BLACK = (0, 0, 0)


@dataclass
class Fonts:
    body: pymupdf.Font
    fill: pymupdf.Font
    fake_bold: bool


@lru_cache(maxsize=2)
def fonts(scanned: bool) -> Fonts:
    if scanned:  # rasterised pages may use the big CFF faces; they are thrown away after rendering
        body, fill = noto("NotoSerifCJK-Regular.ttc"), noto("NotoSansCJK-Regular.ttc")
        if body is not None and fill is not None:
            return Fonts(body, fill, False)
    return Fonts(droid(), droid(), True)


@dataclass
class Book:
    """The whole PDF being written, the documents in order, and the seal stamps' randomness."""

    scanned: bool
    rng: random.Random
    agency: str
    doc: pymupdf.Document = field(default_factory=pymupdf.open)
    rendered: list[RenderedDoc] = field(default_factory=list)

    @property
    def f(self) -> Fonts:
        return fonts(self.scanned)


Cell = tuple  # (text, width fraction[, fill: bool, align: str])


class Sheet:
    def __init__(self, book: Book, typ: str, title: str, *, serves: str | None = None, key: str = "") -> None:
        self.book, self.f = book, book.f
        self.typ, self.title_text, self.serves, self.key = typ, title, serves, key
        self.first = len(book.doc)
        self.sealed: set[int] = set()
        self.footer: str | None = None  # e.g. "被询问人签名：{who}" repeated on each page
        self.new_page()

    # pages -------------------------------------------------------------------------------------
    @property
    def page(self) -> pymupdf.Page:
        return self.book.doc[-1]

    def new_page(self) -> None:
        page = self.book.doc.new_page(width=W, height=H)
        # the binding line of a left-bound archive: dotted rule with 装订线 in the gutter
        shape = page.new_shape()
        shape.draw_line((44, 40), (44, H - 40))
        shape.finish(color=(0.55, 0.55, 0.55), width=0.4, dashes="[2 3] 0")
        shape.commit()
        for i, ch in enumerate("装订线"):
            self._put(page, 38, H / 2 - 60 + i * 60, ch, 7, color=(0.55, 0.55, 0.55))
        self.y = TOP

    def finish(self) -> RenderedDoc:
        n = len(self.book.doc) - self.first
        for i in range(n):
            page = self.book.doc[self.first + i]
            if self.footer:
                self._put(page, LEFT, H - 46, self.footer, 9.5)
            if n > 1:
                s = f"第{i + 1}页 共{n}页"
                self._put(page, W - RIGHT - self.f.body.text_length(s, 9.5), H - 46, s, 9.5)
        doc = RenderedDoc(self.typ, n, self.title_text, self.serves, sorted(self.sealed), self.key)
        self.book.rendered.append(doc)
        return doc

    # text --------------------------------------------------------------------------------------
    def _put(
        self,
        page: pymupdf.Page,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        color=BLACK,
        fill: bool = False,
        bold: bool = False,
    ) -> None:
        if not text:
            return
        tw = pymupdf.TextWriter(page.rect)
        tw.append((x, y), text, font=self.f.fill if fill else self.f.body, fontsize=size)
        tw.write_text(page, color=color, render_mode=2 if bold and self.f.fake_bold else 0)

    def width(self, text: str, size: float, fill: bool = False) -> float:
        return (self.f.fill if fill else self.f.body).text_length(text, fontsize=size)

    def wrap(self, text: str, width: float, size: float, indent: float = 0, fill: bool = False) -> list[str]:
        out, cur, avail = [], "", width - indent
        for ch in text:
            if ch == "\n":
                out.append(cur)
                cur, avail = "", width
                continue
            if self.width(cur + ch, size, fill) > avail and cur:
                if ch in "，。、；：）》”":  # no closing punctuation at a line start
                    cur += ch
                    continue
                out.append(cur)
                cur, avail = ch, width
            else:
                cur += ch
        if cur:
            out.append(cur)
        return out

    def need(self, h: float) -> None:
        if self.y + h > H - BOTTOM:
            self.new_page()

    def text(self, x: float, y: float, s: str, size: float = 11, **kw) -> None:
        self._put(self.page, x, y, s, size, **kw)

    def title(self, s: str, size: float = 20, spaced: bool = True) -> None:
        s2 = " ".join(s) if spaced and len(s) <= 8 else s
        self.y += size + 4
        self.text((W - self.width(s2, size)) / 2, self.y, s2, size, bold=True)
        self.y += 12

    def line(
        self,
        s: str,
        size: float = 11,
        *,
        align: str = "left",
        fill: bool = False,
        gap: float = 7,
        x: float | None = None,
        bold: bool = False,
    ) -> None:
        x0 = LEFT if x is None else x
        for ln in self.wrap(s, W - RIGHT - x0, size, fill=fill):
            self.need(size + gap)
            self.y += size + gap * 0.5
            xx = {
                "left": x0,
                "center": (W - self.width(ln, size, fill)) / 2,
                "right": W - RIGHT - self.width(ln, size, fill),
            }[align]
            self.text(xx, self.y, ln, size, fill=fill, color=INK if fill else BLACK, bold=bold)
            self.y += gap * 0.5

    def para(self, s: str, size: float = 11.5, *, fill: bool = True, gap: float = 9) -> None:
        """A typed paragraph with a two-character first-line indent."""
        ind = 2 * size
        for i, ln in enumerate(self.wrap(s, W - LEFT - RIGHT, size, indent=ind, fill=fill)):
            self.need(size + gap)
            self.y += size + gap * 0.5
            self.text(
                LEFT + (ind if i == 0 else 0), self.y, ln, size, fill=fill, color=INK if fill else BLACK
            )
            self.y += gap * 0.5

    def blanks(self, items: list[tuple[str, str, float]], size: float = 11, gap: float = 12) -> None:
        """Pre-printed label + underlined blank pairs on one line: 当事人 ＿张三＿ 性别 ＿男＿ …"""
        self.need(size + gap)
        self.y += size + gap * 0.5
        x = LEFT
        for label, value, w in items:
            lw = self.width(label, size)
            vw = max(w, self.width(value, size, True) + 8)
            if x + lw + vw > W - RIGHT + 1 and x > LEFT:
                self.y += size + gap
                self.need(size)
                x = LEFT
            self.text(x, self.y, label, size)
            x += lw + 2
            if not w and not value:  # a bare printed word such as 件 / 页 between blanks
                continue
            vw = min(vw, W - RIGHT - x) if self.width(value, size, True) + 8 <= W - RIGHT - x else vw
            self.rule(x, self.y + 2.5, x + vw, self.y + 2.5)
            self.text(x + 4, self.y - 0.5, value, size, fill=True, color=INK)
            x += vw + 6
        self.y += gap * 0.5

    def rule(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.5) -> None:
        self.page.draw_line((x0, y0), (x1, y1), color=BLACK, width=width)

    # tables ------------------------------------------------------------------------------------
    def table(self, rows: list[list[Cell]], size: float = 10.5, min_h: float = 24, pad: float = 4) -> None:
        """Grid table; cells are (text, frac[, fill, align]); rows never split across pages."""
        total = W - LEFT - RIGHT
        for row in rows:
            cells = []
            for c in row:
                text, frac = c[0], c[1]
                fill = c[2] if len(c) > 2 else False
                align = c[3] if len(c) > 3 else ("left" if fill else "center")
                w = frac * total
                lines = self.wrap(text, w - 2 * pad, size, fill=fill) or [""]
                cells.append((lines, w, fill, align))
            h = max(min_h, max(len(c[0]) for c in cells) * (size + 4) + 2 * pad + 2)
            if self.y + h > H - BOTTOM:
                self.new_page()
            x = LEFT
            for lines, w, fill, align in cells:
                self.page.draw_rect(pymupdf.Rect(x, self.y, x + w, self.y + h), color=BLACK, width=0.6)
                ty = self.y + (h - len(lines) * (size + 4)) / 2 + size
                for ln in lines:
                    lx = x + pad if align == "left" else x + (w - self.width(ln, size, fill)) / 2
                    self.text(lx, ty, ln, size, fill=fill, color=INK if fill else BLACK)
                    ty += size + 4
                x += w
            self.y += h

    def gap(self, h: float) -> None:
        self.y += h

    # seals and signatures ----------------------------------------------------------------------
    def seal(
        self, cx: float, cy: float, kind: str = "agency", text: str | None = None, extra: str = ""
    ) -> None:
        rng = self.book.rng
        png, (w, h) = seals.stamp(kind, text or self.book.agency, extra, rng)
        cx, cy = cx + rng.uniform(-6, 6), cy + rng.uniform(-5, 5)
        rect = pymupdf.Rect(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        self.page.insert_image(rect, stream=png, overlay=True)
        if kind == "agency":
            self.sealed.add(len(self.book.doc) - 1 - self.first)

    def signoff(self, agency: str, date: str, *, seal: bool = True, size: float = 12) -> None:
        """Agency name and date flush right, the round seal pressed over both."""
        self.need(70)
        self.y += 26
        xa = W - RIGHT - 20 - self.width(agency, size)
        self.text(xa, self.y, agency, size)
        self.y += 22
        xd = W - RIGHT - 20 - self.width(date, size, True)
        self.text(xd, self.y, date, size, fill=True, color=INK)
        if seal:
            self.seal(W - RIGHT - 20 - self.width(agency, size) / 2, self.y - 14)
        self.y += 10
