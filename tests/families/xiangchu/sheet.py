"""The platform's print engine: bordered grid forms flowed onto A4 pages with the page furniture
(header bar + QR square, 文书编号 with barcode, 第x页 共y页, 打印时间) and seals.

A form is written as rows of cells: ``lab`` (shaded label), ``val`` (value), ``stk`` (label printed in
the cell above its value, as the platform's database forms do), ``sig`` (a hand signature image).
``Group`` prints a tall label (vertical text, e.g. 当事人信息) beside nested rows. Long text goes in
``para`` blocks, the only ones that may run over a page break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pymupdf

from families.contract import RenderedDoc
from families.xiangchu import art
from families.xiangchu.fmt import digest
from families.xiangchu.fonts import BODY, HEAD, LATIN, LATIN_BOLD, runs, text_width

W, H = 595.28, 841.89
ML, MR = 46.0, 46.0
CW = W - ML - MR
TOP, BOTTOM = 76.0, H - 50.0
BLACK, GREY, RULE = (0, 0, 0), (0.38, 0.38, 0.4), (0.25, 0.25, 0.28)
SHADE = (0.92, 0.93, 0.95)
BAR = (0.14, 0.25, 0.40)
NO_LINE_START = "，。、；：）」》？！,.;:)"


@dataclass
class C:
    kind: str  # lab | val | stk | sig
    text: str = ""
    w: float = 1.0  # share of the row width (shares of a row are normalised)
    label: str = ""  # the small label of a stk cell
    center: bool = False


@dataclass
class Group:
    label: str
    rows: list[list[C]]
    w: float = 0.07


def lab(text: str, w: float = 0.18) -> C:
    return C("lab", text, w)


def val(text: str, w: float = 0.32, center: bool = False) -> C:
    return C("val", text, w, center=center)


def stk(label: str, text: str, w: float = 0.5) -> C:
    return C("stk", text, w, label=label)


def sig(name: str, w: float = 0.2) -> C:
    return C("sig", name, w)


@dataclass
class Furniture:
    """What every page of the file shares."""

    platform: str
    agency: str
    printed: str  # 打印时间 line (not a document date)
    operator: str
    seal_seed: int
    faint_docs: set[int] = field(default_factory=set)  # doc indexes with one faint field (scans)


class Sheet:
    """One document being printed into ``pdf``; ``subs`` rewrites strings (C-01/C-02 mutations)."""

    def __init__(
        self,
        pdf: pymupdf.Document,
        furn: Furniture,
        *,
        type: str,
        title: str,
        serial: str,
        subs: list[tuple[str, str]],
        serves: str | None = None,
        index: int = 0,
        page_sign: str | None = None,
        furniture: bool = True,
    ) -> None:
        self.furniture = furniture  # False: a page printed by another system (the 公示 web page)
        self.pdf, self.f, self.type, self.title_text = pdf, furn, type, title
        self.serial, self.subs, self.serves = serial, subs, serves
        self.first = pdf.page_count
        self.sealed: set[int] = set()
        self.half_seal = False
        self.page_sign = page_sign  # name signed at the foot of every page (笔录)
        self.faint_at = digest(serial, "faint") % 9 if index in furn.faint_docs else -1
        self.n_vals = 0
        self.bottom = BOTTOM
        self.new_page()

    # -- low level --------------------------------------------------------------------------------
    def s(self, text: str) -> str:
        for old, new in self.subs:
            text = text.replace(old, new)
        return text

    def new_page(self) -> None:
        if getattr(self, "shape", None) is not None:
            self.shape.commit()
        page = self.pdf.new_page(width=W, height=H)
        self.page, self.y = page, TOP
        self.shape = page.new_shape()
        if not self.furniture:
            return
        page.draw_rect(pymupdf.Rect(ML, 12, W - MR - 46, 40), color=None, fill=BAR)
        self.put(ML + 9, 19, self.f.platform, 11.5, color=(1, 1, 1), bold=True)
        right = self.f.agency
        self.put(W - MR - 52 - text_width(right, 8), 23, right, 8, color=(0.85, 0.88, 0.95))
        qr = pymupdf.Rect(W - MR - 40, 6, W - MR, 46)
        art.qr_box(page, qr, self.serial)
        page.draw_rect(qr, color=RULE, width=0.5)
        self.put(ML, 50, "文书编号：" + self.serial, 8.5, color=GREY)
        art.barcode(page, pymupdf.Rect(W - MR - 160, 49, W - MR - 46, 63), self.serial)
        if self.page_sign:
            self.bottom = BOTTOM - 26

    def put(
        self, x: float, y: float, text: str, size: float, *, kind: str = BODY, color=BLACK, bold: bool = False
    ) -> None:
        """Text with its top at ``y`` (insert_text wants the baseline)."""
        if not text:
            return
        if bold:
            kind = HEAD
        base = y + size * 0.88
        for latin, run in runs(self.s(text)):
            if run.strip():
                self.shape.insert_text(
                    (x, base),
                    run,
                    fontname=(LATIN_BOLD if bold or kind == HEAD else LATIN) if latin else kind,
                    fontsize=size,
                    color=color,
                    fill=color,
                    render_mode=2 if bold and not latin else 0,
                    border_width=0.04,
                )
            x += text_width(run, size)

    def rect(self, r: pymupdf.Rect, fill=None) -> None:
        self.shape.draw_rect(r)
        self.shape.finish(color=RULE, fill=fill, width=0.6)

    def image(self, r: pymupdf.Rect, png: bytes) -> None:
        """Images go over the text (seals stamped on the print): flush the drawn shape first."""
        self.shape.commit()
        self.page.insert_image(r, stream=png, keep_proportion=True)
        self.shape = self.page.new_shape()

    def wrap(self, text: str, width: float, size: float) -> list[str]:
        lines: list[str] = []
        for part in self.s(text).split("\n"):
            line = ""
            for ch in part:
                if line and text_width(line + ch, size) > width:
                    if ch in NO_LINE_START and len(line) > 1:  # keep punctuation off a line start
                        lines.append(line[:-1])
                        line = line[-1]
                    else:
                        lines.append(line)
                        line = ""
                line += ch
            lines.append(line)
        return lines

    def ensure(self, h: float) -> None:
        if self.y + h > self.bottom:
            self.new_page()

    # -- grid -------------------------------------------------------------------------------------
    def _cell_h(self, c: C, w: float) -> float:
        if c.kind == "sig":
            return 24
        size = 9.5 if c.kind == "lab" else 10.5
        h = len(self.wrap(c.text, w - 8, size)) * size * 1.42 + 8
        return h + 11 if c.kind == "stk" else h

    def _widths(self, row: list[C], total: float) -> list[float]:
        share = sum(c.w for c in row)
        return [total * c.w / share for c in row]

    def _row_h(self, row: list[C], total: float) -> float:
        return max([22.0] + [self._cell_h(c, w) for c, w in zip(row, self._widths(row, total), strict=True)])

    def _draw_row(self, row: list[C], x: float, total: float, h: float) -> None:
        for c, w in zip(row, self._widths(row, total), strict=True):
            rect = pymupdf.Rect(x, self.y, x + w, self.y + h)
            self.rect(rect, fill=SHADE if c.kind == "lab" else None)
            if c.kind == "sig":
                if c.text:
                    self.signature(
                        pymupdf.Rect(
                            x + 4, self.y + 2, x + min(w - 4, 22 + 17 * len(c.text)), self.y + h - 2
                        ),
                        c.text,
                    )
            else:
                self._text_in(c, rect)
            x += w

    def _text_in(self, c: C, rect: pymupdf.Rect) -> None:
        size = 9.5 if c.kind == "lab" else 10.5
        top = rect.y0 + 4
        if c.kind == "stk":
            self.put(rect.x0 + 3, rect.y0 + 2.5, c.label, 7.5, color=GREY, kind=HEAD)
            top += 11
        color = BLACK
        if c.kind in ("val", "stk") and c.text:
            if self.n_vals == self.faint_at:
                color = (0.6, 0.6, 0.6)  # a field printed faintly (worn ribbon), scans only
            self.n_vals += 1
        lines = self.wrap(c.text, rect.width - 8, size)
        if c.kind == "lab":  # labels are centred in their cell
            top = rect.y0 + (rect.height - len(lines) * size * 1.42) / 2 + 1.5
        for line in lines:
            x = rect.x0 + 4
            if c.kind == "lab" or c.center:
                x = rect.x0 + (rect.width - text_width(line, size)) / 2
            self.put(x, top, line, size, color=color, kind=HEAD if c.kind == "lab" else BODY)
            top += size * 1.42

    def _h(self, item: list[C] | Group, total: float) -> float:
        if isinstance(item, Group):
            return sum(self._h(r, total - CW * item.w) for r in item.rows)
        return self._row_h(item, total)

    def _draw(self, item: list[C] | Group, x: float, total: float) -> None:
        if not isinstance(item, Group):
            h = self._row_h(item, total)
            self._draw_row(item, x, total, h)
            self.y += h
            return
        lw, y0 = CW * item.w, self.y
        for r in item.rows:
            self._draw(r, x + lw, total - lw)
        rect = pymupdf.Rect(x, y0, x + lw, self.y)
        self.rect(rect, fill=SHADE)
        size = min(9.5, (rect.height - 4) / (len(item.label) * 1.25))  # vertical label, shrunk to fit
        top = y0 + (rect.height - len(item.label) * size * 1.3) / 2
        for ch in item.label:
            self.put(x + (lw - size) / 2, top, ch, size)
            top += size * 1.3

    def grid(self, rows: list[list[C] | Group]) -> None:
        for item in rows:
            self.ensure(self._h(item, CW))
            self._draw(item, ML, CW)

    def para(self, label: str, text: str, min_h: float = 0.0) -> None:
        """A full-width cell: bold label line, then text; splits over pages line by line."""
        size, lh = 10.5, 10.5 * 1.5
        lines = self.wrap(text, CW - 14, size)
        first = True
        while first or lines:
            head = 16.0 if label else 4.0
            if self.y + head + lh + 6 > self.bottom:
                self.new_page()
            room = int((self.bottom - self.y - head - 6) // lh)
            chunk, lines = lines[:room], lines[room:]
            h = max(head + len(chunk) * lh + 6, min_h if first and not lines else 0)
            self.rect(pymupdf.Rect(ML, self.y, ML + CW, self.y + h))
            if label:
                self.put(
                    ML + 4,
                    self.y + 4,
                    label if first else label + "（续）",
                    9,
                    bold=True,
                    color=(0.15, 0.15, 0.2),
                )
            yy = self.y + head
            for line in chunk:
                self.put(ML + 7, yy, line, size)
                yy += lh
            self.y += h
            first = False

    def officers(
        self, rows: list[tuple[str, str]], head: tuple[str, str, str] = ("执法人员", "执法证号", "签名")
    ) -> None:
        table: list[list[C] | Group] = [[lab(head[0], 0.3), lab(head[1], 0.4), lab(head[2], 0.3)]]
        table += [[val(n, 0.3, True), val(c, 0.4, True), sig(n, 0.3)] for n, c in rows]
        self.grid(table)

    # -- free text, signatures, seals --------------------------------------------------------------
    def text(
        self, text: str, size: float = 10.5, center: bool = False, color=BLACK, bold: bool = False
    ) -> None:
        for line in self.wrap(text, CW, size):
            self.ensure(size * 1.5)
            x = ML + (CW - text_width(line, size)) / 2 if center else ML
            self.put(x, self.y, line, size, color=color, bold=bold)
            self.y += size * 1.5

    def gap(self, h: float) -> None:
        self.y = min(self.y + h, self.bottom)

    def title(self, agency_line: str | None = None, sub: str | None = None) -> None:
        self.y += 4
        if agency_line:
            self.text(agency_line, 12.5, center=True)
        self.text(self.title_text, 18, center=True, bold=True)
        if sub:
            self.text(sub, 10, center=True, color=GREY)
        self.y += 6

    def signature(self, rect: pymupdf.Rect, name: str) -> None:
        name = self.s(name)
        self.image(rect, art.signature_png(name, digest(name)))

    def sign(self, lines: list[str], *, seal: bool, bottom: str = "") -> None:
        """Agency name and date at the bottom right; the red seal stamped over both."""
        self.ensure(len(lines) * 18 + 62)
        self.y += 40  # room for the seal's upper half: it must not cover the form above
        x0 = ML + CW * 0.52
        y0 = self.y
        for line in lines:
            self.put(x0 + (CW * 0.48 - text_width(line, 11)) / 2, self.y, line, 11)
            self.y += 18
        if seal:
            cx, cy, r = x0 + CW * 0.24, (y0 + self.y) / 2, 54
            png = art.seal_png(self.f.agency, bottom, self.f.seal_seed)
            self.image(pymupdf.Rect(cx - r, cy - r, cx + r, cy + r), png)
            self.sealed.add(self.page.number - self.first)
        self.y += 8

    def finish(self) -> RenderedDoc:
        self.shape.commit()
        n = self.pdf.page_count - self.first
        for i in range(n):
            page = self.pdf[self.first + i]
            self.page, self.shape = page, page.new_shape()
            if not self.furniture:
                self.shape.commit()
                continue
            if self.page_sign:
                y = BOTTOM - 20
                self.put(W - MR - 200, y + 4, "被询问人签名：", 9.5)
                self.signature(pymupdf.Rect(W - MR - 130, y - 2, W - MR - 40, y + 20), self.page_sign)
            foot = f"第 {i + 1} 页 共 {n} 页"
            self.put((W - text_width(foot, 9)) / 2, H - 34, foot, 9)
            self.put(ML, H - 22, f"打印时间：{self.f.printed}    操作员：{self.f.operator}", 7.5, color=GREY)
            self.put(W - MR - text_width(self.f.platform, 7.5), H - 22, self.f.platform, 7.5, color=GREY)
            if self.half_seal and self.sealed:
                png = art.half_seal_png(self.f.agency, self.f.seal_seed)
                self.image(pymupdf.Rect(W - 48, H / 2 - 48, W, H / 2 + 48), png)
                self.sealed.add(i)
            self.shape.commit()
        return RenderedDoc(
            type=self.type,
            pages=n,
            title=self.title_text,
            serves=self.serves,
            sealed_pages=sorted(self.sealed),
        )
