"""The reader on Word-template forms and black-and-white scans: a form's second page that repeats
only its 式样 header, spaced-out labels, a facts cell opening with the date, unticked options, a
signature block split by a page break, and grey seals found by shape."""

from __future__ import annotations

import cv2
import numpy as np

from casereview.domain import doctypes as d
from casereview.domain import roles
from casereview.domain.model import Document, Page, Span, TextSource
from casereview.extract.dateroles import date_mentions
from casereview.extract.fields import _party_in
from casereview.extract.pagetext import PageText
from casereview.ingest.rings import find_ring_seals, is_monochrome
from casereview.ingest.seals import seals_on_rendering
from casereview.segment.titles import page_cues


def _page(*spans: tuple[str, tuple[float, float, float, float]]) -> Page:
    return Page(1, 595, 842, TextSource.TEXT_LAYER, [Span(t, b) for t, b in spans])


def test_a_second_page_repeating_only_the_form_header_goes_on() -> None:
    page = _page(
        ("交通运输行政执法文书式样之十五", (400, 30, 560, 42)),
        ("炎陵县交通运输局(印章)", (350, 80, 520, 94)),
        ("二〇二六年六月十八日", (380, 100, 520, 114)),
    )
    assert page_cues(page, previous=d.JUEDING).title is None  # the decision goes on
    assert page_cues(page, previous=d.TONGZHI).title == d.JUEDING  # after another form: a decision


def test_a_label_spaced_out_to_its_column() -> None:
    page = _page(
        ("当", (50, 100, 60, 112)),
        ("事", (50, 114, 60, 126)),
        ("人", (50, 128, 60, 140)),
        ("姓  名", (70, 100, 120, 112)),
        ("薛燕洋", (130, 100, 180, 112)),
    )
    party = _party_in(Document(d.DANGCHANG_JUEDING, 1, 1), [PageText.of(page)])
    assert party is not None and party.name == "薛燕洋"


def test_the_date_opening_a_facts_cell_is_the_violation_date() -> None:
    page = _page(
        ("当场行政处罚决定书", (200, 60, 400, 80)),
        ("违法", (50, 120, 80, 132)),
        ("事实", (50, 134, 80, 146)),
        ("2026-11-19 10 时50 分,薛燕洋驾驶粤S·42384 重型半挂牵引车从事道路货物运输经营", (90, 120, 560, 132)),
    )
    mentions = date_mentions(Document(d.DANGCHANG_JUEDING, 1, 1), [PageText.of(page)])
    assert [m.date.isoformat() for m in mentions if m.role == roles.VIOLATION] == ["2026-11-19"]


def _ring_page(seal: bool, grey: int = 110) -> np.ndarray:
    """A grey A4 page at 150 dpi: rows of text-like strokes, and a seal ring when ``seal``."""
    page = np.full((1754, 1240), 255, np.uint8)
    rng = np.random.default_rng(3)
    for y in range(150, 1600, 45):
        x = 120
        while x < 1100:
            w = int(rng.integers(18, 30))
            cv2.rectangle(page, (x, y), (x + w, y + 24), 40, 2)
            x += w + 6
    if seal:
        cv2.circle(page, (900, 1400), 125, grey, 6)  # 4.2 cm across, grey as a B/W scan prints red
        cv2.drawMarker(page, (900, 1400), grey, cv2.MARKER_STAR, 60, 6)
    return page


def test_a_grey_seal_is_found_by_its_ring_and_dense_text_is_no_seal() -> None:
    assert is_monochrome(_ring_page(True))
    found = find_ring_seals(_ring_page(True), 150.0)
    assert len(found) == 1
    (x0, y0, x1, y1), _cover = found[0]
    assert abs((x0 + x1) / 2 - 900 * 72 / 150) < 6 and abs((y0 + y1) / 2 - 1400 * 72 / 150) < 6
    assert find_ring_seals(_ring_page(False), 150.0) == []
    seals = seals_on_rendering(np.dstack([_ring_page(True)] * 3), 150.0, 4)
    assert [(s.page, s.red_ratio) for s in seals] == [(4, 0.0)]  # there, colour unknown


def test_a_pale_ring_is_a_seal_when_it_closes_all_round() -> None:
    # A light seal pad: the ring is lighter than the ink level of text, darker than the paper.
    assert len(find_ring_seals(_ring_page(True, grey=190), 150.0)) == 1
    broken = _ring_page(True, grey=190)
    broken[1250:1560, 760:900] = 255  # a quarter of it lost: a circle through text looks like that
    assert find_ring_seals(broken, 150.0) == []


def test_a_colour_page_is_not_searched_for_grey_rings() -> None:
    rgb = np.dstack([_ring_page(True)] * 3)
    rgb[100:200, 100:600] = (200, 30, 30)  # a red header band: the scan keeps colour
    assert not is_monochrome(rgb)
    assert seals_on_rendering(rgb, 150.0, 1) == []  # no red seal, and a colour page's rings are not asked


def test_table_lines_across_a_cell_border_are_counted_and_findings_say_so() -> None:
    from casereview.domain.findings import Finding, Status
    from casereview.domain.model import CaseFile, Evidence
    from casereview.ingest.cells import crossing_lines
    from casereview.rules.unread_cells import note_unread_cells

    grid = [(50.0, 100.0, 500.0, 100.0), (50.0, 130.0, 500.0, 130.0), (50.0, 160.0, 500.0, 160.0)]
    grid += [(50.0, 100.0, 50.0, 160.0), (150.0, 100.0, 150.0, 160.0), (500.0, 100.0, 500.0, 160.0)]
    in_cells = [Span("当事人", (60, 108, 110, 120)), Span("张三", (160, 108, 200, 120))]
    across = [Span("当事人 张三 性别 男", (60, 138, 300, 150))]  # one OCR line over the border
    above = [Span("行政处罚决定书", (200, 60, 350, 80))]  # a title over the table is free text
    assert crossing_lines(in_cells + above, grid) == 0
    assert crossing_lines(in_cells + across, grid) == 1

    pages = [Page(1, 595, 842, TextSource.OCR, across, cells_unread=1), Page(2, 595, 842, TextSource.OCR)]
    case = CaseFile("x.pdf", "0" * 64, "pdf", pages)
    on_table = Finding(
        "C-02", Status.FAIL, "名称不一致。", (Evidence(1, (60, 138, 300, 150), "张三"),), {}, 1
    )
    elsewhere = Finding("P-07", Status.FAIL, "缺少。", (Evidence(2, (0, 0, 1, 1), "x"),), {}, 1)
    noted, untouched = note_unread_cells(case, [on_table, elsewhere])
    assert noted.status == Status.FAIL and "第1页的表格" in noted.message and "已按行读取" in noted.message
    assert noted.facts["cells_unread_pages"] == [1] and untouched == elsewhere
