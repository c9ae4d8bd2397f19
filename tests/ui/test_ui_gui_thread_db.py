"""No database on the GUI thread (issue 13 item 3): with the guard of ``casereview_ui.dbguard`` on
(the autouse fixture of conftest.py refuses every GUI-thread session opened by window code), the
window opens a stored case, shows cases, changes a decision, runs the session actions and applies
the settings, each through workers.py, and shows the same results as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from uihelpers import wait_loaded

from casegen import generate_case
from casereview.checking import DEFAULT_STANDARD
from casereview.db import open_database
from casereview.library import open_case
from casereview.paths import default_database_url
from casereview.scoring import DecisionKind
from casereview.sessions.store import add_case, add_reviewer, auto_assign, create_session
from casereview_ui import dbguard
from casereview_ui.cases import CaseState
from casereview_ui.dialogs import RecordingPrompts
from casereview_ui.mainwindow import MainWindow
from casereview_ui.models import STATUS_ROLE
from casereview_ui.settings import AppSettings
from casereview_ui.window_setup import read_stored_cases
from casereview_ui.workers import runner

SESSION = "2026年度评查"
LEAD = "组长"


def test_the_guard_refuses_window_code_on_the_gui_thread_only() -> None:
    dbguard.install(dbguard.RAISE)  # even when the run only counts (CASEREVIEW_GUI_DB_GUARD=record)
    with open_database(default_database_url()) as database:
        with pytest.raises(dbguard.GuiThreadDatabaseAccess, match=r"window_setup\.py"):
            read_stored_cases(database, None, DEFAULT_STANDARD)  # window code, here on the GUI thread
        assert [hit.what for hit in dbguard.hits] == ["session"]
        dbguard.hits.clear()  # expected here: the fixture fails a test that leaves hits
        found: list[object] = []
        runner().run_task(
            lambda _p, _c: read_stored_cases(database, None, DEFAULT_STANDARD), on_done=found.append
        )
        assert runner().wait_for_idle(10.0)
        assert found == [([], [])] and not dbguard.hits  # the same call as a job is fine
        with database.session_scope(readonly=True):  # a test's own set-up is no window code
            pass
    assert not dbguard.hits


@pytest.fixture
def stored_ids(tmp_path: Path) -> list[int]:
    """Two stored cases in the window's default database and a session of both led by 组长."""
    with open_database(default_database_url()) as database:
        ids = []
        for i in range(2):
            case_id = open_case(
                generate_case(tmp_path, f"g{i}", kind="digital", seed=810 + i)[0], database
            ).case_id
            assert case_id is not None
            ids.append(case_id)
        with database.session_scope() as session:
            sid = create_session(session, SESSION, 2026, "transport_penalty", LEAD)
            add_reviewer(session, sid, "甲")
            for case_id in ids:
                add_case(session, sid, case_id, "第1支队")
            auto_assign(session, sid, LEAD)
    return ids


def _no_hits() -> None:
    assert not dbguard.hits, dbguard.hits


def test_the_window_works_with_the_guard_on(qtbot: QtBot, stored_ids: list[int]) -> None:
    prompts = RecordingPrompts()
    win = MainWindow(prompts=prompts, use_ocr=False, settings=AppSettings(reviewer=LEAD))
    qtbot.addWidget(win)
    win.show()
    wait_loaded(win)

    # Opening a stored case: listed by the set-up job, loaded and its review opened off the GUI thread.
    assert sorted(c.case_id for c in win.cases.cases() if c.case_id is not None) == sorted(stored_ids)
    first = win.cases.case_at(0)
    assert first is not None and first.state == CaseState.STORED
    win.select_case(first)
    assert win.review.bench is None  # not yet: the review arrives from the task runner
    wait_loaded(win)
    _no_hits()
    assert first.state == CaseState.READY and win.review.bench is not None
    assert win.panel.fields.editable and win.review.sheet is not None

    # Showing cases: the next one, then back (each shown case reads its tags and review off-thread).
    assert win.step_case(True)
    wait_loaded(win)
    second = win.current_case()
    assert second is not None and second is not first and win.review.bench is not None
    assert win.review.bench.case_id == second.case_id
    assert win.step_case(False)
    wait_loaded(win)
    _no_hits()
    assert win.review.bench is not None and win.review.bench.case_id == first.case_id

    # Changing a decision: the actions wait while it is stored, then the sheet shows it; undo too.
    item = win.review.select_first_failing()
    assert item is not None and win.actions_.accept.isEnabled()
    assert win.review.accept()
    assert win.review.saving and not win.actions_.accept.isEnabled() and not win.review.accept()
    wait_loaded(win)
    assert not win.review.saving and win.actions_.accept.isEnabled()
    assert win.review.bench is not None and win.review.bench.decisions[item].kind is DecisionKind.ACCEPT
    assert win.statusBar().currentMessage() == f"已确认 {item}"
    win.actions_.undo.trigger()
    wait_loaded(win)
    assert item not in win.review.bench.decisions
    _no_hits()

    # The settings: the standards are read, the dialog opens; 测试连接; OK puts the window in the session.
    win.show_settings()
    wait_loaded(win)
    dialog = win.settings_dialog
    dialog.test_connection()
    wait_loaded(win)
    assert dialog.connection_ok and dialog.connection_result.text() == "连接成功"
    dialog.session.setText(SESSION)
    dialog.accept()
    wait_loaded(win)
    _no_hits()
    assert win.session_info is not None and win.session_info.name == SESSION and win.is_lead
    assert win.cases.rowCount() == 2 and win.actions_.session_settle.isEnabled()

    # Session actions: progress, settling (nothing double-reviewed), arbitration, the audit trail.
    win.select_case(win.cases.case_at(0))  # type: ignore[arg-type]
    wait_loaded(win)
    assert win.cases.index(0, 0).data(STATUS_ROLE) == "待评查"  # the session's status (甲's to review)
    win.sessions.show_progress()
    wait_loaded(win)
    assert (
        prompts.infos and SESSION in prompts.infos[-1][1] and "<td>甲</td><td>2</td>" in prompts.infos[-1][1]
    )
    win.sessions.settle()
    wait_loaded(win)
    assert win.sessions.waiting == 0 and "已结算 0 份双评案卷" in win.statusBar().currentMessage()
    win.sessions.arbitrate_current()
    wait_loaded(win)
    assert prompts.errors[-1][1] == "没有待仲裁的案卷" and win.sessions.arbitration_dialog is None
    prompts.errors.clear()
    win.sessions.show_audit()
    wait_loaded(win)
    assert win.sessions.audit_dialog is not None and win.sessions.audit_dialog.isVisible()
    _no_hits()
    assert not prompts.errors
    win.close()
