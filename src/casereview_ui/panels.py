"""The right-hand panel: 文书 (document outline) and 要素 (fields) tabs over the item models."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTabWidget, QTreeView, QWidget

from casereview.domain.model import Evidence
from casereview.pipeline import Analysis
from casereview_ui.fieldrows import field_rows
from casereview_ui.models import EVIDENCE_ROLE, PAGE_ROLE, DocumentOutlineModel, FieldsModel


def _tree(parent: QWidget, name: str) -> QTreeView:
    view = QTreeView(parent)
    view.setObjectName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setUniformRowHeights(True)
    return view


class CasePanel(QTabWidget):
    """Clicking a document goes to its first page; clicking a field shows its evidence."""

    page_requested = Signal(int)
    evidence_requested = Signal(object)  # Evidence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blind = False  # blind review: officers' names are not shown
        self.documents = DocumentOutlineModel(self)
        self.fields = FieldsModel(self)

        self.outline_view = _tree(self, "outlineView")
        self.outline_view.setModel(self.documents)
        header = self.outline_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.outline_view.clicked.connect(self._outline_clicked)
        self.outline_view.activated.connect(self._outline_clicked)

        self.fields_view = _tree(self, "fieldsView")
        self.fields_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.fields_view.setRootIsDecorated(False)
        self.fields_view.setModel(self.fields)
        header = self.fields_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.fields_view.clicked.connect(self._field_clicked)
        self.fields_view.activated.connect(self._field_clicked)

        self.addTab(self.outline_view, self.tr("文书"))
        self.addTab(self.fields_view, self.tr("要素"))

    def show_analysis(
        self, analysis: Analysis | None, corrected: Collection[str] = (), keep_tab: bool = False
    ) -> None:
        """Documents and fields of ``analysis`` (``corrected``: fields the reviewer corrected)."""
        if analysis is None:
            self.documents.set_documents([])
            self.fields.set_rows([])
            return
        if not keep_tab:
            self.documents.set_documents(analysis.documents)
            self.outline_view.collapseAll()
        self.fields.set_rows(field_rows(analysis.extraction, corrected, blind=self.blind))

    def _outline_clicked(self, index: QModelIndex) -> None:
        page = index.data(PAGE_ROLE)
        if isinstance(page, int):
            self.page_requested.emit(page)

    def _field_clicked(self, index: QModelIndex) -> None:
        evidence = index.siblingAtColumn(0).data(EVIDENCE_ROLE)
        if isinstance(evidence, Evidence):
            self.evidence_requested.emit(evidence)
