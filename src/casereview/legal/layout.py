"""The 法制审核意见书 laid out like a 公文 (GB/T 9704 page and fonts) with python-docx.

A4, margins 37/35/28/26 mm, 22 lines of 三号 仿宋 per page; title in 二号 方正小标宋简体, headings in
黑体. The official fonts are often missing (and never on Linux), so every run names the font for
Latin and Chinese text alike and the font table gives each one a common alternative (仿宋, 黑体,
with charset GB2312) that Word and LibreOffice substitute.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from casereview.legal.model import Conclusion, LegalOpinion, problem_line

TITLE = "法制审核意见书"
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
PAGE_NUMBER_FONT = "宋体"
# font → (the alternative Word and LibreOffice substitute when it is missing, its font family class)
FALLBACKS: dict[str, tuple[str, str]] = {
    TITLE_FONT: ("黑体", "roman"),  # SimHei: a bold face is closer to 小标宋 than a light serif
    BODY_FONT: ("仿宋", "roman"),  # FangSong; "roman" (serif) steers the last-resort substitute
    HEADING_FONT: ("SimHei", "swiss"),
    PAGE_NUMBER_FONT: ("SimSun", "roman"),
}

TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
PAGE_NUMBER_SIZE = Pt(14)  # 四号
LINE = Pt(28.95)  # 22 lines on the 225 mm text block
INDENT = Pt(32)  # two characters of 三号

_DIGITS = "〇一二三四五六七八九"


def _small_number(n: int) -> str:
    """1–31 in Chinese: 十, 十一, 二十, 二十一, 三十一."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones or not tens else "")


def chinese_date(d: date) -> str:
    """二〇二六年十一月二十一日 (the 成文日期 of a 法律文书)."""
    year = "".join(_DIGITS[int(ch)] for ch in str(d.year))
    return f"{year}年{_small_number(d.month)}月{_small_number(d.day)}日"


def _set_fonts(rpr: Any, font: str) -> None:
    """The same font for Latin, Chinese and complex script; drops theme fonts that would win."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    fonts.set(qn("w:hint"), "eastAsia")  # quotes and dashes take the Chinese font


def _run(paragraph: Any, text: str, font: str, size: Pt, *, bold: bool = False) -> Any:
    run = paragraph.add_run(text)
    run.font.size = size
    run.font.bold = bold
    _set_fonts(run._element.get_or_add_rPr(), font)
    return run


def _paragraph(
    container: Any,
    text: str,
    *,
    font: str = BODY_FONT,
    size: Pt = BODY_SIZE,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = True,
    right_indent: Pt | None = None,
) -> Any:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    if indent:
        fmt.first_line_indent = INDENT
    if right_indent is not None:
        fmt.right_indent = right_indent
    if text:
        _run(paragraph, text, font, size)
    return paragraph


def _defaults(document: Any) -> None:
    """Page, default font, Chinese language and exact 公文 line spacing for every paragraph."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(26)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, BODY_FONT)
    lang = rpr.find(qn("w:lang"))
    for attr in ("w:val", "w:eastAsia"):
        lang.set(qn(attr), "zh-CN")  # Chinese glyph forms, not the template's Japanese ones
    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.widow_control = True


def _font_table(document: Any) -> None:
    """Declare the 公文 fonts with their alternatives (w:altName) and the GB2312 charset."""
    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    root = parse_xml(part.blob)
    for name, (alternative, family) in FALLBACKS.items():
        root.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alternative}"/>'
                f'<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
            )
        )
    part._blob = serialize_part_xml(root)  # a plain Part: its bytes are what gets saved


def _page_number(document: Any) -> None:
    """``— 1 —`` centred in the footer, 四号 宋体."""
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    field = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    _set_fonts(field.find(qn("w:r")).get_or_add_rPr(), PAGE_NUMBER_FONT)
    field.find(qn("w:r")).get_or_add_rPr().get_or_add_sz().val = PAGE_NUMBER_SIZE
    paragraph._p.append(field)
    _run(paragraph, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


def _case_table(document: Any, opinion: LegalOpinion) -> None:
    rows = [
        ("案件名称", opinion.case_title),
        ("当事人", opinion.party),
        ("案号", opinion.case_number),
        ("承办机构", opinion.unit),
        ("送审日期", chinese_date(opinion.submitted) if opinion.submitted else ""),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    table.style = document.styles["Table Grid"]
    table.autofit = False
    widths = (Mm(32), Mm(124))  # the 156 mm text width
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice lays out by
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.height, row.height_rule = Mm(12), WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        head, body = row.cells
        # Labels of three and four characters fill the same width, as on printed forms.
        label_paragraph = head.paragraphs[0]
        label_paragraph.alignment = WD_ALIGN_PARAGRAPH.DISTRIBUTE
        label_paragraph.paragraph_format.left_indent = label_paragraph.paragraph_format.right_indent = Pt(6)
        _run(label_paragraph, label, BODY_FONT, BODY_SIZE)
        if value:
            _run(body.paragraphs[0], value, BODY_FONT, BODY_SIZE)


def _heading(document: Any, text: str) -> None:
    _paragraph(document, text, font=HEADING_FONT)


def _lines(document: Any, text: str) -> None:
    for line in (part.strip() for part in text.splitlines()):
        if line:
            _paragraph(document, line)


def build_document(opinion: LegalOpinion) -> Any:
    """The opinion as a python-docx Document (not yet saved)."""
    document = Document()
    _defaults(document)
    _font_table(document)
    _page_number(document)
    props = document.core_properties
    props.title, props.author, props.language = TITLE, opinion.reviewer, "zh-CN"

    title = _paragraph(document, "", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    title.paragraph_format.line_spacing = Pt(40)
    title.paragraph_format.space_after = LINE
    _run(title, TITLE, TITLE_FONT, TITLE_SIZE)

    _case_table(document, opinion)
    _paragraph(document, "")

    _heading(document, "一、审核结论")
    _paragraph(document, f"{opinion.conclusion.value}。")
    _heading(document, "二、存在的问题")
    if opinion.problems:
        for n, problem in enumerate(opinion.problems, 1):
            _paragraph(document, f"{n}．{problem_line(problem)}")
    else:
        _paragraph(document, "未发现需要补正的问题。" if opinion.conclusion is Conclusion.AGREE else "无。")
    _heading(document, "三、审核意见")
    _lines(document, opinion.opinion)
    _heading(document, "四、处理建议")
    _lines(document, opinion.suggestions or "无。")

    _paragraph(document, "")
    right = WD_ALIGN_PARAGRAPH.RIGHT
    _paragraph(document, f"审核人：{opinion.reviewer}", align=right, indent=False, right_indent=INDENT)
    _paragraph(document, chinese_date(opinion.reviewed), align=right, indent=False, right_indent=INDENT)
    return document
