"""Pictures on the printout: red seals (as images, so a digital file carries no seal text), hand
signatures, the header's QR-like square and the 文书编号 barcode (vector)."""

from __future__ import annotations

import functools
import io
import math
import random

import numpy as np
import pymupdf
from PIL import Image, ImageDraw, ImageFont

from families.xiangchu.fmt import digest
from families.xiangchu.fonts import PIL_SC_INDEX, SERIF_BOLD_TTC, SERIF_TTC

SEAL_RED = (206, 24, 30)
INK = (22, 28, 70)  # blue-black ballpoint
SEAL_A, INK_A = (*SEAL_RED, 255), (*INK, 235)


def _png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@functools.cache
def seal_png(name: str, bottom: str, seed: int) -> bytes:
    """A round agency seal: ring, star, the name along the upper arc, a line under the star."""
    size = 360
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c, r = size / 2, size / 2 - 8
    d.ellipse((c - r, c - r, c + r, c + r), outline=SEAL_A, width=11)
    star = [
        (
            c + (44 if i % 2 == 0 else 17) * math.sin(i * math.pi / 5),
            c - (44 if i % 2 == 0 else 17) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]
    d.polygon(star, fill=SEAL_A)
    font = ImageFont.truetype(str(SERIF_BOLD_TTC), 40, index=PIL_SC_INDEX)
    span = min(250.0, 26.0 * len(name))  # degrees of arc the name takes
    for i, ch in enumerate(name):
        ang = -span / 2 + span * (i + 0.5) / len(name)
        glyph = Image.new("RGBA", (52, 52), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((26, 26), ch, font=font, fill=SEAL_A, anchor="mm")
        glyph = glyph.rotate(-ang, resample=Image.BICUBIC)
        rr = r - 42
        x = c + rr * math.sin(math.radians(ang))
        y = c - rr * math.cos(math.radians(ang))
        img.alpha_composite(glyph, (int(x - 26), int(y - 26)))
    if bottom:
        small = ImageFont.truetype(str(SERIF_BOLD_TTC), 26, index=PIL_SC_INDEX)
        d.text((c, c + 82), bottom, font=small, fill=SEAL_A, anchor="mm")
    # uneven ink: thin the alpha in blotches so the seal looks stamped, not drawn
    rng = np.random.default_rng(seed)
    a = np.asarray(img).copy()
    blot = rng.random((size // 12 + 1, size // 12 + 1))
    blot = np.kron(blot, np.ones((12, 12)))[:size, :size]
    a[..., 3] = (a[..., 3] * (0.62 + 0.38 * blot) * 0.92).astype(np.uint8)
    return _png(Image.fromarray(a))


@functools.cache
def half_seal_png(name: str, seed: int) -> bytes:
    """The left half of the seal: a 骑缝章 cut at the right page edge."""
    img = Image.open(io.BytesIO(seal_png(name, "", seed)))
    return _png(img.crop((0, 0, img.width // 2, img.height)))


@functools.cache
def signature_png(name: str, seed: int) -> bytes:
    """A quick hand signature: the name in serif, slanted and slightly rotated, ballpoint ink."""
    rng = random.Random(seed)
    font = ImageFont.truetype(str(SERIF_TTC), 46, index=PIL_SC_INDEX)
    w = 52 * max(2, len(name)) + 30
    img = Image.new("RGBA", (w, 80), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    x = 12
    for ch in name:
        d.text((x, 40 + rng.randint(-5, 5)), ch, font=font, fill=INK_A, anchor="lm")
        x += 40 + rng.randint(-4, 6)
    img = img.transform(img.size, Image.AFFINE, (1, 0.28, -10, 0, 1, 0), resample=Image.BICUBIC)
    img = img.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC)
    return _png(img.crop((0, 0, min(w, x + 24), 80)))


def qr_box(page: pymupdf.Page, rect: pymupdf.Rect, key: str) -> None:
    """A QR-like square (21 modules, three finder marks), decided by ``key``; not a real code."""
    page.draw_rect(rect, color=(1, 1, 1), fill=(1, 1, 1))
    n, cell = 21, (rect.width - 4) / 21
    bits = digest(key, "qr") | (digest(key, "qr2") << 48) | (digest(key, "qr3") << 96)
    shape = page.new_shape()
    for i in range(n):
        for j in range(n):
            finder = next(
                ((i - a, j - b) for a, b in ((0, 0), (0, 14), (14, 0)) if 0 <= i - a < 7 and 0 <= j - b < 7),
                None,
            )
            if finder is not None:
                fi, fj = finder
                on = fi in (0, 6) or fj in (0, 6) or (2 <= fi <= 4 and 2 <= fj <= 4)
            else:
                on = bool((bits >> ((i * n + j) % 140)) & 1) ^ ((i * j) % 3 == 0)
            if on:
                x, y = rect.x0 + 2 + j * cell, rect.y0 + 2 + i * cell
                shape.draw_rect(pymupdf.Rect(x, y, x + cell, y + cell))
    shape.finish(color=None, fill=(0, 0, 0))
    shape.commit()


def barcode(page: pymupdf.Page, rect: pymupdf.Rect, key: str) -> None:
    """Bars of varying width for the 文书编号 (Code-128 look, decided by ``key``)."""
    rng = random.Random(digest(key, "bar"))
    shape = page.new_shape()
    x = rect.x0
    while x < rect.x1 - 3:
        w = rng.choice((0.7, 0.7, 1.4, 2.1))
        if rng.random() < 0.55:
            shape.draw_rect(pymupdf.Rect(x, rect.y0, min(x + w, rect.x1), rect.y1))
        x += w + rng.choice((0.7, 1.4))
    shape.finish(color=None, fill=(0, 0, 0))
    shape.commit()
