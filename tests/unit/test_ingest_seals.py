"""Red seals on digital pages: found where they are drawn, as an image or as vector art."""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw

from casereview.ingest import ingest_path

SEAL_RECT = pymupdf.Rect(380, 600, 500, 720)


def _seal_png() -> bytes:
    img = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((10, 10, 290, 290), outline=(220, 30, 30, 230), width=18)
    draw.polygon(
        [
            (150, 70),
            (175, 140),
            (250, 140),
            (190, 180),
            (210, 250),
            (150, 205),
            (90, 250),
            (110, 180),
            (50, 140),
            (125, 140),
        ],
        fill=(220, 30, 30, 230),
    )
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def _page_with_text(doc: pymupdf.Document) -> pymupdf.Page:
    page = doc.new_page(width=595, height=842)
    page.insert_text((220, 80), "行政处罚决定书", fontname="china-s", fontsize=22)
    page.insert_text(
        (72, 140), "案号：粤东交罚〔2025〕00977号 当事人：张三 罚款人民币壹仟元整", fontname="china-s"
    )
    return page


def _inside(box: tuple[float, float, float, float], rect: pymupdf.Rect, slack: float = 6.0) -> bool:
    return (
        box[0] >= rect.x0 - slack
        and box[1] >= rect.y0 - slack
        and box[2] <= rect.x1 + slack
        and box[3] <= rect.y1 + slack
    )


def test_image_seal_found_at_its_place(tmp_path: Path) -> None:
    doc = pymupdf.open()
    _page_with_text(doc).insert_image(SEAL_RECT, stream=_seal_png())
    _page_with_text(doc)  # a page without a seal
    path = tmp_path / "sealed.pdf"
    doc.save(path)
    case = ingest_path(path)
    (seal,) = case.pages[0].seals
    assert _inside(seal.bbox, SEAL_RECT)
    assert (seal.bbox[2] - seal.bbox[0]) > 0.6 * SEAL_RECT.width
    assert case.pages[1].seals == []


def test_vector_seal_found_at_its_place(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = _page_with_text(doc)
    page.draw_circle(SEAL_RECT.tl + pymupdf.Point(60, 60), 56, color=(0.86, 0.12, 0.12), width=6)
    page.draw_circle(
        SEAL_RECT.tl + pymupdf.Point(60, 60), 14, color=(0.86, 0.12, 0.12), fill=(0.86, 0.12, 0.12)
    )
    path = tmp_path / "vector.pdf"
    doc.save(path)
    (seal,) = ingest_path(path).pages[0].seals
    assert _inside(seal.bbox, SEAL_RECT)
