"""常用理由 type-ahead: a line edit whose QCompleter lists the current item's library reasons
(most used first) matching any part of what is typed; Down opens the whole list, Enter chooses."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget
from typing_extensions import override

from casereview.reasons.model import Reason, match_reason


class ReasonPicker(QLineEdit):
    chosen = Signal(object)  # the Reason chosen

    def __init__(self, reasons: Sequence[Reason], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonPicker")
        self._all = list(reasons)
        self._shown: list[Reason] = []
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(8)
        completer.activated.connect(self._activated)  # the (str) overload: the label
        self.setCompleter(completer)

    def set_item(self, item_id: str) -> None:
        """Offer the reasons of ``item_id`` (the library lists them most used first)."""
        self._shown = [r for r in self._all if r.item_id == item_id]
        self._model.setStringList([self._label(r) for r in self._shown])
        self.clear()
        self.setEnabled(bool(self._shown))
        self.setPlaceholderText(
            self.tr("输入关键字选择常用理由（↓ 列出全部，共 {0} 条）").format(len(self._shown))
            if self._shown
            else self.tr("本项目暂无常用理由")
        )

    def reasons(self) -> list[Reason]:
        return list(self._shown)

    @staticmethod
    def _label(reason: Reason) -> str:
        used = f"  〔已用 {reason.use_count} 次〕" if reason.use_count else ""
        return f"{reason.text}{used}"

    def _activated(self, label: str) -> None:
        reason = next((r for r in self._shown if self._label(r) == label), None)
        if reason is not None:
            self.setText(reason.text)
            self.chosen.emit(reason)

    def choose(self, reason: Reason) -> None:
        self.setText(reason.text)
        self.chosen.emit(reason)

    def matching(self, text: str) -> Reason | None:
        return match_reason(self._shown, self._shown[0].item_id, text) if self._shown else None

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        completer = self.completer()
        popup = completer.popup()
        hidden = popup is None or not popup.isVisible()
        if event.key() == Qt.Key.Key_Down and hidden and self._shown:
            completer.setCompletionPrefix(self.text())
            completer.complete()
            return
        super().keyPressEvent(event)
