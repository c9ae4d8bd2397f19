"""Red seals drawn here: the bureau's round seal and a bank's oblong 收讫 stamp (RGBA PNG bytes)."""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT, size, index=2)  # the SC face of the collection


def round_seal(name: str, rng: random.Random, size: int = 420) -> bytes:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    dr = ImageDraw.Draw(img)
    red = (214, 28, 36, 215)
    cx = cy = size / 2
    r = size / 2 - 8
    dr.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=14)
    # five-pointed star
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rad = 62 if k % 2 == 0 else 25
        pts.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    dr.polygon(pts, fill=red)
    # the name along the upper arc
    n = len(name)
    span = min(235.0, 28.0 * n + 40)
    rt = r - 50  # radius of the text's centre line
    f = _font(int(min(54, 0.85 * rt * math.radians(span / max(n, 1)))))
    for i, ch in enumerate(name):
        ang = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
        x, y = cx + rt * math.cos(ang), cy + rt * math.sin(ang)
        glyph = Image.new("RGBA", (80, 80), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((40, 40), ch, font=f, fill=red, anchor="mm")
        glyph = glyph.rotate(-math.degrees(ang) - 90, resample=Image.BICUBIC)
        img.alpha_composite(glyph, (int(x - 40), int(y - 40)))
    dr.text((cx, cy + 122), "行政执法专用章", font=_font(28), fill=red, anchor="mm")
    return _ink(img, rng)


def bank_stamp(bank: str, date: str, rng: random.Random) -> bytes:
    img = Image.new("RGBA", (520, 260), (0, 0, 0, 0))
    dr = ImageDraw.Draw(img)
    red = (200, 30, 40, 210)
    dr.rounded_rectangle((8, 8, 512, 252), radius=24, outline=red, width=8)
    dr.text((260, 60), bank[:14], font=_font(34), fill=red, anchor="mm")
    dr.text((260, 130), date, font=_font(40), fill=red, anchor="mm")
    dr.text((260, 200), "收　讫", font=_font(46), fill=red, anchor="mm")
    return _ink(img.rotate(rng.uniform(-8, 8), expand=True, resample=Image.BICUBIC), rng)


def _ink(img: Image.Image, rng: random.Random) -> bytes:
    """Uneven ink: knock out random specks of the stamp."""
    px = img.load()
    w, h = img.size
    for _ in range(w * h // 60):
        x, y = rng.randrange(w), rng.randrange(h)
        r, g, b, a = px[x, y]
        if a:
            px[x, y] = (r, g, b, int(a * rng.uniform(0.1, 0.6)))
    buf = io.BytesIO()
    img.rotate(rng.uniform(-15, 15), resample=Image.BICUBIC).save(buf, "PNG")
    return buf.getvalue()


def photocopy(rng: random.Random, card: bool, w: int = 900, h: int = 600) -> bytes:
    """A grey photocopy of a card or photo: dark frame, a portrait block, bars where print would be."""
    img = Image.new("L", (w, h), rng.randint(205, 230))
    dr = ImageDraw.Draw(img)
    dr.rectangle((0, 0, w - 1, h - 1), outline=60, width=6)
    if card:  # a card: portrait block and lines of print
        dr.rectangle((w * 0.66, h * 0.18, w * 0.92, h * 0.72), fill=rng.randint(90, 140))
        for k in range(6):
            y = h * (0.15 + 0.11 * k)
            dr.rectangle((w * 0.08, y, w * (0.25 + rng.random() * 0.3), y + 18), fill=rng.randint(60, 110))
    else:  # a photo of the scene: dark blobs
        for _ in range(14):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            s = rng.uniform(40, 220)
            dr.ellipse((x, y, x + s, y + s * rng.uniform(0.4, 1.2)), fill=rng.randint(40, 170))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()
