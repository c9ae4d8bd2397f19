"""我的校准差异: after handing in a calibration round, a trainee reads where they differ from the
gold answers — per case and item, the gold deduction and reason beside their own (漏扣 / 多扣 /
扣分不同) — with their agreement and Cohen's kappa. Nothing is shown before submitting (the core
refuses), so the window cannot leak the answers."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casereview.calibration.report import EXTRA, MISSED, TraineeResult, trainee_result
from casereview.calibration.store import submitted_rounds
from casereview.db import Database
from casereview.standards.checks import fmt_points
from casereview_ui.palette import FAIL, NEEDS_REVIEW, ink

COLUMNS = ("案卷", "评查项目", "标准答案扣分", "我的扣分", "差异", "标准答案理由", "我的理由")


def load_results(database: Database, trainee: str) -> dict[str, TraineeResult]:
    """Every submitted round of ``trainee`` (newest first) with their differences from gold."""
    with database.session_scope(readonly=True) as session:
        return {name: trainee_result(session, name, trainee) for name in submitted_rounds(session, trainee)}


def _rate(result: TraineeResult) -> str:
    m = result.measure
    rate = "—" if m.rate is None else f"{m.rate:.0%}"
    kappa = "—" if m.kappa is None else f"{m.kappa:.2f}"
    mean = "—" if result.mean_difference is None else fmt_points(result.mean_difference)
    return (
        f"比对 {m.judgments} 项，一致 {m.agreed} 项（{rate}），Kappa {kappa}；"
        f"漏扣 <b>{result.missed}</b> 项，多扣 <b>{result.extra}</b> 项，平均分差 {mean} 分"
    )


class CalibrationDialog(QDialog):
    def __init__(
        self, results: Mapping[str, TraineeResult], labels: Mapping[int, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calibrationDialog")
        self._results, self._labels = dict(results), dict(labels)
        first = next(iter(self._results.values()), None)
        self.setWindowTitle(self.tr("我的校准差异 — {0}").format(first.trainee if first else ""))
        self.rounds = QComboBox(self)
        self.rounds.addItems(list(self._results))
        self.rounds.currentTextChanged.connect(self._show)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("calibrationTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("校准轮次"), self))
        top.addWidget(self.rounds, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1100, 480)
        self._show(self.rounds.currentText())

    def _show(self, name: str) -> None:
        result = self._results.get(name)
        if result is None:
            self.summary.setText(self.tr("没有已提交的校准轮次"))
            self.table.setRowCount(0)
            return
        self.summary.setText(_rate(result))
        self.table.setRowCount(len(result.differences))
        for row, d in enumerate(result.differences):
            values = (
                self._labels.get(d.case_id, f"#{d.case_id}"),
                f"{d.item_id} {d.title}",
                fmt_points(d.gold),
                fmt_points(d.trainee),
                d.kind,
                d.gold_reason or "—",
                d.trainee_reason or "—",
            )
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column == 4 and d.kind in (MISSED, EXTRA):
                    cell.setForeground(QBrush(ink(FAIL if d.kind == MISSED else NEEDS_REVIEW)))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()

    def shown(self) -> TraineeResult | None:
        return self._results.get(self.rounds.currentText())
