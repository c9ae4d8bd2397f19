"""The 存在的问题 of a 法制审核意见书: a checkable list (unchecked problems are dropped) with an editor below.

Editing happens in the editor under the list rather than in the list itself: a problem's text is a
paragraph, and the pages are a separate field the opinion prints as ``（第3、5页）``.
"""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casereview.legal.model import OpinionProblem, pages_text, problem_line
from casereview_ui import palette

_UNSURE_COLOUR = palette.ink(palette.NEEDS_REVIEW)  # the machine could not decide, the reviewer must


def parse_pages(text: str) -> tuple[int, ...]:
    """``3、5，7`` → (3, 5, 7): any digits count, anything between them separates."""
    return tuple(sorted({int(n) for n in re.findall(r"\d+", text) if int(n) > 0}))


class ProblemsEditor(QWidget):
    """Emits ``changed`` whenever the problems the opinion would list change (checked, edited, added)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[OpinionProblem] = []
        self._loading = False

        self.list = QListWidget(self)
        self.list.setObjectName("problemList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)  # long problems run together without a gap
        self.list.setToolTip(self.tr("取消勾选的问题不写入意见书；双击编辑"))
        self.list.itemChanged.connect(self._item_changed)
        self.list.currentRowChanged.connect(self._show_detail)
        self.list.itemDoubleClicked.connect(self._edit_item)

        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("problemText")
        self.text_edit.setPlaceholderText(self.tr("问题说明，如：第4页现场笔录仅载明1名执法人员"))
        self.text_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.text_edit.textChanged.connect(self._detail_edited)
        self.pages_edit = QLineEdit(self)
        self.pages_edit.setObjectName("problemPages")
        self.pages_edit.setPlaceholderText(self.tr("如 3、5"))
        self.pages_edit.textEdited.connect(self._detail_edited)
        self.add_button = QPushButton(self.tr("添加问题"), self)
        self.add_button.clicked.connect(self.add_problem)

        detail = QFormLayout()
        detail.addRow(self.tr("问题说明"), self.text_edit)
        pages_row = QHBoxLayout()
        pages_row.addWidget(self.pages_edit, 1)
        pages_row.addWidget(self.add_button)
        detail.addRow(self.tr("所在页码"), pages_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(detail)
        self._show_detail(-1)

    def set_problems(self, problems: list[OpinionProblem]) -> None:
        self._problems = [dataclasses.replace(p) for p in problems]  # edits never touch the caller's
        self._loading = True
        self.list.clear()
        for problem in self._problems:
            item = QListWidgetItem()
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
            self._label(item, problem)
        self._loading = False
        self.list.setCurrentRow(0 if self._problems else -1)
        self.changed.emit()

    def problems(self) -> list[OpinionProblem]:
        """The checked problems, as edited, in list order."""
        return [
            dataclasses.replace(problem)
            for row, problem in enumerate(self._problems)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def add_problem(self) -> None:
        """A free-text problem of the reviewer's own, checked, selected and ready for typing."""
        self._problems.append(OpinionProblem("", "", "", ()))
        item = QListWidgetItem()
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        self._loading = True
        item.setCheckState(Qt.CheckState.Checked)
        self.list.addItem(item)
        self._label(item, self._problems[-1])
        self._loading = False
        self.list.setCurrentItem(item)
        self.text_edit.setFocus()
        self.changed.emit()

    def _label(self, item: QListWidgetItem, problem: OpinionProblem) -> None:
        if problem.text.strip():
            text = problem_line(problem)
        else:
            text = self.tr("（新问题，请在下方填写说明）") + pages_text(problem.pages)
        if problem.unsure:
            text = self.tr("【待人工确认】") + text
            item.setForeground(QBrush(_UNSURE_COLOUR))
        was_loading, self._loading = self._loading, True  # setText emits itemChanged too
        item.setText(text)
        item.setToolTip(text)
        self._loading = was_loading

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if not self._loading:
            self.changed.emit()  # a check box was toggled

    def _show_detail(self, row: int) -> None:
        problem = self._problems[row] if 0 <= row < len(self._problems) else None
        self._loading = True
        self.text_edit.setPlainText(problem.text if problem else "")
        self.pages_edit.setText("、".join(str(p) for p in problem.pages) if problem else "")
        self._loading = False
        self.text_edit.setEnabled(problem is not None)
        self.pages_edit.setEnabled(problem is not None)

    def _edit_item(self, item: QListWidgetItem) -> None:
        self.list.setCurrentItem(item)
        self.text_edit.setFocus()
        self.text_edit.selectAll()

    def _detail_edited(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self._problems):
            return
        problem = dataclasses.replace(
            self._problems[row],
            text=self.text_edit.toPlainText(),
            pages=parse_pages(self.pages_edit.text()),
        )
        self._problems[row] = problem
        self._label(self.list.item(row), problem)
        self.changed.emit()
