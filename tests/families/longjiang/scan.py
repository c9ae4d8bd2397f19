"""The scanned variant: each digital page rasterised and passed through a tired office copier/fax
(200 dpi, a slight skew, uneven toner, speckles, a dark band along one margin, JPEG)."""

from __future__ import annotations

import io
import random

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

DPI = 200


def _degrade(img: Image.Image, rng: random.Random) -> Image.Image:
    nrng = np.random.default_rng(rng.randrange(2**32))
    a = np.asarray(img.convert("RGB"), dtype=np.float32)
    h, w, _ = a.shape
    # toner: a slow left-right/top-bottom ramp plus one faint streak down the page
    ramp = np.linspace(rng.uniform(0.85, 1.0), rng.uniform(0.85, 1.0), w, dtype=np.float32)[None, :, None]
    vramp = np.linspace(1.0, rng.uniform(0.9, 1.05), h, dtype=np.float32)[:, None, None]
    ink = 255 - a
    ink *= ramp * vramp
    sx = rng.randrange(w // 5, 4 * w // 5)
    ink[:, sx : sx + rng.randint(6, 18)] *= 0.6
    a = 255 - ink
    # paper tone, and red ink washes out towards pink (seals stay red-ish but faded)
    a = a * 0.93 + 255 * 0.03
    red = (a[..., 0] - a[..., 1]) > 60
    a[red] = a[red] * 0.75 + np.array([240, 150, 150], dtype=np.float32) * 0.25
    # speckle noise
    n = int(h * w * 0.0006)
    ys, xs = nrng.integers(0, h, n), nrng.integers(0, w, n)
    a[ys, xs] = nrng.integers(20, 120, (n, 1))
    # a darker band along one margin where the lid did not close
    band = rng.randint(18, 45)
    side = rng.choice(("left", "right", "top"))
    shade = np.linspace(0.35, 1.0, band, dtype=np.float32)
    if side == "left":
        a[:, :band] *= shade[None, :, None]
    elif side == "right":
        a[:, w - band :] *= shade[::-1][None, :, None]
    else:
        a[:band] *= shade[:, None, None]
    a += nrng.normal(0, 4, (h, w, 1)).astype(np.float32)
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    angle = rng.uniform(0.3, 1.2) * rng.choice((-1, 1))
    out = out.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=(236, 236, 232))
    return out.filter(ImageFilter.GaussianBlur(0.5))


def scan_pdf(src: pymupdf.Document, seed: int) -> pymupdf.Document:
    """Image-only copy of ``src``: one JPEG per page, nothing to extract but pixels."""
    rng = random.Random(seed * 7 + 5)
    out = pymupdf.open()
    for n in range(len(src)):
        page = src[n]
        pix = page.get_pixmap(dpi=DPI)
        img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
        img = _degrade(img, rng)
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=rng.randint(50, 62), optimize=True)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=buf.getvalue())
    return out
