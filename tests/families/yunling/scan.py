"""The county archive's scan: colour 200 dpi on yellowed paper, staple and punch holes, pencil marks,
slight skew, some pages fed upside down and one turned 90°, JPEG-compressed into image-only pages."""

from __future__ import annotations

import io
import random

import numpy as np
import pymupdf as fitz
from PIL import Image, ImageDraw, ImageFilter, ImageFont

PENCIL = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
NOTES = ("已核", "共{n}页", "附件见后", "√ 复核", "存档")


def _font(size: int) -> ImageFont.ImageFont:
    try:
        return ImageFont.truetype(PENCIL, size)
    except OSError:
        return ImageFont.load_default()


def _paper(img: Image.Image, rng: random.Random) -> Image.Image:
    """Yellow tint (multiply) and a little grain; dark ink stays dark."""
    a = np.asarray(img).astype(np.float32)
    tint = np.array([252, 244, 220], np.float32) / 255.0 * rng.uniform(0.97, 1.0)
    a = a * tint
    a += np.random.default_rng(rng.randrange(1 << 30)).normal(0, 4.0, a.shape[:2])[..., None]
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def _holes(img: Image.Image, rng: random.Random) -> None:
    draw = ImageDraw.Draw(img, "RGBA")
    w, h = img.size
    # two staple holes near the top-left, a staple-shaped dent between them
    x, y = int(w * 0.05), int(h * 0.07)
    for dx in (0, int(w * 0.03)):
        draw.ellipse((x + dx - 4, y - 4, x + dx + 4, y + 4), fill=(60, 55, 45, 230))
    draw.line((x, y, x + int(w * 0.03), y), fill=(120, 115, 100, 120), width=2)
    # two punched holes with a soft shadow ring at the left margin
    for fy in (0.38, 0.62):
        cy, cx, r = int(h * fy), int(w * 0.035), int(w * 0.018)
        draw.ellipse((cx - r - 5, cy - r - 5, cx + r + 5, cy + r + 5), fill=(90, 85, 70, 70))
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(45, 42, 38, 255))


def _pencil(img: Image.Image, rng: random.Random, n_pages: int) -> None:
    """A pencil tick or a short handwritten note in the right margin."""
    draw = ImageDraw.Draw(img, "RGBA")
    w, h = img.size
    grey = (95, 95, 100, 190)
    x, y = int(w * 0.935), int(h * rng.uniform(0.15, 0.8))  # the right margin, clear of the grid
    if rng.random() < 0.5:
        draw.line((x, y, x + 10, y + 14, x + 34, y - 22), fill=grey, width=3, joint="curve")
    else:
        note = rng.choice(NOTES).format(n=n_pages)
        layer = Image.new("RGBA", (260, 70), (0, 0, 0, 0))
        ImageDraw.Draw(layer).text((5, 5), note, font=_font(34), fill=grey)
        layer = layer.rotate(rng.uniform(-12, 12), expand=True, resample=Image.BICUBIC)
        img.paste(layer, (int(w * rng.uniform(0.55, 0.7)), int(h * 0.91)), layer)  # bottom margin


def scan_pdf(src: fitz.Document, rng: random.Random, dpi: int = 200) -> fitz.Document:
    out = fitz.open()
    n = len(src)
    upside = set(rng.sample(range(1, n), k=min(2, n - 1))) if n > 2 else set()
    turned = rng.choice([i for i in range(1, n) if i not in upside]) if n > 3 else -1
    for i, page in enumerate(src):
        pix = page.get_pixmap(dpi=dpi)
        img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
        img = _paper(img, rng)
        _holes(img, rng)
        if rng.random() < 0.45:
            _pencil(img, rng, n)
        img = img.filter(ImageFilter.GaussianBlur(0.45))
        img = img.rotate(rng.uniform(-1.1, 1.1), resample=Image.BICUBIC, fillcolor=(236, 228, 204))
        if i in upside:
            img = img.rotate(180)
        if i == turned:
            img = img.rotate(rng.choice((90, 270)), expand=True)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=rng.randint(55, 68), subsampling=2)
        w, h = img.width * 72 / dpi, img.height * 72 / dpi
        out.new_page(width=w, height=h).insert_image(fitz.Rect(0, 0, w, h), stream=buf.getvalue())
    return out
