"""The reason library in the decision dialogs: typing part of a reason offers it, the keyboard
chooses it, the choice fills the reason with its basis; a decision written from it counts a use."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from uihelpers import wait_loaded

from casegen import generate_case
from casereview.db import open_database
from casereview.domain.findings import Status
from casereview.paths import default_database_url
from casereview.reasons.model import Reason
from casereview.reasons.store import list_reasons
from casereview.scoring import ItemResult, ItemStatus
from casereview_ui.cases import CaseState
from casereview_ui.dialogs import RecordingPrompts
from casereview_ui.dialogs.decision import ManualDeductionDialog, OverrideDialog
from casereview_ui.mainwindow import MainWindow
from casereview_ui.settings import AppSettings

STD = "transport_penalty"
REASONS = [
    Reason(
        1,
        STD,
        "JA-02",
        "已在门户网站公示，公示截图已归卷，不应扣分",
        ("《行政处罚法》第四十八条",),
        use_count=4,
    ),
    Reason(2, STD, "JA-02", "行政处罚决定作出后未在规定期限内公示", ()),
    Reason(3, STD, "JA-03", "结案报告未经负责人审批签字", ()),
]


def _result(item: str = "JA-02", points: float = 3.0) -> ItemResult:
    return ItemResult(
        item_id=item,
        title="行政处罚决定依法按期公示",
        category="closing",
        points=points,
        deduction=points,
        status=ItemStatus.DEDUCTED,
        findings=(),
        reason="公示超期",
        proposed_deduction=points,
        proposed_status=ItemStatus.DEDUCTED,
    )


def _type(widget: QWidget, text: str) -> None:
    """Type CJK text as key events carrying it (QTest's keyClicks only knows Latin-1 keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _save_with_popup(dialog: QWidget, popup: QWidget, name: str, fallback: Path) -> None:
    """The dialog with its completer popup (a window of its own) painted where it opened."""
    shot, listed = dialog.grab(), popup.grab()
    at = dialog.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0)))
    canvas = QPixmap(max(shot.width(), at.x() + listed.width()), max(shot.height(), at.y() + listed.height()))
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    painter.drawPixmap(0, 0, shot)
    painter.drawPixmap(at, listed)
    painter.end()
    folder = Path(os.environ.get("CASEREVIEW_SCREENSHOT_DIR") or fallback)
    folder.mkdir(parents=True, exist_ok=True)
    assert canvas.save(str(folder / name), "PNG")


# The completer's popup asks the platform for keyboard grabs and raising, which offscreen refuses.
_POPUP_NOISE = pytest.mark.qt_log_ignore(
    "does not support grabbing the keyboard", "does not support raise", "propagateSizeHints"
)


@_POPUP_NOISE
def test_typing_offers_the_items_reasons_and_enter_fills_the_reason(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = OverrideDialog(_result(), None, REASONS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    picker = dialog.picker
    assert [r.id for r in picker.reasons()] == [1, 2]  # JA-03's reason is not offered
    picker.setFocus()
    _type(picker, "门户")  # any part of the reason, not only its start
    completer = picker.completer()
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert completer.completionCount() == 1
    assert "已在门户网站公示" in str(completer.currentCompletion())
    _save_with_popup(dialog, popup, "reason_completer.png", tmp_path)
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.reason_text() == REASONS[0].full_text()
    assert "（依据：《行政处罚法》第四十八条）" in dialog.reason_text()
    assert dialog.chosen_reason() == REASONS[0]
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.reason.setPlainText("另写的理由")  # rewritten: no library reason is used
    assert dialog.chosen_reason() is None


@_POPUP_NOISE
def test_down_lists_all_and_manual_dialog_follows_the_item(qtbot: QtBot) -> None:
    items = [_result("JA-02"), _result("JA-03", 2.0)]
    dialog = ManualDeductionDialog(items, 3, "JA-03", None, REASONS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [r.id for r in dialog.picker.reasons()] == [3]
    dialog.item_combo.setCurrentIndex(0)
    assert [r.id for r in dialog.picker.reasons()] == [1, 2]
    dialog.picker.setFocus()
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Down)
    popup = dialog.picker.completer().popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert dialog.picker.completer().completionCount() == 2


def test_an_override_written_from_a_reason_counts_its_use(qtbot: QtBot, tmp_path: Path) -> None:
    path, _ = generate_case(tmp_path, "rs", kind="digital", seed=11, defects=["T-12"])
    prompts = RecordingPrompts()
    win = MainWindow(prompts=prompts, use_ocr=False, settings=AppSettings(reviewer="王评查"))
    qtbot.addWidget(win)
    win.show()
    (opened,) = win.open_paths([path])
    wait_loaded(win, 600.0)
    assert opened.state == CaseState.READY, opened.message
    review = win.review
    assert review.bench is not None
    wait_loaded(win)
    assert review.reasons, "the library was seeded from the standard and loaded off-thread"
    item = next(f.item for f in review.sheet.findings if f.rule == "T-12" and f.status is Status.FAIL)
    assert item == "JA-02"
    review.panel.select_item(item)
    chosen = next(r for r in review.reasons if r.item_id == item and "门户网站" in r.text)
    prompts.overrides.append((0.0, chosen.full_text() + "。截图见附件"))
    assert review.override()
    assert [r.item_id for r in prompts.offered_reasons] == [item] * len(prompts.offered_reasons)
    wait_loaded(win)
    database = open_database(default_database_url())
    try:
        with database.session_scope(readonly=True) as session:
            counts = {r.id: r.use_count for r in list_reasons(session, STD, item)}
    finally:
        database.close()
    assert counts[chosen.id] == 1
    assert next(r for r in review.reasons if r.id == chosen.id).use_count == 1  # reloaded

    # 存为常用理由: the reviewer's own reason for the item joins the library.
    prompts.overrides.append((0.0, "公示截图模糊，无法辨认公示日期"))
    assert review.override()
    assert not win.actions_.save_reason.isEnabled()  # until the override is stored
    wait_loaded(win)
    assert win.actions_.save_reason.isEnabled()
    win.actions_.save_reason.trigger()
    wait_loaded(win)
    mine = [r for r in review.reasons if r.text == "公示截图模糊，无法辨认公示日期"]
    assert len(mine) == 1 and mine[0].source.value == "reviewer" and mine[0].added_by == "王评查"
    assert not review.save_reason()  # already there: not added twice
    assert not prompts.errors
    win.close()
