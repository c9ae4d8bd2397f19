"""Full-text search over a case file's spans, tolerant of how OCR writes Chinese.

OCR often puts spaces between CJK glyphs and prints full-width digits and letters as half-width (or
the other way round), so both the query and the text are folded: NFKC, case-folded, whitespace
removed. A matched span is folded again with the origin of each folded character, so the match maps
back to a slice of the span and :meth:`Span.sub_bbox` boxes just the matched characters.
"""

from __future__ import annotations

import re
import unicodedata

from casereview.domain.model import CaseFile, Evidence, Span

DEFAULT_LIMIT = 500

_SPACE = re.compile(r"\s+")  # the same characters as str.isspace / str.split()
_FOLDS: dict[str, str] = {}  # one character → its folded form (the slow path, memoised)


def _nfkc_casefold(text: str) -> str:
    if not unicodedata.is_normalized("NFKC", text):  # the check is far cheaper than normalising
        text = unicodedata.normalize("NFKC", text)
    return text.casefold()


def fold(text: str) -> str:
    """The form both sides are compared in: NFKC, case-folded, without whitespace."""
    return "".join(_nfkc_casefold(text).split())


def _fold_char(ch: str) -> str:
    folded = _FOLDS.get(ch)
    if folded is None:
        folded = fold(ch)
        _FOLDS[ch] = folded
    return folded


def fold_with_origin(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index in ``text`` it came from."""
    whole = _nfkc_casefold(text)
    if len(whole) == len(text):  # one character in, one out: almost every line
        origin: list[int] = []
        previous = 0
        for gap in _SPACE.finditer(whole):  # runs of kept characters at C speed
            origin.extend(range(previous, gap.start()))
            previous = gap.end()
        origin.extend(range(previous, len(whole)))
        return "".join(whole.split()), origin
    chars: list[str] = []
    origin = []
    for index, ch in enumerate(text):  # ligatures, ㈠, ㎡ …: one character in, several out
        for folded in _fold_char(ch):
            chars.append(folded)
            origin.append(index)
    return "".join(chars), origin


def span_matches(page: int, span: Span, needle: str, limit: int) -> list[Evidence]:
    """Up to ``limit`` non-overlapping matches of the folded ``needle`` in ``span``, boxed."""
    folded, origin = fold_with_origin(span.text)
    hits: list[Evidence] = []
    start = folded.find(needle)
    while start >= 0 and len(hits) < limit:
        first, last = origin[start], origin[start + len(needle) - 1] + 1
        hits.append(Evidence(page, span.sub_bbox(first, last), span.text, span.confidence))
        start = folded.find(needle, start + len(needle))
    if not hits and limit > 0:  # folded whole it matched, char by char not (a rare composition)
        hits.append(Evidence(page, span.bbox, span.text, span.confidence))
    return hits


class SearchIndex:
    """A case's spans folded once (~10 ms for 300 pages); a search is then a substring scan."""

    def __init__(self, case: CaseFile) -> None:
        self.sha256 = case.sha256
        self._pages = [
            (page.number, list(page.spans), "\n".join(fold(span.text) for span in page.spans))
            for page in case.pages
        ]

    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> list[Evidence]:
        """Every match in page and reading order, as evidence boxed on the matched characters."""
        needle = fold(query)
        hits: list[Evidence] = []
        if not needle:
            return hits
        for number, spans, text in self._pages:
            if needle not in text:  # most pages: one C-speed scan and done
                continue
            for span, line in zip(spans, text.split("\n"), strict=True):
                if len(hits) >= limit:
                    return hits
                if needle in line:
                    hits.extend(span_matches(number, span, needle, limit - len(hits)))
        return hits[:limit]


def search_case(case: CaseFile, query: str, limit: int = DEFAULT_LIMIT) -> list[Evidence]:
    """Case-, width- and whitespace-insensitive search of ``case`` (at most ``limit`` hits)."""
    return SearchIndex(case).search(query, limit)
