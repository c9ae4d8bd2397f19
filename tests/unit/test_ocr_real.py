"""The real RapidOCR engine on rendered pages: skewed scans, box mapping, orientation, blank pages."""

from __future__ import annotations

import re

import cv2
import numpy as np
import pymupdf
import pytest

from casereview.ingest import raster
from casereview.ocr import OcrLine, RapidOcrEngine
from casereview.ocr.orientation import detect_orientation

pytestmark = pytest.mark.ocr

DPI = 200
TARGETS = {  # text → baseline origin and size on an A4 page
    "行政处罚决定书": ((227, 90), 20),
    "粤东交罚〔2025〕00977号": ((330, 130), 12),
    "2025年4月10日": ((380, 520), 12),
}
BODY = [
    "当事人：广州市某某运输有限公司，住所：广州市天河区某某路88号。",
    "经查，当事人于2025年3月12日驾驶货车从事道路货物运输，未按规定携带道路运输证，",
    "违反了《中华人民共和国道路运输条例》第三十四条的规定，依据第六十八条作出处罚。",
    "如不服本决定，可在收到本决定书之日起六十日内申请行政复议或者提起行政诉讼。",
]
# PP-OCRv6 sometimes prints the traditional form of a glyph (粵, 號); see the OCR report.
VARIANTS = str.maketrans("粵號", "粤号")


def flat(text: str) -> str:
    """Without spaces: PyMuPDF's china-s font gives ASCII digits full-width advances, read as gaps."""
    return re.sub(r"\s+", "", text).translate(VARIANTS)


@pytest.fixture(scope="module")
def engine() -> RapidOcrEngine:
    engine = RapidOcrEngine()
    engine.load()
    return engine


@pytest.fixture(scope="module")
def document() -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for text, (origin, size) in TARGETS.items():
        page.insert_text(origin, text, fontname="china-s", fontsize=size)
    for i in range(8):  # enough lines for skew and orientation, few enough to keep the test quick
        page.insert_text((60, 180 + 26 * i), BODY[i % len(BODY)], fontname="china-s", fontsize=11)
    return doc


def render(page: pymupdf.Page) -> np.ndarray:
    pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csRGB, alpha=False)
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3).copy()


def scan_of(img: np.ndarray, angle: float) -> tuple[np.ndarray, np.ndarray]:
    """A crooked, noisy 'scan' of ``img`` and the matrix page pixels → scan pixels."""
    h, w = img.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    crooked = cv2.warpAffine(img, matrix, (w, h), borderValue=(255, 255, 255))
    noise = np.random.default_rng(3).normal(0, 10, crooked.shape)
    return np.clip(crooked + noise, 0, 255).astype(np.uint8), matrix


def find(lines: list[OcrLine], text: str) -> OcrLine:
    hits = [line for line in lines if flat(text) in flat(line.text)]
    assert hits, f"{text!r} not in {[line.text for line in lines]}"
    return hits[0]


def test_skewed_scan_is_deskewed_read_and_mapped_back(
    engine: RapidOcrEngine, document: pymupdf.Document
) -> None:
    page = document[0]
    scan, skew_matrix = scan_of(render(page), 1.5)
    angle = raster.estimate_skew(scan)
    assert angle == pytest.approx(1.5, abs=0.3)
    straight, matrix = raster.deskew(scan, angle)
    lines = engine.recognize(straight)
    back = raster.invert(matrix)
    for text in TARGETS:
        line = find(lines, text)
        assert line.confidence > 0.6
        # Where the text really is on the scan: its PDF rect carried through the scanner's rotation.
        (rect,) = page.search_for(text)
        corners = [(x * DPI / 72, y * DPI / 72) for x, y in (rect.tl, rect.tr, rect.br, rect.bl)]
        expected = raster.map_box_back(corners, skew_matrix, DPI)
        got = raster.map_box_back(line.quad, back, DPI)
        assert got == pytest.approx(expected, abs=4.0), text


@pytest.mark.parametrize("needed", [0, 90, 180, 270])
def test_orientation_of_a_turned_page(
    engine: RapidOcrEngine, document: pymupdf.Document, needed: int
) -> None:
    upright = render(document[0])
    lying, _ = raster.rotate_quadrant(upright, (360 - needed) % 360)
    assert detect_orientation(lying, engine) == needed


def test_blank_page_gives_no_lines(engine: RapidOcrEngine) -> None:
    blank = np.full((1170, 827, 3), 255, np.uint8)  # A4 at 100 dpi
    assert engine.recognize(blank) == []
    assert detect_orientation(blank, engine) == 0
