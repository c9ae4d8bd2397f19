"""The follow-up views (issue 15): the 整改台账 dialog (overdue items marked red, filters, attach /
verify / close through the task runner, a refused step as its Chinese message), a case's
objections beside its items, and a trainee's calibration differences. Screenshots with
realistic rows (``make screenshots`` keeps them in docs/screenshots)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import docx
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from uihelpers import save_screenshot

from casegen.ledger_rows import populate
from casereview.calibration.report import Judgment, TraineeResult
from casereview.db import Database, open_database
from casereview.rectify.model import ItemStatus, ObjectionStatus
from casereview.sessions.agreement import Measure
from casereview_ui import dbguard
from casereview_ui.dialogs import RecordingPrompts
from casereview_ui.followup.calibration import CalibrationDialog, load_results
from casereview_ui.followup.ledger import LedgerDialog
from casereview_ui.followup.ledger_model import OVERDUE_BACKGROUND
from casereview_ui.followup.objections import ObjectionsPanel, load_objections
from casereview_ui.palette import FAIL, ink
from casereview_ui.workers import TaskRunner

TODAY = dt.date(2026, 5, 20)


def _database(tmp_path: Path) -> Database:
    return open_database(f"sqlite:///{tmp_path / 'followup.db'}")


def _ledger(qtbot: QtBot, database: Database, sid: int, prompts: RecordingPrompts) -> LedgerDialog:
    runner = TaskRunner()
    dialog = LedgerDialog(database, sid, "2026年度评查", "乙", runner, prompts, None, TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.show()
    return dialog


def _reload(qtbot: QtBot, dialog: LedgerDialog, action: object) -> None:
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        action()  # type: ignore[operator]


def test_ledger_marks_overdue_items_and_runs_the_steps(qtbot: QtBot, tmp_path: Path) -> None:
    database = _database(tmp_path)
    try:
        data = populate(database, cases=24)
        prompts = RecordingPrompts()
        dialog = _ledger(qtbot, database, data.session_id, prompts)
        model = dialog.model
        assert model.rowCount() == data.items
        row = next(r for r in range(model.rowCount()) if model.item(r).overdue_days is not None)
        late = model.item(row)
        assert late.status in (ItemStatus.OPEN, ItemStatus.NOT_RECTIFIED)
        assert model.index(row, 7).data() == f"{late.overdue_days} 个工作日"
        assert model.index(row, 6).data(9).color() == ink(FAIL)  # ForegroundRole
        assert model.index(row, 0).data(8).color() == OVERDUE_BACKGROUND  # BackgroundRole
        assert "逾期" in dialog.counts.text()
        save_screenshot(dialog, "rectify_ledger.png", tmp_path)

        dialog.overdue_only.setChecked(True)
        assert dialog.visible_items() and all(i.overdue_days for i in dialog.visible_items())
        dialog.overdue_only.setChecked(False)
        dialog.unit_combo.setCurrentText(late.unit)
        assert {i.unit for i in dialog.visible_items()} == {late.unit}

        # Attach a report to the overdue item, verify it, close it: each through the runner.
        report = tmp_path / "整改报告.docx"
        document = docx.Document()
        document.add_paragraph("关于案卷评查问题的整改报告")
        document.save(str(report))
        dialog.select_ids([late.id])
        prompts.attachments.append(str(report))
        _reload(qtbot, dialog, dialog.attach_clicked)
        after = next(i for i in dialog.model.items() if i.id == late.id)
        assert after.status is ItemStatus.REPORTED and after.reports == ("整改报告.docx",)
        assert after.overdue_days is None  # a report came: no longer owed
        _reload(qtbot, dialog, lambda: dialog.verify([after], ItemStatus.RECTIFIED, "已补正"))
        _reload(qtbot, dialog, lambda: dialog.close_items([after], ""))
        closed = next(i for i in dialog.model.items() if i.id == late.id)
        assert closed.status is ItemStatus.CLOSED

        # A refused step: 未整改到位 without a note; the Chinese reason is shown, nothing changes.
        open_item = next(i for i in dialog.model.items() if i.status is ItemStatus.OPEN)
        dialog.verify([open_item], ItemStatus.NOT_RECTIFIED, "")
        assert dialog.runner.wait_for_idle(20)
        qtbot.waitUntil(lambda: bool(prompts.errors))
        assert "必须填写" in prompts.errors[-1][1] or "说明" in prompts.errors[-1][1]
        dialog.runner.wait_for_idle(20)
    finally:
        database.close()


def test_objections_beside_the_items(qtbot: QtBot, tmp_path: Path) -> None:
    database = _database(tmp_path)
    try:
        data = populate(database, cases=15, objections_every=1, objections_per_case=3)
        panel = ObjectionsPanel()
        qtbot.addWidget(panel)
        panel.resize(640, 330)
        panel.set_objections(None)
        assert panel.table.rowCount() == 0 and panel.title() == "异议"
        with dbguard.paused():  # the job function itself, on the test's (GUI) thread
            panel.set_objections(load_objections(database, data.session_id, data.case_ids[0]))
        assert [panel.table.item(r, 2).text() for r in range(3)] == ["维持", "待复核", "变更"]
        assert "2026-03-16" in panel.table.item(0, 3).text() and "（组长）" in panel.table.item(0, 4).text()
        assert panel.title() == "异议（1）" and "待复核 1 件" in panel.summary.text()
        with qtbot.waitSignal(panel.item_requested) as asked:
            panel.table.selectRow(0)
        assert asked.args == [panel.objections()[0].item_id]
        panel.show()
        _save(panel, "objections.png", tmp_path)
    finally:
        database.close()


def _save(widget: QWidget, name: str, fallback: Path) -> None:
    """A sparse table (white cells, thin text) is too plain for save_screenshot's blank check."""
    folder = Path(os.environ.get("CASEREVIEW_SCREENSHOT_DIR") or fallback)
    folder.mkdir(parents=True, exist_ok=True)
    image = widget.grab().toImage()
    assert image.width() > 200 and not image.isNull()
    assert image.save(str(folder / name), "PNG")


def _judgment(case: int, item: str, title: str, gold: float, mine: float, why: str, my_why: str) -> Judgment:
    return Judgment(case, item, title, 3.0, gold, mine, why, my_why)


def test_calibration_differences_after_submitting(qtbot: QtBot, tmp_path: Path) -> None:
    database = _database(tmp_path)
    try:
        with dbguard.paused():  # the job function itself, on the test's (GUI) thread
            assert load_results(database, "学员甲") == {}  # nothing submitted: nothing to show
    finally:
        database.close()
    differences = (
        _judgment(3, "ZT-02", "调查取证执法人员不少于两人并持有执法证件", 2, 0, "询问笔录仅一名执法人员", "符合"),
        _judgment(3, "JA-02", "行政处罚决定依法按期公示", 0, 3, "公示截图已归卷", "未见公示记录"),
        _judgment(4, "CX-02", "自立案之日起九十日内作出处罚决定", 3, 1.5, "超过 90 日且无延期审批", "延期审批不完整"),
    )  # fmt: skip
    result = TraineeResult("学员甲", Measure(3, 84, 81, 0.71), 1, 1, 1.5, differences)
    dialog = CalibrationDialog(
        {"第一轮校准": result}, {3: "攸交执罚〔2026〕第0003号", 4: "醴交执罚〔2026〕第0004号"}
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(0, 4).text() == "漏扣" and dialog.table.item(1, 4).text() == "多扣"
    assert "Kappa 0.71" in dialog.summary.text() and "漏扣 <b>1</b>" in dialog.summary.text()
    save_screenshot(dialog, "calibration_differences.png", tmp_path)


def test_window_shows_the_case_objections_and_opens_the_ledger(qtbot: QtBot, tmp_path: Path) -> None:
    from uihelpers import wait_loaded

    from casegen import generate_case
    from casereview.library import open_case
    from casereview.paths import default_database_url
    from casereview.sessions.store import add_case
    from casereview_ui.mainwindow import MainWindow
    from casereview_ui.settings import AppSettings

    with open_database(default_database_url()) as database:
        path, _ = generate_case(tmp_path, "obj", kind="digital", seed=4, defects=["T-12"])
        case_id = open_case(path, database).case_id
        assert case_id is not None
        empty = populate(database, cases=0)  # the session alone, then the real case in it
        with database.session_scope() as session:
            add_case(session, empty.session_id, case_id, "攸县交通运输局")
        data = populate(database, existing=empty.session_id, objections_every=1, objections_per_case=2)
    prompts = RecordingPrompts()
    win = MainWindow(
        prompts=prompts, use_ocr=False, settings=AppSettings(reviewer="组长", session=empty.session_name)
    )
    qtbot.addWidget(win)
    win.show()
    wait_loaded(win)
    case = win.cases.find_id(case_id)
    assert case is not None
    win.select_case(case)
    wait_loaded(win)
    panel = win.followup.objections
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=20000)
    assert {o.case_id for o in panel.objections()} == {case_id}
    tabs = win.panel
    assert tabs.tabText(tabs.indexOf(panel)).startswith("异议")
    item = panel.objections()[0].item_id
    panel.table.selectRow(0)
    assert win.findings.current_item() == item  # the objection's item selected in 评查
    tabs.setCurrentWidget(panel)
    qtbot.wait(300)  # the page's render and the thumbnails arrive through the runner
    wait_loaded(win)
    _save(win, "objections_window.png", tmp_path)

    # 复核 from the tab: a reason is required (refused, shown), then 维持 is recorded.
    pending = next(o for o in panel.objections() if o.status is ObjectionStatus.PENDING)
    panel.table.selectRow(panel.objections().index(pending))
    qtbot.waitUntil(panel.decide_button.isEnabled, timeout=10000)
    win.followup.decide(pending, ObjectionStatus.UPHELD, None, "")
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=20000)
    assert "理由" in prompts.errors[-1][1]
    prompts.errors.clear()
    win.followup.decide(pending, ObjectionStatus.UPHELD, None, "补充材料不能证明已履行该程序")
    qtbot.waitUntil(
        lambda: all(o.status is not ObjectionStatus.PENDING for o in panel.objections()), timeout=20000
    )
    assert panel.title() == "异议" and "已复核：维持" in win.statusBar().currentMessage()

    assert win.actions_.ledger.isEnabled()
    win.actions_.ledger.trigger()
    dialog = win.followup.ledger_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == data.items == 3, timeout=20000)
    dialog.close()
    wait_loaded(win)
    assert not prompts.errors
