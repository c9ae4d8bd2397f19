"""The window in a review session: a reviewer sees only the cases assigned to them (without unit
and officers in blind mode), the lead sees every case; opening a case links the review."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from uihelpers import wait_loaded

from casegen import generate_case
from casereview.db import open_database
from casereview.library import open_case
from casereview.paths import default_database_url
from casereview.sessions.store import add_case, add_reviewer, auto_assign, create_session, session_cases
from casereview_ui.cases import CaseState
from casereview_ui.dialogs import RecordingPrompts
from casereview_ui.mainwindow import MainWindow
from casereview_ui.models import STATUS_ROLE, UNIT_ROLE
from casereview_ui.settings import AppSettings

SESSION = "2026年度盲评"


@pytest.fixture
def session_db(tmp_path: Path) -> dict[str, list[int]]:
    """A blind double-review session of 4 cases in the window's default database."""
    with open_database(default_database_url()) as database:
        ids = [
            open_case(generate_case(tmp_path, f"u{i}", kind="digital", seed=700 + i)[0], database).case_id
            for i in range(4)
        ]
        with database.session_scope() as session:
            sid = create_session(
                session, SESSION, 2026, "transport_penalty", "组长", double_review=True, blind=True
            )
            for name in ("甲", "乙", "丙"):
                add_reviewer(session, sid, name)
            for i, case_id in enumerate(ids):
                assert case_id is not None
                add_case(session, sid, case_id, f"第{i % 2 + 1}支队")
            auto_assign(session, sid, "组长")
            assigned = {
                name: [c.case_id for c in session_cases(session, sid) if name in c.reviewers()]
                for name in ("甲", "乙", "丙", "组长")
            }
    assigned["组长"] = [i for i in ids if i is not None]
    return assigned


def _window(qtbot: QtBot, reviewer: str) -> MainWindow:
    win = MainWindow(
        prompts=RecordingPrompts(), use_ocr=False, settings=AppSettings(reviewer=reviewer, session=SESSION)
    )
    qtbot.addWidget(win)
    win.show()
    wait_loaded(win)  # the session and its cases are read on the task runner
    return win


def test_reviewer_sees_own_cases_blind(qtbot: QtBot, session_db: dict[str, list[int]]) -> None:
    win = _window(qtbot, "乙")
    listed = sorted(c.case_id for c in win.cases.cases() if c.case_id is not None)
    assert listed == sorted(session_db["乙"]) and listed
    assert win.blind and not win.filter_bar.unit.isVisibleTo(win)
    index = win.cases.index(0, 0)
    assert index.data(UNIT_ROLE) == "" and index.data(STATUS_ROLE) == "待评查"
    case = win.cases.case_at(0)
    assert case is not None
    win.select_case(case)
    wait_loaded(win)
    assert case.state == CaseState.READY
    officers = [
        win.panel.fields.index(r, 1).data()
        for r in range(win.panel.fields.rowCount())
        if win.panel.fields.index(r, 0).data() == "执法人员"
    ]
    assert officers == ["（盲评：不显示执法人员）"]
    assert win.review.select_first_failing() is not None
    assert win.review.accept()
    wait_loaded(win)
    assert win.cases.index(0, 0).data(STATUS_ROLE) == "评查中"  # the review is linked to the assignment


def test_lead_sees_every_case_with_units(qtbot: QtBot, session_db: dict[str, list[int]]) -> None:
    win = _window(qtbot, "组长")
    assert sorted(c.case_id for c in win.cases.cases() if c.case_id is not None) == sorted(session_db["组长"])
    assert not win.blind and {c.unit for c in win.cases.cases()} == {"第1支队", "第2支队"}


def test_lead_settles_and_arbitrates_in_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    from casereview.checking import Checker
    from casereview.pipeline import Analysis
    from casereview.review.workbench import Workbench
    from casereview.scoring import ItemStatus

    name = "双评仲裁"
    with open_database(default_database_url()) as database:
        analysis: Analysis = open_case(generate_case(tmp_path, "arb", kind="digital", seed=731)[0], database)
        assert analysis.case_id is not None
        with database.session_scope() as session:
            sid = create_session(
                session, name, 2026, "transport_penalty", "组长", double_review=True, tolerance=2
            )
            for person in ("甲", "乙"):
                add_reviewer(session, sid, person)
            add_case(session, sid, analysis.case_id, "第1支队")
            auto_assign(session, sid, "组长")
        checker = Checker.create()
        for person, deduction in (("甲", 0.0), ("乙", None)):
            bench = Workbench.open(database, analysis, checker, person)
            pending = [i for i in bench.sheet.items if i.status is ItemStatus.PENDING][:2]
            for item in pending:  # 甲 passes them, 乙 deducts all points: far beyond 2 points
                bench.override(
                    item.item_id, deduction if deduction is not None else item.points, f"{person}意见"
                )
            bench.set_done(True)
    win = MainWindow(
        prompts=RecordingPrompts(), use_ocr=False, settings=AppSettings(reviewer="组长", session=name)
    )
    qtbot.addWidget(win)
    win.show()
    wait_loaded(win)
    win.sessions.settle()
    wait_loaded(win)
    assert win.sessions.waiting == 1
    assert win.cases.index(0, 0).data(STATUS_ROLE) == "待仲裁"
    win.sessions.show_progress()
    wait_loaded(win)
    prompts = win.prompts
    assert isinstance(prompts, RecordingPrompts)
    assert "甲" in prompts.infos[-1][1]
    win.sessions.arbitrate_current()
    wait_loaded(win)
    dialog = win.sessions.arbitration_dialog
    assert dialog is not None
    for combo in dialog.combos:
        combo.setCurrentIndex(2)  # 采纳乙
    dialog.accept()
    wait_loaded(win)
    assert win.cases.index(0, 0).data(STATUS_ROLE) == "已完成"
