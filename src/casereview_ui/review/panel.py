"""The 评查 panel: running score and grade with veto/cap banners, the item tree, and the selected
item's details (machine message, reason, evidence pages, the reviewer's decision)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from casereview.domain.findings import Status
from casereview.domain.model import Document, Evidence
from casereview.policy.model import row_text
from casereview.scoring import ItemResult, ItemStatus, ScoreSheet
from casereview.standards.schema import Standard
from casereview_ui.labels import page_range
from casereview_ui.review.decisions_text import decision_text
from casereview_ui.review.model import (
    EVIDENCE_LIST_ROLE,
    FINDING_ROLE,
    FINDING_STATUS_TEXT,
    ITEM_ROLE,
    FindingsModel,
    evidence_list,
    points_text,
)
from casereview_ui.viewer.marks import WHOLE_PAGE, MarkKind


def mark_kind(result: ItemResult | None, status: Status | None = None) -> MarkKind:
    """The colour of a finding's evidence on the page: the finding's status, else the item's."""
    if status is Status.FAIL:
        return MarkKind.FAIL
    if status is Status.NEEDS_REVIEW:
        return MarkKind.NEEDS_REVIEW
    if status is Status.PASS:
        return MarkKind.PASS
    if result is not None and result.decision is not None and result.decision.region is not None:
        return MarkKind.MANUAL
    if result is not None and result.status is ItemStatus.DEDUCTED:
        return MarkKind.FAIL
    if result is not None and result.status in (ItemStatus.NEEDS_REVIEW, ItemStatus.PENDING):
        return MarkKind.NEEDS_REVIEW
    return MarkKind.PASS


class ScoreBanner(QWidget):
    """得分 87 / 100 · 良好, the waiting count, and a red (veto) / amber (cap) line when one fires."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score_label = QLabel(self)
        self.score_label.setObjectName("scoreLabel")
        self.grade_label = QLabel(self)
        self.grade_label.setObjectName("gradeLabel")

        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pendingLabel")
        self.pending_label.setWordWrap(True)
        self.veto_label = QLabel(self)
        self.veto_label.setObjectName("vetoBanner")
        self.veto_label.setWordWrap(True)
        self.possible_label = QLabel(self)
        self.possible_label.setObjectName("possibleVetoBanner")
        self.possible_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.score_label)
        top.addStretch(1)
        top.addWidget(self.grade_label)
        top.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.addLayout(top)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.veto_label)
        layout.addWidget(self.possible_label)
        self.set_sheet(None)

    def set_sheet(self, sheet: ScoreSheet | None) -> None:
        if sheet is None:
            self.score_label.setText(self.tr("尚未评查"))
            self.grade_label.clear()
            self.pending_label.clear()
            self.veto_label.setVisible(False)
            self.possible_label.setVisible(False)
            return
        self.score_label.setText(
            self.tr("得分 <b style='font-size:16pt'>{0}</b> / {1}").format(
                points_text(sheet.score), points_text(sheet.total)
            )
        )
        grade = html.escape(sheet.grade)
        if len(sheet.grade) <= 4:
            self.grade_label.setText(f"<b style='font-size:16pt'>{grade}</b>")
        else:  # a long grade (退回重新调查) goes on the score's line instead of squeezing it
            self.grade_label.clear()
            self.score_label.setText(self.score_label.text() + f"　<b style='font-size:12pt'>{grade}</b>")
        self.score_label.setMinimumWidth(self.score_label.sizeHint().width())
        waiting = [i for i in sheet.items if i.status in (ItemStatus.PENDING, ItemStatus.NEEDS_REVIEW)]
        if waiting:
            self.pending_label.setText(
                self.tr("暂定结果：{0} 项待人工确认或评定（{1}）").format(
                    len(waiting),
                    "、".join(i.item_id for i in waiting[:6]) + ("…" if len(waiting) > 6 else ""),
                )
            )
        else:
            self.pending_label.setText(self.tr("各项均已评定"))
        fired = [
            self.tr("否决：{0}（{1}）→ {2}").format(v.title, "、".join(v.sources), sheet.grade)
            for v in sheet.vetoes
            if v.triggered
        ]
        fired += [
            self.tr("等级上限：{0}（{1}）").format(c.title, "、".join(c.sources))
            for c in sheet.caps
            if c.triggered
        ]
        possible = [
            self.tr("可能否决：{0}（待确认：{1}）").format(v.title, "、".join(v.sources))
            for v in sheet.vetoes
            if v.pending and not v.triggered
        ]
        _banner(self.veto_label, fired, "background:#c62828;color:white;")
        _banner(self.possible_label, possible, "background:#ffe0b2;color:#5d3a00;")


def _banner(label: QLabel, lines: list[str], style: str) -> None:
    label.setVisible(bool(lines))
    label.setText("<br>".join(html.escape(line) for line in lines))
    label.setStyleSheet(f"QLabel{{{style}padding:4px;border-radius:3px;}}")


class FindingsPanel(QWidget):
    """Selecting an item shows its details and asks the viewer to flash its evidence."""

    item_selected = Signal(object)  # str | None
    evidence_requested = Signal(object, object)  # Evidence, MarkKind
    page_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.standard: Standard | None = None
        self.documents: list[Document] = []
        self.banner = ScoreBanner(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("findingsView")
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.clicked.connect(self._clicked)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("findingDetail")
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._link)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(6, 0, 6, 0)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(self.buttons)
        layout.addWidget(split, 1)
        self._evidence: list[Evidence] = []

    def set_actions(self, actions: Sequence[QAction]) -> None:
        """Buttons for the window's decision actions (so keys and buttons do the same)."""
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

    # -- content ---------------------------------------------------------------------------------
    def set_sheet(
        self, sheet: ScoreSheet | None, standard: Standard | None, documents: list[Document]
    ) -> None:
        """Show a (re-)scored sheet, keeping the selected item and the expanded categories."""
        keep = self.current_item()
        self.standard, self.documents = standard, documents
        self.banner.set_sheet(sheet)
        self.tree.selectionModel().blockSignals(True)
        self.model.set_sheet(sheet, standard)
        self.tree.selectionModel().blockSignals(False)
        self.tree.expandToDepth(0)
        if keep is not None and self.model.item_index(keep).isValid():
            self.select_item(keep, flash=False)
        else:
            self._show_detail(None)

    def current_item(self) -> str | None:
        indexes = self.tree.selectionModel().selectedRows(0)
        if not indexes:
            return None
        value = indexes[0].data(ITEM_ROLE)
        return value if isinstance(value, str) else None

    def current_result(self) -> ItemResult | None:
        item = self.current_item()
        sheet = self.model.sheet
        if item is None or sheet is None:
            return None
        return next((r for r in sheet.items if r.item_id == item), None)

    def select_item(self, item_id: str, flash: bool = True) -> bool:
        index = self.model.item_index(item_id)
        if not index.isValid():
            return False
        if not flash:
            self.tree.selectionModel().blockSignals(True)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        if not flash:
            self.tree.selectionModel().blockSignals(False)
            self._show_detail(item_id)
        return True

    def step(self, forward: bool) -> bool:
        """Select the next (previous) item needing attention; False at the end."""
        ids = self.model.attention_ids()
        if not ids:
            return False
        current = self.current_item()
        order = self.model.item_ids()
        if current is None:
            target = ids[0] if forward else ids[-1]
        else:
            position = order.index(current) if current in order else -1
            after = [i for i in ids if (order.index(i) > position if forward else order.index(i) < position)]
            if not after:
                return False
            target = after[0] if forward else after[-1]
        return self.select_item(target)

    # -- reactions -------------------------------------------------------------------------------
    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        item = self.current_item()
        self._show_detail(item)
        self.item_selected.emit(item)
        indexes = self.tree.selectionModel().selectedRows(0)
        if indexes:
            self._go_to(indexes[0])

    def _clicked(self, index: QModelIndex) -> None:
        self._go_to(index.siblingAtColumn(0))

    def _go_to(self, index: QModelIndex) -> None:
        evidence = evidence_list(index.data(EVIDENCE_LIST_ROLE))
        finding = index.data(FINDING_ROLE)
        status = getattr(finding, "status", None)
        result = self.current_result()
        if evidence:
            self.evidence_requested.emit(evidence[0], mark_kind(result, status))
            return
        pages = self.hint_pages(result)
        if pages:
            self.page_requested.emit(pages[0][1])

    def hint_pages(self, result: ItemResult | None) -> list[tuple[str, int, int]]:
        """(document type, first, last page) of the documents a manual item should be judged on."""
        if result is None or self.standard is None:
            return []
        hints = self.standard.item(result.item_id).evidence_hints
        return [(d.type, d.first_page, d.last_page) for h in hints for d in self.documents if d.type == h]

    def _link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("ev:"):
            index = int(target[3:])
            if 0 <= index < len(self._evidence):
                self.evidence_requested.emit(self._evidence[index], mark_kind(self.current_result()))
        elif target.startswith("page:"):
            self.page_requested.emit(int(target[5:]))

    def _show_detail(self, item_id: str | None) -> None:
        result = self.current_result() if item_id is not None else None
        self._evidence = []
        if result is None or self.standard is None:
            self.detail.setHtml(
                self.tr("<p style='color:#666'>选择左侧评查项目查看机器发现、依据与页码。</p>")
                if self.model.sheet is not None
                else ""
            )
            return
        item = self.standard.item(result.item_id)
        parts = [
            f"<h3 style='margin:2px 0'>{html.escape(result.item_id)} {html.escape(result.title)}</h3>",
            self.tr("<p>分值 {0} 分；{1}；扣 {2} 分</p>").format(
                points_text(result.points), html.escape(result.status.value), points_text(result.deduction)
            ),
        ]
        if result.reason:
            parts.append(f"<p><b>{self.tr('理由')}：</b>{html.escape(result.reason)}</p>")
        if result.decision is not None:
            parts.append(f"<p><b>{self.tr('评查人员决定')}：</b>{html.escape(decision_text(result))}</p>")
        for finding in result.findings:
            links = []
            for evidence in finding.evidence[:8]:
                self._evidence.append(evidence)
                links.append(
                    f"<a href='ev:{len(self._evidence) - 1}'>{self.tr('第{0}页').format(evidence.page)}</a>"
                )
            status = FINDING_STATUS_TEXT.get(finding.status, str(finding.status))
            parts.append(
                f"<p><b>{html.escape(finding.rule)}</b>（{html.escape(status)}）{html.escape(finding.message)}"
                + (f"<br>{' '.join(links)}" if links else "")
                + "</p>"
            )
            row = row_text(finding.facts)
            if row:  # the discretion-table row or exemption-list entry, beside the page it is checked on
                parts.append(
                    "<p style='background:#f3f6fa;padding:4px'>"
                    f"<b>{self.tr('对照')}：</b>{html.escape(row)}</p>"
                )
        hints = self.hint_pages(result)
        if hints:
            links = [
                f"<a href='page:{first}'>{html.escape(kind)}（{page_range(first, last)}）</a>"
                for kind, first, last in hints
            ]
            parts.append(f"<p><b>{self.tr('相关文书')}：</b>{'、'.join(links)}</p>")
        elif item.evidence_hints:
            parts.append(
                f"<p><b>{self.tr('相关文书')}：</b>{html.escape('、'.join(item.evidence_hints))}"
                f"（{self.tr('本案卷未见')}）</p>"
            )
        if item.legal_basis:
            parts.append(
                f"<p style='color:#555'><b>{self.tr('依据')}：</b>{html.escape('；'.join(item.legal_basis))}</p>"
            )
        self.detail.setHtml("".join(parts))


def region_text(evidence: Evidence) -> str:
    if evidence.bbox == WHOLE_PAGE:
        return f"第{evidence.page}页（整页）"
    return f"第{evidence.page}页"
