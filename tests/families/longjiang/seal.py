"""The agency's electronic seal: a red ring, the name along the upper arc, a star, and the seal's
use along the bottom (行政执法专用章), drawn once per case as a transparent PNG."""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
_SC = 2  # index of the Simplified Chinese face in the collection


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(_FONT, size, index=_SC)


def _star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    pts = []
    for k in range(10):
        rr = r if k % 2 == 0 else r * 0.38
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def seal_png(name: str, use: str, seed: int, px: int = 360) -> bytes:
    """A seal ``px`` pixels wide; ink density varies a little, as a real impression does."""
    rng = random.Random(seed)
    red = (205 + rng.randint(-15, 15), 28 + rng.randint(0, 20), 30 + rng.randint(0, 20))
    ink = (*red, 235)
    img = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    c, ring = px / 2, px * 0.035
    draw.ellipse((ring, ring, px - ring, px - ring), outline=ink, width=int(ring))
    draw.polygon(_star(c, c, px * 0.14), fill=ink)
    # name along the arc, characters turned to face the centre
    n = len(name)
    span = min(250.0, 22.0 * n)
    fs = int(px * (0.125 if n <= 12 else 0.105))
    for i, ch in enumerate(name):
        ang = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
        r = px * 0.35
        tile = Image.new("RGBA", (fs + 8, fs + 8), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((4, 0), ch, font=_font(fs), fill=ink)
        tile = tile.rotate(-math.degrees(ang) - 90, resample=Image.Resampling.BICUBIC, expand=True)
        x, y = c + r * math.cos(ang), c + r * math.sin(ang)
        img.alpha_composite(tile, (int(x - tile.width / 2), int(y - tile.height / 2)))
    bf = _font(int(px * 0.075))
    w = draw.textlength(use, font=bf)
    draw.text((c - w / 2, c + px * 0.2), use, font=bf, fill=ink)
    # uneven ink: punch small holes in the impression
    pix = img.load()
    assert pix is not None
    for _ in range(px * 6):
        x, y = rng.randrange(px), rng.randrange(px)
        r_, g_, b_, a_ = pix[x, y]  # type: ignore[misc]  # RGBA pixels are tuples
        if a_:
            pix[x, y] = (r_, g_, b_, int(a_ * rng.uniform(0.2, 0.7)))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
