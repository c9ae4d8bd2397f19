"""Tables inside a 公文 (python-docx): a bordered grid, a bold header row, 小四 仿宋 in the cells
with single line spacing (the body's exact 28.95 pt lines would leave table rows half empty)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt

from casereview.office.gongwen import BODY_FONT, HEADING_FONT, TEXT_WIDTH, add_run

CELL_SIZE = Pt(12)  # 小四
_BORDERS = (
    f"<w:tblBorders {nsdecls('w')}>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


def _cell_text(cell: Any, text: str, *, header: bool, align: WD_ALIGN_PARAGRAPH) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.space_before = fmt.space_after = Pt(2)
    add_run(paragraph, text, HEADING_FONT if header else BODY_FONT, CELL_SIZE)


def add_table(
    document: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths_mm: Sequence[float],
    *,
    numeric_from: int = 1,
) -> Any:
    """A table of ``header`` and ``rows``; columns from ``numeric_from`` on are centred (figures)."""
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    table._tbl.tblPr.append(parse_xml(_BORDERS))
    scale = min(1.0, TEXT_WIDTH.mm / sum(widths_mm))
    # LibreOffice lays a table out by its grid, Word by the cells' widths: set both
    for grid, width in zip(table._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
        grid.w = Mm(width * scale)
    for index, width in enumerate(widths_mm):
        for cell in table.columns[index].cells:
            cell.width = Mm(width * scale)
    for index, text in enumerate(header):
        _cell_text(table.rows[0].cells[index], text, header=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for r, values in enumerate(rows, 1):
        for index, value in enumerate(values):
            align = WD_ALIGN_PARAGRAPH.CENTER if index >= numeric_from else WD_ALIGN_PARAGRAPH.LEFT
            _cell_text(table.rows[r].cells[index], str(value), header=False, align=align)
    # the header row repeats on every page the table runs over
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    return table
