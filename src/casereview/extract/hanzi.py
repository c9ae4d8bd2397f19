"""Traditional → simplified normalisation of a page's text before matching (OpenCC ``t2s``).

Only pages that are really written in traditional characters are converted: a simplified page with
one rare character (乾 in a name) must keep it. The conversion keeps every offset: a phrase that
OpenCC would rewrite to a different length is converted character by character instead, so a
match in the normalised text maps back to the printed text, which stays the evidence.
"""

from __future__ import annotations

from functools import lru_cache

import opencc

MIN_TRADITIONAL = 3  # distinct characters that change under t2s before a page counts as traditional
MIN_SHARE = 0.02  # … and at least this share of its CJK characters


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _same_length(text: str) -> str:
    """t2s of ``text`` keeping every offset: a phrase OpenCC rewrites to another length is converted
    character by character, and a character that would change length is kept as printed."""
    out = str(_converter().convert(text))
    if len(out) == len(text):
        return out
    return "".join(c if len(c := str(_converter().convert(ch))) == 1 else ch for ch in text)


def is_traditional(text: str) -> bool:
    cjk = [ch for ch in text if _cjk(ch)]
    if not cjk:
        return False
    converted = _same_length("".join(cjk))
    changed = [a for a, b in zip(cjk, converted, strict=True) if a != b]
    return len(set(changed)) >= MIN_TRADITIONAL and len(changed) / len(cjk) >= MIN_SHARE


def simplified(text: str) -> str:
    """``text`` in simplified characters, same length, when the page is traditional; else unchanged."""
    return _same_length(text) if is_traditional(text) else text


def simplified_always(text: str) -> str:
    """``text`` converted whatever the share of traditional characters: for short rows such as a
    title, where one OCR-confused glyph (送達回证, 行政強制措施決定书) must not hide the document."""
    return _same_length(text)
