"""The 评查 panel, its model and dialogs, the modes, and every action of the window on a real case."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from uihelpers import save_screenshot, wait_loaded

from casegen import generate_case
from casereview.checking import Checker
from casereview.pipeline import read_case
from casereview.scoring import ItemStatus
from casereview_ui.dialogs import RecordingPrompts
from casereview_ui.dialogs.decision import ManualDeductionDialog, OverrideDialog
from casereview_ui.mainwindow import MainWindow
from casereview_ui.modes import LEGAL, REVIEW, TRAINING
from casereview_ui.review.model import ITEM_ROLE, FindingsModel, first_failing
from casereview_ui.review.panel import FindingsPanel, ScoreBanner
from casereview_ui.settings import AppSettings


@pytest.fixture(scope="module")
def defect_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, _ = generate_case(
        tmp_path_factory.mktemp("panel"), "p1", kind="digital", seed=31, defects=["P-01", "T-12"]
    )
    return path


@pytest.fixture
def win(qtbot: QtBot, defect_case: Path) -> MainWindow:
    prompts = RecordingPrompts()
    window = MainWindow(prompts=prompts, use_ocr=False, settings=AppSettings(reviewer="测试员"))
    qtbot.addWidget(window)
    window.show()
    window.open_paths([defect_case])
    wait_loaded(window)
    assert window.review.sheet is not None
    return window


def test_findings_model_and_banner(qtmodeltester: ModelTester, defect_case: Path, qtbot: QtBot) -> None:
    checker = Checker.create()
    analysis = read_case(defect_case)
    sheet = checker.check(analysis)
    model = FindingsModel()
    model.set_sheet(sheet, checker.standard)
    qtmodeltester.check(model)
    assert model.rowCount() == len({i.category for i in sheet.items})
    failing = first_failing(sheet)
    assert failing is not None and sheet.item(failing).status is ItemStatus.DEDUCTED
    index = model.item_index(failing)
    assert index.data(ITEM_ROLE) == failing
    assert index.siblingAtColumn(1).data().startswith("扣分")
    assert index.siblingAtColumn(2).data().startswith("−")
    assert failing in model.attention_ids()

    banner = ScoreBanner()
    qtbot.addWidget(banner)
    banner.set_sheet(sheet)
    assert f"{sheet.score:g}" in banner.score_label.text() and sheet.grade in banner.grade_label.text()
    fired = [v for v in sheet.vetoes if v.triggered]
    assert banner.veto_label.isVisibleTo(banner) == bool(fired or any(c.triggered for c in sheet.caps))


def test_panel_step_walks_attention_items(qtbot: QtBot, defect_case: Path) -> None:
    checker = Checker.create()
    analysis = read_case(defect_case)
    sheet = checker.check(analysis)
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_sheet(sheet, checker.standard, analysis.documents)
    seen: list[str] = []
    while panel.step(True):
        current = panel.current_item()
        assert current is not None
        seen.append(current)
    assert seen == panel.model.attention_ids()
    assert panel.step(False) and panel.current_item() == seen[-2]
    with qtbot.waitSignal(panel.evidence_requested) as signal:
        panel.select_item(first_failing(sheet) or "")
    assert signal.args[0].page >= 1
    assert "分值" in panel.detail.toPlainText()


def test_override_dialog_requires_a_reason(qtbot: QtBot, defect_case: Path) -> None:
    sheet = Checker.create().check(read_case(defect_case))
    result = sheet.item(first_failing(sheet) or "")
    dialog = OverrideDialog(result)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert dialog.deduction.value() == 0.0 and dialog.deduction.maximum() == result.points
    dialog.reason.setPlainText("执法人员出示了证件，有照片为证")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.reason_text().startswith("执法人员")


def test_manual_dialog_picks_item_and_points(qtbot: QtBot, defect_case: Path) -> None:
    sheet = Checker.create().check(read_case(defect_case))
    pending = [i for i in sheet.items if i.status is ItemStatus.PENDING]
    dialog = ManualDeductionDialog(sheet.items, 3, pending[0].item_id)
    qtbot.addWidget(dialog)
    chosen = dialog.chosen()
    assert chosen is not None and chosen.item_id == pending[0].item_id
    assert dialog.deduction.maximum() == chosen.points and "第3页" in dialog.windowTitle()
    dialog.item_combo.setCurrentIndex(0)
    assert dialog.deduction.maximum() == sheet.items[0].points
    dialog.reject()


def test_every_action_runs_on_a_loaded_case(win: MainWindow, qtbot: QtBot) -> None:
    prompts = win.prompts
    assert isinstance(prompts, RecordingPrompts)
    skipped = {win.actions_.quit, win.actions_.about_qt}  # closing / a blocking Qt box
    for action in win.actions():
        if action in skipped or not action.isEnabled():
            continue
        action.trigger()
        for dialog in win.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        if win.viewer.picking_region:
            win.viewer.cancel_region_pick()
        wait_loaded(win)
    assert not prompts.errors, prompts.errors
    assert win.modes.mode in (REVIEW, LEGAL, TRAINING)


def test_legal_mode_drafts_the_opinion(win: MainWindow, tmp_path: Path) -> None:
    win.actions_.mode_legal.trigger()
    wait_loaded(win)  # the checker and the review are prepared on the task runner
    assert win.modes.mode == LEGAL and "法制审核" in win.windowTitle()
    assert win.review.bench is not None
    assert win.review.bench.checker.standard.id == "legal_review_precheck"
    dialog = win.modes.write_opinion()
    assert dialog is not None and dialog.isVisible()
    save_screenshot(dialog, "legal_opinion_dialog.png", tmp_path / "shots")
    opinion = dialog.opinion()
    assert opinion.case_number and opinion.reviewer == "测试员"
    save_screenshot(win, "legal_review_mode.png", tmp_path / "shots")
    target = tmp_path / "意见书.docx"
    assert dialog.save_to(target) and target.stat().st_size > 5000
    dialog.reject()
    win.actions_.mode_review.trigger()
    wait_loaded(win)
    assert win.review.bench is not None and win.review.bench.checker.standard.id == "transport_penalty"


def test_training_mode_tags_pages(win: MainWindow) -> None:
    win.actions_.mode_training.trigger()
    dialog = win.modes.tag_case()
    assert dialog is not None
    dialog.note_edit.setPlainText("询问笔录制作规范，可作范例")
    dialog.accept()
    wait_loaded(win)  # stored and listed again on the task runner
    assert win.tag_list.model.rowCount() == 1
    tags = win.tag_list.model
    assert "优秀" in " ".join(str(tags.index(0, c).data()) for c in range(tags.columnCount()))


def test_settings_dialog_applies_reviewer(win: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    win.show_settings()
    wait_loaded(win)  # the installed standards are read off the GUI thread, then the dialog opens
    dialog = win.settings_dialog
    dialog.reviewer.setText("赵审核")
    dialog.accept()
    wait_loaded(win)
    assert win.settings.reviewer == "赵审核" and "赵审核" in win.mode_label.text()
    assert win.review.reviewer == "赵审核"


def test_export_menu_writes_scoresheet_and_annotated_pdf(win: MainWindow, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    prompts = win.prompts
    assert isinstance(prompts, RecordingPrompts)
    target = tmp_path / "评分表.xlsx"
    prompts.save_paths.append(str(target))
    win.actions_.export_scoresheet.trigger()
    wait_loaded(win)
    assert win.exports.last_written == [target]
    book = load_workbook(target)
    assert any("评查项目" in str(c.value) for row in book.active.iter_rows() for c in row)
    pdf = tmp_path / "批注.pdf"
    prompts.save_paths.append(str(pdf))
    win.actions_.export_annotated.trigger()
    wait_loaded(win)
    assert win.exports.last_written == [pdf] and pdf.stat().st_size > 1000
    assert not prompts.errors


def test_audit_dialog_lists_the_changes(win: MainWindow) -> None:
    item = win.review.select_first_failing()
    assert item is not None and win.review.accept()
    wait_loaded(win)
    win.actions_.audit.trigger()
    wait_loaded(win)
    dialog = win.sessions.audit_dialog
    assert dialog is not None and dialog.isVisible()
    rows = [
        [dialog.proxy.index(r, c).data() for c in range(dialog.proxy.columnCount())]
        for r in range(dialog.proxy.rowCount())
    ]
    assert any(row[3] == "评查决定" and row[1] == "测试员" and row[4] == item for row in rows)
    assert any(row[3] == "机器评查" for row in rows)
    dialog.search.setText("评查决定")
    assert 0 < dialog.proxy.rowCount() < len(rows)
    dialog.reject()


def test_discretion_finding_shows_the_table_row_beside_the_page(
    qtbot: QtBot, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path, truth = generate_case(
        tmp_path_factory.mktemp("p20"), "p20", kind="digital", seed=2, defects=["P-20"]
    )
    checker = Checker.create()
    analysis = read_case(path)
    sheet = checker.check(analysis)
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_sheet(sheet, checker.standard, analysis.documents)
    with qtbot.waitSignal(panel.evidence_requested):
        panel.select_item("FL-05")
    shown = panel.detail.toPlainText()
    row = truth["discretion"]
    assert "对照：" in shown and f"第{row['entry']}项" in shown and "本案罚款" in shown
