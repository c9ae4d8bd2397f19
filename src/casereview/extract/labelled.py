"""Label → value by the geometry of the page: the value printed right of its label, or under it.

Table forms print a label in one cell and its value in the next cell of the row, or as a caption
above the value; nested forms print 当事人 → 个人 → 姓名 → 张三 across a row. Reading the row as one
line makes the label word look like the value; here a label span's value is the nearest span to its
right on the same row, else the nearest span below it that overlaps it horizontally. Works on text
layers and OCR lines alike, because both give one span per printed run with its box.
"""

from __future__ import annotations

import re

from casereview.domain.model import Span
from casereview.extract.pagetext import PageText
from casereview.extract.plausible import LABEL_WORDS

BELOW_LINES = 2.2  # how far below its label a value may start, in label heights
_PUNCT = " :：\t"


def _label_of(text: str, label: re.Pattern[str]) -> tuple[bool, str]:
    """(is a label, value after the colon in the same span). Forms space a short label out to the
    width of its column ("姓　名", "住  址"): the spaces are not part of it."""
    flat = re.sub(r"\s+", "", text).strip(_PUNCT)
    if label.fullmatch(flat):
        return True, ""
    head, sep, rest = text.partition(":")
    if not sep:
        head, sep, rest = text.partition("：")
    if sep and label.fullmatch(re.sub(r"\s+", "", head).strip(_PUNCT)):
        return True, rest.strip(_PUNCT)
    return False, ""


def _is_label(text: str) -> bool:
    flat = re.sub(r"\s+", "", text).strip(_PUNCT)
    return flat in LABEL_WORDS or flat.endswith((":", "："))


def _first_token(text: str) -> str:
    parts = text.strip(_PUNCT).split()
    return parts[0] if parts else ""


def _below(spans: list[Span], index: int) -> int | None:
    x0, _, x1, y1 = spans[index].bbox
    height = max(spans[index].bbox[3] - spans[index].bbox[1], 4.0)
    best: tuple[float, int] | None = None
    for j, span in enumerate(spans):
        sx0, sy0, sx1, _ = span.bbox
        if j == index or sy0 < y1 - height * 0.3 or sy0 - y1 > height * BELOW_LINES:
            continue
        if min(x1, sx1) - max(x0, sx0) <= 0:
            continue
        if best is None or sy0 < best[0]:
            best = (sy0, j)
    return best[1] if best else None


def labelled_cells(text: PageText, label: re.Pattern[str]) -> list[tuple[int, str]]:
    """(offset in ``text.text``, value) for each span that is a ``label``."""
    out: list[tuple[int, str]] = []
    spans = text.spans
    for i, start in enumerate(text.starts):
        span_text = text.text[start : start + len(spans[i].text)]
        is_label, inline = _label_of(span_text, label)
        if not is_label:
            continue
        if inline:
            token = _first_token(inline)
            out.append((start + span_text.index(token), token))
            continue
        candidates = []
        if i + 1 < len(spans) and text.text[text.starts[i + 1] - 1] == " ":  # same row, next cell
            candidates.append(i + 1)
        below = _below(spans, i)
        if below is not None:
            candidates.append(below)
        for j in candidates:
            value_text = text.text[text.starts[j] : text.starts[j] + len(spans[j].text)]
            if _is_label(value_text) or label.fullmatch(value_text.strip(_PUNCT)):
                continue
            token = _first_token(value_text)
            if token:
                out.append((text.starts[j] + value_text.index(token), token))
                break
    return out
