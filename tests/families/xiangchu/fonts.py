"""Fonts. Text is set in the non-embedded Adobe-GB1 CJK fonts (Song / Heiti, UniGB-UTF16-H), as
the iText-built print services of many government platforms do (STSong-Light): tiny files whose
text extracts cleanly. (Embedding a Noto CJK face is not an option: MuPDF cannot subset their CFF
outlines, so each file would carry 16 MB.) Noto Serif CJK SC is used inside images only: seals and
hand signatures, drawn with Pillow from the system collection (face 2 is SC).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pymupdf

NOTO = Path("/usr/share/fonts/opentype/noto")
SERIF_TTC = NOTO / "NotoSerifCJK-Regular.ttc"
SERIF_BOLD_TTC = NOTO / "NotoSerifCJK-Bold.ttc"
PIL_SC_INDEX = 2  # JP KR SC TC HK: the SC face of the Serif collections
BODY, HEAD = "china-ss", "china-s"  # Song for values, Heiti for titles and labels


LATIN, LATIN_BOLD = "helv", "hebo"  # digits and Latin letters: a CID font without widths spaces them 1 em


def is_latin(ch: str) -> bool:
    return ord(ch) < 0x250


@functools.cache
def _helv() -> pymupdf.Font:
    return pymupdf.Font(LATIN)


@functools.cache
def char_width(ch: str) -> float:
    """Advance of one character at size 1: Helvetica's for Latin, one em for CJK."""
    return _helv().text_length(ch, fontsize=1.0) if is_latin(ch) else 1.0


def runs(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into (latin?, run) pieces, each printed in its own font."""
    out: list[tuple[bool, str]] = []
    for ch in text:
        latin = is_latin(ch)
        if out and out[-1][0] == latin:
            out[-1] = (latin, out[-1][1] + ch)
        else:
            out.append((latin, ch))
    return out


def text_width(text: str, size: float) -> float:
    return sum(char_width(c) for c in text) * size
