"""DOCX → PDF with LibreOffice, pages per document, seals, and the scanner."""

from __future__ import annotations

import atexit
import io
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pymupdf as fitz
from PIL import Image, ImageFilter

from . import seal
from .ctx import Spec

_PROFILE = Path(tempfile.gettempdir()) / f"lo-liaoshen-{os.getpid()}"  # one LibreOffice profile per process


def convert(docx: Path, out_dir: Path) -> Path:
    if not _PROFILE.exists():
        atexit.register(shutil.rmtree, _PROFILE, True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{_PROFILE}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    out = out_dir / (docx.stem + ".pdf")
    if not out.exists():
        raise RuntimeError(f"LibreOffice wrote no PDF for {docx.name}")
    return out


def _footer_no(page: fitz.Page) -> str:
    r = page.rect
    clip = fitz.Rect(0, r.height - 50, r.width, r.height)  # below the bottom margin: the footer only
    return "".join(page.get_text("text", clip=clip).split())


def page_counts(pdf: fitz.Document, specs: list[Spec]) -> list[int]:
    """Each document is its own Word section: a numbered one starts on the page whose footer reads
    第1页, an unnumbered one (cover, 卷内目录, 备考表) on the next page with no footer number."""

    def opens(page: fitz.Page, numbered: bool) -> bool:
        footer = _footer_no(page)
        return footer == "第1页" if numbered else footer == ""

    starts, i = [], 0
    for spec in specs:
        while i < len(pdf) and not opens(pdf[i], spec.numbered):
            i += 1
        if i >= len(pdf):
            raise RuntimeError(f"no first page found for {spec.title}")
        starts.append(i)
        i += 1
    ends = [*starts[1:], len(pdf)]
    return [e - s for s, e in zip(starts, ends, strict=True)]


def number_pages(pdf: fitz.Document, first: int, n: int, rng: random.Random) -> None:
    """The archive numbers a clerk stamps with a numbering machine, bottom right of each body page."""
    for k in range(n):
        page = pdf[first + k]
        r = page.rect
        x = r.width - 62 + rng.uniform(-4, 4)
        y = r.height - 30 + rng.uniform(-3, 3)
        page.insert_text((x, y), str(k + 1), fontname="cour", fontsize=13, color=(0.1, 0.15, 0.45))


def stamp(
    pdf: fitz.Document, specs: list[Spec], counts: list[int], agency: str, bank: str, rng: random.Random
) -> list[list[int]]:
    """Seals over the agency's signature line (last page of the document); returns sealed pages."""
    sealed: list[list[int]] = []
    first = 0
    for spec, n in zip(specs, counts, strict=True):
        pages: list[int] = []
        if spec.type == "证据材料":
            page = pdf[first]
            hits = page.search_for("（复印件粘贴处）")
            if hits:
                top = hits[0].y1 + 12
                rect = fitz.Rect(110, top, page.rect.width - 110, top + 230)
                card = any(k in spec.title for k in ("证", "执照"))
                page.insert_image(rect, stream=seal.photocopy(rng, card), keep_proportion=True)
        if spec.seal or spec.bank:
            for k in range(n - 1, -1, -1):
                page = pdf[first + k]
                hits = page.search_for(agency + "（印章）") if spec.seal else page.search_for("收据联")
                if hits:
                    h = hits[-1]
                    cx, cy = (h.x0 + h.x1) / 2, (h.y0 + h.y1) / 2
                    if spec.seal:
                        png, half = seal.round_seal(agency, rng), 60
                        cx += rng.uniform(-10, 10)
                        cy += 8 + rng.uniform(-6, 6)
                    else:
                        png, half = seal.bank_stamp(bank, "", rng), 55
                        cx, cy = page.rect.width * 0.72, h.y0 - 80
                    rect = fitz.Rect(cx - half, cy - half, cx + half, cy + half)
                    page.insert_image(rect, stream=png, overlay=True)
                    pages.append(k)
                    break
        sealed.append(pages)
        first += n
    return sealed


def scan(pdf: fitz.Document, out: Path, rng: random.Random) -> None:
    """Image-only pages: 200 dpi grey, slight skew, toner specks, a faded band, JPEG."""
    dst = fitz.open()
    for page in pdf:
        pix = page.get_pixmap(dpi=200, colorspace=fitz.csGRAY)
        img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
        a = np.asarray(img, dtype=np.float32)
        h, w = a.shape
        a = 255 - (255 - a) * rng.uniform(0.72, 0.95)  # faded toner
        y0 = rng.randrange(h)
        band = slice(y0, min(h, y0 + rng.randint(20, 80)))
        a[band] = 255 - (255 - a[band]) * 0.55  # a light streak across the page
        nrng = np.random.default_rng(rng.randrange(1 << 30))
        a += nrng.normal(0, 7, a.shape)
        specks = nrng.random(a.shape) < 0.0006
        a[specks] = nrng.uniform(40, 120, specks.sum())
        a += np.linspace(0, rng.uniform(-14, 14), w)[None, :]  # uneven lamp
        img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        img = img.rotate(rng.uniform(-0.9, 0.9), resample=Image.BICUBIC, fillcolor=rng.randint(225, 245))
        img = img.filter(ImageFilter.GaussianBlur(0.5))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=rng.randint(55, 75))
        newp = dst.new_page(width=page.rect.width, height=page.rect.height)
        newp.insert_image(newp.rect, stream=buf.getvalue())
    dst.save(out, garbage=3, deflate=True)
