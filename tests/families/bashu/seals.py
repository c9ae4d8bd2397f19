"""Red ink stamps drawn with PIL: the agency's round seal and a bank's oval 业务专用章."""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFilter, ImageFont

NOTO_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"


@lru_cache(maxsize=8)
def font(size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(NOTO_BOLD, size, index=2)
    except OSError:
        import pymupdf

        return ImageFont.truetype(io.BytesIO(pymupdf.Font("china-s").buffer), size)


def _arc_text(
    img: Image.Image,
    text: str,
    cx: float,
    cy: float,
    rx: float,
    ry: float,
    span: float,
    size: int,
    red: tuple[int, int, int, int],
) -> None:
    """Characters upright along the top arc of an ellipse, from left to right."""
    n = len(text)
    for i, ch in enumerate(text):
        a = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
        x, y = cx + rx * math.cos(a), cy + ry * math.sin(a)
        tile = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((size // 2, size // 3), ch, font=font(size), fill=red)
        tile = tile.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        img.alpha_composite(tile, (int(x - size), int(y - size)))


def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill) -> None:
    pts = []
    for k in range(10):
        rr = r if k % 2 == 0 else r * 0.38
        a = math.radians(-90 + 36 * k)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=fill)


def stamp(kind: str, text: str, extra: str, rng: random.Random) -> tuple[bytes, tuple[float, float]]:
    """PNG bytes and the size in points. ``kind``: agency (round, star) or bank (oval, date inside)."""
    alpha = rng.randint(150, 200)
    red = (rng.randint(195, 225), rng.randint(20, 45), rng.randint(30, 50), alpha)
    if kind == "agency":
        px, w_pt, h_pt = 480, 118.0, 118.0
        img = Image.new("RGBA", (px, px), (0, 0, 0, 0))
        d = ImageDraw.Draw(img)
        d.ellipse((12, 12, px - 12, px - 12), outline=red, width=16)
        _star(d, px / 2, px / 2, 64, red)
        size = 58 if len(text) <= 12 else 48
        _arc_text(
            img, text, px / 2, px / 2, px / 2 - 78, px / 2 - 78, 250 if len(text) > 8 else 200, size, red
        )
        label = extra or "行政执法专用章"
        f = font(34)
        tw = d.textlength(label, font=f)
        d.text(((px - tw) / 2, px * 0.68), label, font=f, fill=red)
    else:
        pxw, pxh, w_pt, h_pt = 520, 340, 128.0, 84.0
        img = Image.new("RGBA", (pxw, pxh), (0, 0, 0, 0))
        d = ImageDraw.Draw(img)
        d.ellipse((10, 10, pxw - 10, pxh - 10), outline=red, width=10)
        _arc_text(img, text, pxw / 2, pxh / 2 + 10, pxw / 2 - 58, pxh / 2 - 52, 210, 34, red)
        for i, line in enumerate((extra, "业务专用章")):
            f = font(44 if i == 0 else 38)
            tw = d.textlength(line, font=f)
            d.text(((pxw - tw) / 2, pxh * 0.42 + i * 58), line, font=f, fill=red)
    img = img.rotate(rng.uniform(-18, 18), resample=Image.BICUBIC, expand=False)
    # uneven ink: knock random specks out of the stroke, soften the edge a little
    a = img.getchannel("A")
    speck = Image.effect_noise(img.size, 60).point(lambda v: 255 if v > 70 else 90)
    a = Image.composite(a, Image.new("L", img.size, 0), speck).filter(ImageFilter.GaussianBlur(1.2))
    img.putalpha(a)
    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=3)
    return buf.getvalue(), (w_pt, h_pt)
