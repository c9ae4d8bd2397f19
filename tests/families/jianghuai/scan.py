"""Scanning the printed file: each page becomes one colour JPEG of about 180 dpi on an image-only
page. The defects are this family's mix: a small skew, a warm paper tint with uneven exposure from
one side, the staple's shadow along the bound edge, faint toner streaks and fine sensor noise."""

from __future__ import annotations

import random
from io import BytesIO

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

DPI = 180


def scan_page(page: pymupdf.Page, rng: random.Random) -> bytes:
    pix = page.get_pixmap(dpi=DPI, alpha=False)
    img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    a = np.asarray(img, dtype=np.float32)
    h, w = a.shape[:2]
    # warm paper and toner that is never quite black
    a = a * np.array([0.985, 0.975, 0.94], dtype=np.float32) + np.array([2, 2, 4], dtype=np.float32)
    # uneven exposure: brighter on one side, darker on the other (±7 %)
    side = rng.choice((-1.0, 1.0))
    ramp = np.linspace(-side, side, w, dtype=np.float32)[None, :] * rng.uniform(0.03, 0.07)
    vert = np.linspace(0, 1, h, dtype=np.float32)[:, None] * rng.uniform(-0.03, 0.03)
    a = a * (1.0 - ramp - vert)[..., None]
    # staple shadow along the left (bound) edge, strongest near the top
    band = int(w * rng.uniform(0.025, 0.05))
    prof = np.linspace(1, 0, band, dtype=np.float32) ** 2 * rng.uniform(0.25, 0.4)
    fall = np.clip(1.2 - np.linspace(0, 1.4, h, dtype=np.float32), 0.35, 1.0)[:, None]
    a[:, :band] *= (1.0 - prof[None, :] * fall)[..., None]
    # faint toner streaks
    for _ in range(rng.randint(1, 3)):
        x = rng.randrange(int(w * 0.1), int(w * 0.9))
        width = rng.randint(1, 3)
        a[:, x : x + width] *= rng.uniform(0.9, 0.95)
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, 3.2, a.shape[:2]).astype(np.float32)
    a = np.clip(a + noise[..., None], 0, 255).astype(np.uint8)
    out = Image.fromarray(a, "RGB")
    out = out.rotate(rng.uniform(-0.7, 0.7), resample=Image.Resampling.BICUBIC, fillcolor=(236, 233, 222))
    out = out.filter(ImageFilter.GaussianBlur(0.45))
    buf = BytesIO()
    out.save(buf, "JPEG", quality=rng.randint(62, 74), dpi=(DPI, DPI))
    return buf.getvalue()


def scanned_copy(src: pymupdf.Document, rng: random.Random) -> pymupdf.Document:
    """An image-only PDF of ``src``: every page a scan, no text layer."""
    out = pymupdf.open()
    for page in src:
        jpeg = scan_page(page, rng)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=jpeg)
    return out
