"""Stamps drawn with Pillow: the agency's round red seal and the bank's violet 转讫 stamp.

The round seal has the agency name on the upper arc, a five-point star, and a horizontal line
"行政执法专用章" under the star, printed with uneven ink (some pixels fade) as real stamps do.
"""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SC_INDEX = 2  # Noto CJK SC face inside the collection


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(SANS, size, index=SC_INDEX)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: tuple[int, ...]) -> None:
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.38
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    draw.polygon(pts, fill=fill)


def _ink(img: Image.Image, rng: random.Random, fade: float) -> Image.Image:
    """Uneven ink: knock out random alpha so the stamp looks pressed, not printed."""
    px = img.load()
    w, h = img.size
    for _ in range(int(w * h * fade)):
        x, y = rng.randrange(w), rng.randrange(h)
        r, g, b, a = px[x, y]
        if a:
            px[x, y] = (r, g, b, int(a * rng.uniform(0.2, 0.7)))
    return img


def round_seal(name: str, seed: int, bottom: str = "行政执法专用章") -> bytes:
    rng = random.Random(seed)
    size = 420
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    red = (214, 28, 36, 200)
    c = size / 2
    draw.ellipse((10, 10, size - 10, size - 10), outline=red, width=13)
    _star(draw, c, c, 58, red)
    # Name along the upper arc, from about 200° to 340° (clockwise from the left).
    font = _font(52)
    n = len(name)
    span = min(250.0, 24.0 * n)
    start = -90 - span / 2
    for i, ch in enumerate(name):
        ang = start + span * (i + 0.5) / n
        glyph = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((32, 32), ch, font=font, fill=red, anchor="mm")
        glyph = glyph.rotate(-(ang + 90), resample=Image.BICUBIC)
        rad = math.radians(ang)
        x = c + 150 * math.cos(rad) - 32
        y = c + 150 * math.sin(rad) - 32
        img.alpha_composite(glyph, (int(x), int(y)))
    if bottom:
        draw.text((c, c + 112), bottom, font=_font(34), fill=red, anchor="mm")
    img = _ink(img, rng, 0.08)
    img = img.rotate(rng.uniform(-14, 14), resample=Image.BICUBIC)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def bank_stamp(bank: str, date_text: str, seed: int) -> bytes:
    """Violet rectangular 转讫 stamp of the collecting bank (not an agency seal)."""
    rng = random.Random(seed)
    w, h = 460, 200
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    ink = (88, 60, 170, 190)
    draw.rectangle((6, 6, w - 6, h - 6), outline=ink, width=7)
    short = bank.replace("股份有限公司", "")
    draw.text((w / 2, 48), short[:14], font=_font(36), fill=ink, anchor="mm")
    draw.text((w / 2, 104), date_text, font=_font(40), fill=ink, anchor="mm")
    draw.text((w / 2, 160), "转  讫", font=_font(40), fill=ink, anchor="mm")
    img = _ink(img, rng, 0.06).rotate(rng.uniform(-6, 6), expand=True, resample=Image.BICUBIC)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()
