"""Find in the case: a search bar, and the controller that runs the search and walks the hits.

The search is synchronous: the case's folded text is indexed once (~25 ms for 300 dense pages) and a
search is then a substring scan of a few milliseconds, less than a worker round trip would cost.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget
from typing_extensions import override

from casereview.domain.model import CaseFile, Evidence
from casereview.search import SearchIndex
from casereview_ui.viewer.pageview import PageView


class _QueryEdit(QLineEdit):
    """Enter / Shift+Enter / Esc as the bar's next / previous / clear."""

    forward = Signal()
    backward = Signal()
    escaped = Signal()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            (self.backward if shift else self.forward).emit()
        elif key == Qt.Key.Key_Escape:
            self.escaped.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class SearchBar(QWidget):
    next_requested = Signal(str)  # the query: Enter or 下一个
    previous_requested = Signal(str)  # Shift+Enter or 上一个
    cleared = Signal()  # Esc, or the text was emptied

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _QueryEdit(self)
        self.edit.setPlaceholderText(self.tr("在案卷中查找…"))
        self.edit.setClearButtonEnabled(True)
        self.previous_button = QToolButton(self)
        self.previous_button.setText(self.tr("上一个"))
        self.next_button = QToolButton(self)
        self.next_button.setText(self.tr("下一个"))
        self.label = QLabel(self)
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("000 / 000"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.edit, self.previous_button, self.next_button, self.label):
            layout.addWidget(widget)
        self.edit.forward.connect(self._next)
        self.edit.backward.connect(self._previous)
        self.edit.escaped.connect(self.clear)
        self.next_button.clicked.connect(self._next)
        self.previous_button.clicked.connect(self._previous)
        self.edit.textChanged.connect(self._text_changed)

    @property
    def query(self) -> str:
        return self.edit.text()

    def set_result(self, current: int, total: int) -> None:
        """``3 / 12`` (current is 1-based), ``无结果`` when a search found nothing."""
        if total > 0:
            self.label.setText(f"{current} / {total}")
        else:
            self.label.setText(self.tr("无结果") if self.query.strip() else "")

    def clear(self) -> None:
        self.edit.clear()  # textChanged → cleared
        self.label.clear()

    def focus(self) -> None:
        """Ctrl+F: type straight away, over the previous query."""
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def _next(self) -> None:
        if self.query.strip():
            self.next_requested.emit(self.query)

    def _previous(self) -> None:
        if self.query.strip():
            self.previous_requested.emit(self.query)

    def _text_changed(self, text: str) -> None:
        if not text.strip():
            self.label.clear()
            self.cleared.emit()


class SearchController(QObject):
    """Runs the bar's searches on the view's case and moves the view from hit to hit."""

    def __init__(self, bar: SearchBar, view: PageView) -> None:
        super().__init__(view)
        self.bar = bar
        self.view = view
        self._index: SearchIndex | None = None
        self._indexed: CaseFile | None = None
        self._query = ""
        self.hits: list[Evidence] = []
        self.current = -1
        bar.next_requested.connect(lambda query: self._step(query, 1))
        bar.previous_requested.connect(lambda query: self._step(query, -1))
        bar.cleared.connect(self.clear)
        view.case_changed.connect(self._case_changed)

    def search(self, query: str) -> int:
        """Find ``query`` and go to the first hit on or after the shown page; the number of hits."""
        case = self.view.case
        self._query = query
        if case is None:
            self.hits = []
        else:
            if self._indexed is not case or self._index is None:
                self._index, self._indexed = SearchIndex(case), case
            self.hits = self._index.search(query)
        page = self.view.current_page
        self.current = (
            next((i for i, hit in enumerate(self.hits) if hit.page >= page), 0) if self.hits else -1
        )
        self._show()
        return len(self.hits)

    def clear(self) -> None:
        self._query, self.hits, self.current = "", [], -1
        self.view.set_search_hits([], -1)
        self.bar.set_result(0, 0)

    def _step(self, query: str, direction: int) -> None:
        if query != self._query or self._indexed is not self.view.case:
            self.search(query)  # a new query lands on its first hit, whatever the direction
            return
        if self.hits:
            self.current = (self.current + direction) % len(self.hits)
            self._show()

    def _show(self) -> None:
        self.view.set_search_hits(self.hits, self.current)
        self.bar.set_result(self.current + 1, len(self.hits))

    def _case_changed(self) -> None:
        """The view dropped its hits with the old case; a new Enter searches the new one."""
        self._index, self._indexed = None, None
        self._query, self.hits, self.current = "", [], -1
        self.bar.label.clear()
