"""A page as the office's forms print it, drawn at 200 dpi, remembering each printed line for the
scanner app's OCR layer. Labels and ruling are in the form's serif typeface; what the clerk filled in
is in a sans face, inked darker blue, sometimes a little off its line."""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFont

W, H = 1654, 2339  # A4 at 200 dpi
LEFT, RIGHT, TOP, BOTTOM = 165, 1490, 190, 2140
INK = (28, 38, 96)  # the clerk's filled-in values
SEAL_RED = (214, 40, 44)
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SERIF_B = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


@lru_cache(maxsize=64)
def font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    path = {"form": SERIF, "title": SERIF_B, "fill": SANS, "print": SANS}[kind]
    return ImageFont.truetype(path, size, index=2)  # index 2 = SC


@dataclass
class Line:
    """One printed line as the OCR layer sees it (pixels)."""

    x: float
    y: float  # top of the glyph box
    size: int
    text: str
    noisy: bool = False  # running prose: the OCR layer may misread a character here


@dataclass
class Sheet:
    img: Image.Image
    lines: list[Line] = field(default_factory=list)
    sealed: bool = False

    @classmethod
    def blank(cls, rng: random.Random) -> Sheet:
        tone = rng.randint(244, 251)
        return cls(Image.new("RGB", (W, H), (tone, tone, tone - rng.randint(2, 6))))

    @property
    def draw(self) -> ImageDraw.ImageDraw:
        return ImageDraw.Draw(self.img)

    def text(
        self, x: float, y: float, s: str, kind: str = "form", size: int = 34, *, noisy: bool = False
    ) -> float:
        """Draw ``s`` with its top-left at (x, y); return its width."""
        if not s:
            return 0.0
        f = font(kind, size)
        fill = INK if kind == "fill" else (22, 22, 22)  # "print": machine-printed values, black
        self.draw.text((x, y - size * 0.12), s, font=f, fill=fill)
        self.lines.append(Line(x, y, size, s, noisy))
        return f.getlength(s)

    def rule(self, x0: float, y0: float, x1: float, y1: float, width: int = 2) -> None:
        self.draw.line((x0, y0, x1, y1), fill=(40, 40, 40), width=width)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.draw.rectangle((x0, y0, x1, y1), outline=(40, 40, 40), width=2)

    def scribble(self, rng: random.Random, x: float, y: float, w: float = 150) -> None:
        """A handwritten signature: a fast looping stroke, not legible."""
        pts, cx = [], x
        for i in range(rng.randint(14, 22)):
            cx += w / 18 * rng.uniform(0.4, 1.3)
            pts.append((cx + 14 * math.sin(i * 1.7), y + rng.uniform(-22, 22) + 10 * math.cos(i * 2.3)))
        self.draw.line(pts, fill=INK, width=3, joint="curve")
        self.draw.line((x + 10, y + 26, x + w * 0.9, y + 18 + rng.uniform(-6, 6)), fill=INK, width=2)

    def seal(self, agency: str, cx: float, cy: float, rng: random.Random) -> None:
        """Stamp the agency's round red seal (multiplied over the ink, slightly rotated)."""
        stamp = _seal_image(agency).rotate(rng.uniform(-14, 14), resample=Image.BICUBIC, fillcolor="white")
        r = stamp.width // 2
        box = (int(cx - r), int(cy - r), int(cx + r), int(cy + r))
        self.img.paste(ImageChops.multiply(self.img.crop(box), stamp), box)
        self.sealed = True


@lru_cache(maxsize=8)
def _seal_image(agency: str) -> Image.Image:
    """A 42 mm round seal: a thick ring, the agency's name round the top arc, a star in the middle."""
    d = 340
    im = Image.new("RGB", (d, d), "white")
    dr = ImageDraw.Draw(im)
    c = d / 2
    dr.ellipse((6, 6, d - 6, d - 6), outline=SEAL_RED, width=9)
    f = font("title", 36)
    n = len(agency)
    span = min(250.0, 20.0 * n)
    for i, ch in enumerate(agency):
        ang = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
        glyph = Image.new("L", (44, 44), 0)
        ImageDraw.Draw(glyph).text((22, 22), ch, font=f, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(ang) - 90, resample=Image.BICUBIC)
        gx, gy = c + 122 * math.cos(ang) - 22, c + 122 * math.sin(ang) - 22
        im.paste(Image.new("RGB", (44, 44), SEAL_RED), (int(gx), int(gy)), glyph)
    star = [
        (
            c + (48 if k % 2 == 0 else 19) * math.cos(math.radians(-90 + 36 * k)),
            c + 8 + (48 if k % 2 == 0 else 19) * math.sin(math.radians(-90 + 36 * k)),
        )
        for k in range(10)
    ]
    dr.polygon(star, fill=SEAL_RED)
    return im


# Values a clerk never splits across lines (case number, names, amounts): set per case by write_case.
KEEP: list[str] = []


def _tokens(s: str) -> list[str]:
    keep = "|".join(re.escape(k) for k in sorted(KEEP, key=len, reverse=True) if k)
    pattern = (keep + "|" if keep else "") + r"[0-9A-Za-z¥.,·:%\-]+|\n|."
    return re.findall(pattern, s, flags=re.S)


def wrap(s: str, kind: str, size: int, width: float) -> list[str]:
    """Break ``s`` into lines that fit ``width`` pixels: CJK breaks anywhere, but a number, a code
    or a kept value moves whole to the next line (unless it is wider than a line)."""
    f, out, cur = font(kind, size), [], ""
    for tok in _tokens(s):
        if tok == "\n":
            out.append(cur)
            cur = ""
            continue
        if f.getlength(cur + tok) > width and cur:
            if f.getlength(tok) > width:  # too long for any line: break it by character
                for ch in tok:
                    if f.getlength(cur + ch) > width and cur:
                        out.append(cur)
                        cur = ""
                    cur += ch
                continue
            out.append(cur)
            cur = ""
        cur += tok
    if cur:
        out.append(cur)
    return out or [""]
