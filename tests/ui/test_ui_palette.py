"""One meaning, one hue: the findings tree, the page marks, the timeline and the case list agree,
and every text shade is readable on white (WCAG contrast ≥ 4.5:1)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from casereview.scoring import ItemStatus
from casereview_ui import palette
from casereview_ui.review.model import STATUS_COLOURS
from casereview_ui.timeline_canvas import BREACHED, KEPT
from casereview_ui.viewer import MarkKind, mark_color


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (ItemStatus.DEDUCTED, MarkKind.FAIL),
        (ItemStatus.NEEDS_REVIEW, MarkKind.NEEDS_REVIEW),
        (ItemStatus.PASS, MarkKind.PASS),
    ],
)
def test_tree_and_page_share_the_hue(status: ItemStatus, kind: MarkKind) -> None:
    assert STATUS_COLOURS[status].hue() == mark_color(kind).hue()


def test_timeline_uses_the_same_fail_and_pass() -> None:
    assert mark_color(MarkKind.FAIL) == BREACHED
    assert mark_color(MarkKind.PASS) == KEPT


@pytest.mark.parametrize("status", list(STATUS_COLOURS))
def test_tree_text_is_readable_on_white(status: ItemStatus) -> None:
    assert palette.contrast_on_white(STATUS_COLOURS[status]) >= palette.READABLE


def test_contrast_formula_matches_known_values() -> None:
    assert palette.contrast_on_white(QColor(0, 0, 0)) == pytest.approx(21.0)
    assert palette.contrast_on_white(QColor(255, 255, 255)) == pytest.approx(1.0)
    assert palette.contrast_on_white(QColor(118, 118, 118)) == pytest.approx(4.54, abs=0.01)


def test_ink_keeps_the_hue_and_darkens() -> None:
    for colour in (palette.FAIL, palette.NEEDS_REVIEW, palette.PASS, palette.FIELD, palette.MANUAL):
        shade = palette.ink(colour)
        assert shade.hue() == colour.hue()
        assert palette.contrast_on_white(shade) >= palette.READABLE
        assert palette.contrast_on_white(shade) > palette.contrast_on_white(colour)
