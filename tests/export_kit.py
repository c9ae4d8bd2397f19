"""A settled double-review session for the export tests of the command line and the window: two
generated cases in two units, reviewed by 甲 and 乙 (one case beyond the tolerance, so the
agreement has something to count), settled by the lead."""

from __future__ import annotations

from pathlib import Path

from casegen import generate_case
from casereview.checking import Checker
from casereview.db import Database
from casereview.library import open_case
from casereview.review.workbench import Workbench
from casereview.scoring import ItemStatus
from casereview.sessions.double import settle
from casereview.sessions.store import add_case, add_reviewer, auto_assign, create_session

SESSION = "2026年度导出"
LEAD = "组长"
UNITS = ("第1支队", "第2支队")


def settled_session(database: Database, out: Path) -> tuple[int, list[int]]:
    """The session's id and its cases' ids."""
    checker = Checker.create()
    analyses = [
        open_case(generate_case(out, f"x{i}", kind="digital", seed=760 + i)[0], database) for i in range(2)
    ]
    ids = [a.case_id for a in analyses if a.case_id is not None]
    with database.session_scope() as session:
        sid = create_session(
            session, SESSION, 2026, "transport_penalty", LEAD, double_review=True, tolerance=2
        )
        for person in ("甲", "乙"):
            add_reviewer(session, sid, person)
        for case_id, unit in zip(ids, UNITS, strict=True):
            add_case(session, sid, case_id, unit)
        auto_assign(session, sid, LEAD)
    for n, analysis in enumerate(analyses):
        for person in ("甲", "乙"):
            bench = Workbench.open(database, analysis, checker, person)
            pending = [i for i in bench.sheet.items if i.status is ItemStatus.PENDING][:2]
            for item in pending:  # the second case: 乙 deducts every point, far beyond 2 points
                points = item.points if person == "乙" and n == 1 else 0.0
                bench.override(item.item_id, points, f"{person}意见")
            bench.set_done(True)
    with database.session_scope() as session:
        settle(session, sid, LEAD)
    return sid, ids
