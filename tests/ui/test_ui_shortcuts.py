"""The 快捷键 help dialog: groups and commands from QActions, native key text, and its filter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QWidget

from casereview_ui.dialogs.shortcuts import ShortcutsDialog, plain_text, shortcut_text


def action(owner: QWidget, text: str, *keys: str | QKeySequence.StandardKey) -> QAction:
    act = QAction(text, owner)
    act.setShortcuts([QKeySequence(key) for key in keys])
    return act


def native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


@pytest.fixture
def dialog(qtbot: Any) -> Iterator[ShortcutsDialog]:
    owner = QWidget()  # held here: qtbot keeps only weak references
    qtbot.addWidget(owner)
    separator = QAction(owner)
    separator.setSeparator(True)
    groups = [
        ("评查", [action(owner, "接受(&A)", "A"), action(owner, "改判…", "O", "Ctrl+Shift+O"), separator]),
        ("页面", [action(owner, "下一页", "PgDown", "Space"), action(owner, "适合宽度", "Ctrl+1")]),
        ("案卷", [action(owner, "&打开案卷…", "Ctrl+O"), action(owner, "关于 && 帮助")]),
    ]
    dialog = ShortcutsDialog(groups, owner)
    qtbot.addWidget(dialog)
    yield dialog


def test_groups_commands_and_keys(dialog: ShortcutsDialog) -> None:
    assert dialog.windowTitle() == "快捷键"
    assert [dialog.proxy.index(row, 0).data() for row in range(dialog.proxy.rowCount())] == [
        "评查",
        "页面",
        "案卷",
    ]
    assert dialog.rows() == [
        ("评查", "接受", "A"),
        ("评查", "改判…", "O，Ctrl+Shift+O"),
        ("页面", "下一页", f"PgDown，{native('Space')}"),  # 空格 with Qt's Chinese translations
        ("页面", "适合宽度", "Ctrl+1"),
        ("案卷", "打开案卷…", "Ctrl+O"),
        ("案卷", "关于 & 帮助", "—"),
    ]
    assert dialog.view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not dialog.model.item(0).child(0).isEditable()
    assert dialog.view.isExpanded(dialog.proxy.index(1, 0))


def test_filter_by_command_key_or_group(qtbot: Any, dialog: ShortcutsDialog) -> None:
    qtbot.keyClicks(dialog.search, "ctrl+")
    assert [row[1] for row in dialog.rows()] == ["改判…", "适合宽度", "打开案卷…"]
    dialog.search.setText("适合")
    assert dialog.rows() == [("页面", "适合宽度", "Ctrl+1")]
    dialog.search.setText("案卷")  # a group's name shows all of its commands
    assert [row[1] for row in dialog.rows()] == ["打开案卷…", "关于 & 帮助"]
    dialog.search.setText("没有这个命令")
    assert dialog.rows() == [] and dialog.proxy.rowCount() == 0
    dialog.search.clear()
    assert len(dialog.rows()) == 6


def test_text_helpers(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    assert plain_text("文件(&F)") == "文件"
    assert plain_text("&Open && save") == "Open & save"
    assert shortcut_text(action(owner, "x")) == ""
    native = QKeySequence(QKeySequence.StandardKey.Open).toString(QKeySequence.SequenceFormat.NativeText)
    assert shortcut_text(action(owner, "x", QKeySequence.StandardKey.Open)) == native
