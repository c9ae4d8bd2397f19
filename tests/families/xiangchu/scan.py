"""Scanned output: each printed page rasterised at 150–200 dpi, greyscale paper with the red seal kept
in colour, a slight rotation, uneven light with a darker binding edge, noise and JPEG artefacts."""

from __future__ import annotations

import io
import random

import numpy as np
import pymupdf
from PIL import Image


def scan_page(page: pymupdf.Page, rng: random.Random) -> bytes:
    dpi = rng.choice((150, 165, 180, 200))
    pix = page.get_pixmap(dpi=dpi, alpha=False)
    rgb = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3).astype(np.float32)
    grey = rgb @ np.array([0.299, 0.587, 0.114], np.float32)
    red = (rgb[..., 0] - np.maximum(rgb[..., 1], rgb[..., 2])) > 45  # seal ink keeps its colour
    out = np.repeat(grey[..., None], 3, axis=2)
    out[red] = rgb[red]
    h, w = grey.shape
    nprng = np.random.default_rng(rng.randrange(2**32))
    xs = np.linspace(0, 1, w, dtype=np.float32)
    ys = np.linspace(0, 1, h, dtype=np.float32)
    edge = 0.80 + 0.20 * np.clip(xs / 0.07, 0, 1)  # the binding side (left) is darker
    if rng.random() < 0.5:
        edge = edge[::-1]
    light = 0.93 + 0.06 * np.outer(1 - (ys - rng.uniform(0.2, 0.8)) ** 2, np.ones_like(xs))
    out = out * (edge[None, :] * light)[..., None] * np.array([0.985, 0.975, 0.955], np.float32)
    out += nprng.normal(0, 5.0, out.shape[:2])[..., None]
    img = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    paper = tuple(int(v) for v in np.median(out[: h // 20, w // 3 : 2 * w // 3].reshape(-1, 3), axis=0))
    img = img.rotate(rng.uniform(-1.5, 1.5), resample=Image.BICUBIC, fillcolor=paper)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=rng.randint(38, 60))
    return buf.getvalue()


def scanned_copy(src: pymupdf.Document, seed: int) -> pymupdf.Document:
    """An image-only document with one page per page of ``src``."""
    rng = random.Random(seed * 104729 + 9)
    out = pymupdf.open()
    for page in src:
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=scan_page(page, rng))
    return out
