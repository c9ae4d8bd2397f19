"""Qt item models over plain core dataclasses: open cases, the document outline, the fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle
from typing_extensions import override

from casereview.domain.model import Document, Evidence
from casereview_ui import palette
from casereview_ui.cases.session import CaseState, OpenCase
from casereview_ui.fieldrows import FieldRow
from casereview_ui.labels import page_range

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # int: the page an item leads to
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 2  # Evidence | None: where a field's value was read
CASE_ROLE = Qt.ItemDataRole.UserRole + 3  # OpenCase
# Case-list roles the filter bar filters on (all str; "" when not known yet).
CASE_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 10  # 案号
PARTY_ROLE = Qt.ItemDataRole.UserRole + 11  # 当事人
UNIT_ROLE = Qt.ItemDataRole.UserRole + 12  # 执法单位
STATUS_ROLE = Qt.ItemDataRole.UserRole + 13  # 待评查 | 评查中 | 已完成 | 正在读取 | 读取失败
GRADE_ROLE = Qt.ItemDataRole.UserRole + 14  # 优秀 | 良好 | 合格 | 不合格
REVIEWER_ROLE = Qt.ItemDataRole.UserRole + 15  # 评查人员

_Index = QModelIndex | QPersistentModelIndex
_MUTED = palette.MUTED
_CORRECTED = palette.ink(palette.MANUAL)


class CaseListModel(QAbstractListModel):
    """The case files opened in this run: file name, then 案号 and 当事人 once read."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cases: list[OpenCase] = []

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cases)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cases):
            return None
        case = self._cases[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{case.name}\n{self._second_line(case)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [str(case.path), case.unit, case.message]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.ForegroundRole and case.state == CaseState.FAILED:
            return palette.ink(palette.FAIL)
        if role == Qt.ItemDataRole.DecorationRole:
            return _state_icon(case.state)
        if role == CASE_ROLE:
            return case
        return self._filter_value(case, role)

    def _filter_value(self, case: OpenCase, role: int) -> str | None:
        if role == CASE_NUMBER_ROLE:
            return case.case_number
        if role == PARTY_ROLE:
            return case.party_name
        if role == UNIT_ROLE:
            return case.unit
        if role == STATUS_ROLE:
            if case.state == CaseState.FAILED:
                return self.tr("读取失败")
            if case.state in (CaseState.QUEUED, CaseState.LOADING) and case.case_id is None:
                return self.tr("正在读取")
            return case.review_status
        if role == GRADE_ROLE:
            return case.grade
        if role == REVIEWER_ROLE:
            return case.reviewer
        return None

    def _second_line(self, case: OpenCase) -> str:
        if case.state == CaseState.FAILED:
            return self.tr("读取失败")
        if case.state in (CaseState.LOADING, CaseState.QUEUED) and case.case_id is None:
            return case.message or self.tr("正在读取…")
        parts = [case.case_number or self.tr("案号未识别"), case.party_name or self.tr("当事人未识别")]
        review = case.review_status
        if case.score is not None and case.grade:
            review += f" {case.score:g}分 {case.grade}"
        return "  ".join(parts) + "\n" + review

    def cases(self) -> list[OpenCase]:
        return list(self._cases)

    def case_at(self, row: int) -> OpenCase | None:
        return self._cases[row] if 0 <= row < len(self._cases) else None

    def row_of(self, case: OpenCase) -> int:
        return next((i for i, c in enumerate(self._cases) if c is case), -1)

    def find(self, path: object) -> OpenCase | None:
        return next((c for c in self._cases if c.path == path), None)

    def find_id(self, case_id: int) -> OpenCase | None:
        return next((c for c in self._cases if c.case_id == case_id), None)

    def clear(self) -> None:
        self.beginResetModel()
        self._cases.clear()
        self.endResetModel()

    def add(self, case: OpenCase) -> int:
        row = len(self._cases)
        self.beginInsertRows(QModelIndex(), row, row)
        self._cases.append(case)
        self.endInsertRows()
        return row

    def refresh(self, case: OpenCase) -> None:
        row = self.row_of(case)
        if row >= 0:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)


def _state_icon(state: CaseState) -> QIcon:
    icons = {
        CaseState.READY: QStyle.StandardPixmap.SP_FileIcon,
        CaseState.STORED: QStyle.StandardPixmap.SP_FileIcon,
        CaseState.QUEUED: QStyle.StandardPixmap.SP_BrowserReload,
        CaseState.LOADING: QStyle.StandardPixmap.SP_BrowserReload,
        CaseState.FAILED: QStyle.StandardPixmap.SP_MessageBoxWarning,
    }
    return QApplication.style().standardIcon(icons[state])


class DocumentOutlineModel(QStandardItemModel):
    """The split documents as a tree (document → its pages); columns 文书 and 页码."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._set_headers()

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("文书"), self.tr("页码")])

    def set_documents(self, documents: list[Document]) -> None:
        self.removeRows(0, self.rowCount())  # not clear(): it would drop the header's resize modes
        for document in documents:
            self.appendRow(self._document_row(document))

    def _document_row(self, document: Document) -> list[QStandardItem]:
        title = document.type
        if document.serves:
            title = self.tr("{0}（送达：{1}）").format(document.type, document.serves)
        pages = page_range(document.first_page, document.last_page)
        name, where = _item(title, document.first_page), _item(pages, document.first_page)
        name.setToolTip(f"{title}  {pages}")
        if document.last_page > document.first_page:
            for number in document.pages():
                name.appendRow([_item(page_range(number, number), number), _item("", number)])
        return [name, where]


def _item(text: str, page: int) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(page, PAGE_ROLE)
    return item


class FieldsModel(QAbstractTableModel):
    """The 要素 table: label, value, page of the evidence (values not found are greyed).

    Values of correctable fields (案号, 当事人, dates, amounts) are edited in place; the edit is
    not applied here but asked for through ``correction_requested`` (the rules must re-run)."""

    correction_requested = Signal(str, str)  # field name, the value as typed ("" = undo correction)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FieldRow] = []
        self.editable = True

    def set_rows(self, rows: list[FieldRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> FieldRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 3
        ):
            return (self.tr("要素"), self.tr("内容"), self.tr("页码"))[section]
        return None

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and index.column() == 1 and row.correctable and self.editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    @override
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.EditRole or index.column() != 1 or not row.correctable:
            return False
        text = str(value).strip()
        if text == row.text:
            return False
        self.correction_requested.emit(row.name, text)
        return True  # the panel is rebuilt from the re-checked extraction

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        evidence: Evidence | None = row.evidence
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.label + (self.tr("（已更正）") if row.corrected else "")
            if column == 1:
                return row.text or self.tr("未识别")
            return str(evidence.page) if evidence is not None else ""
        if role == Qt.ItemDataRole.EditRole and column == 1:
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = []
            if evidence is not None:
                tips.append(self.tr("第{0}页：{1}").format(evidence.page, evidence.text))
            if row.corrected:
                tips.append(self.tr("评查人员已更正此项；清空内容可恢复机器识别结果"))
            elif row.correctable:
                tips.append(self.tr("双击或按 F2 更正；更正后立即重新检查相关规则"))
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.corrected:
                return _CORRECTED
            if not row.found:
                return _MUTED
        if role == EVIDENCE_ROLE:
            return evidence
        if role == PAGE_ROLE:
            return evidence.page if evidence is not None else None
        return None
