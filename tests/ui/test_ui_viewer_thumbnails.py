"""The thumbnail strip: a sound model, lazy rendering of visible rows, selection both ways, badges."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QIcon
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from uihelpers import PAGES, write_case_pdf

from casereview.domain.model import CaseFile
from casereview.pipeline import read_case
from casereview_ui.viewer import MarkKind, ThumbnailStrip, mark_color
from casereview_ui.viewer.thumbnails import PAGE_ROLE, ThumbnailModel
from casereview_ui.workers import runner


def _strip(qtbot: QtBot, case: CaseFile, height: int = 420) -> ThumbnailStrip:
    strip = ThumbnailStrip(runner())
    qtbot.addWidget(strip)
    strip.resize(170, height)
    strip.show()
    strip.set_case(case)
    qtbot.waitExposed(strip)
    return strip


def test_the_model_is_sound(qtmodeltester: ModelTester, case_pdf: Path) -> None:
    model = ThumbnailModel()
    qtmodeltester.check(model)  # empty
    model.set_case(read_case(case_pdf).case)
    qtmodeltester.check(model)
    model.set_badges({2: MarkKind.FAIL})
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    assert model.index(2, 0).data() == "第3页" and model.index(2, 0).data(PAGE_ROLE) == 3
    assert isinstance(model.index(0, 0).data(Qt.ItemDataRole.DecorationRole), QIcon)  # a placeholder
    model.set_case(None)
    qtmodeltester.check(model)


def test_only_visible_rows_are_rendered_and_arrive_later(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = write_case_pdf(tmp_path / "long.pdf", PAGES * 4)  # 20 pages, about 2 on screen
    strip = _strip(qtbot, read_case(pdf).case)
    model = strip.thumbnail_model
    assert not model.has_image(1)  # placeholders first: rendering is off the GUI thread
    qtbot.waitUntil(lambda: model.has_image(1), timeout=10_000)  # asked for when first painted
    assert runner().wait_for_idle(30)
    assert not model.has_image(20) and not model.has_image(10)
    strip.set_current(20)
    assert runner().wait_for_idle(30)
    qtbot.waitUntil(lambda: model.has_image(20), timeout=5000)
    size = model.index(19, 0).data(Qt.ItemDataRole.DecorationRole).availableSizes()[0]
    assert size.width() == round(120 * strip.devicePixelRatioF())
    rendered = sum(model.has_image(page) for page in range(1, 21))
    assert rendered < 12  # the middle of the case was never on screen
    assert runner().wait_for_idle(30)


def test_choosing_a_thumbnail_requests_its_page_and_set_current_does_not(
    qtbot: QtBot, case_pdf: Path
) -> None:
    strip = _strip(qtbot, read_case(case_pdf).case, height=900)
    with qtbot.assertNotEmitted(strip.page_requested):
        strip.set_current(2)
    assert strip.currentIndex().row() == 1
    rect = strip.visualRect(strip.thumbnail_model.index(2, 0))
    with qtbot.waitSignal(strip.page_requested) as signal:
        qtbot.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [3]
    assert runner().wait_for_idle(30)


def test_one_column_with_page_captions(qtbot: QtBot, case_pdf: Path) -> None:
    strip = _strip(qtbot, read_case(case_pdf).case, height=900)
    first = strip.visualRect(strip.thumbnail_model.index(0, 0))
    second = strip.visualRect(strip.thumbnail_model.index(1, 0))
    assert second.top() > first.bottom() and abs(second.left() - first.left()) <= 1
    assert first.width() >= 120
    assert runner().wait_for_idle(30)


def test_badges_tint_the_caption(qtbot: QtBot, case_pdf: Path) -> None:
    strip = _strip(qtbot, read_case(case_pdf).case)
    model = strip.thumbnail_model
    with qtbot.waitSignal(model.dataChanged):
        strip.set_badges({3: MarkKind.FAIL})
    brush = model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == mark_color(MarkKind.FAIL)
    font = model.index(2, 0).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert runner().wait_for_idle(30)


def test_a_new_case_drops_the_old_jobs_and_images(qtbot: QtBot, case_pdf: Path, tmp_path: Path) -> None:
    strip = _strip(qtbot, read_case(case_pdf).case)
    model = strip.thumbnail_model
    qtbot.waitUntil(lambda: model.has_image(1), timeout=10_000)
    other = read_case(write_case_pdf(tmp_path / "other.pdf", PAGES[:2])).case
    strip.set_case(other)
    assert model.rowCount() == 2 and not model.has_image(1)
    strip.set_case(None)
    assert model.rowCount() == 0
    assert runner().wait_for_idle(30)
