"""python-docx helpers: one Word section per document, letterhead, fill-ins, check boxes, tables."""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

LABEL_FONT = "Noto Serif CJK SC"  # the printed form (宋体 look)
FILL_FONT = "Noto Sans CJK SC"  # what the clerk typed into it
UNDERLINE = False  # fill-ins: typed in the other font only
RED = RGBColor(0xC8, 0x10, 0x10)
CENTER, RIGHT, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)


_AFTER_AUTOSPACE = (
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _plain(p) -> None:
    """No automatic spacing between Chinese and Latin text (it splits runs in the PDF)."""
    ppr = p._p.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "0")
        ppr.insert_element_before(el, *_AFTER_AUTOSPACE)


class Writer:
    """Builds one DOCX; ``begin`` opens a section (new page, own header, page numbers from 1)."""

    def __init__(self, agency: str) -> None:
        self.doc = Document()
        self.agency = agency
        self.first = True
        self.size = 11.5
        self.cell = None  # when set, paragraphs go into this table cell

    def begin(self, form: str, numbered: bool = True) -> None:
        sec = self.doc.sections[0] if self.first else self.doc.add_section(WD_SECTION.NEW_PAGE)
        self.first = False
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.left_margin = sec.right_margin = Cm(2.6)
        sec.top_margin, sec.bottom_margin = Cm(2.4), Cm(2.2)
        sec.header_distance = sec.footer_distance = Cm(1.2)
        for part in (sec.header, sec.footer):
            part.is_linked_to_previous = False
            for p in part.paragraphs:
                p.text = ""
        hp = sec.header.paragraphs[0]
        hp.alignment = RIGHT
        _plain(hp)
        if form:
            _font(hp.add_run(form), LABEL_FONT, 8)
        _bottom_border(hp)
        fp = sec.footer.paragraphs[0]
        fp.alignment = CENTER
        _plain(fp)
        if numbered:
            _font(fp.add_run("第 "), LABEL_FONT, 9)
            _field(fp, "PAGE")
            _font(fp.add_run(" 页"), LABEL_FONT, 9)
        pg = OxmlElement("w:pgNumType")
        pg.set(qn("w:start"), "1")
        sec._sectPr.append(pg)
        self.cell = None

    # -- paragraphs -----------------------------------------------------------------------
    def para(self, align=LEFT, indent: float = 0, before: float = 0, after: float = 2, line: float = 1.25):
        p = self.cell.add_paragraph() if self.cell is not None else self.doc.add_paragraph()
        if self.cell is not None and len(self.cell.paragraphs) == 2 and not self.cell.paragraphs[0].text:
            self.cell.paragraphs[0]._element.getparent().remove(self.cell.paragraphs[0]._element)
        p.alignment = align
        _plain(p)
        fmt = p.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = line
        if indent:
            fmt.first_line_indent = Pt(self.size * indent)
        return p

    def run(
        self,
        p,
        text: str,
        *,
        fill: bool = False,
        bold: bool = False,
        size: float | None = None,
        under: bool = False,
        color: RGBColor | None = None,
    ):
        r = p.add_run(text)
        _font(r, FILL_FONT if fill else LABEL_FONT, size or self.size, bold)
        r.font.underline = under
        if color is not None:
            r.font.color.rgb = color
        return r

    def line(self, *parts: str | tuple[str], align=LEFT, indent: float = 0, size: float | None = None, **kw):
        """A paragraph of label text; a 1-tuple part is a fill-in (other font, underlined)."""
        p = self.para(align, indent, **kw)
        for part in parts:
            if isinstance(part, tuple):
                self.run(p, part[0], fill=True, under=UNDERLINE, size=size)
            else:
                self.run(p, part, size=size)
        return p

    def text(self, body: str, indent: float = 2, **kw):
        """Typed running text (a notice's or decision's body)."""
        p = self.para(LEFT, indent, **kw)
        self.run(p, body, fill=True)
        return p

    def letterhead(self) -> None:
        p = self.para(CENTER, after=0)
        self.run(p, self.agency, bold=True, size=20, color=RED)
        _bottom_border(p, color="C81010", size=18)

    def title(self, text: str, size: float = 18) -> None:
        p = self.para(CENTER, before=6, after=8)
        self.run(p, text, bold=True, size=size)

    def number(self, no: str, align=RIGHT) -> None:
        self.line("案号：", (no,), align=align, after=6)

    def sign(self, name: str, date: str, *, seal_note: bool = True) -> None:
        self.line(name + ("（印章）" if seal_note else ""), align=RIGHT, before=18, after=0)
        self.line((date,), align=RIGHT, after=4)

    def page_break(self) -> None:
        self.doc.add_page_break()

    # -- tables ---------------------------------------------------------------------------
    def table(self, widths: list[float], rows: list[list[str]], heights: dict[int, float] | None = None):
        """A grid form. Cell text: '=' fill-in, '>' right-aligned fill-in, '<' merged with the left
        cell, '^' merged with the cell above; '\n' separates paragraphs inside a cell."""
        t = self.doc.add_table(rows=len(rows), cols=len(widths))
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        for j, w in enumerate(widths):
            t.columns[j].width = Cm(w)
        for i in range(len(rows)):
            if heights and i in heights:
                t.rows[i].height = Cm(heights[i])
            for j, w in enumerate(widths):
                t.cell(i, j).width = Cm(w)
        owner: dict[tuple[int, int], tuple[int, int]] = {}
        for i, row in enumerate(rows):
            for j, txt in enumerate(row):
                if txt == "<":
                    owner[i, j] = owner[i, j - 1]
                elif txt == "^":
                    owner[i, j] = owner[i - 1, j]
                else:
                    owner[i, j] = (i, j)
        spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for pos, o in owner.items():
            spans.setdefault(o, []).append(pos)
        for (i, j), cells in spans.items():
            last = max(cells)
            cell = t.cell(i, j).merge(t.cell(*last)) if last != (i, j) else t.cell(i, j)
            self._cell_text(cell, rows[i][j])
        return t

    def _cell_text(self, cell, txt: str) -> None:
        p = cell.paragraphs[0]
        for n, piece in enumerate(txt.split("\n")):
            if n:
                p = cell.add_paragraph()
            p.paragraph_format.space_after = Pt(1)
            _plain(p)
            fill = piece.startswith("=")
            if fill:
                piece = piece[1:]
            elif piece.startswith(">"):
                p.alignment = RIGHT
                piece = piece[1:]
                fill = True
            self.run(p, piece, fill=fill, size=self.size - 1)


def _field(p, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    p._p.append(fld)


def _bottom_border(p, color: str = "000000", size: int = 4) -> None:
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    b = OxmlElement("w:bottom")
    b.set(qn("w:val"), "single")
    b.set(qn("w:sz"), str(size))
    b.set(qn("w:space"), "1")
    b.set(qn("w:color"), color)
    bdr.append(b)
    ppr.append(bdr)
