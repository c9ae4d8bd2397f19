"""Scanned copies: a 200 dpi black-and-white fax-like scan (skew, speckle, copier shadow, the red seal
dithered to dark grey) and, now and then, a page photographed with a phone at a slight angle."""

from __future__ import annotations

import io
import random

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

DPI = 200
# 4x4 Bayer matrix: ordered dithering turns mid greys (the seal) into a dot pattern, as fax drivers do
BAYER = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], np.float32) / 16.0


def scan_document(src: pymupdf.Document, seed: int) -> pymupdf.Document:
    rng = random.Random(seed * 7919 + 3)
    out = pymupdf.open()
    n = len(src)
    photos = set(rng.sample(range(1, n), k=min(n - 1, rng.choice((1, 1, 2))))) if n > 3 else set()
    edge = rng.choice(("left", "right"))
    for i, page in enumerate(src):
        pix = page.get_pixmap(dpi=DPI, alpha=False)
        rgb = np.frombuffer(pix.samples, np.uint8).reshape(pix.h, pix.w, 3)
        data = _photo(rgb, rng) if i in photos else _fax(rgb, rng, edge)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=data)
    return out


def _grey_with_seal(rgb: np.ndarray) -> np.ndarray:
    grey = np.asarray(Image.fromarray(rgb).convert("L"), np.float32)
    r = rgb[..., 0].astype(np.int16)
    red = (r - np.maximum(rgb[..., 1], rgb[..., 2]).astype(np.int16)) > 70
    # red ink over white reads as a mid grey on a monochrome scanner; over text it stays black
    return np.where(red & (grey > 60), np.float32(140.0), grey)


def _fax(rgb: np.ndarray, rng: random.Random, edge: str) -> bytes:
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    grey = _grey_with_seal(rgb)
    img = Image.fromarray(grey.clip(0, 255).astype(np.uint8))
    # the 200 dpi rendering is already anti-aliased; the bilinear skew softens it like a scanner lens
    img = img.rotate(rng.uniform(-2.0, 2.0), resample=Image.BILINEAR, fillcolor=255)
    a = np.asarray(img, np.float32).copy()
    h, w = a.shape
    # copier-lid shadow: a darkening band fading inward from one edge, with a hard dark rim
    band = rng.randint(40, 110)
    ramp = np.linspace(0.45, 1.0, band, dtype=np.float32)
    if edge == "left":
        a[:, :band] *= ramp
        a[:, : rng.randint(5, 12)] = 35
    else:
        a[:, w - band :] *= ramp[::-1]
        a[:, w - rng.randint(5, 12) :] = 35
    # sensor noise at half resolution (cheaper, and slightly blotchy like real scanner noise)
    noise = nrng.normal(0, 10, ((h + 1) // 2, (w + 1) // 2)).astype(np.float32)
    a += noise.repeat(2, 0).repeat(2, 1)[:h, :w]
    tile = np.tile(BAYER, (h // 4 + 1, w // 4 + 1))[:h, :w]
    thresh = 95 + tile * 105
    bw = a > thresh
    # speckle: toner dots and a few drop-outs
    k = rng.randint(500, 1500)
    ys, xs = nrng.integers(0, h - 2, k), nrng.integers(0, w - 2, k)
    bw[ys, xs] = False
    bw[ys[: k // 3] + 1, xs[: k // 3]] = False
    k2 = rng.randint(100, 300)
    bw[nrng.integers(0, h, k2), nrng.integers(0, w, k2)] = True
    out = Image.fromarray((bw * 255).astype(np.uint8)).convert("1", dither=Image.Dither.NONE)
    buf = io.BytesIO()
    out.save(buf, "PNG", dpi=(DPI, DPI))
    return buf.getvalue()


def _coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """PIL's perspective coefficients mapping output points ``dst`` back to input points ``src``."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return list(np.linalg.solve(np.array(rows, np.float64), np.array(rhs, np.float64)))


def _photo(rgb: np.ndarray, rng: random.Random) -> bytes:
    """A phone photo of the page on a desk: slight perspective, warm uneven light, JPEG."""
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    h, w, _ = rgb.shape
    page = Image.fromarray(rgb)
    j = [rng.uniform(15, 70) for _ in range(8)]
    dst = [(j[0], j[1]), (w - j[2], j[3] * 0.5), (w - j[4] * 0.6, h - j[5]), (j[6] * 1.4, h - j[7] * 0.7)]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    cf = _coeffs(dst, src)
    warped = page.transform((w, h), Image.PERSPECTIVE, cf, Image.BILINEAR, fillcolor=(0, 0, 0))
    mask = Image.new("L", (w, h), 255).transform((w, h), Image.PERSPECTIVE, cf, Image.BILINEAR, fillcolor=0)
    desk = np.full((h, w, 3), (92, 80, 68), np.float32) + nrng.normal(0, 6, (h, w, 1))
    img = Image.composite(warped, Image.fromarray(desk.clip(0, 255).astype(np.uint8)), mask)
    a = np.asarray(img, np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 1.0 - 0.22 * (((xx - w * 0.35) / w) ** 2 + ((yy - h * 0.3) / h) ** 2)
    a = a * light[..., None] * np.array([1.0, 0.97, 0.9], np.float32)
    a += nrng.normal(0, 4, a.shape)
    img = Image.fromarray(a.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=72, dpi=(DPI, DPI))
    return buf.getvalue()
