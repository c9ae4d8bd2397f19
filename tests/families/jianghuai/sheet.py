"""A small flow layout over PyMuPDF: prose, bordered tables, signature blocks and page furniture.

Every document is laid out on its own run of A4 pages (a ``Sheet``); the furniture of this family's
report engine (platform line with the form code over a double rule, a square code mark on the first
page, "第 x 页 共 y 页" at the foot) is drawn when the sheet is closed and its page count known.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

import pymupdf

from families.jianghuai.fonts import cjk, cjk_buffer

W, H = 595.0, 842.0
L, R = 76.0, 519.0  # content box (left, right)
TOP, BOTTOM = 88.0, 786.0
FONT = "jh"
INK = (0.08, 0.08, 0.1)
GREY = (0.42, 0.42, 0.45)
CLOSERS = set("，。、；：）》」’”！？%）】〕")
_widths: dict[tuple[str, float], float] = {}


def tw(text: str, size: float) -> float:
    """Printed width of ``text`` at ``size`` points."""
    total = 0.0
    for ch in text:
        key = (ch, size)
        if key not in _widths:
            _widths[key] = float(cjk().text_length(ch, fontsize=size))
        total += _widths[key]
    return total


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Break ``text`` into lines of at most ``width`` (the first line starts ``indent`` in)."""
    lines: list[str] = []
    for para in text.split("\n"):
        cur, cur_w, avail = "", 0.0, width - (indent if not lines else 0.0)
        for ch in para:
            cw = tw(ch, size)
            if cur and cur_w + cw > avail and ch not in CLOSERS:
                lines.append(cur)
                cur, cur_w, avail = "", 0.0, width
            cur += ch
            cur_w += cw
        lines.append(cur)
    return lines


@dataclass
class Cell:
    text: str
    w: float  # share of the table width
    align: str = "l"  # l | c | r
    bold: bool = False
    size: float = 0.0  # 0: the table's size
    valign: str = "m"  # m | t


def label(text: str, w: float) -> Cell:
    return Cell(text, w, "c")


class Sheet:
    """One document being laid out."""

    def __init__(self, doc: pymupdf.Document, *, code: str, platform: str, stamp: str, rng: random.Random):
        self.doc, self.code, self.platform, self.stamp, self.rng = doc, code, platform, stamp, rng
        self.first = doc.page_count
        self.sealed: list[int] = []
        self.foot = ""  # a line signed on every page (笔录: the interviewee initials each page)
        self.y = TOP
        self.page = self._new()

    # -- pages ---------------------------------------------------------------------------------------
    def _new(self) -> pymupdf.Page:
        page = self.doc.new_page(width=W, height=H)
        page.insert_font(fontname=FONT, fontbuffer=cjk_buffer())
        self.y = TOP
        return page

    def new_page(self) -> None:
        self.page = self._new()

    def room(self, h: float) -> None:
        if self.y + h > BOTTOM:
            self.new_page()

    @property
    def index(self) -> int:
        """0-based page of the document the cursor is on."""
        return self.page.number - self.first

    def space(self, h: float) -> None:
        self.y += h

    # -- text ----------------------------------------------------------------------------------------
    def put(self, x: float, y: float, text: str, size: float, *, bold: bool = False, color=INK) -> None:  # type: ignore[no-untyped-def]
        """Text with its baseline at ``y``; bold is faked with a stroked outline, as the engine does."""
        if not text:
            return
        if bold:
            self.page.insert_text(
                (x, y),
                text,
                fontname=FONT,
                fontsize=size,
                color=color,
                fill=color,
                render_mode=2,
                border_width=0.035,
            )
        else:
            self.page.insert_text((x, y), text, fontname=FONT, fontsize=size, color=color)

    def text(
        self,
        text: str,
        size: float = 11.5,
        *,
        indent: int = 2,
        lead: str = "",
        x0: float = L,
        x1: float = R,
        align: str = "l",
        bold: bool = False,
        spacing: float = 1.75,
        after: float = 2.0,
        keep: float = 0.0,
    ) -> None:
        """A paragraph; ``lead`` is a bold lead-in run at its start; ``indent`` in characters;
        ``keep``: room the paragraph needs below it on its page (it moves whole to the next page)."""
        ind = indent * size
        full = lead + text
        lines = wrap(full, x1 - x0, size, ind)
        lh = size * spacing
        if keep and self.y + len(lines) * lh + keep > BOTTOM and len(lines) * lh + keep < (BOTTOM - TOP) / 2:
            self.new_page()
        lead_left = len(lead)
        for i, line in enumerate(lines):
            self.room(lh)
            x = x0 + (ind if i == 0 else 0.0)
            if align == "c":
                x = (x0 + x1 - tw(line, size)) / 2
            elif align == "r":
                x = x1 - tw(line, size)
            base = self.y + size * 1.1
            if lead_left > 0:
                head, rest = line[:lead_left], line[lead_left:]
                self.put(x, base, head, size, bold=True)
                self.put(x + tw(head, size), base, rest, size, bold=bold)
                lead_left -= len(head)
            else:
                self.put(x, base, line, size, bold=bold)
            self.y += lh
        self.y += after

    def title(self, text: str, size: float = 19.0, *, spaced: bool = True) -> None:
        shown = " ".join(text) if spaced and len(text) <= 6 else text
        self.room(size * 2)
        x = (W - tw(shown, size)) / 2
        self.put(x, self.y + size, shown, size, bold=True)
        self.y += size * 1.9

    def rule(self, width: float = 0.6, x0: float = L, x1: float = R) -> None:
        self.page.draw_line((x0, self.y), (x1, self.y), color=INK, width=width)

    # -- tables --------------------------------------------------------------------------------------
    def table(
        self,
        rows: list[list[Cell]],
        size: float = 10.5,
        *,
        x0: float = L,
        x1: float = R,
        min_h: float = 24.0,
        heights: dict[int, float] | None = None,
        border: float = 0.7,
    ) -> None:
        """Bordered rows of cells (shares of the width per row); a row never splits across pages,
        except a single-cell row that is taller than a page, which continues on the next."""
        width = x1 - x0
        lh = size * 1.45
        pad = 4.0
        for ri, row in enumerate(rows):
            total = sum(c.w for c in row)
            spans = []
            x = x0
            for c in row:
                cw = width * c.w / total
                s = c.size or size
                lines = wrap(c.text, cw - 2 * pad, s)
                spans.append((c, x, cw, lines, s))
                x += cw
            need = max(len(ls) * (sp * 1.45) for _, _, _, ls, sp in spans) + 2 * pad + 2
            h = max(need, min_h, (heights or {}).get(ri, 0.0))
            if self.y + h > BOTTOM and len(row) == 1 and h > (BOTTOM - TOP) / 2:
                self._long_cell(spans[0], x0, x1, lh, pad, border)
                continue
            self.room(h)
            top = self.y
            for c, cx, cw, lines, s in spans:
                self.page.draw_rect(pymupdf.Rect(cx, top, cx + cw, top + h), color=INK, width=border)
                block = len(lines) * s * 1.45
                y = top + pad + 1 if c.valign == "t" else top + (h - block) / 2
                for line in lines:
                    if c.align == "c":
                        tx = cx + (cw - tw(line, s)) / 2
                    elif c.align == "r":
                        tx = cx + cw - pad - tw(line, s)
                    else:
                        tx = cx + pad
                    self.put(tx, y + s * 1.08, line, s, bold=c.bold)
                    y += s * 1.45
            self.y = top + h

    def _long_cell(self, span, x0: float, x1: float, lh: float, pad: float, border: float) -> None:  # type: ignore[no-untyped-def]
        _c, cx, cw, lines, s = span
        i = 0
        while i < len(lines):
            fit = max(1, int((BOTTOM - self.y - 2 * pad) // (s * 1.45)))
            if fit < 3:
                self.new_page()
                continue
            chunk = lines[i : i + fit]
            h = len(chunk) * s * 1.45 + 2 * pad
            self.page.draw_rect(pymupdf.Rect(cx, self.y, cx + cw, self.y + h), color=INK, width=border)
            y = self.y + pad
            for line in chunk:
                self.put(cx + pad, y + s * 1.08, line, s)
                y += s * 1.45
            self.y += h
            i += fit
            if i < len(lines):
                self.new_page()

    # -- signatures and seals ------------------------------------------------------------------------
    def sign(self, names: list[str], date: str, *, seal: bytes | None = None, size: float = 11.5) -> None:
        """Right-aligned block: the names (agency) above the date; the seal overlaps the date."""
        lh = size * 1.9
        need = lh * (len(names) + 1) + (70 if seal else 8)
        self.room(need)
        self.y += 40 if seal else 10
        right = R - 14
        block_w = max(tw(t, size) for t in [*names, date])
        cx = right - block_w / 2
        for t in names:
            self.put(cx - tw(t, size) / 2, self.y + size, t, size)
            self.y += lh
        self.put(cx - tw(date, size) / 2, self.y + size, date, size)
        date_mid = self.y + size * 0.6
        self.y += lh
        if seal:
            r = 56.0 + self.rng.uniform(-2, 2)
            mx = cx + self.rng.uniform(-12, 8)
            my = date_mid - self.rng.uniform(20, 30)
            self.stamp_image(pymupdf.Rect(mx - r, my - r, mx + r, my + r), seal)

    def stamp_image(self, rect: pymupdf.Rect, png: bytes, *, counts: bool = True) -> None:
        self.page.insert_image(rect, stream=png, overlay=True)
        if counts and self.index not in self.sealed:
            self.sealed.append(self.index)

    # -- furniture -----------------------------------------------------------------------------------
    def close(self, qr: bool = True) -> int:
        """Draw header and footer on every page of the document; returns its page count."""
        n = self.doc.page_count - self.first
        for i in range(n):
            page = self.doc[self.first + i]
            page.insert_font(fontname=FONT, fontbuffer=cjk_buffer())
            page.insert_text((L, 50), self.platform, fontname=FONT, fontsize=7.5, color=GREY)
            code = self.code
            page.insert_text((R - tw(code, 7.5), 50), code, fontname=FONT, fontsize=7.5, color=GREY)
            page.draw_line((L, 56), (R, 56), color=GREY, width=1.2)
            page.draw_line((L, 58.2), (R, 58.2), color=GREY, width=0.4)
            if self.foot:
                page.insert_text((L, 798), self.foot, fontname=FONT, fontsize=9, color=INK)
            foot = f"第 {i + 1} 页  共 {n} 页"
            page.insert_text(((W - tw(foot, 8.5)) / 2, 812), foot, fontname=FONT, fontsize=8.5, color=GREY)
            serial = f"打印流水号 {self.stamp}-{i + 1:02d}"
            page.insert_text((L, 812), serial, fontname=FONT, fontsize=6.5, color=GREY)
            if qr and i == 0:
                page.insert_image(pymupdf.Rect(R - 40, 62, R, 102), stream=code_mark(self.stamp))
        return n


def code_mark(key: str) -> bytes:
    """A square two-dimensional code look-alike (finder squares + hashed modules), as a PNG."""
    from io import BytesIO

    from PIL import Image

    n = 25
    bits = hashlib.sha256(key.encode()).digest() * 3
    img = Image.new("L", (n + 2, n + 2), 255)
    px = img.load()
    assert px is not None
    k = 0
    for yy in range(n):
        for xx in range(n):
            in_finder = (xx < 8 and yy < 8) or (xx >= n - 8 and yy < 8) or (xx < 8 and yy >= n - 8)
            if in_finder:
                fx = xx if xx < 8 else xx - (n - 7)
                fy = yy if yy < 8 else yy - (n - 7)
                on = (
                    0 <= fx < 7
                    and 0 <= fy < 7
                    and (fx in (0, 6) or fy in (0, 6) or (2 <= fx <= 4 and 2 <= fy <= 4))
                )
            else:
                on = bool(bits[k // 8] >> (k % 8) & 1)
                k += 1
            if on:
                px[xx + 1, yy + 1] = 0
    img = img.resize(((n + 2) * 6, (n + 2) * 6), Image.Resampling.NEAREST)
    out = BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def group(sheet: Sheet, name: str, rows: list[list[Cell]], *, lw: float = 34.0, size: float = 10.5) -> None:
    """Rows with a tall label column on the left whose characters run top to bottom (当/事/人)."""
    est = len(rows) * 26.0
    sheet.room(est)
    top, page = sheet.y, sheet.page
    sheet.table(rows, size, x0=L + lw)
    if sheet.page is not page:  # the block ran over a page: label the part on the new page
        top = TOP
    bottom = sheet.y
    sheet.page.draw_rect(pymupdf.Rect(L, top, L + lw, bottom), color=INK, width=0.7)
    step = size * 1.5
    y = (top + bottom) / 2 - step * len(name) / 2
    for ch in name:
        sheet.put(L + (lw - tw(ch, size)) / 2, y + size * 1.1, ch, size)
        y += step
