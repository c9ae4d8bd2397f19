"""Image-level helpers: skew, deskew and box mapping, quadrant rotation, red seals, hashing."""

from __future__ import annotations

import hashlib

import cv2
import numpy as np
import pymupdf
import pytest
from PIL import Image

from casereview.ingest import raster

RED = (0.85, 0.1, 0.1)
BODY = [
    "经查，当事人于2025年3月12日驾驶货车从事道路货物运输，未按规定携带道路运输证，",
    "违反了《中华人民共和国道路运输条例》第三十四条的规定，依据第六十八条作出处罚。",
    "如不服本决定，可在收到本决定书之日起六十日内向上一级交通运输主管部门申请行政复议，",
    "或者在六个月内依法向人民法院提起行政诉讼。逾期不申请也不起诉又不履行的，依法强制执行。",
]


def text_page(lines: int = 24) -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((200, 80), "行政处罚决定书", fontname="china-s", fontsize=20)
    for i in range(lines):
        page.insert_text((60, 130 + 26 * i), BODY[i % len(BODY)], fontname="china-s", fontsize=11)
    return doc


def render(page: pymupdf.Page, dpi: int) -> np.ndarray:
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3).copy()


def noisy(img: np.ndarray, sigma: float = 12.0) -> np.ndarray:
    rng = np.random.default_rng(7)
    return np.clip(img + rng.normal(0, sigma, img.shape), 0, 255).astype(np.uint8)


def skewed(img: np.ndarray, angle: float) -> np.ndarray:
    h, w = img.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(img, matrix, (w, h), borderValue=(255, 255, 255))


@pytest.fixture(scope="module")
def page_200() -> np.ndarray:
    return render(text_page()[0], 200)


def test_sha256_image_is_the_hash_of_raw_pixels() -> None:
    img = np.arange(60, dtype=np.uint8).reshape(4, 5, 3)
    assert raster.sha256_image(img) == hashlib.sha256(img.tobytes()).hexdigest()
    view = img[:, ::2]  # not contiguous
    assert raster.sha256_image(view) == hashlib.sha256(view.tobytes()).hexdigest()
    assert raster.sha256_image(img) != raster.sha256_image(img[::-1])


def test_pixel_limit_guards_against_decompression_bombs() -> None:
    assert Image.MAX_IMAGE_PIXELS == raster.MAX_IMAGE_PIXELS == 200_000_000
    assert not raster.image_too_large(1654, 2339)
    assert raster.image_too_large(20_000, 20_000)


def test_no_skew_on_a_straight_page(page_200: np.ndarray) -> None:
    assert abs(raster.estimate_skew(noisy(page_200))) <= 0.1


@pytest.mark.parametrize("angle", [2.0, -2.0, 4.5])
def test_skew_is_measured_within_a_third_of_a_degree(page_200: np.ndarray, angle: float) -> None:
    assert raster.estimate_skew(noisy(skewed(page_200, angle))) == pytest.approx(angle, abs=0.3)


def test_blank_page_has_no_skew() -> None:
    assert raster.estimate_skew(noisy(np.full((800, 600, 3), 250, np.uint8), 4)) == 0.0


def test_deskew_keeps_the_whole_page_and_levels_the_lines(page_200: np.ndarray) -> None:
    crooked = skewed(page_200, 2.0)
    straight, matrix = raster.deskew(crooked, 2.0)
    h, w = crooked.shape[:2]
    assert straight.shape[0] > h and straight.shape[1] > w  # grown, nothing cut off
    assert (straight[0, 0] == 255).all() and (straight[-1, -1] == 255).all()  # white border
    assert abs(raster.estimate_skew(straight)) <= 0.15
    corners = np.array([[0, 0, 1], [w, 0, 1], [w, h, 1], [0, h, 1]], float) @ matrix.T
    assert corners.min() >= -1 and corners[:, 0].max() <= straight.shape[1] + 1
    assert corners[:, 1].max() <= straight.shape[0] + 1


def test_box_on_the_deskewed_image_maps_back_to_the_original(page_200: np.ndarray) -> None:
    # A dark block on the original page, found again on the deskewed image, must map back onto itself.
    original = np.full((1200, 900, 3), 255, np.uint8)
    original[300:340, 200:600] = 0
    straight, matrix = raster.deskew(original, -3.0)
    ys, xs = np.nonzero(straight[:, :, 0] < 128)
    quad = [
        (xs.min(), ys.min()),
        (xs.max() + 1, ys.min()),
        (xs.max() + 1, ys.max() + 1),
        (xs.min(), ys.max() + 1),
    ]
    # The block is tilted on the deskewed image, so its quad is the rotated block's bounds: map the
    # block's true corners instead, as OCR quads follow the text.
    forward = np.array([[200, 300, 1], [600, 300, 1], [600, 340, 1], [200, 340, 1]], float) @ matrix.T
    box = raster.map_box_back([tuple(p) for p in forward], raster.invert(matrix), dpi=72.0)
    assert box == pytest.approx((200, 300, 600, 340), abs=0.01)
    loose = raster.map_box_back(quad, raster.invert(matrix), dpi=72.0)
    assert loose[0] <= 201 and loose[2] >= 599  # the bounds of bounds contain the block
    points = raster.map_box_back((200.0, 300.0, 600.0, 340.0), raster.identity(), dpi=200.0)
    assert points == pytest.approx((72.0, 108.0, 216.0, 122.4))


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_quadrant_rotation_matrix_matches_the_pixels(rotation: int) -> None:
    img = np.full((40, 60), 255, np.uint8)
    img[5:9, 10:20] = 0  # box (10, 5, 20, 9)
    turned, matrix = raster.rotate_quadrant(img, rotation)
    ys, xs = np.nonzero(turned < 128)
    found = (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)
    assert raster.map_box_back((10, 5, 20, 9), matrix, dpi=72.0) == pytest.approx(found)
    back = raster.map_box_back(found, raster.invert(matrix), dpi=72.0)
    assert back == pytest.approx((10, 5, 20, 9))
    both = raster.compose(raster.invert(matrix), matrix)
    assert both == pytest.approx(raster.identity())


def test_line_axis_tells_lying_pages() -> None:
    wide = [(0.0, 0.0, 300.0, 20.0), (0.0, 30.0, 250.0, 50.0), (0.0, 60.0, 20.0, 80.0)]
    assert raster.line_axis(wide) == "horizontal"
    assert raster.line_axis([(y0, x0, y1, x1) for x0, y0, x1, y1 in wide]) == "vertical"
    assert raster.line_axis([]) is None


def seal_page(faded: bool = False) -> pymupdf.Document:
    doc = text_page(20)
    page = doc[0]
    color = (0.85, 0.45, 0.45) if faded else RED
    opacity = 0.45 if faded else 1.0
    centre = pymupdf.Point(420, 560)  # a 4.2 cm (119 pt) seal over the text, as on a decision
    page.draw_circle(centre, 58, color=color, width=3, stroke_opacity=opacity)
    page.draw_circle(
        pymupdf.Point(420, 542), 9, color=color, fill=color, fill_opacity=opacity, stroke_opacity=opacity
    )
    page.insert_text(
        (385, 575), "交通运输局", fontname="china-s", fontsize=13, color=color, fill_opacity=opacity
    )
    return doc


SEAL_BOX = (420 - 59.5, 560 - 59.5, 420 + 59.5, 560 + 59.5)


@pytest.mark.parametrize(("dpi", "faded"), [(72, False), (200, False), (50, True), (200, True)])
def test_one_red_seal_is_found_where_it_was_stamped(dpi: int, faded: bool) -> None:
    img = render(seal_page(faded)[0], dpi)
    if dpi >= 200:
        img = noisy(img)
    seals = raster.find_red_seals(img, dpi)
    assert len(seals) == 1
    box, ratio = seals[0]
    assert box == pytest.approx(SEAL_BOX, abs=3.0)
    assert 0.06 < ratio < 0.6


def test_black_text_and_a_red_underline_are_not_seals() -> None:
    doc = text_page(20)
    doc[0].draw_line((60, 300), (420, 300), color=RED, width=2)
    doc[0].insert_text((60, 700), "红色标题文字不是印章", fontname="china-s", fontsize=22, color=RED)
    for dpi in (72, 200):
        assert raster.find_red_seals(noisy(render(doc[0], dpi)), dpi) == []
