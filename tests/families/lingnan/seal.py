"""Red seals drawn here: the agency's round seal and the bank's oval 收讫 stamp (RGBA PNG)."""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SERIF_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
SANS_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
INK = (205, 22, 40)


@lru_cache(maxsize=8)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=2)  # the SC face of the collection


def _arc_text(img: Image.Image, text: str, cx: float, cy: float, r: float, spread: float, size: int) -> None:
    """Characters upright along the top arc, each rotated to face the centre."""
    font = _font(SANS_BOLD, size)
    n = len(text)
    for i, ch in enumerate(text):
        ang = -spread / 2 + spread * (i + 0.5) / n  # degrees from the top, clockwise
        glyph = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((size, size), ch, font=font, fill=(*INK, 255), anchor="mm")
        glyph = glyph.rotate(-ang, resample=Image.Resampling.BICUBIC)
        a = math.radians(ang - 90)
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        img.alpha_composite(glyph, (int(x - size), int(y - size)))


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.4
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    draw.polygon(pts, fill=(*INK, 255))


def _wear(img: Image.Image, seed: int, strength: float) -> bytes:
    """Stamped, not printed: blotchy alpha, a soft edge, and overall transparency."""
    rng = np.random.default_rng(seed)
    arr = np.asarray(img.filter(ImageFilter.GaussianBlur(0.8))).astype(np.float32)
    h, w = arr.shape[:2]
    coarse = rng.uniform(1 - strength, 1.0, size=(h // 30 + 2, w // 30 + 2)).astype(np.float32)
    mask = np.asarray(
        Image.fromarray((coarse * 255).astype(np.uint8)).resize((w, h), Image.Resampling.BICUBIC)
    )
    speck = rng.uniform(0.75, 1.0, size=(h, w))
    arr[..., 3] *= mask.astype(np.float32) / 255 * speck * 0.82
    out = io.BytesIO()
    Image.fromarray(arr.clip(0, 255).astype(np.uint8)).save(out, "PNG")
    return out.getvalue()


@lru_cache(maxsize=32)
def agency_seal(name: str, seed: int = 0) -> bytes:
    s = 400
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    dr = ImageDraw.Draw(img)
    c = s / 2
    dr.ellipse((8, 8, s - 8, s - 8), outline=(*INK, 255), width=13)
    _star(dr, c, c, 54)
    spread = min(250.0, 26.0 * len(name) + 40)
    _arc_text(img, name, c, c, 140, spread, 50)
    dr.text((c, c + 105), "行政执法专用章", font=_font(SANS_BOLD, 26), fill=(*INK, 255), anchor="mm")
    rot = random.Random(seed).uniform(-25, 25)
    img = img.rotate(rot, resample=Image.Resampling.BICUBIC)
    return _wear(img, seed or len(name), 0.35)


@lru_cache(maxsize=32)
def bank_stamp(bank: str, date_text: str, seed: int = 0) -> bytes:
    """Oval bank stamp: bank name on the top arc, the date across the middle, 收讫 below."""
    w, h = 460, 300
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    dr = ImageDraw.Draw(img)
    dr.ellipse((8, 8, w - 8, h - 8), outline=(*INK, 255), width=9)
    short = bank.replace("股份有限公司", "").replace("有限公司", "")
    size = 30 if len(short) <= 10 else 25
    dr.text((w / 2, 80), short, font=_font(SANS_BOLD, size), fill=(*INK, 255), anchor="mm")
    dr.line((60, 115, w - 60, 115), fill=(*INK, 255), width=4)
    dr.text((w / 2, 150), date_text, font=_font(SANS_BOLD, 38), fill=(*INK, 255), anchor="mm")
    dr.line((60, 185, w - 60, 185), fill=(*INK, 255), width=4)
    dr.text((w / 2, 225), "收 讫", font=_font(SANS_BOLD, 40), fill=(*INK, 255), anchor="mm")
    rot = random.Random(seed).uniform(-12, 12)
    img = img.rotate(rot, resample=Image.Resampling.BICUBIC, expand=True)
    return _wear(img, seed + 7, 0.25)
