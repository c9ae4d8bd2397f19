"""Scan simulation: grey paper, soft focus, skew, sensor noise, specks and JPEG artefacts."""

from __future__ import annotations

import random
from functools import lru_cache

import cv2
import numpy as np

DPI = 200


@lru_cache(maxsize=1)
def _noise_field() -> np.ndarray:
    # One fixed field per process; pages take shifted windows of it, so noise is cheap and reproducible.
    return np.random.default_rng(20240101).standard_normal((2339 + 96, 1654 + 96)).astype(np.float32)


def set_jfif_dpi(jpeg: bytes, dpi: int = DPI) -> bytes:
    """Patch the JFIF density so readers see 200 dpi (OpenCV writes 1:1 without units)."""
    if jpeg[6:11] != b"JFIF\x00":
        return jpeg
    head = bytearray(jpeg[:18])
    head[13] = 1
    head[14:16] = dpi.to_bytes(2, "big")
    head[16:18] = dpi.to_bytes(2, "big")
    return bytes(head) + jpeg[18:]


def degrade(bgr: np.ndarray, rng: random.Random) -> tuple[bytes, float]:
    """Return JPEG bytes of the degraded page and the skew angle applied (degrees, counter-clockwise)."""
    h, w = bgr.shape[:2]
    tone = rng.uniform(0.88, 0.96)
    ink = rng.uniform(12, 35)
    tint = np.array([rng.uniform(-0.025, 0.0), rng.uniform(-0.01, 0.0), 0.0], dtype=np.float32)
    scale = (tone + tint) * 255.0 - ink
    lut = np.clip(ink + np.arange(256, dtype=np.float32)[:, None] / 255.0 * scale[None, :], 0, 255)
    img = cv2.LUT(bgr, lut.astype(np.uint8).reshape(256, 1, 3))
    img = cv2.GaussianBlur(img, (3, 3), rng.uniform(0.45, 1.0))
    angle = rng.choice((-1, 1)) * rng.uniform(0.3, 2.5)
    paper = tuple(float(x) for x in np.clip(ink + scale, 0, 255))
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    img = cv2.warpAffine(
        img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=paper
    )
    field = _noise_field()
    oy, ox = rng.randrange(0, field.shape[0] - h + 1), rng.randrange(0, field.shape[1] - w + 1)
    noise = (field[oy : oy + h, ox : ox + w] * rng.uniform(2.0, 5.5)).astype(np.int16)
    out = img.astype(np.int16)
    out += noise[..., None]
    np.clip(out, 0, 255, out=out)
    img = out.astype(np.uint8)
    for _ in range(rng.randint(3, 25)):  # dust specks
        cv2.circle(img, (rng.randrange(w), rng.randrange(h)), rng.randint(1, 3), (40, 40, 40), -1)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(55, 80)])
    if not ok:  # pragma: no cover - OpenCV always encodes a valid array
        raise RuntimeError("JPEG encoding failed")
    return set_jfif_dpi(buf.tobytes()), angle
