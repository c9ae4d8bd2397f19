"""The 通报's chart: grade distribution by unit as horizontal stacked bars, drawn with PyMuPDF and
rendered to PNG (no plotting library is a dependency; PyMuPDF carries its own CJK font, so the
unit names print on a machine without Chinese fonts too)."""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from casereview.export.annotated_cover import cjk_font
from casereview.export.bulletin_figures import UnitFigures

WIDTH = 460.0  # shown 156 mm wide: the labels print at about the size of the table's text
ROW = 26.0
BAR = 17.0
LEFT = 150.0  # unit names
RIGHT = 40.0
TOP = 34.0  # the legend
AXIS = 26.0
FONT_SIZE = 10.0
# best grade first: green, blue, amber, red; more grades repeat grey shades
COLOURS = ((0.30, 0.65, 0.35), (0.27, 0.51, 0.78), (0.95, 0.65, 0.20), (0.85, 0.25, 0.22))
GREYS = ((0.55, 0.55, 0.55), (0.75, 0.75, 0.75))
TEXT = (0.1, 0.1, 0.1)


def _colour(index: int) -> tuple[float, float, float]:
    return COLOURS[index] if index < len(COLOURS) else GREYS[(index - len(COLOURS)) % len(GREYS)]


def _fit(text: str, width: float) -> str:
    font = cjk_font()
    if font.width(text, FONT_SIZE) <= width:
        return text
    while text and font.width(text + "…", FONT_SIZE) > width:
        text = text[:-1]
    return text + "…"


def grade_chart(units: Sequence[UnitFigures], grade_names: Sequence[str], zoom: float = 3.0) -> bytes:
    """PNG of one bar per unit (cases per grade, stacked, counts written in the segments)."""
    font = cjk_font()
    most = max((u.cases for u in units), default=1) or 1
    height = TOP + ROW * max(len(units), 1) + AXIS
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=height)
    name = font.install(page)
    span = WIDTH - LEFT - RIGHT
    x = LEFT
    for index, grade in enumerate(grade_names):  # legend
        page.draw_rect(pymupdf.Rect(x, 10, x + 12, 22), color=None, fill=_colour(index))
        page.insert_text((x + 16, 20), grade, fontname=name, fontsize=FONT_SIZE, color=TEXT)
        x += 16 + font.width(grade, FONT_SIZE) + 18
    for row, unit in enumerate(units):
        y = TOP + row * ROW
        label = _fit(unit.unit, LEFT - 12)
        page.insert_text(
            (LEFT - 8 - font.width(label, FONT_SIZE), y + BAR / 2 + 4),
            label,
            fontname=name,
            fontsize=FONT_SIZE,
            color=TEXT,
        )
        x = LEFT
        for index, grade in enumerate(grade_names):
            count = unit.grades.get(grade, 0)
            if not count:
                continue
            width = span * count / most
            page.draw_rect(pymupdf.Rect(x, y, x + width, y + BAR), color=(1, 1, 1), fill=_colour(index))
            digits = str(count)
            if width > font.width(digits, FONT_SIZE) + 4:
                page.insert_text(
                    (x + (width - font.width(digits, FONT_SIZE)) / 2, y + BAR / 2 + 4),
                    digits,
                    fontname=name,
                    fontsize=FONT_SIZE,
                    color=(1, 1, 1),
                )
            x += width
        page.insert_text((x + 4, y + BAR / 2 + 4), f"{unit.cases}件", fontname=name, fontsize=FONT_SIZE)
    axis_y = TOP + ROW * max(len(units), 1) - (ROW - BAR) / 2
    page.draw_line((LEFT, TOP - 4), (LEFT, axis_y), color=TEXT, width=0.8)
    page.draw_line((LEFT, axis_y), (LEFT + span, axis_y), color=TEXT, width=0.8)
    step = max(1, -(-most // 5))
    for tick in range(0, most + 1, step):
        tx = LEFT + span * tick / most
        page.draw_line((tx, axis_y), (tx, axis_y + 3), color=TEXT, width=0.8)
        digits = str(tick)
        page.insert_text(
            (tx - font.width(digits, 9) / 2, axis_y + 14), digits, fontname=name, fontsize=9, color=TEXT
        )
    page.insert_text((LEFT + span + 6, axis_y + 14), "件", fontname=name, fontsize=9, color=TEXT)
    png: bytes = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False).tobytes("png")
    doc.close()
    return png
