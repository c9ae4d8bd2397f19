"""This family's photocopy/scan look: yellowed paper, a book-spine shadow, punched holes at the left
margin, faint toner streaks, one page turned a few degrees."""

from __future__ import annotations

import io
import random

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

DPI = 160


def _page_image(page: pymupdf.Page, rng: random.Random, tilt: float) -> bytes:
    pix = page.get_pixmap(dpi=DPI)
    img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    a = np.asarray(img).astype(np.float32)
    h, w = a.shape[:2]
    # yellowed paper: the white takes a warm tint, ink stays dark
    tint = np.array([rng.uniform(242, 250), rng.uniform(232, 242), rng.uniform(196, 214)], np.float32)
    a = a / 255.0 * tint
    # spine shadow on the left (or right) edge and uneven lighting across the sheet
    xs = np.linspace(0, 1, w, dtype=np.float32)
    side = xs if rng.random() < 0.7 else xs[::-1]
    shade = 1 - rng.uniform(0.25, 0.45) * np.exp(-side / rng.uniform(0.03, 0.07))
    ys = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    light = 1 - rng.uniform(0.03, 0.09) * (ys - rng.uniform(0.2, 0.8)) ** 2 * 4
    a = a * shade[None, :, None] * light[:, :, None]
    # faint toner streaks of a photocopier drum
    for _ in range(rng.randint(1, 3)):
        x0, width = rng.randrange(w), rng.randint(1, 4)
        a[:, x0 : x0 + width] *= rng.uniform(0.86, 0.94)
    a += np.random.default_rng(rng.randrange(1 << 30)).normal(0, 5, a.shape).astype(np.float32)
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    # two (or four) punched holes at the left margin, dark where the scanner lid shows through
    from PIL import ImageDraw

    dr = ImageDraw.Draw(img)
    r = int(DPI * 0.12)
    cx = int(DPI * 0.42)
    holes = (0.36, 0.64) if rng.random() < 0.6 else (0.2, 0.4, 0.6, 0.8)
    for fy in holes:
        cy = int(h * fy)
        dr.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(58, 56, 52), outline=(120, 116, 104), width=2)
    if tilt:
        img = img.rotate(tilt, resample=Image.BICUBIC, expand=False, fillcolor=(226, 218, 190))
    img = img.filter(ImageFilter.GaussianBlur(0.45))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=rng.randint(62, 78))
    return buf.getvalue()


def scan(doc: pymupdf.Document, rng: random.Random) -> pymupdf.Document:
    """An image-only copy of ``doc``; one page (not the first) is rotated 3–6 degrees."""
    out = pymupdf.open()
    tilted = rng.randrange(1, len(doc)) if len(doc) > 1 else -1
    for i, page in enumerate(doc):
        tilt = rng.choice((-1, 1)) * rng.uniform(3, 6) if i == tilted else rng.uniform(-0.6, 0.6)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=_page_image(page, rng, tilt))
    return out
