"""Red seals drawn with Pillow: the agency's round seal (name on the upper arc, star, a short line
below) and the bank's oval receipt stamp; uneven ink, a slight tilt, transparent paper."""

from __future__ import annotations

import math
import random
from functools import lru_cache
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter

from families.jianghuai.fonts import pil_font

RED = (205, 32, 38)
PX = 480  # image side; printed at about 112 pt (a 40 mm seal)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.38
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    draw.polygon(pts, fill=(*RED, 255))


def _arc_text(
    img: Image.Image, text: str, cx: float, cy: float, radius: float, size: int, span: float
) -> None:
    """Characters upright to the centre along the upper arc, clockwise, spread over ``span`` degrees."""
    font = pil_font("sans_bold", size)
    n = len(text)
    for i, ch in enumerate(text):
        ang = -90 - span / 2 + (span * i / (n - 1) if n > 1 else span / 2)
        tile = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((size, size), ch, font=font, fill=(*RED, 255), anchor="mm")
        tile = tile.rotate(-(ang + 90), resample=Image.Resampling.BICUBIC)
        x = cx + radius * math.cos(math.radians(ang))
        y = cy + radius * math.sin(math.radians(ang))
        img.alpha_composite(tile, (int(x - size), int(y - size)))


def _ink(img: Image.Image, rng: random.Random, strength: float = 0.35) -> Image.Image:
    """Uneven stamping: a few pale blotches and fine speckle knocked out of the alpha channel."""
    alpha = img.getchannel("A")
    mask = Image.new("L", img.size, 255)
    d = ImageDraw.Draw(mask)
    for _ in range(7):
        x, y, r = rng.uniform(0, img.width), rng.uniform(0, img.height), rng.uniform(30, 90)
        d.ellipse((x - r, y - r, x + r, y + r), fill=int(255 * (1 - strength * rng.uniform(0.4, 1))))
    for _ in range(900):
        x, y = rng.uniform(0, img.width), rng.uniform(0, img.height)
        d.point((x, y), fill=rng.randint(0, 120))
    mask = mask.filter(ImageFilter.GaussianBlur(6))
    from PIL import ImageChops

    img.putalpha(ImageChops.multiply(alpha, mask))
    return img


@lru_cache(maxsize=64)
def agency_seal(name: str, variant: int) -> bytes:
    rng = random.Random(f"{name}/{variant}")
    img = Image.new("RGBA", (PX, PX), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = PX / 2
    d.ellipse((14, 14, PX - 14, PX - 14), outline=(*RED, 255), width=13)
    size = 52 if len(name) <= 10 else 44
    _arc_text(img, name, c, c, c - 62, size, min(250, 24 * len(name) + 30))
    _star(d, c, c, 62)
    foot = "行政执法专用"
    if variant % 3 == 0:
        font = pil_font("sans_bold", 30)
        d.text((c, c + 108), foot, font=font, fill=(*RED, 255), anchor="mm")
    img = img.rotate(rng.uniform(-12, 12), resample=Image.Resampling.BICUBIC)
    img = _ink(img, rng)
    out = BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


@lru_cache(maxsize=64)
def bank_stamp(bank: str, date: str) -> bytes:
    """An oval 业务受理 stamp of the bank with its date on the middle band."""
    rng = random.Random(bank + date)
    wpx, hpx = 520, 330
    img = Image.new("RGBA", (wpx, hpx), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((8, 8, wpx - 8, hpx - 8), outline=(*RED, 255), width=9)
    short = bank.replace("股份有限公司", "")
    f1, f2 = pil_font("sans_bold", 34 if len(short) <= 12 else 28), pil_font("sans_bold", 40)
    d.text((wpx / 2, 78), short, font=f1, fill=(*RED, 255), anchor="mm")
    d.line((60, 120, wpx - 60, 120), fill=(*RED, 255), width=5)
    d.text((wpx / 2, 165), date, font=f2, fill=(*RED, 255), anchor="mm")
    d.line((60, 210, wpx - 60, 210), fill=(*RED, 255), width=5)
    d.text((wpx / 2, 250), "业务受理章（收讫）", font=f1, fill=(*RED, 255), anchor="mm")
    img = img.rotate(rng.uniform(-8, 8), resample=Image.Resampling.BICUBIC, expand=False)
    img = _ink(img, rng, 0.25)
    out = BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()
