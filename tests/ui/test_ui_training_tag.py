"""TrainingTagDialog (tag, scope, required note) and TrainingTagList (display, delete, go to page)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from casereview.training import TagRecord, TrainingTag
from casereview_ui.dialogs.training_tag import TagRequest, TrainingTagDialog, TrainingTagList

AT = dt.datetime(2026, 11, 21, 3, 0, tzinfo=dt.UTC)
TAGS = [
    TagRecord(11, 1, TrainingTag.GOOD, None, None, "文书规范，证据链完整", "王培训", AT),
    TagRecord(12, 1, TrainingTag.POOR, 4, 6, "现场笔录只有一名执法人员", "李四", AT),
]


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click on the indicator: a radio button stretched by its layout ignores clicks past its text."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _dialog(qtbot: QtBot, page_count: int = 10, current_page: int = 4) -> TrainingTagDialog:
    dialog = TrainingTagDialog(page_count, current_page)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_defaults_and_the_required_note(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.good_radio.isChecked() and dialog.whole_radio.isChecked()
    assert (dialog.first_spin.value(), dialog.last_spin.value()) == (4, 4)
    assert not dialog.first_spin.isEnabled() and not dialog.last_spin.isEnabled()
    assert (dialog.first_spin.minimum(), dialog.first_spin.maximum()) == (1, 10)
    assert not dialog.ok_button().isEnabled()
    qtbot.keyClicks(dialog.note_edit, "   ")
    assert not dialog.ok_button().isEnabled()  # blanks are not a note
    dialog.note_edit.insertPlainText("文书规范")  # QTest cannot type CJK characters
    assert dialog.ok_button().isEnabled()
    assert dialog.request() == TagRequest(TrainingTag.GOOD, None, None, "文书规范")
    dialog.note_edit.clear()
    assert not dialog.ok_button().isEnabled()


def test_a_page_range_of_a_poor_case(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    _click(qtbot, dialog.poor_radio)
    _click(qtbot, dialog.range_radio)
    assert dialog.first_spin.isEnabled() and dialog.last_spin.isEnabled()
    dialog.first_spin.setValue(6)
    assert dialog.last_spin.value() == 6  # pulled along: the range never runs backwards
    dialog.last_spin.setValue(2)
    assert dialog.last_spin.value() == 6
    dialog.last_spin.setValue(8)
    dialog.note_edit.setPlainText(" 程序倒置：先调查后立案 ")
    assert dialog.request() == TagRequest(TrainingTag.POOR, 6, 8, "程序倒置：先调查后立案")
    _click(qtbot, dialog.whole_radio)
    assert dialog.request() == TagRequest(TrainingTag.POOR, None, None, "程序倒置：先调查后立案")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)


def test_the_current_page_is_kept_inside_the_file(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, page_count=3, current_page=9)
    assert (dialog.first_spin.value(), dialog.last_spin.value(), dialog.last_spin.maximum()) == (3, 3, 3)


def test_list_shows_tags(qtbot: QtBot) -> None:
    tags = TrainingTagList()
    qtbot.addWidget(tags)
    tags.set_tags(TAGS)
    model = tags.model
    rows = [[model.item(r, c).text() for c in range(5)] for r in range(model.rowCount())]
    day = AT.astimezone().strftime("%Y-%m-%d")
    assert rows == [
        ["优秀", "整卷", "文书规范，证据链完整", "王培训", day],
        ["典型差案", "第4–6页", "现场笔录只有一名执法人员", "李四", day],
    ]
    tags.set_tags(TAGS[:1])
    assert model.rowCount() == 1


def test_list_delete_and_page_signals(qtbot: QtBot) -> None:
    tags = TrainingTagList()
    qtbot.addWidget(tags)
    tags.show()
    tags.set_tags(TAGS)
    assert not tags.delete_button.isEnabled()  # nothing selected
    tags.view.setCurrentIndex(tags.model.index(1, 2))
    assert tags.delete_button.isEnabled()
    with qtbot.waitSignal(tags.delete_requested) as deleted:
        qtbot.mouseClick(tags.delete_button, Qt.MouseButton.LeftButton)
    assert deleted.args == [12]

    for row, page in ((1, 4), (0, 1)):
        rect = tags.view.visualRect(tags.model.index(row, 2))
        with qtbot.waitSignal(tags.page_requested) as requested:
            qtbot.mouseClick(tags.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.mouseDClick(tags.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert requested.args == [page]

    tags.set_tags([])
    assert tags.model.rowCount() == 0
    assert not tags.delete_button.isEnabled()
