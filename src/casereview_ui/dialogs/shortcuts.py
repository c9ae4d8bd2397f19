"""The 快捷键 help dialog: every command of the given groups with its keyboard shortcuts.

Built from the window's own QActions, so the list cannot drift from the shortcuts that work; the
keys are shown in the platform's notation (Ctrl+O here, ⌘O on macOS).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

SEPARATOR = "，"
_CJK_MNEMONIC = re.compile(r"\(&[^)]\)")  # "打开(&O)": the letter is only there for the mnemonic


def plain_text(text: str) -> str:
    """An action's text without its & mnemonic ("&&" is a literal "&")."""
    text = _CJK_MNEMONIC.sub("", text)
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def shortcut_text(action: QAction) -> str:
    keys = (key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
    return SEPARATOR.join(key for key in keys if key)


def _cell(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item


class ShortcutsDialog(QDialog):
    def __init__(
        self, groups: Sequence[tuple[str, Sequence[QAction]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("快捷键"))
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("命令"), self.tr("快捷键")])
        for title, actions in groups:
            self._add_group(title, actions)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # the command or its keys
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setRecursiveFilteringEnabled(True)  # a matching command keeps its group
        self.proxy.setAutoAcceptChildRows(True)  # a matching group shows all its commands
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("查找命令或按键…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformRowHeights(True)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(460, 520)
        self._filter()

    def _add_group(self, title: str, actions: Sequence[QAction]) -> None:
        group = _cell(title)
        font = group.font()
        font.setBold(True)
        group.setFont(font)
        for action in actions:
            if action.isSeparator():
                continue
            keys = shortcut_text(action)
            name, where = _cell(plain_text(action.text())), _cell(keys or "—")
            name.setToolTip(action.toolTip())
            if not keys:
                where.setForeground(self.palette().placeholderText())
            group.appendRow([name, where])
        self.model.appendRow([group, _cell("")])

    def _filter(self) -> None:
        self.proxy.setFilterFixedString(self.search.text().strip())
        self.view.expandAll()
        for row in range(self.proxy.rowCount()):
            self.view.setFirstColumnSpanned(row, self.view.rootIndex(), True)

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, command, keys) of every row shown now."""
        shown: list[tuple[str, str, str]] = []
        for row in range(self.proxy.rowCount()):
            group = self.proxy.index(row, 0)
            for child in range(self.proxy.rowCount(group)):
                name = self.proxy.index(child, 0, group).data()
                keys = self.proxy.index(child, 1, group).data()
                shown.append((str(group.data()), str(name), str(keys)))
        return shown
