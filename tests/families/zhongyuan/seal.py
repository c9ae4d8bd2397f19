"""Red seals drawn with Pillow: a ring, a five-pointed star, the agency name on the upper arc.

Semi-transparent PNGs so the agency name and date under them stay legible, as with real ink.
"""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

SERIF_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
SC_INDEX = 2  # faces of the Noto CJK collections: JP, KR, SC, TC, HK


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(SERIF_BOLD, size, index=SC_INDEX)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: tuple[int, ...]) -> None:
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.38
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    draw.polygon(pts, fill=fill)


def seal_png(name: str, bottom: str = "", *, oval: bool = False, seed: int = 0, px: int = 420) -> bytes:
    """A round (or oval, for finance seals) seal image; ``bottom`` is the horizontal text under the star."""
    rng = random.Random(seed)
    ink = (rng.randint(200, 225), rng.randint(18, 40), rng.randint(25, 45), 175)
    w, h = (px, int(px * 0.72)) if oval else (px, px)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    ring = px // 26
    draw.ellipse((ring, ring, w - ring, h - ring), outline=ink, width=ring)
    cx, cy = w / 2, h / 2
    if not oval:
        _star(draw, cx, cy, px * 0.15, ink)
    # Characters around the upper arc, each rotated to face the centre.
    chars = list(name)
    fsize = int(px * (0.13 if len(chars) <= 10 else 0.11))
    font = _font(fsize)
    rx, ry = w / 2 - ring * 2.2 - fsize * 0.6, h / 2 - ring * 2.2 - fsize * 0.6
    span = min(250.0, 20.0 * len(chars) + 30) if not oval else min(200.0, 17.0 * len(chars) + 20)
    for i, ch in enumerate(chars):
        ang = -90 - span / 2 + span * (i + 0.5) / len(chars)
        a = math.radians(ang)
        tile = Image.new("RGBA", (fsize * 2, fsize * 2), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((fsize * 0.5, fsize * 0.35), ch, font=font, fill=ink)
        tile = tile.rotate(-(ang + 90), resample=Image.Resampling.BICUBIC)
        x, y = cx + rx * math.cos(a) - fsize, cy + ry * math.sin(a) - fsize
        img.alpha_composite(tile, (int(x), int(y)))
    if bottom:
        bf = _font(int(px * (0.085 if oval else 0.075)))
        tw = draw.textlength(bottom, font=bf)
        draw.text((cx - tw / 2, cy + (h * 0.06 if oval else px * 0.2)), bottom, font=bf, fill=ink)
    # Uneven ink: knock out a few specks.
    speck = ImageDraw.Draw(img)
    for _ in range(60):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.uniform(1, 4)
        speck.ellipse((x - r, y - r, x + r, y + r), fill=(0, 0, 0, 0))
    img = img.rotate(rng.uniform(-14, 14), resample=Image.Resampling.BICUBIC)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()
