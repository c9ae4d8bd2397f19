"""What the phone scanner app makes of the pages: a colour JPEG with an imperfect invisible OCR layer
(digital), or its black-and-white "document" filter with keystone and cropped edges (scanned)."""

from __future__ import annotations

import io
import random
import re

import pymupdf
from PIL import Image

from families.qiannan.canvas import H, Line, Sheet, W, font

PT = 72 / 200  # pixels at 200 dpi → PDF points
APP = "轻扫 QingScan"
# Misreads a scanner OCR makes on running text (never touching a number or a protected value).
MISREAD = {"已": "己", "日": "曰", "人": "入", "大": "太", "拨": "拔"}
NUMERALS = re.compile(r"[0-9〇一二三四五六七八九十百千万]")


def furniture(sheet: Sheet, page: int, total: int, archive: int | None) -> None:
    """The app's footer on every page; the archive number stamped top right on body pages."""
    s = sheet
    s.draw.text((W - 430, H - 95), f"{APP}  {page}/{total}", font=font("fill", 24), fill=(150, 150, 150))
    s.lines.append(Line(W - 430, H - 95, 24, f"{APP}  {page}/{total}"))
    if archive is not None:
        s.draw.ellipse((W - 200, 70, W - 110, 130), outline=(60, 60, 60), width=2)
        s.draw.text((W - 155, 100), str(archive), font=font("fill", 34), fill=(40, 40, 40), anchor="mm")
        s.lines.append(Line(W - 175, 83, 34, str(archive)))


def _protected(text: str, keep: list[str]) -> set[int]:
    spans: set[int] = set()
    for k in keep:
        for m in re.finditer(re.escape(k), text):
            spans.update(range(m.start(), m.end()))
    for m in NUMERALS.finditer(text):
        spans.update(range(max(0, m.start() - 1), m.end() + 1))
    return spans


def _ocr(line: Line, keep: list[str], rng: random.Random) -> list[tuple[float, str]]:
    """The line as the app's OCR writes it: a rare misread, and sometimes split into two runs."""
    text, safe = line.text, _protected(line.text, keep)
    if line.noisy:
        chars = list(text)
        for i, ch in enumerate(chars):
            if ch in MISREAD and i not in safe and rng.random() < 0.12:
                chars[i] = MISREAD[ch]
        text = "".join(chars)
    if text.startswith("No.") and rng.random() < 0.5:  # a slip's own serial: 0 read as O
        i = text.find("0", 3)
        text = text if i < 0 else text[:i] + "O" + text[i + 1 :]
    if len(text) > 16 and rng.random() < 0.2:
        cuts = [i for i in range(6, len(text) - 6) if i not in safe and i - 1 not in safe]
        if cuts:
            k = rng.choice(cuts)
            f = font("fill", line.size)
            return [(line.x, text[:k]), (line.x + f.getlength(text[:k]) + rng.uniform(-4, 4), text[k:])]
    return [(line.x, text)]


def digital_page(pdf: pymupdf.Document, sheet: Sheet, keep: list[str], rng: random.Random) -> None:
    img = sheet.img  # the JPEG step softens it enough
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=62)
    page = pdf.new_page(width=W * PT, height=H * PT)
    page.insert_image(page.rect, stream=buf.getvalue())
    for ln in sheet.lines:
        size = ln.size * PT * 0.96
        dy = rng.uniform(-3, 3)  # the OCR boxes sit roughly, not exactly, on the printed line
        for x, t in _ocr(ln, keep, rng):
            page.insert_text(
                (x * PT, (ln.y + ln.size * 0.86 + dy) * PT),
                t,
                fontname="china-s",
                fontsize=size,
                render_mode=3,
            )


def scanned_page(pdf: pymupdf.Document, sheet: Sheet, rng: random.Random) -> None:
    """Document filter: grey, hard contrast curve (paper white, ink black, red seal dark grey);
    keystone warp with the edges cropped off, in one resampling."""
    g = sheet.img.convert("L")
    cut = rng.uniform(14, 40)
    k = [rng.uniform(-26, 26) + cut * sgn for sgn in (1, 1, 1, -1, -1, -1, -1, 1)]
    quad = (k[0], k[1], k[2], H + k[3], W + k[4], H + k[5], W + k[6], k[7])
    g = g.transform((W, H), Image.QUAD, quad, resample=Image.BILINEAR, fillcolor=255)
    g = g.point(CURVE)
    buf = io.BytesIO()
    g.save(buf, "JPEG", quality=72)
    page = pdf.new_page(width=W * PT, height=H * PT)
    page.insert_image(page.rect, stream=buf.getvalue())


CURVE = [0 if v < 45 else 255 if v > 175 else int((v - 45) * 255 / 130) for v in range(256)]
