"""Haixi scan look: a bound paper file put through an office scanner.

What the archive did to the paper before scanning: two binding holes at the left margin and a
numbering-machine page number (blue-black) at the top right of every numbered page. What the scanner
adds: warm paper tone with uneven light, a slight skew, a grey shadow along one long edge, sensor
noise, softening and JPEG compression. Everything stays readable for a person.
"""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image, ImageDraw, ImageFilter

from casegen.fonts import pil_font_source

DPI = 200


def _stamp_font(size: int):
    from PIL import ImageFont

    src, index = pil_font_source()
    if isinstance(src, bytes):
        return ImageFont.truetype(io.BytesIO(src), size, index=index)
    return ImageFont.truetype(src, size, index=index)


def _degrade(img: Image.Image, number: int | None, rng: random.Random) -> bytes:
    w, h = img.size
    k = DPI / 72
    draw = ImageDraw.Draw(img)
    # binding holes (the file was bound on its left edge before it was scanned)
    for fy in (0.36, 0.64):
        cx, cy, r = 20 * k, h * fy, 5.5 * k
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(236, 236, 232), outline=(120, 120, 120), width=3)
    if number is not None:
        font = _stamp_font(int(15 * k))
        x, y = w - 58 * k + rng.uniform(-4, 4) * k, 22 * k + rng.uniform(-3, 3) * k
        layer = Image.new("L", img.size, 0)
        ImageDraw.Draw(layer).text((x, y), str(number), font=font, fill=200)
        layer = layer.rotate(rng.uniform(-4, 4), center=(x, y)).filter(ImageFilter.GaussianBlur(0.8))
        img.paste(Image.new("RGB", img.size, (32, 44, 110)), (0, 0), layer)
    img = img.rotate(rng.uniform(-0.7, 0.7), resample=Image.Resampling.BICUBIC, fillcolor=(250, 250, 248))
    a = np.asarray(img).astype(np.float32)
    # warm paper and uneven illumination (brighter in the middle, darker towards one corner)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h
    light = 1.0 - 0.07 * (((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2) * 2
    a *= light[..., None]
    a *= np.array([1.0, 0.975, 0.93], dtype=np.float32)
    # shadow along the right or left edge where the lid did not close on the binding
    band = int(rng.uniform(6, 14) * k)
    ramp = np.linspace(0.55, 1.0, band, dtype=np.float32)
    if rng.random() < 0.5:
        a[:, :band] *= ramp[None, :, None]
    else:
        a[:, w - band :] *= ramp[::-1][None, :, None]
    a += np.random.default_rng(rng.randrange(1 << 30)).normal(0, 5.0, a.shape[:2])[..., None]
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.55))
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=rng.randint(66, 80))
    return buf.getvalue()


def write_scanned(pdf: pymupdf.Document, path: Path, numbers: list[int | None], rng: random.Random) -> None:
    out = pymupdf.open()
    for page, number in zip(pdf, numbers, strict=True):
        pix = page.get_pixmap(dpi=DPI)
        img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
        jpeg = _degrade(img, number, rng)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=jpeg)
    out.save(path, garbage=3, deflate=True)
