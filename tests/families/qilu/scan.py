"""Scanned variant: each printed page photographed with a phone on a desk — the sheet a little
skewed in perspective, the desk showing at the edges, light falling off from one corner, a soft
hand/phone shadow, warm cast, JPEG compression. Pages become image-only PDF pages."""

from __future__ import annotations

import random

import cv2
import numpy as np
import pymupdf

DPI = 200


def photo(rgb: np.ndarray, rng: random.Random) -> np.ndarray:
    h, w = rgb.shape[:2]
    desk = np.array([rng.randint(70, 110), rng.randint(62, 95), rng.randint(50, 80)], dtype=np.float32)
    m = 0.022  # how far inside the frame the sheet's corners land, as a share of the size
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32(
        [
            [w * rng.uniform(0.004, m), h * rng.uniform(0.004, m)],
            [w * (1 - rng.uniform(0.004, m)), h * rng.uniform(0.004, m)],
            [w * (1 - rng.uniform(0.004, m)), h * (1 - rng.uniform(0.004, m))],
            [w * rng.uniform(0.004, m), h * (1 - rng.uniform(0.004, m))],
        ]
    )
    warp = cv2.getPerspectiveTransform(src, dst)
    img = cv2.warpPerspective(
        rgb, warp, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=desk.tolist()
    )
    img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.45, 0.75))  # phone optics, a touch soft
    # light, computed on a small grid (it varies slowly) and scaled up: a linear fall-off from a
    # random corner, then a soft elliptical shadow of the hand or phone near one edge
    sw, sh = w // 8, h // 8
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    cx, cy = rng.choice((0, sw)), rng.choice((0, sh))
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / np.hypot(sw, sh)
    small = 1.04 - rng.uniform(0.10, 0.18) * dist
    shadow = np.zeros((sh, sw), np.float32)
    centre = (int(rng.uniform(0.6, 1.05) * sw), int(rng.uniform(0.55, 1.0) * sh))
    cv2.ellipse(shadow, centre, (int(sw * 0.35), int(sh * 0.22)), rng.uniform(0, 180), 0, 360, 1.0, -1)
    shadow = cv2.GaussianBlur(shadow, (0, 0), sw * 0.06)
    small *= 1 - rng.uniform(0.10, 0.18) * shadow
    # uint8 arithmetic throughout (a page is 4 M pixels): light scaled by 200, warm indoor cast
    small3 = cv2.merge([small * 1.02, small, small * 0.94]) * 200.0
    light = cv2.resize(np.clip(small3, 0, 255).astype(np.uint8), (w, h), interpolation=cv2.INTER_LINEAR)
    lit = cv2.multiply(img, light, scale=1 / 200.0)
    noise = np.empty(lit.shape, np.int16)
    cv2.setRNGSeed(rng.randint(0, 2**31))
    cv2.randn(noise, 0, 3)
    return cv2.add(lit, noise, dtype=cv2.CV_8U)


def to_images(pdf: pymupdf.Document, seed: int) -> pymupdf.Document:
    """A new PDF of image-only pages, one photographed page per page of ``pdf``."""
    rng = random.Random(seed * 7919 + 13)
    out = pymupdf.open()
    for page in pdf:
        pix = page.get_pixmap(dpi=DPI, alpha=False)
        rgb = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)
        shot = photo(rgb, rng)
        ok, jpg = cv2.imencode(
            ".jpg", cv2.cvtColor(shot, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, rng.randint(62, 74)]
        )
        assert ok
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=jpg.tobytes())
    return out
