"""Red seals and bank stamps as transparent PNGs (Pillow), so they never enter the text layer."""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SERIF_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
SANS_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SC = 2  # index of the SC face in the Noto CJK collections
RED = (205, 28, 36)
INK = (*RED, 255)


@lru_cache(maxsize=8)
def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=SC)


def _ink(img: Image.Image, rng: random.Random, strength: float = 0.35) -> Image.Image:
    """Uneven stamp ink: alpha thinned in blotches, edges softened."""
    a = np.asarray(img.getchannel("A"), dtype=np.float32)
    h, w = a.shape
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    blot = nrng.random((h // 16 + 1, w // 16 + 1)).astype(np.float32)
    blot = np.asarray(
        Image.fromarray((blot * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC), np.float32
    )
    grain = nrng.random((h, w)).astype(np.float32)
    keep = 1.0 - strength * (blot / 255.0) - 0.25 * (grain > 0.93)
    a = np.clip(a * keep * 0.88, 0, 255).astype(np.uint8)
    img.putalpha(Image.fromarray(a).filter(ImageFilter.GaussianBlur(0.6)))
    return img


def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.38
        ang = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    d.polygon(pts, fill=INK)


@lru_cache(maxsize=64)
def seal_png(agency: str, seed: int) -> bytes:
    """A round official seal: ring, the agency's name around the upper arc, a star in the middle."""
    rng = random.Random(seed)
    size = 420
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c, r = size / 2, size / 2 - 8
    d.ellipse((c - r, c - r, c + r, c + r), outline=INK, width=11)
    _star(d, c, c, 52)
    f = font(SERIF_BOLD, 46)
    n = len(agency)
    span = min(250.0, 24.0 * n + 16)
    for i, ch in enumerate(agency):
        ang = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
        glyph = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((32, 32), ch, font=f, fill=INK, anchor="mm")
        glyph = glyph.rotate(-math.degrees(ang) - 90, resample=Image.BICUBIC)
        rr = r - 44
        img.alpha_composite(glyph, (int(c + rr * math.cos(ang) - 32), int(c + rr * math.sin(ang) - 32)))
    img = img.rotate(rng.uniform(-12, 12), resample=Image.BICUBIC)
    return _png(_ink(img, rng))


def stamp_png(lines: list[str], seed: int) -> bytes:
    """A bank's oval 业务受理章 / 收讫 stamp: a few short centred lines inside an ellipse."""
    rng = random.Random(seed)
    w, h = 420, 240
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((6, 6, w - 6, h - 6), outline=INK, width=7)
    f = font(SANS_BOLD, min(34, int((w - 90) / max(len(x) for x in lines))))
    step = (h - 60) / max(1, len(lines))
    for i, line in enumerate(lines):
        d.text((w / 2, 30 + step * (i + 0.5)), line, font=f, fill=INK, anchor="mm")
    img = img.rotate(rng.uniform(-8, 8), resample=Image.BICUBIC, expand=True)
    return _png(_ink(img, rng, 0.3))


def photo_png(label: str, seed: int, w: int = 900, h: int = 600) -> bytes:
    """A grey stand-in for a photocopied certificate or a scene photo pasted on an evidence sheet."""
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    base = nrng.normal(200, 18, (h // 8, w // 8)).clip(0, 255).astype(np.uint8)
    img = Image.fromarray(base).resize((w, h), Image.BICUBIC).convert("RGB")
    d = ImageDraw.Draw(img)
    for _ in range(7):
        x0, y0 = rng.randrange(w - 200), rng.randrange(h - 120)
        g = rng.randrange(60, 170)
        d.rectangle((x0, y0, x0 + rng.randrange(80, 260), y0 + rng.randrange(20, 110)), fill=(g, g, g))
    d.rectangle((0, 0, w - 1, h - 1), outline=(40, 40, 40), width=4)
    d.text((w / 2, h - 40), label, font=font(SANS_BOLD, 36), fill=(30, 30, 30), anchor="mm")
    buf = io.BytesIO()
    img.convert("L").save(buf, "JPEG", quality=60)
    return buf.getvalue()


def _png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=False)
    return buf.getvalue()
