"""Red seals as RGBA PNGs: the round agency seal (ring, star, name on an arc) and a bank stamp."""

from __future__ import annotations

import io
import math
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

RED = (214, 28, 36)


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont:
    from casegen.fonts import pil_font_source

    source, index = pil_font_source()
    if isinstance(source, bytes):
        return ImageFont.truetype(io.BytesIO(source), size, index=index)
    return ImageFont.truetype(source, size, index=index)


def _star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.38
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    return pts


def _ink(img: Image.Image, seed: str) -> Image.Image:
    """Uneven ink: thin the alpha in blotches so the seal looks stamped, not drawn."""
    rng = np.random.default_rng(sum(ord(ch) * (i + 1) for i, ch in enumerate(seed)))  # stable across runs
    arr = np.asarray(img).copy()
    h, w = arr.shape[:2]
    coarse = rng.uniform(0.72, 1.0, size=(h // 24 + 1, w // 24 + 1)).astype(np.float32)
    big = np.asarray(
        Image.fromarray((coarse * 255).astype(np.uint8)).resize((w, h), Image.Resampling.BILINEAR)
    )
    fine = rng.uniform(0.86, 1.0, size=(h, w)).astype(np.float32)
    arr[..., 3] = (arr[..., 3].astype(np.float32) * big / 255.0 * fine).astype(np.uint8)
    return Image.fromarray(arr, "RGBA")


def agency_seal(name: str, size: int = 440) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    colour = (*RED, 235)
    m = size * 0.03
    draw.ellipse((m, m, size - m, size - m), outline=colour, width=int(size * 0.042))
    c = size / 2
    draw.polygon(_star(c, c, size * 0.17), fill=colour)
    chars = list(name)
    fs = int(size * (0.13 if len(chars) <= 10 else 0.11))
    span = min(250.0, 23.0 * len(chars))
    radius = size * 0.335
    font = _font(fs)
    for i, ch in enumerate(chars):
        deg = -span / 2 + span * (i + 0.5) / len(chars)
        a = math.radians(deg - 90)
        tile = Image.new("RGBA", (fs * 2, fs * 2), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((fs, fs), ch, font=font, fill=colour, anchor="mm")
        tile = tile.rotate(-deg, resample=Image.Resampling.BICUBIC)
        x, y = c + radius * math.cos(a), c + radius * math.sin(a)
        img.alpha_composite(tile, (int(x - fs), int(y - fs)))
    return _ink(img, name)


def bank_stamp(bank: str, date: str, size: tuple[int, int] = (400, 210)) -> Image.Image:
    w, h = size
    img = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    colour = (*RED, 230)
    draw.rounded_rectangle((6, 6, w - 6, h - 6), radius=22, outline=colour, width=7)
    short = bank.replace("股份有限公司", "")
    for text, y, fs in (
        (short, h * 0.27, 34 if len(short) <= 10 else 28),
        (date, h * 0.52, 38),
        ("转讫", h * 0.77, 36),
    ):
        draw.text((w / 2, y), text, font=_font(fs), fill=colour, anchor="mm")
    return _ink(img, bank + date)


@lru_cache(maxsize=64)
def seal_png(key: str, agency: str, angle: int) -> bytes:
    if key.startswith("bank|"):
        _, bank, date = key.split("|")
        img = bank_stamp(bank, date)
    else:
        img = agency_seal(agency)
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False)
    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=3)
    return buf.getvalue()
