"""Saibei scan defects: an archive scanned after binding.

A bound 案卷 is scanned on a flatbed: the left gutter is shadowed, the two binding holes show as dark
discs, paper is slightly cream, the page sits a little askew, dust specks and now and then a faint
vertical streak from the glass. JPEG at moderate quality; text stays easy to read.
"""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
import pymupdf

DPI = 200


def degrade(pix: pymupdf.Pixmap, rng: random.Random) -> bytes:
    img = (
        np.frombuffer(pix.samples, dtype=np.uint8)
        .reshape(pix.height, pix.width, pix.n)[:, :, :3]
        .astype(np.float32)
    )
    h, w = img.shape[:2]
    # Cream paper: blue and green a little low.
    img *= np.array([0.99, 0.975, 0.93], dtype=np.float32)[None, None, :]  # pixmap channels are RGB
    # Gutter shadow on the binding side.
    band = int(w * rng.uniform(0.03, 0.06))
    ramp = np.linspace(0.55, 1.0, band, dtype=np.float32)
    img[:, :band, :] *= ramp[None, :, None]
    # Binding holes.
    cx = int(w * 0.035)
    for fy in (0.36, 0.64):
        cv2.circle(
            img, (cx + rng.randint(-3, 3), int(h * fy) + rng.randint(-6, 6)), int(w * 0.014), (40, 38, 36), -1
        )
    # Dust.
    for _ in range(rng.randint(40, 120)):
        x, y = rng.randrange(w), rng.randrange(h)
        cv2.circle(img, (x, y), rng.choice((1, 1, 2)), (90, 90, 90), -1)
    # Occasional faint streak from the glass.
    if rng.random() < 0.35:
        x = rng.randrange(int(w * 0.2), int(w * 0.9))
        img[:, x : x + 2, :] *= 0.86
    # Slight skew and offset.
    angle = rng.uniform(-0.7, 0.7)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    m[0, 2] += rng.uniform(-8, 8)
    m[1, 2] += rng.uniform(-8, 8)
    img = cv2.warpAffine(img, m, (w, h), borderMode=cv2.BORDER_CONSTANT, borderValue=(236, 232, 222))
    img = cv2.GaussianBlur(img, (3, 3), 0.6)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 3.0, img.shape).astype(np.float32)
    img = np.clip(img + noise, 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(img, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, 72])
    assert ok
    return io.BytesIO(buf.tobytes()).getvalue()


def to_scan(src: pymupdf.Document, rng: random.Random) -> pymupdf.Document:
    out = pymupdf.open()
    for page in src:
        pix = page.get_pixmap(dpi=DPI)
        jpg = degrade(pix, rng)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=jpg)
    return out
