"""Positioned text from a PDF page's text layer, and whether that layer is usable."""

from __future__ import annotations

import re
import unicodedata

import pymupdf

from casereview.domain.model import Span

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
    """One span per text line, in displayed-page coordinates, sorted top-down then left-right."""
    flags = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
    raw = page.get_text("dict", flags=flags)
    matrix = page.rotation_matrix
    spans: list[Span] = []
    for block in raw["blocks"]:
        for line in block.get("lines", ()):
            text = normalise("".join(s["text"] for s in line["spans"]))
            if not text:
                continue
            rect = pymupdf.Rect(line["bbox"]) * matrix
            spans.append(Span(text, (rect.x0, rect.y0, rect.x1, rect.y1), 1.0))
    return sort_spans(spans)


def sort_spans(spans: list[Span]) -> list[Span]:
    """Reading order: rows by vertical centre (lines within half a line height share a row)."""
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


_RED_COLOUR = re.compile(rb"(\d*\.?\d+)\s+(\d*\.?\d+)\s+(\d*\.?\d+)\s+(?:rg|RG|sc|SC|scn|SCN)\b")


def may_carry_red(page: pymupdf.Page, contents: bytes) -> bool:
    """Cheap pre-check before rendering a digital page for seal detection.

    A seal on a digital page is either an image or vector art in a red colour; pages with neither
    (most pages of a file) need no rendering.
    """
    # Images, form XObjects and annotations (stamp annotations) may all hold a seal.
    if page.get_images(full=False) or page.get_xobjects() or page.first_annot is not None:
        return True
    for match in _RED_COLOUR.finditer(contents):
        r, g, b = (float(v) for v in match.groups())
        if r > 0.5 and g < 0.45 and b < 0.45:
            return True
    return False
