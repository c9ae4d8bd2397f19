"""Item models over core dataclasses pass Qt's model tester and show what reviewers need."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from casereview.domain.model import Document, Evidence
from casereview.pipeline import read_case
from casereview_ui.cases import CaseState, OpenCase
from casereview_ui.fieldrows import FieldRow, field_rows, format_value
from casereview_ui.models import EVIDENCE_ROLE, PAGE_ROLE, CaseListModel, DocumentOutlineModel, FieldsModel

DOCUMENTS = [
    Document("立案登记表", 1, 1),
    Document("行政处罚决定书", 12, 13),
    Document("送达回证", 14, 14, serves="行政处罚决定书"),
]


def test_document_outline(qtmodeltester: ModelTester) -> None:
    model = DocumentOutlineModel()
    model.set_documents(DOCUMENTS)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(1, 0).data() == "行政处罚决定书"
    assert model.index(1, 1).data() == "第12–13页"
    assert model.index(1, 0).data(PAGE_ROLE) == 12
    assert model.index(2, 0).data() == "送达回证（送达：行政处罚决定书）"
    decision = model.index(1, 0)
    assert model.rowCount(decision) == 2  # its pages
    assert model.index(1, 0, decision).data(PAGE_ROLE) == 13
    assert model.headerData(0, Qt.Orientation.Horizontal) == "文书"


def test_fields_model(qtmodeltester: ModelTester) -> None:
    where = Evidence(3, (72, 100, 200, 114), "交执罚〔2026〕12号")
    model = FieldsModel()
    model.set_rows(
        [
            FieldRow("case_number", "案号", "交执罚〔2026〕12号", where),
            FieldRow("hearing_date", "听证日期", ""),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "案号"
    assert model.index(0, 1).data() == "交执罚〔2026〕12号"
    assert model.index(0, 2).data() == "3"
    assert model.index(0, 0).data(EVIDENCE_ROLE) == where
    assert model.index(1, 1).data() == "未识别"
    assert model.index(1, 0).data(EVIDENCE_ROLE) is None
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_case_list_model(qtmodeltester: ModelTester, case_pdf: Path) -> None:
    model = CaseListModel()
    loading = OpenCase(Path("/x/loading.pdf"))
    ready = OpenCase(case_pdf, CaseState.READY, read_case(case_pdf))
    failed = OpenCase(Path("/x/bad.pdf"), CaseState.FAILED, message="文件已损坏")
    for case in (loading, ready, failed):
        model.add(case)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "loading.pdf\n正在读取…"
    assert model.index(1, 0).data() == "case.pdf\n交执罚〔2026〕12号  张三\n待评查"
    assert model.index(2, 0).data() == "bad.pdf\n读取失败"
    assert model.find(case_pdf) is ready
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.rowCount(QModelIndex()) == 3


def test_field_rows_carry_evidence(case_pdf: Path) -> None:
    rows = {(r.name, r.text): r for r in field_rows(read_case(case_pdf).extraction)}
    number = rows[("case_number", "交执罚〔2026〕12号")]
    assert number.label == "案号" and number.evidence is not None and number.evidence.page == 3
    assert rows[("fine_amount", "20,000.00 元")].evidence is not None
    assert ("officers", "李四（14010011）") in rows
    assert rows[("party_kind", "个人")].label == "当事人类型"


def test_format_value() -> None:
    assert format_value("decision_date", "2026-03-05") == "2026年3月5日"
    assert format_value("fine_amount", 2000.0) == "2,000.00 元"
    assert format_value("sealed_pages", [3, 5]) == "3、5"
    assert format_value("party_kind", "organisation") == "单位"
    assert format_value("credit_code", None) == ""
