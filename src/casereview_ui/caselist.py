"""Filtering the case list: a proxy model over the case-list roles and the filter bar above the list.

The text search matches 案号, 当事人 or the shown text regardless of case, spaces, full/half-width
forms and the bracket style of 案号 (〔2026〕, [2026], （2026）); the four combos match exactly.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCollator,
    QMetaObject,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from typing_extensions import override

from casereview_ui.models import (
    CASE_NUMBER_ROLE,
    GRADE_ROLE,
    PARTY_ROLE,
    REVIEWER_ROLE,
    STATUS_ROLE,
    UNIT_ROLE,
)

_Index = QModelIndex | QPersistentModelIndex
# Known values listed in their natural order rather than alphabetically.
STATUS_ORDER = ("待评查", "评查中", "已完成", "正在读取", "读取失败")
GRADE_ORDER = ("优秀", "良好", "合格", "不合格")
_BRACKETS = str.maketrans({"〔": "(", "【": "(", "[": "(", "〕": ")", "】": ")", "]": ")"})


def fold(text: str) -> str:
    """``text`` as the search compares it: NFKC, case-folded, no whitespace, one bracket style."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split()).translate(_BRACKETS)


@dataclass
class CaseFilter:
    """What the case list shows; "" means any value."""

    text: str = ""
    unit: str = ""
    status: str = ""
    grade: str = ""
    reviewer: str = ""

    def is_empty(self) -> bool:
        return not (self.text.strip() or self.unit or self.status or self.grade or self.reviewer)


def _text(model: QAbstractItemModel, index: QModelIndex, role: int) -> str:
    value = model.data(index, role)
    return value if isinstance(value, str) else ""


class CaseFilterProxy(QSortFilterProxyModel):
    """The rows of a case-list model that match a :class:`CaseFilter`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = CaseFilter()
        self._needle = ""

    def filter(self) -> CaseFilter:
        return CaseFilter(**vars(self._filter))

    def set_filter(self, case_filter: CaseFilter) -> None:
        self.beginFilterChange()
        self._filter = CaseFilter(**vars(case_filter))  # a copy: the caller may keep editing theirs
        self._needle = fold(case_filter.text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @override
    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if model is None:
            return True
        index = model.index(source_row, 0, source_parent)
        wanted = self._filter
        for role, value in (
            (UNIT_ROLE, wanted.unit),
            (STATUS_ROLE, wanted.status),
            (GRADE_ROLE, wanted.grade),
            (REVIEWER_ROLE, wanted.reviewer),
        ):
            if value and _text(model, index, role) != value:
                return False
        if not self._needle:
            return True
        roles = (CASE_NUMBER_ROLE, PARTY_ROLE, Qt.ItemDataRole.DisplayRole)
        return any(self._needle in fold(_text(model, index, role)) for role in roles)


def distinct_values(model: QAbstractItemModel, role: int, order: Sequence[str] = ()) -> list[str]:
    """The distinct non-empty ``role`` texts of the model's top-level rows: ``order`` first, then sorted."""
    found = {_text(model, model.index(row, 0), role) for row in range(model.rowCount())}
    found.discard("")
    return _sorted(found, order)


def _sorted(values: Iterable[str], order: Sequence[str]) -> list[str]:
    values = set(values)
    known = [value for value in order if value in values]
    collator = QCollator()  # the default (China) locale: pinyin order where ICU has it
    rest = sorted(values - set(known), key=collator.sortKey)
    return known + rest


class CaseFilterBar(QWidget):
    """Search field, 执法单位 / 状态 / 等级 / 评查人员 combos and the "显示 n / m 份" count."""

    filter_changed = Signal(object)  # CaseFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: QAbstractItemModel | None = None
        self._connections: list[QMetaObject.Connection] = []
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索案号或当事人…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("搜索案号或当事人"))
        self.search.textChanged.connect(self._emit)
        self.unit = self._combo(self.tr("全部执法单位"), self.tr("执法单位"))
        self.status = self._combo(self.tr("全部状态"), self.tr("状态"))
        self.grade = self._combo(self.tr("全部等级"), self.tr("等级"))
        self.reviewer = self._combo(self.tr("全部评查人员"), self.tr("评查人员"))
        self.count_label = QLabel(self)
        combos = QGridLayout()
        combos.setContentsMargins(0, 0, 0, 0)
        combos.setSpacing(4)
        for position, combo in enumerate((self.unit, self.status, self.grade, self.reviewer)):
            combos.addWidget(combo, position // 2, position % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addLayout(combos)
        layout.addWidget(self.count_label)
        self._combo_roles = (
            (self.unit, UNIT_ROLE, ()),
            (self.status, STATUS_ROLE, STATUS_ORDER),
            (self.grade, GRADE_ROLE, GRADE_ORDER),
            (self.reviewer, REVIEWER_ROLE, ()),
        )
        self.set_counts(0, 0)

    def _combo(self, everything: str, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, "")
        combo.setToolTip(name)
        combo.setAccessibleName(name)
        # Narrow side panel: long unit names are elided instead of widening the panel.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(4)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def set_source(self, model: QAbstractItemModel | None) -> None:
        """Offer the values present in ``model`` (the unfiltered case list) and follow its changes."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        self._source = model
        if model is not None:
            signals: tuple[Any, ...] = (
                model.rowsInserted,
                model.rowsRemoved,
                model.dataChanged,
                model.modelReset,
                model.layoutChanged,
            )
            self._connections = [signal.connect(self.refresh_choices) for signal in signals]
        self.refresh_choices()

    def refresh_choices(self) -> None:
        """Re-read the distinct values; the current choices stay, even when no row has them now."""
        for combo, role, order in self._combo_roles:
            current = str(combo.currentData() or "")
            values = distinct_values(self._source, role, order) if self._source is not None else []
            if current and current not in values:
                values = _sorted([*values, current], order)
            combo.blockSignals(True)
            try:
                while combo.count() > 1:
                    combo.removeItem(1)
                for value in values:
                    combo.addItem(value, value)
                combo.setCurrentIndex(max(combo.findData(current), 0))
            finally:
                combo.blockSignals(False)

    def choices(self, combo: QComboBox) -> list[str]:
        """The values ``combo`` offers besides its "全部…" entry."""
        return [str(combo.itemData(i)) for i in range(1, combo.count())]

    def filter(self) -> CaseFilter:
        return CaseFilter(
            text=self.search.text(),
            unit=str(self.unit.currentData() or ""),
            status=str(self.status.currentData() or ""),
            grade=str(self.grade.currentData() or ""),
            reviewer=str(self.reviewer.currentData() or ""),
        )

    def clear(self) -> None:
        """Show every case again (one filter_changed)."""
        combos = (self.unit, self.status, self.grade, self.reviewer)
        for widget in (self.search, *combos):
            widget.blockSignals(True)
        try:
            self.search.clear()
            for combo in combos:
                combo.setCurrentIndex(0)
        finally:
            for widget in (self.search, *combos):
                widget.blockSignals(False)
        self._emit()

    def set_counts(self, shown: int, total: int) -> None:
        self.count_label.setText(self.tr("显示 {0} / {1} 份").format(shown, total))

    def _emit(self) -> None:
        self.filter_changed.emit(self.filter())
