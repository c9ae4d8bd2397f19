"""Positioned text from a PDF page's text layer, and whether that layer is usable."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pymupdf

from casereview.domain.model import BBox, Span
from casereview.ingest.cells import Ruling, cells_of, crossing_lines, digital_rulings

# Lines whose glyphs decode to replacement or private-use characters come from fonts without a
# usable ToUnicode map: such a layer reads as garbage and the page must be OCRed instead.
_BAD_CHARS = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x08]")
_MEANINGFUL = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")
MIN_USABLE_CHARS = 12
MAX_BAD_SHARE = 0.05


def normalise(text: str) -> str:
    """NFKC (OCR and PDFs disagree on full/half width) with runs of white space folded."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def page_spans(page: pymupdf.Page) -> list[Span]:
    """The page's lines in reading order (``page_layout`` without the count of unread cells)."""
    return page_layout(page)[0]


def page_layout(page: pymupdf.Page) -> tuple[list[Span], int]:
    """(lines, lines of a ruled table that cross a cell border). One span per text line, in displayed-page coordinates, sorted top-down then left-right.

    Built from ``get_text("words")``, the cheapest positioned extraction (``dict`` costs several
    times more): a Chinese "word" is a whole run between spaces, and words sharing a (block, line)
    are joined back into their line.
    """
    words = page.get_text("words", flags=pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP)
    lines: dict[tuple[int, int], list[tuple[float, float, float, float, str]]] = {}
    for x0, y0, x1, y1, word, block, line, _ in words:
        lines.setdefault((block, line), []).append((x0, y0, x1, y1, word))
    rotate = page.rotation != 0
    matrix = page.rotation_matrix
    spans: list[Span] = []
    for parts in lines.values():
        text = normalise(" ".join(p[4] for p in parts))
        if not text:
            continue
        box = (
            min(p[0] for p in parts),
            min(p[1] for p in parts),
            max(p[2] for p in parts),
            max(p[3] for p in parts),
        )
        if rotate:  # extraction is in unrotated page space; viewers show the rotated page
            rect = pymupdf.Rect(box) * matrix
            box = (rect.x0, rect.y0, rect.x1, rect.y1)
        spans.append(Span(text, box, 1.0))
    rulings = digital_rulings(page)
    return sort_spans(spans, rulings), crossing_lines(spans, rulings)


def sort_spans(spans: list[Span], rulings: Iterable[Ruling] = ()) -> list[Span]:
    """Reading order: rows by vertical centre (lines within half a line height share a row); on a
    ruled form, cell by cell (each cell's lines together, cells row by row; see ``ingest.cells``)."""
    cells = cells_of(spans, rulings)
    if any(cells):
        return _by_cells(spans, cells)
    return _by_rows(spans)


CELL_ROW = 2.0  # points: cells whose top rulings are this close open the same row


def _by_cells(spans: list[Span], cells: list[BBox | None]) -> list[Span]:
    groups: dict[BBox, list[Span]] = {}
    units: list[tuple[float, float, float, list[Span]]] = []  # top, left, row tolerance, lines
    for span, cell in zip(spans, cells, strict=True):
        if cell is None:
            height = max(span.bbox[3] - span.bbox[1], 1.0)
            units.append((span.bbox[1], span.bbox[0], height * 0.5, [span]))
        else:
            groups.setdefault(cell, []).append(span)
    units += [(cell[1], cell[0], CELL_ROW, _by_rows(lines)) for cell, lines in groups.items()]
    units.sort(key=lambda u: (u[0], u[1]))
    rows: list[list[tuple[float, float, float, list[Span]]]] = []
    for unit in units:
        if rows and abs(unit[0] - rows[-1][0][0]) <= max(unit[2], rows[-1][0][2]):
            rows[-1].append(unit)
        else:
            rows.append([unit])
    return [span for row in rows for unit in sorted(row, key=lambda u: u[1]) for span in unit[3]]


def _by_rows(spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (s.bbox[1] + s.bbox[3]) / 2)
    rows: list[list[Span]] = []
    for span in spans:
        centre = (span.bbox[1] + span.bbox[3]) / 2
        height = max(span.bbox[3] - span.bbox[1], 1.0)
        if rows:
            last = rows[-1][0]
            last_centre = (last.bbox[1] + last.bbox[3]) / 2
            if abs(centre - last_centre) < height * 0.5:
                rows[-1].append(span)
                continue
        rows.append([span])
    return [span for row in rows for span in sorted(row, key=lambda s: s.bbox[0])]


def text_layer_usable(spans: list[Span]) -> bool:
    """Enough meaningful characters and little garbage (see module note)."""
    text = "".join(span.text for span in spans)
    meaningful = len(_MEANINGFUL.findall(text))
    if meaningful < MIN_USABLE_CHARS:
        return False
    bad = len(_BAD_CHARS.findall(text))
    return bad / max(len(text), 1) <= MAX_BAD_SHARE


_COLOUR_OP = re.compile(rb"(?:rg|RG|scn?|SCN?)(?![A-Za-z])")
_NUMBER = re.compile(rb"-?\d*\.?\d+")


def seal_search_area(page: pymupdf.Page, contents: bytes) -> pymupdf.Rect | None:
    """Where on a digital page a seal could be, before anything is rendered; None when nowhere.

    A seal on a digital page is an image, a form XObject, a stamp annotation or vector art in a
    red colour. Most pages have none of these and need no rendering; a page whose only candidates
    are images or annotations needs only their rectangles rendered (5× cheaper than the page).
    Only the few colour operators of the content stream are parsed, not the whole stream.
    """
    whole = pymupdf.Rect(page.rect)
    if page.get_xobjects():
        return whole  # a form's placement is not known without running the content
    for match in _COLOUR_OP.finditer(contents):
        operands = _NUMBER.findall(contents[max(0, match.start() - 40) : match.start()])[-3:]
        if len(operands) == 3:
            r, g, b = (float(v) for v in operands)
            if r > 0.5 and g < 0.45 and b < 0.45:
                return whole
    area = pymupdf.Rect()
    if page.get_images(full=False):  # get_image_info builds a whole text page: only when needed
        for info in page.get_image_info():
            area |= pymupdf.Rect(info["bbox"])
    for annot in page.annots():
        area |= annot.rect
    area &= whole
    return None if area.is_empty else area
