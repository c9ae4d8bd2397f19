"""The platform's electronic seal (电子签章): a crisp red ring with a star and the agency name on an
arc, stamped as a transparent PNG over the signature; and the 扫码验真 square printed beside titles."""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
RED = (218, 30, 38)


def _font(size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(FONT, size, index=2)  # the SC face of the collection
    except OSError:
        return ImageFont.load_default()


@lru_cache(maxsize=16)
def round_seal(name: str, bottom: str = "", size: int = 420) -> bytes:
    """An agency seal: name along the upper arc, a star, an optional line below (e.g. 行政执法专用章)."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c, r = size / 2, size / 2 - 8
    d.ellipse((c - r, c - r, c + r, c + r), outline=(*RED, 190), width=12)
    _star(d, c, c, r * 0.26)
    n = len(name)
    fsize = int(r * (0.36 if n <= 10 else 0.30))
    font = _font(fsize)
    span = min(250.0, 20.0 * n + 60)  # degrees the name covers on the arc
    for i, ch in enumerate(name):
        ang = -90 - span / 2 + span * (i + 0.5) / n
        rad = math.radians(ang)
        x, y = c + (r - fsize * 0.85) * math.cos(rad), c + (r - fsize * 0.85) * math.sin(rad)
        tile = Image.new("RGBA", (fsize * 2, fsize * 2), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((fsize, fsize), ch, font=font, fill=(*RED, 185), anchor="mm")
        tile = tile.rotate(-(ang + 90), resample=Image.Resampling.BICUBIC)
        img.alpha_composite(tile, (int(x - fsize), int(y - fsize)))
    if bottom:
        f2 = _font(int(r * 0.15))
        d.text((c, c + r * 0.55), bottom, font=f2, fill=(*RED, 185), anchor="mm")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@lru_cache(maxsize=4)
def oval_seal(top: str, middle: str, bottom: str) -> bytes:
    """The oval 财政票据监制章 of a non-tax receipt."""
    w, h = 520, 340
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((8, 8, w - 8, h - 8), outline=(*RED, 230), width=10)
    d.text((w / 2, h * 0.30), top, font=_font(46), fill=(*RED, 230), anchor="mm")
    d.text((w / 2, h * 0.53), middle, font=_font(58), fill=(*RED, 230), anchor="mm")
    d.text((w / 2, h * 0.76), bottom, font=_font(40), fill=(*RED, 230), anchor="mm")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.4
        a = math.radians(-90 + 36 * i)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=(*RED, 190))


def qr_block(seed: int, cells: int = 21) -> list[tuple[int, int]]:
    """Dark cells of a QR-like square (three finder squares + seeded noise): drawn as vectors."""
    rng = random.Random(seed)
    dark = set()
    for ox, oy in ((0, 0), (cells - 7, 0), (0, cells - 7)):
        for i in range(7):
            for j in range(7):
                edge = i in (0, 6) or j in (0, 6)
                core = 2 <= i <= 4 and 2 <= j <= 4
                if edge or core:
                    dark.add((ox + i, oy + j))
    for i in range(cells):
        for j in range(cells):
            finder = (i < 8 and j < 8) or (i >= cells - 8 and j < 8) or (i < 8 and j >= cells - 8)
            if not finder and rng.random() < 0.48:
                dark.add((i, j))
    return sorted(dark)
