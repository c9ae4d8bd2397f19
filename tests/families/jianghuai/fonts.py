"""Fonts. The report engine this family imitates embeds one CJK face for everything and fakes bold
with a stroked outline; PyMuPDF's bundled Droid Sans Fallback (TrueType, so it subsets to a few KB)
plays that face. Seals and scan overlays are Pillow images drawn with the Noto CJK SC faces."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import pymupdf

NOTO = Path("/usr/share/fonts/opentype/noto")
PIL_FACES = {
    "sans": "NotoSansCJK-Regular.ttc",
    "sans_bold": "NotoSansCJK-Bold.ttc",
    "serif": "NotoSerifCJK-Regular.ttc",
}


@lru_cache(maxsize=1)
def cjk() -> pymupdf.Font:
    return pymupdf.Font("cjk")


@lru_cache(maxsize=1)
def cjk_buffer() -> bytes:
    return bytes(cjk().buffer)


def width(text: str, size: float) -> float:
    return float(cjk().text_length(text, fontsize=size))


@cache
def pil_font(kind: str, size: int):  # type: ignore[no-untyped-def]
    """A Pillow font of the Simplified-Chinese face of a Noto CJK collection."""
    from PIL import ImageFont

    path = str(NOTO / PIL_FACES[kind])
    for index in range(8):
        try:
            font = ImageFont.truetype(path, size, index=index)
        except OSError:
            break
        if font.getname()[0].endswith(" SC"):
            return font
    return ImageFont.truetype(path, size)
