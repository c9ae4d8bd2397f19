"""Draw laid-out pages into PyMuPDF pages (digital text layer), and rasterise them for scans."""

# PyMuPDF ships without annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import numpy as np
import pymupdf

from casegen.fonts import digital_fonts, scan_fonts
from casegen.layout import PAGE_H, PAGE_W, RIGHT, LaidPage
from casegen.seal import seal_png

Fonts = tuple[pymupdf.Font, pymupdf.Font, bool]


class Painter:
    """Draws pages into one document, reusing seal image xrefs."""

    def __init__(self, doc: pymupdf.Document, fonts: Fonts, agency: str) -> None:
        self.doc = doc
        self.fonts = fonts
        self.agency = agency
        self.xrefs: dict[tuple[str, int], int] = {}

    def page(self, lp: LaidPage) -> pymupdf.Page:
        page = self.doc.new_page(width=PAGE_W, height=PAGE_H)
        self.draw(page, lp)
        return page

    def draw(self, page: pymupdf.Page, lp: LaidPage) -> None:
        body, title, fake_bold = self.fonts
        if lp.boxes:
            self._photos(page, lp.boxes)
        # One TextWriter per run of equally-bold lines keeps the content stream in reading order.
        runs: list[tuple[bool, pymupdf.TextWriter]] = []
        for t in lp.texts:
            if not runs or runs[-1][0] != t.bold:
                runs.append((t.bold, pymupdf.TextWriter(page.rect)))
            runs[-1][1].append((t.x, t.y), t.text, font=title if t.bold else body, fontsize=t.size)
        if lp.archive_no is not None:
            label = str(lp.archive_no)
            tw = pymupdf.TextWriter(page.rect)
            tw.append(
                (PAGE_W - RIGHT + 20 - body.text_length(label, fontsize=11), PAGE_H - 28),
                label,
                font=body,
                fontsize=11,
            )
            runs.append((False, tw))
        for is_bold, tw in runs:
            # Droid has no bold face: fill + stroke thickens the glyphs and keeps the text extractable.
            tw.write_text(page, render_mode=2 if is_bold and fake_bold else 0)
        if lp.rules:
            shape = page.new_shape()
            for x0, y0, x1, y1 in lp.rules:
                shape.draw_line((x0, y0), (x1, y1))
            shape.finish(width=0.7, color=(0, 0, 0))
            shape.commit()
        for seal in lp.seals:
            key = (seal.key, seal.angle)
            rect = pymupdf.Rect(seal.rect)
            if key in self.xrefs:
                page.insert_image(rect, xref=self.xrefs[key])
            else:
                self.xrefs[key] = page.insert_image(rect, stream=seal_png(seal.key, self.agency, seal.angle))

    @staticmethod
    def _photos(page: pymupdf.Page, boxes: list[tuple[float, float, float, float]]) -> None:
        """A photo stand-in: grey print with a vehicle-like silhouette."""
        shape = page.new_shape()
        for x0, y0, x1, y1 in boxes:
            shape.draw_rect((x0, y0, x1, y1))
            shape.finish(fill=(0.78, 0.79, 0.8), color=(0.3, 0.3, 0.3), width=0.5)
            w, h = x1 - x0, y1 - y0
            shape.draw_rect((x0 + w * 0.2, y0 + h * 0.35, x0 + w * 0.8, y0 + h * 0.72))
            shape.finish(fill=(0.35, 0.37, 0.42))
            shape.draw_rect((x0 + w * 0.33, y0 + h * 0.2, x0 + w * 0.67, y0 + h * 0.36))
            shape.finish(fill=(0.5, 0.55, 0.6))
            for cx in (0.3, 0.7):
                shape.draw_circle((x0 + w * cx, y0 + h * 0.74), h * 0.09)
                shape.finish(fill=(0.1, 0.1, 0.1))
            shape.draw_rect((x0, y0 + h * 0.83, x1, y1))
            shape.finish(fill=(0.55, 0.55, 0.52))
        shape.commit()


def digital_pdf(pages: list[LaidPage], agency: str) -> pymupdf.Document:
    doc = pymupdf.open()
    painter = Painter(doc, digital_fonts(), agency)
    for lp in pages:
        painter.page(lp)
    return doc


def rasterise(pages: list[LaidPage], agency: str, dpi: int = 200) -> list[np.ndarray]:
    """Render pages with the scan fonts into a throw-away document; returns BGR arrays."""
    import cv2

    doc = pymupdf.open()
    painter = Painter(doc, scan_fonts(), agency)
    out: list[np.ndarray] = []
    for lp in pages:
        page = painter.page(lp)
        pix = page.get_pixmap(dpi=dpi)
        rgb = np.frombuffer(pix.samples_mv, dtype=np.uint8).reshape(pix.height, pix.width, 3)
        out.append(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    doc.close()
    return out


def save_pdf(doc: pymupdf.Document, path: str) -> None:
    doc.subset_fonts()
    doc.save(path, garbage=3, deflate=True)
    doc.close()
