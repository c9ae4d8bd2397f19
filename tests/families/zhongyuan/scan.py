"""Scan defects of this family: 150 dpi, yellowish paper, blur, heavy JPEG, skew, an upside-down page."""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import io
import random

import numpy as np
import pymupdf
from PIL import Image, ImageFilter


def _degrade(img: Image.Image, rng: random.Random, flip: bool) -> bytes:
    img = img.convert("RGB")
    img = img.rotate(rng.uniform(-0.9, 0.9), resample=Image.Resampling.BILINEAR, fillcolor=(236, 233, 224))
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.9)))
    a = np.asarray(img).astype(np.float32)
    a *= np.array([0.97, 0.955, 0.9], dtype=np.float32)  # recycled-paper tint
    h, w = a.shape[:2]
    # a darker band along the binding edge and uneven lamp light
    ramp = np.linspace(0.86, 1.0, min(60, w))
    a[:, : len(ramp)] *= ramp[None, :, None]
    a *= (1.0 - 0.05 * np.linspace(0, 1, h))[:, None, None]
    nrng = np.random.default_rng(rng.randrange(2**31))
    a += nrng.normal(0, 6.0, a.shape[:2])[..., None]
    for _ in range(rng.randint(3, 12)):  # dust specks
        y, x = rng.randrange(h), rng.randrange(w)
        a[max(0, y - 1) : y + 2, max(0, x - 1) : x + 2] = 40
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if flip:
        out = out.rotate(180)
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=rng.randint(22, 38))
    return buf.getvalue()


def rasterise(src: pymupdf.Document, rng: random.Random, skip_flip: set[int]) -> pymupdf.Document:
    """Image-only copy of ``src``; at most one page (not in ``skip_flip``) is fed upside down."""
    flip_at = -1
    if rng.random() < 0.5:
        cands = [i for i in range(src.page_count) if i not in skip_flip]
        flip_at = rng.choice(cands) if cands else -1
    out = pymupdf.open()
    for i, page in enumerate(src):
        pix = page.get_pixmap(dpi=150)
        img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
        data = _degrade(img, rng, i == flip_at)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=data)
    return out
