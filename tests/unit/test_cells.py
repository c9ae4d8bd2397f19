"""Forms read cell by cell: rulings from drawings and images, closed cells only."""

from __future__ import annotations

import numpy as np
import pymupdf

from casereview.domain.model import Span
from casereview.extract.plausible import party_name_problem
from casereview.ingest.cells import cells_of, digital_rulings, image_rulings, ink_mask
from casereview.ingest.textlayer import page_spans, sort_spans

# A two-column grid: a label cell centred on a two-row value, then a one-row pair below.
GRID = [(60, 100, 540, 100), (60, 160, 540, 160), (60, 190, 540, 190)]
GRID += [(60, 100, 60, 190), (150, 100, 150, 190), (540, 100, 540, 190)]
LINES = [
    ("给予罚款人民币1", (160, 110, 530, 124)),
    ("处理结果", (70, 123, 140, 137)),
    ("2,000.00元（大写：壹万贰仟元整）。", (160, 136, 530, 150)),
    ("执行情况", (70, 168, 140, 182)),
    ("已缴清罚款。", (160, 168, 300, 182)),
]


def _spans() -> list[Span]:
    return [Span(text, box) for text, box in LINES]


def test_a_label_centred_on_a_two_row_value_is_read_before_the_value() -> None:
    rows = [s.text for s in sort_spans(_spans())]
    assert rows.index("处理结果") == 1  # by rows alone the label splits the value
    cells = [s.text for s in sort_spans(_spans(), GRID)]
    assert cells[:3] == ["处理结果", "给予罚款人民币1", "2,000.00元（大写：壹万贰仟元整）。"]
    assert cells[3:] == ["执行情况", "已缴清罚款。"]


def test_an_open_or_partly_drawn_box_is_no_cell() -> None:
    ring = [(60, 100, 540, 100), (60, 400, 540, 400), (200, 180, 200, 220), (300, 180, 300, 220)]
    seal_text = Span("某市交通运输局", (210, 190, 290, 204))
    assert cells_of([seal_text], ring) == [None]  # a seal's ring bounds no cell
    underlines = [(60, 120, 540, 120), (60, 150, 540, 150)]
    assert cells_of([Span("张三", (80, 130, 120, 144))], underlines) == [None]  # forms over underlines
    crossing = Span("当事人 张三", (70, 123, 300, 137))
    assert cells_of([crossing], GRID) == [None]  # a line over a cell border keeps row order


def test_rulings_of_a_digital_page_and_its_reading_order(tmp_path: object) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    for x0, y0, x1, y1 in GRID:
        page.draw_line((x0, y0), (x1, y1))
    for text, (x0, _y0, _, y1) in LINES:
        page.insert_text((x0, y1 - 2), text, fontname="china-s", fontsize=10)
    rulings = digital_rulings(page)
    assert len([r for r in rulings if r[1] == r[3]]) == 3 and len([r for r in rulings if r[0] == r[2]]) == 3
    texts = [s.text for s in page_spans(page)]
    assert texts.index("处理结果") < texts.index("给予罚款人民币1") < texts.index("执行情况")


def test_rulings_of_a_scan_ignore_the_red_seal() -> None:
    dpi = 144
    k = 72 / dpi
    image = np.full((1684, 1190, 3), 255, np.uint8)
    for x0, y0, x1, y1 in GRID:
        xs, ys = slice(int(x0 / k), int(x1 / k) + 2), slice(int(y0 / k), int(y1 / k) + 2)
        image[ys, xs] = 0
    image[600:603, 300:700] = (220, 30, 30)  # a red stroke of a seal: not a ruling
    rulings = image_rulings(ink_mask(image), np.eye(3), k)
    horizontals = sorted(round(r[1]) for r in rulings if r[1] == r[3])
    verticals = sorted(round(r[0]) for r in rulings if r[0] == r[2])
    assert horizontals == [100, 160, 190] and verticals == [60, 150, 540]


def test_the_party_kind_under_the_label_is_no_name() -> None:
    assert party_name_problem("(个人)") is not None and party_name_problem("（单位）") is not None
    assert party_name_problem("薛燕洋") is None
