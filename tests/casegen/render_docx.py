"""DOCX output: each case document is a section, each laid-out page ends with a page break.

Spacing is set slightly tighter than the PDF layout so a Word page never overflows into the next one
and the ground-truth page ranges stay valid after conversion.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Pt
from PIL import Image, ImageDraw

from casegen.blocks import Cell
from casegen.layout import BOTTOM, LEFT, PAGE_H, PAGE_W, RIGHT, TOP, WIDTH, Frag, LaidPage
from casegen.seal import seal_png

EMU_PER_PT = 12700
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


@lru_cache(maxsize=1)
def _photo_png() -> bytes:
    img = Image.new("RGB", (400, 220), (198, 200, 204))
    draw = ImageDraw.Draw(img)
    draw.rectangle((80, 77, 320, 158), fill=(90, 94, 107))
    draw.rectangle((132, 44, 268, 79), fill=(128, 140, 153))
    for cx in (120, 280):
        draw.ellipse((cx - 20, 143, cx + 20, 183), fill=(25, 25, 25))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _font(run: object, size: float, bold: bool = False) -> None:
    r = run  # python-docx Run
    r.font.size = Pt(size)  # type: ignore[attr-defined]
    r.font.bold = bold  # type: ignore[attr-defined]


def _anchor(run: object, png: bytes, rect: tuple[float, float, float, float]) -> None:
    """Insert ``png`` floating over the paragraph at the x of ``rect`` (points), like a stamped seal.

    Vertically it is anchored to the paragraph (agency name line), since Word's line heights differ a
    little from the PDF layout."""
    x0, y0, x1, y1 = rect
    dy = -(y1 - y0) / 2 + 20
    shape = run.add_picture(io.BytesIO(png), width=Emu(int((x1 - x0) * EMU_PER_PT)))  # type: ignore[attr-defined]
    inline = shape._inline
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp")} distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{int(x0 * EMU_PER_PT)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{int(dy * EMU_PER_PT)}</wp:posOffset></wp:positionV>'
        "</wp:anchor>"
    )
    anchor.append(inline.extent)
    anchor.append(parse_xml(f'<wp:effectExtent {nsdecls("wp")} l="0" t="0" r="0" b="0"/>'))
    anchor.append(parse_xml(f"<wp:wrapNone {nsdecls('wp')}/>"))
    for child in list(inline):  # docPr, cNvGraphicFramePr, graphic, in schema order
        if child.tag not in (qn("wp:extent"), qn("wp:effectExtent")):
            anchor.append(child)
    inline.getparent().replace(inline, anchor)


class DocxWriter:
    def __init__(self) -> None:
        self.d = Document()
        normal = self.d.styles["Normal"]
        normal.font.name = "SimSun"
        normal.font.size = Pt(12)
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
        fmt = normal.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing = Pt(20)
        self._setup(self.d.sections[0])
        self.pending_break = False

    @staticmethod
    def _setup(sec: object) -> None:
        s = sec
        s.page_width, s.page_height = Pt(PAGE_W), Pt(PAGE_H)  # type: ignore[attr-defined]
        s.left_margin, s.right_margin = Pt(LEFT), Pt(RIGHT)  # type: ignore[attr-defined]
        s.top_margin, s.bottom_margin = Pt(TOP), Pt(BOTTOM)  # type: ignore[attr-defined]

    def paragraph(
        self, text: str, size: float, bold: bool = False, align: str = "", indent: float = 0.0
    ) -> object:
        p = self.d.add_paragraph()
        if self.pending_break:
            p.paragraph_format.page_break_before = True
            self.pending_break = False
        if align in ALIGN:
            p.alignment = ALIGN[align]
        if indent:
            p.paragraph_format.first_line_indent = Pt(indent)
        if size > 14:
            p.paragraph_format.line_spacing = Pt(size * 1.5)
        _font(p.add_run(text), size, bold)
        return p

    def table(self, rows: list[list[Cell]], size: float, min_row: float) -> None:
        if self.pending_break:
            self.paragraph("", 6)  # a table cannot carry page_break_before; an empty line does
        groups: list[list[list[Cell]]] = []
        for row in rows:
            shape = [share for _, share in row]
            if groups and [s for _, s in groups[-1][0]] == shape:
                groups[-1].append(row)
            else:
                groups.append([row])
        for group in groups:
            t = self.d.add_table(rows=len(group), cols=len(group[0]))
            t.style = "Table Grid"
            for r, row in enumerate(group):
                t.rows[r].height = Pt(min_row or size * 1.4)
                t.rows[r].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
                for k, (text, share) in enumerate(row):
                    cell = t.cell(r, k)
                    cell.width = Pt(WIDTH * share)
                    p = cell.paragraphs[0]
                    p.paragraph_format.line_spacing = Pt(size * 1.4)
                    _font(p.add_run(text), size)

    def frag(self, f: Frag, lp: LaidPage) -> None:
        b = f.block
        if b.kind in ("para", "plain", "small", "center", "right"):
            indent = 2 * b.size if b.kind == "para" and f.first else 0.0
            self.paragraph(f.text, b.size, b.bold, b.kind, indent)
        elif b.kind == "table":
            self.table(f.rows, b.size, b.min_row)
        elif b.kind == "photo":
            p = self.paragraph("", 12, align="center")
            p.add_run().add_picture(io.BytesIO(_photo_png()), width=Pt(WIDTH * 0.7))  # type: ignore[attr-defined]
            self.paragraph(b.text, 10.5, align="center")
        elif b.kind == "sign":
            lines = b.text.split("\n")
            first = self.paragraph(lines[0], b.size, align="right")
            for line in lines[1:]:
                self.paragraph(line, b.size, align="right")
            for seal in lp.seals:
                _anchor(first.add_run(), seal_png(seal.key, self.agency, seal.angle), seal.rect)  # type: ignore[attr-defined]

    def write(self, docs: list[list[LaidPage]], agency: str, path: Path) -> None:
        self.agency = agency
        for i, pages in enumerate(docs):
            if i:
                self._setup(self.d.add_section(WD_SECTION.NEW_PAGE))
            for k, lp in enumerate(pages):
                self.pending_break = k > 0
                for f in lp.frags:
                    self.frag(f, lp)
        self.d.save(str(path))


def write_docx(docs: list[list[LaidPage]], agency: str, path: Path) -> None:
    DocxWriter().write(docs, agency, path)
