"""Scan defects of a photocopied-then-scanned file: grey paper, a slight skew, halftone moiré,
a dark band where the copier lid did not close, sensor noise, soft focus and JPEG compression."""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import io
import random

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

DPI = 180


def degrade(page: pymupdf.Page, rng: random.Random) -> bytes:
    pix = page.get_pixmap(dpi=DPI)
    img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    arr = np.asarray(img).astype(np.float32)
    h, w = arr.shape[:2]
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    # Grey paper with a faint warm cast: white maps to ~225-238, ink stays dark.
    paper = rng.uniform(225, 238)
    cast = np.array([1.0, rng.uniform(0.985, 1.0), rng.uniform(0.95, 0.98)], dtype=np.float32)
    arr = arr / 255.0 * paper * cast
    # Halftone moiré: two slightly rotated dot screens beating against each other.
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a1, a2 = np.deg2rad(rng.uniform(10, 40)), np.deg2rad(rng.uniform(50, 80))
    period = rng.uniform(4.5, 6.5)
    screen = np.sin((xx * np.cos(a1) + yy * np.sin(a1)) * 2 * np.pi / period)
    screen *= np.sin((xx * np.cos(a2) + yy * np.sin(a2)) * 2 * np.pi / (period * 1.07))
    amp = rng.uniform(4.0, 7.0)
    arr += (screen * amp)[..., None]
    # Uneven illumination and noise.
    shade = 1 - 0.06 * (xx / w) * rng.choice((-1, 1)) - 0.03 * (yy / h)
    arr *= shade[..., None]
    arr += nrng.normal(0, 4.0, size=(h, w, 1))
    # The dark edge along one side.
    side = rng.choice(("left", "right", "top"))
    band = int((w if side != "top" else h) * rng.uniform(0.015, 0.035))
    ramp = np.linspace(0.18, 1.0, band, dtype=np.float32) ** 0.6
    if side == "left":
        arr[:, :band] *= ramp[None, :, None]
    elif side == "right":
        arr[:, w - band :] *= ramp[::-1][None, :, None]
    else:
        arr[:band] *= ramp[:, None, None]
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    fill = tuple(int(paper * v) for v in cast)
    out = out.rotate(rng.uniform(-0.9, 0.9), resample=Image.Resampling.BICUBIC, fillcolor=fill)
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.7)))
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=rng.randint(68, 80))
    return buf.getvalue()


def rasterise(src: pymupdf.Document, rng: random.Random) -> pymupdf.Document:
    """An image-only copy of ``src``: every page scanned onto an A4 page."""
    dst = pymupdf.open()
    for page in src:
        jpg = degrade(page, rng)
        new = dst.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=jpg)
    return dst
