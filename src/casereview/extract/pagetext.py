"""A page's text as one string, with every character traceable to its span and box.

Spans on the same row are joined with a space and rows with a newline, so label and value printed
as separate spans ("案号：" | "粤东交罚〔2025〕00977号") still match one regex, and any match maps
back to a bounding box for the evidence. A page printed in traditional characters is matched in
simplified ones (``text``) while the evidence quotes it as printed (``printed``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from casereview.domain.model import BBox, Evidence, Page, Span
from casereview.extract.hanzi import simplified


@dataclass
class PageText:
    page: Page
    text: str
    starts: list[int]  # start offset of each span in ``text``
    spans: list[Span]
    printed: str = ""  # the text as printed when ``text`` was normalised; else empty (same as text)

    @classmethod
    def of(cls, page: Page) -> PageText:
        """The page's text; the 装订线 marks printed down the binding margin are left out (read in
        line order they land inside the sentences beside them: 举行听 / 装 / 证的权利)."""
        parts: list[str] = []
        starts: list[int] = []
        offset = 0
        previous: Span | None = None
        kept = [span for span in page.spans if not _binding_mark(span, page.width)]
        for span in kept:
            if previous is not None:
                sep = " " if _same_row(previous, span) else "\n"
                parts.append(sep)
                offset += 1
            starts.append(offset)
            parts.append(span.text)
            offset += len(span.text)
            previous = span
        printed = "".join(parts)
        text = simplified(printed)
        return cls(page, text, starts, kept, printed if text != printed else "")

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for ``text[start:end]``: the union of the (partial) span boxes it covers."""
        quoted = (self.printed or self.text)[start:end]
        if not self.spans:
            return Evidence(self.page.number, (0.0, 0.0, 0.0, 0.0), quoted, 0.0)
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)
        boxes: list[BBox] = []
        confidence = 1.0
        for index in range(first, len(self.spans)):
            span_start = self.starts[index]
            span = self.spans[index]
            span_end = span_start + len(span.text)
            if span_start >= end:
                break
            lo, hi = max(start, span_start) - span_start, min(end, span_end) - span_start
            if hi > lo:
                boxes.append(span.sub_bbox(lo, hi))
                confidence = min(confidence, span.confidence)
        if not boxes:
            boxes.append(self.spans[first].bbox)
        bbox = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        return Evidence(self.page.number, bbox, quoted, confidence)

    def line_of(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the text row holding ``offset``."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, (len(self.text) if end < 0 else end)


_BINDING = frozenset({"装", "订", "线", "装订线", "装订", "订线"})
MARGIN_SHARE = 0.12  # the binding margin: this share of the page width at either edge


def _binding_mark(span: Span, width: float) -> bool:
    text = "".join(span.text.split()).strip("·.-|")
    if text not in _BINDING or width <= 0:
        return False
    x0, _, x1, _ = span.bbox
    return x1 <= width * MARGIN_SHARE or x0 >= width * (1 - MARGIN_SHARE)


def _same_row(a: Span, b: Span) -> bool:
    centre_a = (a.bbox[1] + a.bbox[3]) / 2
    centre_b = (b.bbox[1] + b.bbox[3]) / 2
    height = max(min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]), 1.0)
    return abs(centre_a - centre_b) < height * 0.5 and b.bbox[0] >= a.bbox[0]
