"""End to end in the window: import a generated case, walk its findings with the keyboard, accept,
override, add a manual deduction by drawing on the page, correct a field, undo — then close,
reopen and find everything as left, in the window and in the stored review."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot
from uihelpers import save_screenshot, wait_loaded

from casegen import generate_case
from casereview.db import open_database
from casereview.paths import default_database_url
from casereview.review import AuditAction, audit_trail, load_review
from casereview.scoring import DecisionKind, ItemStatus
from casereview_ui.cases import CaseState
from casereview_ui.dialogs import RecordingPrompts
from casereview_ui.mainwindow import MainWindow
from casereview_ui.models import STATUS_ROLE
from casereview_ui.settings import AppSettings
from casereview_ui.viewer.marks import MarkKind

REVIEWER = "王评查"


def _window(qtbot: QtBot, prompts: RecordingPrompts, use_ocr: bool = False) -> MainWindow:
    win = MainWindow(prompts=prompts, use_ocr=use_ocr, settings=AppSettings(reviewer=REVIEWER))
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    wait_loaded(win)  # the database is opened and the stored cases listed on the task runner
    return win


def _key(
    qtbot: QtBot, win: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    win.viewer.setFocus()
    qtbot.keyClick(win.viewer, key, modifier)
    wait_loaded(win)  # the action is stored on the task runner


def _drag(qtbot: QtBot, win: MainWindow, start: QPointF, end: QPointF) -> None:
    view = win.viewer
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), (a + b) / 2)
    qtbot.mouseMove(view.viewport(), b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    wait_loaded(win)


def _review_a_case(qtbot: QtBot, case: Path, use_ocr: bool, shots: Path | None = None) -> None:
    prompts = RecordingPrompts()
    win = _window(qtbot, prompts, use_ocr)
    (opened,) = win.open_paths([case])
    wait_loaded(win, 600.0)
    assert opened.state == CaseState.READY, opened.message
    review = win.review
    assert review.bench is not None and review.sheet is not None
    assert win.panel.documents.rowCount() >= 5  # the documents of the case are there

    # The first failing finding: its page is shown and its evidence box flashed in red.
    item = review.select_first_failing()
    assert item is not None
    result = review.sheet.item(item)
    assert result.status is ItemStatus.DEDUCTED
    evidence = next(e for f in result.findings for e in f.evidence)
    assert win.viewer.current_page == evidence.page
    assert any(m.kind is MarkKind.FAIL for m in win.viewer.marks_on_page(evidence.page))
    if shots is not None:  # the main window on a scanned case with the finding highlighted
        wait_loaded(win)
        save_screenshot(win, "main_window_scanned.png", shots)

    # Keyboard: N walks to the next item needing attention, P back; A accepts.
    _key(qtbot, win, Qt.Key.Key_N)
    second = win.findings.current_item()
    assert second is not None and second != item
    _key(qtbot, win, Qt.Key.Key_P)
    assert win.findings.current_item() == item
    _key(qtbot, win, Qt.Key.Key_A)
    assert review.bench.decisions[item].kind is DecisionKind.ACCEPT

    # O overrides the machine (reason required: the dialog answers through the prompts).
    prompts.overrides.append((0.0, "证据另附，执法人员已出示证件"))
    _key(qtbot, win, Qt.Key.Key_O)
    assert review.sheet.item(item).deduction == 0
    assert review.bench.decisions[item].kind is DecisionKind.OVERRIDE

    # M: draw the box on the page, then choose the item and points.
    manual_item = next(r.item_id for r in review.sheet.items if r.status is ItemStatus.PENDING)
    prompts.manuals.append((manual_item, 2.0, "询问笔录未告知申请回避的权利"))
    _key(qtbot, win, Qt.Key.Key_M)
    assert win.viewer.picking_region
    win.viewer.set_zoom(0.6)
    _drag(qtbot, win, QPointF(80, 120), QPointF(400, 200))
    page = win.viewer.current_page
    assert review.sheet.item(manual_item).deduction == 2.0
    assert any(m.kind is MarkKind.MANUAL for m in win.viewer.marks_on_page(page))

    # Undo (Ctrl+Z) takes the manual deduction back; redo restores it.
    _key(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.sheet.item(manual_item).status is ItemStatus.PENDING
    _key(qtbot, win, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert review.sheet.item(manual_item).deduction == 2.0
    score, grade = review.sheet.score, review.sheet.grade
    case_id, review_id = opened.case_id, review.bench.review_id
    wait_loaded(win)
    win.close()

    # Reopened: the stored case is listed with its review, and the review is as left.
    again = _window(qtbot, RecordingPrompts())
    stored = again.cases.find_id(case_id)  # type: ignore[arg-type]
    assert stored is not None and stored.state == CaseState.STORED
    row = again.cases.row_of(stored)
    assert again.cases.index(row, 0).data(STATUS_ROLE) == "评查中"
    again.select_case(stored)
    wait_loaded(again)
    assert again.review.bench is not None and again.review.bench.review_id == review_id
    assert again.review.sheet is not None
    assert (again.review.sheet.score, again.review.sheet.grade) == (score, grade)
    assert again.review.sheet.item(manual_item).deduction == 2.0
    wait_loaded(again)
    again.close()

    with open_database(default_database_url()) as database, database.session_scope(readonly=True) as session:
        stored_review = load_review(session, review_id)
        trail = audit_trail(session, case_id, review_id=review_id)  # type: ignore[arg-type]
    kinds = {d.item_id: d.kind for d in stored_review.decisions}
    assert kinds == {item: DecisionKind.OVERRIDE, manual_item: DecisionKind.MANUAL}
    manual = next(d for d in stored_review.decisions if d.item_id == manual_item)
    assert manual.page == page and manual.bbox == pytest.approx((80, 120, 400, 200), abs=1.5)
    assert manual.reviewer == REVIEWER
    actions = [entry.action for entry in trail]
    assert actions.count(AuditAction.WITHDRAW) == 1 and actions.count(AuditAction.DECISION) == 4


def test_review_a_digital_case_end_to_end(qtbot: QtBot, tmp_path: Path) -> None:
    case, _truth = generate_case(tmp_path, "e2e", kind="digital", seed=21, defects=["P-01"])
    _review_a_case(qtbot, case, use_ocr=False)


@pytest.mark.ocr
@pytest.mark.slow
def test_review_a_scanned_case_end_to_end(qtbot: QtBot, tmp_path: Path) -> None:
    case, _truth = generate_case(tmp_path, "e2e-scan", kind="scanned", seed=22, defects=["P-01"])
    _review_a_case(qtbot, case, use_ocr=True, shots=tmp_path / "shots")


def test_correcting_a_field_reruns_the_rules(qtbot: QtBot, tmp_path: Path) -> None:
    case, _truth = generate_case(tmp_path, "late", kind="digital", seed=11, defects=["T-12"])
    win = _window(qtbot, RecordingPrompts())
    win.open_paths([case])
    wait_loaded(win)
    review = win.review
    assert review.sheet is not None and review.analysis is not None
    t12 = next(f for f in review.sheet.findings if f.rule == "T-12")
    assert t12.item is not None and review.sheet.item(t12.item).deduction > 0
    decided = review.analysis.extraction.first_date("决定")
    assert decided is not None
    fields = win.panel.fields
    row = next(r for r in range(fields.rowCount()) if fields.index(r, 0).data() == "公示日期")
    index = fields.index(row, 1)
    assert fields.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert fields.setData(index, f"{decided.date.year}年{decided.date.month}月{decided.date.day}日")
    wait_loaded(win)  # the correction is stored and the rules re-run on the task runner
    assert review.sheet.item(t12.item).deduction == 0
    assert "T-12 不符合→符合" in win.statusBar().currentMessage()
    assert fields.index(row, 0).data() == "公示日期（已更正）"
    win.actions_.undo.trigger()
    wait_loaded(win)
    assert review.sheet.item(t12.item).deduction > 0
    wait_loaded(win)
