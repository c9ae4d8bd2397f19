"""Red seals drawn with Pillow: the agency's round seal and the bank's oval 收讫 stamp.

The round seal follows the usual public-seal pattern (ring, five-pointed star, name on the upper arc,
a 13-digit anti-forgery code along the bottom); ink is uneven, as pressed by hand.
"""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from casegen.fonts import pil_font_source

INK = (214, 30, 36)


def _font(size: int) -> ImageFont.FreeTypeFont:
    src, index = pil_font_source()
    if isinstance(src, bytes):
        return ImageFont.truetype(io.BytesIO(src), size, index=index)
    return ImageFont.truetype(src, size, index=index)


def _star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.38
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    return pts


def _glyph(ch: str, font: ImageFont.FreeTypeFont, angle: float) -> Image.Image:
    box = font.getbbox(ch)
    size = max(box[2], box[3]) + 8
    img = Image.new("L", (size, size), 0)
    ImageDraw.Draw(img).text((size / 2, size / 2), ch, font=font, fill=255, anchor="mm")
    return img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)


def _mask_round(name: str, code: str, size: int) -> Image.Image:
    img = Image.new("L", (size, size), 0)
    dr = ImageDraw.Draw(img)
    c = size / 2
    ring = size * 0.035
    dr.ellipse((ring / 2, ring / 2, size - ring / 2, size - ring / 2), outline=255, width=int(ring))
    dr.polygon(_star(c, c, size * 0.14), fill=255)
    font = _font(int(size * 0.115))
    n = len(name)
    arc = min(250.0, 22.0 * n)  # degrees of the upper arc the name occupies
    for i, ch in enumerate(name):
        deg = -90 - arc / 2 + arc * (i + 0.5) / n
        a = math.radians(deg)
        rr = size * 0.37
        g = _glyph(ch, font, -(deg + 90))
        img.paste(255, (int(c + rr * math.cos(a) - g.width / 2), int(c + rr * math.sin(a) - g.height / 2)), g)
    small = _font(int(size * 0.05))
    for i, ch in enumerate(code):
        deg = 90 + 38 - 76 * (i + 0.5) / len(code)
        a = math.radians(deg)
        rr = size * 0.425
        g = _glyph(ch, small, -(deg - 90))
        img.paste(255, (int(c + rr * math.cos(a) - g.width / 2), int(c + rr * math.sin(a) - g.height / 2)), g)
    return img


def _mask_bank(text: str, size: int) -> Image.Image:
    bank, date = text.split("|")
    w, h = size, int(size * 0.62)
    img = Image.new("L", (w, h), 0)
    dr = ImageDraw.Draw(img)
    dr.ellipse((4, 4, w - 4, h - 4), outline=255, width=int(size * 0.022))
    f1, f2 = _font(int(size * 0.075)), _font(int(size * 0.09))
    short = bank.replace("股份有限公司", "")
    dr.text((w / 2, h * 0.28), short, font=f1, fill=255, anchor="mm")
    dr.text((w / 2, h * 0.52), date, font=f2, fill=255, anchor="mm")
    dr.text((w / 2, h * 0.76), "收  讫", font=f2, fill=255, anchor="mm")
    return img


@lru_cache(maxsize=64)
def seal_png(kind: str, text: str, angle: int, grain: float) -> bytes:
    rng = random.Random(f"{kind}{text}{angle}{grain:.3f}")
    size = 420
    if kind == "bank":
        mask = _mask_bank(text, size)
    else:
        code = "".join(rng.choice("0123456789") for _ in range(13))
        mask = _mask_round(text, code, size)
    mask = mask.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False)
    # Uneven ink: blotchy noise multiplies the mask, then a soft blur like ink spreading in paper.
    noise = Image.effect_noise((mask.width // 6, mask.height // 6), 70).resize(
        mask.size, Image.Resampling.BILINEAR
    )
    noise = noise.point(lambda v: min(255, int(110 + v * 0.9)))
    mask = Image.composite(mask, Image.new("L", mask.size, 0), noise.point(lambda v: 255 if v > 70 else 0))
    mask = Image.eval(mask, lambda v: v * 0.82)
    mask = ImageChops.multiply(mask, noise).filter(ImageFilter.GaussianBlur(0.9))
    rgba = Image.new("RGBA", mask.size, (*INK, 0))
    rgba.putalpha(mask.point(lambda v: min(255, int(v * 1.35))))
    out = io.BytesIO()
    rgba.save(out, "PNG")
    return out.getvalue()
