"""Fonts: the SC faces of the system's Noto CJK collections, cut out of the .ttc once per machine.

pymupdf embeds index 0 of a collection (the JP face), and only the Sans/Mono faces subset reliably
(the Serif CFF makes MuPDF's subsetter fail), so the web platform prints in Sans, like a browser's
黑体 print; Serif is used only inside images (seals, hand signatures) through Pillow.
"""

from __future__ import annotations

import functools
import struct
import tempfile
from pathlib import Path

import pymupdf

NOTO = Path("/usr/share/fonts/opentype/noto")
SANS_TTC = NOTO / "NotoSansCJK-Regular.ttc"
SERIF_TTC = NOTO / "NotoSerifCJK-Regular.ttc"
SERIF_BOLD_TTC = NOTO / "NotoSerifCJK-Bold.ttc"
SC_INDEX = {"sans": 2, "mono": 7}  # face order in the collections: JP KR SC TC HK (then Mono ×5)
PIL_SC_INDEX = 2  # the SC face of the Serif collections, for Pillow


def _face(data: bytes, index: int) -> bytes:
    """One face of an OpenType collection as a standalone font (tables copied, offsets rewritten)."""
    (count,) = struct.unpack(">I", data[8:12])
    assert index < count
    (off,) = struct.unpack(">I", data[12 + 4 * index : 16 + 4 * index])
    (ntables,) = struct.unpack(">H", data[off + 4 : off + 6])
    head = bytearray(data[off : off + 12 + 16 * ntables])
    body = bytearray()
    for i in range(ntables):
        tag, checksum, toff, length = struct.unpack(">4sIII", head[12 + 16 * i : 28 + 16 * i])
        struct.pack_into(">4sIII", head, 12 + 16 * i, tag, checksum, len(head) + len(body), length)
        body += data[toff : toff + length]
        body += b"\0" * (-len(body) % 4)
    return bytes(head + body)


@functools.cache
def font_file(kind: str) -> str:
    """Path of the extracted face (``sans`` or ``mono``), cached in the temp dir."""
    out = Path(tempfile.gettempdir()) / f"xiangchu-noto-{kind}-sc.otf"
    if not out.exists() or out.stat().st_size < 1_000_000:
        tmp = out.with_suffix(".part")
        tmp.write_bytes(_face(SANS_TTC.read_bytes(), SC_INDEX[kind]))
        tmp.replace(out)
    return str(out)


@functools.cache
def font(kind: str) -> pymupdf.Font:
    return pymupdf.Font(fontfile=font_file(kind))


@functools.cache
def char_width(kind: str, ch: str) -> float:
    """Advance of one character at size 1 (wrapping measures character by character)."""
    return font(kind).text_length(ch, fontsize=1.0)


def text_width(text: str, size: float, kind: str = "sans") -> float:
    return sum(char_width(kind, c) for c in text) * size
