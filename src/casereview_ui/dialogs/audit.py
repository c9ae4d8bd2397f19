"""The audit trail of a case: every change (who, when, from which machine, before and after), read
only, filterable — what the department shows when asked who decided what."""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QTreeView, QVBoxLayout, QWidget

from casereview.review.records import AuditAction, AuditEntry

ACTION_LABELS: dict[str, str] = {
    AuditAction.CREATE_REVIEW: "机器评查",
    AuditAction.DECISION: "评查决定",
    AuditAction.WITHDRAW: "撤回决定",
    AuditAction.SCORE: "得分变化",
    AuditAction.STATUS: "评查状态",
    AuditAction.RESCORE: "重新评分",
    AuditAction.PUBLICATION_DATE: "公示日期",
    AuditAction.CASE_TYPE: "案卷类型",
    AuditAction.FINDINGS: "规则重新检查",
    AuditAction.CORRECTION: "要素更正",
    AuditAction.SESSION: "评查会话",
    AuditAction.ASSIGNMENT: "分配",
    AuditAction.MERGE: "合并评查包",
    AuditAction.REGISTER_KEY: "登记签名密钥",
    AuditAction.ACCEPT_UNSIGNED: "接受未签名结果包",
    AuditAction.TRAINING_TAG: "典型案例标记",
    AuditAction.RECTIFY: "整改台账",
    AuditAction.OBJECTION: "异议复核",
}


def _text(value: object) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, default=str)


class AuditDialog(QDialog):
    def __init__(self, title: str, entries: Sequence[AuditEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("审计记录 — {0}").format(title))
        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr(h) for h in ("时间", "操作人", "计算机", "操作", "评查项目", "修改前", "修改后")]
        )
        for entry in entries:
            when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            action = ACTION_LABELS.get(str(entry.action), str(entry.action))
            cells = [
                when,
                entry.actor,
                entry.machine,
                action,
                entry.item_id or "",
                _text(entry.before),
                _text(entry.after),
            ]
            row = [QStandardItem(text) for text in cells]
            for item in row:
                item.setEditable(False)
                item.setToolTip(item.text())
            self.model.appendRow(row)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("筛选：操作人、操作、评查项目…"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTreeView(self)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setModel(self.proxy)
        for column, width in enumerate((150, 80, 110, 90, 70, 240, 240)):
            self.view.setColumnWidth(column, width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(1050, 520)
