"""公文 layout helpers for python-docx (GB/T 9704): page, fonts, page numbers, Chinese dates, saving.

A4, margins 37/35/28/26 mm, 22 lines of 三号 仿宋 per page; titles in 二号 方正小标宋简体, headings in
黑体. The official fonts are often missing (and never on Linux), so every run names the font for
Latin and Chinese text alike and the font table gives each one a common alternative (w:altName,
charset GB2312) that Word and LibreOffice substitute. Used by the 法制审核意见书 and the 整改通知书.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from casereview.errors import CaseReviewError, ErrorCode
from casereview.ingest.docx import CONVERT_TIMEOUT_S, soffice_binary
from casereview.office.atomic import failure_reason, save_atomically

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
KAI_FONT = "楷体_GB2312"  # second-level headings （一）
PAGE_NUMBER_FONT = "宋体"
# The 发文机关标志: the GBK edition of 小标宋, a name of its own so that it can fall back to 宋体
# while the title's 方正小标宋简体 falls back to 黑体 (a font table holds one alternative per name).
ISSUER_FONT = "方正小标宋_GBK"
# font → (the alternative Word and LibreOffice substitute when it is missing, its font family class)
FALLBACKS: dict[str, tuple[str, str]] = {
    TITLE_FONT: ("黑体", "roman"),  # SimHei: a bold face is closer to 小标宋 than a light serif
    BODY_FONT: ("仿宋", "roman"),  # FangSong; "roman" (serif) steers the last-resort substitute
    HEADING_FONT: ("SimHei", "swiss"),
    PAGE_NUMBER_FONT: ("SimSun", "roman"),
    KAI_FONT: ("楷体", "roman"),  # KaiTi
    ISSUER_FONT: ("宋体", "roman"),  # SimSun
}

TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
PAGE_NUMBER_SIZE = Pt(14)  # 四号
LINE = Pt(28.95)  # 22 lines on the 225 mm text block
INDENT = Pt(32)  # two characters of 三号
TEXT_WIDTH = Mm(156)  # 210 mm − 28 mm − 26 mm
ISSUER_MAX_SIZE = Pt(36)  # 小初; a long 发文机关 name is set smaller so that it stays on one line
RED = "FF0000"

_DIGITS = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1–99 in Chinese: 一, 十, 十一, 二十, 九十九 (larger numbers stay Arabic)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones or not tens else "")


def chinese_date(d: date) -> str:
    """二〇二六年十一月二十一日 (the 成文日期 of a 法律文书)."""
    year = "".join(_DIGITS[int(ch)] for ch in str(d.year))
    return f"{year}年{chinese_number(d.month)}月{chinese_number(d.day)}日"


def text_units(text: str) -> float:
    """Width in characters of the body size: half-width (ASCII) characters count one half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def set_fonts(rpr: Any, font: str) -> None:
    """The same font for Latin, Chinese and complex script; drops theme fonts that would win."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    fonts.set(qn("w:hint"), "eastAsia")  # quotes and dashes take the Chinese font


def add_run(paragraph: Any, text: str, font: str, size: Pt, *, bold: bool = False) -> Any:
    run = paragraph.add_run(text)
    run.font.size = size
    run.font.bold = bold
    set_fonts(run._element.get_or_add_rPr(), font)
    return run


def add_paragraph(
    container: Any,
    text: str,
    *,
    font: str = BODY_FONT,
    size: Pt = BODY_SIZE,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = True,
    right_indent: Pt | None = None,
    bold: bool = False,
) -> Any:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    if indent:
        fmt.first_line_indent = INDENT
    if right_indent is not None:
        fmt.right_indent = right_indent
    if text:
        add_run(paragraph, text, font, size, bold=bold)
    return paragraph


def page_setup(document: Any) -> None:
    """Page, default font, Chinese language and exact 公文 line spacing for every paragraph."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(26)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, BODY_FONT)
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


def font_table(document: Any, fallbacks: Mapping[str, tuple[str, str]] = FALLBACKS) -> None:
    """Declare the 公文 fonts with their alternatives (w:altName) and the GB2312 charset."""
    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    root = parse_xml(part.blob)
    for name, (alternative, family) in fallbacks.items():
        root.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alternative}"/>'
                f'<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
            )
        )
    part._blob = serialize_part_xml(root)  # a plain Part: its bytes are what gets saved


def page_number(document: Any) -> None:
    """``— 1 —`` centred in the footer, 四号 宋体 (a PAGE field)."""
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(paragraph, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    field = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    set_fonts(field.find(qn("w:r")).get_or_add_rPr(), PAGE_NUMBER_FONT)
    field.find(qn("w:r")).get_or_add_rPr().get_or_add_sz().val = PAGE_NUMBER_SIZE
    paragraph._p.append(field)
    add_run(paragraph, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


def _red(run: Any) -> None:
    run.font.color.rgb = RGBColor.from_string(RED)


def issuer_mark(document: Any, issuer: str) -> Any:
    """The 发文机关标志: the issuer's name centred in red 小标宋, as large as fits on one line."""
    units = max(text_units(issuer), 1.0)
    size = Pt(min(ISSUER_MAX_SIZE.pt, int(TEXT_WIDTH.pt / units)))
    paragraph = add_paragraph(document, "", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    paragraph.paragraph_format.line_spacing = Pt(size.pt * 1.25)
    _red(add_run(paragraph, issuer, ISSUER_FONT, size))
    return paragraph


def doc_number(document: Any, number: str) -> Any:
    """The 发文字号 centred, with the red 分隔线 of the text width 4 mm below it (版头 end)."""
    paragraph = add_paragraph(document, number, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="11" w:color="{RED}"/></w:pBdr>'
    )
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(border, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
    return paragraph


def signature(document: Any, issuer: str, day: date) -> None:
    """发文机关署名 and 成文日期, right-aligned (GB/T 9704 7.3.5.2, without a seal).

    The date stands two characters from the right; the issuer's first character stands two
    characters left of the date's, and when the issuer is the longer the date moves left instead.
    """
    written = chinese_date(day)
    issuer_right = max(2.0, text_units(written) + 4 - text_units(issuer))
    date_right = issuer_right + text_units(issuer) - 2 - text_units(written)
    right = WD_ALIGN_PARAGRAPH.RIGHT
    for text, chars in ((issuer, issuer_right), (written, date_right)):
        paragraph = add_paragraph(
            document, text, align=right, indent=False, right_indent=Pt(BODY_SIZE.pt * chars)
        )
        paragraph.paragraph_format.keep_with_next = True  # the 附注, if any, stays with the date


def new_document(fallbacks: Mapping[str, tuple[str, str]] = FALLBACKS) -> Any:
    """An empty 公文: page set up, fonts declared, page numbers in the footer."""
    document = Document()
    page_setup(document)
    font_table(document, fallbacks)
    page_number(document)
    return document


def save_docx(document: Any, path: Path) -> None:
    """Save ``document`` whole or not at all; CaseReviewError(WRITE_FAILED) naming ``path``."""
    save_atomically(document, path)


def docx_to_pdf(docx: Path, out_dir: Path) -> Path | None:
    """``docx`` as ``out_dir/<stem>.pdf`` by LibreOffice headless; None when it is not installed.

    Converted in a private folder (its own LibreOffice profile, so parallel runs don't collide)
    and moved into place, so a failed run leaves no partial PDF. Raises CaseReviewError(WRITE_FAILED).
    """
    binary = soffice_binary()
    if binary is None:
        return None
    target = out_dir / (docx.stem + ".pdf")
    try:
        # Absolute: a relative --out cannot be written as the profile's file:// URI.
        work = Path(tempfile.mkdtemp(prefix=".pdf-", dir=out_dir)).resolve()
    except OSError as exc:
        raise CaseReviewError(ErrorCode.WRITE_FAILED, str(target), {"reason": failure_reason(exc)}) from exc
    cmd = [
        binary,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work),
        str(docx.absolute()),
    ]
    try:
        subprocess.run(cmd, check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
        made = work / target.name
        if not made.exists():  # LibreOffice exits 0 on some failures
            raise CaseReviewError(ErrorCode.WRITE_FAILED, str(target), {"reason": "LibreOffice 未生成 PDF"})
        made.replace(target)
    except (subprocess.SubprocessError, OSError) as exc:
        reason = (
            "LibreOffice 转换失败" if isinstance(exc, subprocess.SubprocessError) else failure_reason(exc)
        )
        raise CaseReviewError(ErrorCode.WRITE_FAILED, str(target), {"reason": reason}) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target
